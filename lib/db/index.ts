import Dexie, { type Table } from 'dexie';
import { ClientRows } from './client-pages';
import type { ActivityRow, ClientPage, DiscussRow, NotThemRow, PolicyVersionRow, SettingRow, StoredTemplate, VaultRow } from './rows';
import { SCHEMA } from './schema';
import { moveLegacyPolicyVersions } from './upgrades';

export type * from './rows';
export { dayOf } from './days';
export { LATEST_VERSION } from './schema';

/**
 * The extension's only database. It lives in the extension's own origin: the background and the
 * extension pages open it; content scripts never do (there it would belong to the website).
 * Its schema and upgrades are here, beneath every store that uses it (lib/clients, lib/activity,
 * lib/discuss, lib/replies, lib/settings, lib/practice-policy, lib/vault): this module imports
 * record types from their models and nothing from a store.
 */
export class BoundaryDb extends Dexie {
  /** The client list as IndexedDB holds it, in pages: transactions over the list name this table. */
  clientPages!: Table<ClientPage, number>;
  /** The client list row by row, read and written through its pages (lib/db/client-pages.ts). */
  readonly clients: ClientRows;
  notThemDecisions!: Table<NotThemRow, number>;
  settings!: Table<SettingRow, string>;
  replyTemplates!: Table<StoredTemplate, string>;
  discuss!: Table<DiscussRow, number>;
  vault!: Table<VaultRow, string>;
  activity!: Table<ActivityRow, number>;
  policyVersions!: Table<PolicyVersionRow, number>;

  constructor(name = 'boundary') {
    super(name);
    this.clients = new ClientRows(
      () => this.clientPages,
      (work) => this.transaction('rw', this.clientPages, work),
    );
    for (const { version, stores, upgrade } of SCHEMA) {
      const declared = this.version(version).stores(stores);
      if (upgrade) declared.upgrade(upgrade);
    }
    // Before anything else uses the database, on every opening: what lived outside it moves in.
    this.on(
      'ready',
      (db) =>
        moveLegacyPolicyVersions(db as BoundaryDb).catch(() => {
          // Storage unavailable: the versions stay where they were, and the next opening tries again.
        }),
      true,
    );
  }
}

let shared: BoundaryDb | undefined;
/** The database for this extension context, opened on first use. */
export function database(): BoundaryDb {
  shared ??= new BoundaryDb();
  return shared;
}
