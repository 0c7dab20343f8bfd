// Unit tests run Dexie against an in-memory IndexedDB; e2e tests use Chromium's real one.
import 'fake-indexeddb/auto';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import english from '@/public/_locales/en/messages.json';
import { formatMessage } from './i18n/chrome-messages';

// fakeBrowser has no i18n: messages are read from the English catalogue, as Chrome would.
fakeBrowser.i18n.getMessage = (key: string, substitutions?: string | (string | number)[]) =>
  formatMessage(english, key, [substitutions ?? []].flat().map(String));
