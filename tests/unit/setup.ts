// Unit tests run Dexie against an in-memory IndexedDB; e2e tests use Chromium's real one.
import 'fake-indexeddb/auto';
