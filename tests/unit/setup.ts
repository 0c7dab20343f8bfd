// Unit tests run Dexie against an in-memory IndexedDB; e2e tests use Chromium's real one.
import 'fake-indexeddb/auto';
import fc from 'fast-check';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import english from '@/public/_locales/en/messages.json';
import { formatMessage } from './i18n/chrome-messages';

// fakeBrowser has no i18n: messages are read from the English catalogue, as Chrome would.
fakeBrowser.i18n.getMessage = (key: string, substitutions?: string | (string | number)[]) =>
  formatMessage(english, key, [substitutions ?? []].flat().map(String));

// Property tests draw the same inputs on every run, so `npm test` passes or fails alike each
// time; FC_RANDOM=1 draws new ones (a failure prints its seed: rerun it with FC_SEED=<seed>).
if (!process.env.FC_RANDOM) fc.configureGlobal({ seed: Number(process.env.FC_SEED ?? 20261202) });
