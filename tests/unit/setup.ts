// Unit tests run Dexie against an in-memory IndexedDB; e2e tests use Chromium's real one.
import 'fake-indexeddb/auto';
import fc from 'fast-check';
import { afterEach } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import english from '@/public/_locales/en/messages.json';
import { formatMessage } from './i18n/chrome-messages';

// fakeBrowser has no i18n: messages are read from the English catalogue, as Chrome would.
fakeBrowser.i18n.getMessage = (key: string, substitutions?: string | (string | number)[]) =>
  formatMessage(english, key, [substitutions ?? []].flat().map(String));

// Property tests draw the same inputs on every run, so `npm test` passes or fails alike each
// time; FC_RANDOM=1 draws new ones (a failure prints its seed: rerun it with FC_SEED=<seed>).
if (!process.env.FC_RANDOM) fc.configureGlobal({ seed: Number(process.env.FC_SEED ?? 20261202) });

// V8 keeps every WeakRef's target made during a job alive until the job ends, and happy-dom
// caches each querySelectorAll / matches answer behind a WeakRef. Vitest runs a file's tests
// one after another as promises, so a file of synchronous tests is one job: every replica it
// loaded stayed reachable, and tests/unit/sites/unseen-layouts.test.ts (about 4,000 loads)
// reached V8's 4 GB heap limit and aborted its worker (SIGABRT). Returning to the event loop
// after each test ends the job, and the GC can free the pages before.
afterEach(() => new Promise<void>((resolve) => setImmediate(resolve)));
