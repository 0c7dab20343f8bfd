import type { Transaction } from 'dexie';
import { addDays, dropIdentityKeys, moveClientsToPages, moveNotThemDecisions } from './upgrades';

/**
 * Every version of the database's schema, in order. Each is what changed from the one before
 * (Dexie keeps tables a version does not mention): never edit a released version, add one.
 * tests/unit/db/upgrades.test.ts opens a database written at each earlier version, with data,
 * and checks that all of it survives the upgrade to the newest.
 */
export interface SchemaVersion {
  version: number;
  /** Dexie's table specs: primary key first, then the indexes; null drops the table. */
  stores: Record<string, string | null>;
  upgrade?: (tx: Transaction) => Promise<void>;
}

export const SCHEMA: readonly SchemaVersion[] = [
  // The client list and the "not them" decisions.
  {
    version: 1,
    stores: {
      clients: '++id, *identityKeys',
      notThem: '[identityKey+clientId], clientId',
    },
  },
  // The replies issue: practice settings, the practice's reply templates, and the "to discuss" list.
  {
    version: 2,
    stores: {
      settings: 'key',
      replyTemplates: 'id',
      discuss: '++id, clientId, at',
    },
  },
  // The passphrase vault; "not them" moves to a table with an opaque key (lib/db/upgrades.ts).
  // Clients keep their table; a sealed row simply has no index keys.
  {
    version: 3,
    stores: {
      vault: 'key',
      notThemDecisions: '++id, clientId',
      notThem: null,
    },
    upgrade: moveNotThemDecisions,
  },
  // The guard rails: the activity log, filtered by time, client, site and kind.
  {
    version: 4,
    stores: {
      activity: '++id, at, clientId',
    },
  },
  // Activity and "to discuss" rows sealed whole under the vault: a sealed row shows neither its
  // time nor its client, so both lose those indexes for one on the day alone.
  {
    version: 5,
    stores: {
      activity: '++id, day',
      discuss: '++id, day',
    },
    upgrade: addDays,
  },
  // Richer client records (statuses, dates, minors, safety, related people): the list filters by
  // status and finds a client's related people by `relatedTo`. Records stored before read as they
  // were (no dates, no flags, no relation), so they need no rewriting. And the practice policy's
  // versions get their own table, keyed by their number; they move in from storage.local as the
  // database opens (lib/db/upgrades.ts, moveLegacyPolicyVersions).
  {
    version: 6,
    stores: {
      clients: '++id, *identityKeys, status, relatedTo',
      policyVersions: 'number',
    },
  },
  // Two indexes nothing queries go: the list is filtered and matched from the records in memory
  // (sealed rows never had the keys anyway), and keeping every identity and status indexed cost
  // about a quarter of an import of 100,000. Readable rows stop storing their identity keys.
  {
    version: 7,
    stores: {
      clients: '++id, relatedTo',
    },
    upgrade: dropIdentityKeys,
  },
  // The client list in pages of rows (lib/db/client-pages.ts): IndexedDB's cost is per record,
  // and an import of 100,000 clients spent most of its time writing 100,000 of them. Nothing
  // queried `relatedTo` through its index but the deletion of a client, which now reads the list.
  {
    version: 8,
    stores: {
      clientPages: 'page',
      clients: null,
    },
    upgrade: moveClientsToPages,
  },
];

export const LATEST_VERSION = SCHEMA[SCHEMA.length - 1]!.version;
