import type { ActivityRow } from '@/lib/activity/model';
import type { Client } from '@/lib/clients/model';
import type { DiscussRow } from '@/lib/discuss/model';
import type { PolicyVersion } from '@/lib/practice-policy/versions';
import type { StoredTemplate } from '@/lib/replies/templates';
import type { Sealed } from '@/lib/vault/crypto';

/**
 * What each table of the database holds, row by row. Types only, from the modules that define
 * the records (models, never stores), so the schema beneath every store depends on none of them.
 */

export type { ActivityRow, DiscussRow, PolicyVersion, StoredTemplate };

/**
 * A client as the stores work with it: the record plus the keys its identities are known by
 * (`platform:identity`), which the import's planning looks records up by.
 */
export interface StoredClient extends Client {
  identityKeys: string[];
}

/**
 * A readable client row: the record itself. Its identity keys are not stored (from version 7 no
 * index reads them); they are worked out from its identities as it is read.
 */
export type PlainClientRow = Omit<StoredClient, 'identityKeys'>;

/**
 * A client row while the passphrase vault is on: the id and the sealed record, nothing readable.
 * It has no `relatedTo`, so no index holds an entry for it; matching,
 * filters and import merging work from the records once they are opened in memory.
 */
export interface SealedClientRow {
  id?: number;
  sealed: Sealed;
}

export type ClientRow = PlainClientRow | SealedClientRow;

/**
 * Up to PAGE_SIZE client rows, those whose ids fall in the page's range, by id (lib/db/client-pages.ts).
 * The page numbered COUNTER_PAGE holds no rows, only the next id to give.
 */
export interface ClientPage {
  page: number;
  rows: ClientRow[];
  next?: number;
}

/** "Not them", as version 1 and 2 stored it: keyed by the profile's identity itself. */
export interface NotThem {
  identityKey: string;
  clientId: number;
}

/**
 * "Not them" from version 3 on: an opaque key, the client's id (so deleting a client deletes its
 * decisions) and the profile's identity, sealed while the vault is on.
 */
export type NotThemRow = { id?: number; clientId: number } & ({ identityKey: string; at?: number } | { sealed: Sealed });

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
 * One saved version of the practice's policy, keyed by its number. Stored as written, never
 * sealed: like the practice's settings and reply templates it names nobody (a policy is written
 * to be handed to clients), so the vault leaves it readable, and the policy writer works locked.
 */
export type PolicyVersionRow = PolicyVersion;
