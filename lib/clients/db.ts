import Dexie, { type Table } from 'dexie';
import type { ActivityRow } from '@/lib/activity/model';
import type { DiscussRow } from '@/lib/discuss/store';
import type { StoredTemplate } from '@/lib/replies/library';
import type { Sealed } from '@/lib/vault/crypto';
import { dayOf } from '@/lib/vault/day-rows';
import type { Client } from './model';

/** A stored client: the record plus the keys its identities index under (`platform:identity`). */
export interface StoredClient extends Client {
  identityKeys: string[];
}

/**
 * A client row while the passphrase vault is on: the id and the sealed record, nothing readable.
 * It has no `identityKeys`, so the identity index holds no entry for it; matching and import
 * merging work from the records once they are opened in memory.
 */
export interface SealedClientRow {
  id?: number;
  sealed: Sealed;
}

export type ClientRow = StoredClient | SealedClientRow;

/** "Not them", as version 1 and 2 stored it: keyed by the profile's identity itself. */
export interface NotThem {
  identityKey: string;
  clientId: number;
}

/**
 * "Not them" from version 3 on: an opaque key, the client's id (so deleting a client deletes its
 * decisions) and the profile's identity, sealed while the vault is on.
 */
export type NotThemRow = { id?: number; clientId: number } & ({ identityKey: string } | { sealed: Sealed });

/** One setting, by key (the practice's details, the chosen default replies). */
export interface SettingRow {
  key: string;
  value: unknown;
}

/** The vault's own record (lib/vault/vault.ts): present only while the vault is on. */
export interface VaultMeta {
  key: 'vault';
  /** Changes with every new key, so a key kept from before a change is never used by mistake. */
  vaultId: string;
  salt: Uint8Array<ArrayBuffer>;
  iterations: number;
  /** A known value sealed with the key: opening it tells at once whether a passphrase is right. */
  check: Sealed;
  /** Locks itself after this long without use. */
  idleMinutes: number;
  createdAt: number;
}

/** The first-run offer of a passphrase was dismissed; it is not shown again. */
export interface VaultOfferRow {
  key: 'offer';
  dismissedAt: number;
}

export type VaultRow = VaultMeta | VaultOfferRow;

/**
 * The extension's only database. It lives in the extension's own origin: the background and the
 * extension pages open it; content scripts never do (there it would belong to the website).
 * Every schema change is a new numbered version below, never an edit of an old one.
 */
export class BoundaryDb extends Dexie {
  clients!: Table<ClientRow, number>;
  notThemDecisions!: Table<NotThemRow, number>;
  settings!: Table<SettingRow, string>;
  replyTemplates!: Table<StoredTemplate, string>;
  discuss!: Table<DiscussRow, number>;
  vault!: Table<VaultRow, string>;
  activity!: Table<ActivityRow, number>;

  constructor(name = 'boundary') {
    super(name);
    this.version(1).stores({
      clients: '++id, *identityKeys',
      notThem: '[identityKey+clientId], clientId',
    });
    // The replies issue: practice settings, the practice's reply templates, and the "to discuss"
    // list. Version 1's tables carry over unchanged.
    this.version(2).stores({
      settings: 'key',
      replyTemplates: 'id',
      discuss: '++id, clientId, at',
    });
    // The passphrase vault. "Not them" was keyed by the profile's identity, which a sealed row
    // must not show, and IndexedDB cannot change a table's key in place: its rows move to a new
    // table with an opaque key, inside the upgrade's own transaction (all or nothing), and the
    // old table is dropped after. Clients keep their table; a sealed row simply has no index keys.
    this.version(3)
      .stores({
        vault: 'key',
        notThemDecisions: '++id, clientId',
        notThem: null,
      })
      .upgrade(async (tx) => {
        const old = await tx.table<NotThem>('notThem').toArray();
        await tx
          .table<NotThemRow, number>('notThemDecisions')
          .bulkAdd(old.map(({ identityKey, clientId }) => ({ identityKey, clientId })));
      });
    // The guard rails: the activity log, filtered by time, client, site and kind.
    this.version(4).stores({
      activity: '++id, at, clientId',
    });
    // Activity and "to discuss" rows sealed whole under the vault: a sealed row shows neither its
    // time nor its client, so both lose those indexes for one on the day alone. Each row gets its
    // day here; rows of a vault that is on are still readable after this upgrade (it has no key)
    // and are sealed whole at the next unlock (lib/vault/vault.ts, sealLeftovers).
    this.version(5)
      .stores({
        activity: '++id, day',
        discuss: '++id, day',
      })
      .upgrade(async (tx) => {
        const addDay = (row: { at: number; day?: number }) => {
          row.day = dayOf(row.at);
        };
        await tx.table('activity').toCollection().modify(addDay);
        await tx.table('discuss').toCollection().modify(addDay);
      });
  }
}

let shared: BoundaryDb | undefined;
/** The database for this extension context, opened on first use. */
export function database(): BoundaryDb {
  shared ??= new BoundaryDb();
  return shared;
}
