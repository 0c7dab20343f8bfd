import type { Transaction } from 'dexie';
import { browser } from 'wxt/browser';
import { normaliseVersions } from '@/lib/practice-policy/versions';
import { dayOf } from './days';
import type { BoundaryDb } from './index';
import { COUNTER_PAGE, pageOf } from './client-pages';
import type { ClientPage, ClientRow, NotThem, NotThemRow } from './rows';

/**
 * What each schema version does to the rows an earlier one left, beside the schema itself
 * (lib/db/schema.ts). An upgrade runs inside IndexedDB's own upgrade transaction: all of it or,
 * on any failure, none, and the database stays at the version before.
 */

/**
 * Version 3: "not them" was keyed by the profile's identity, which a sealed row must not show,
 * and IndexedDB cannot change a table's key in place: its rows move to a new table with an opaque
 * key, and the old table is dropped after.
 */
export async function moveNotThemDecisions(tx: Transaction): Promise<void> {
  const old = await tx.table<NotThem>('notThem').toArray();
  await tx.table<NotThemRow, number>('notThemDecisions').bulkAdd(old.map(({ identityKey, clientId }) => ({ identityKey, clientId })));
}

/**
 * Version 5: activity and "to discuss" rows are indexed by their day alone (a sealed row shows
 * neither its time nor its client). Rows of a vault that is on are still readable after this
 * upgrade (it has no key) and are sealed whole at the next unlock (lib/vault/vault.ts).
 */
export async function addDays(tx: Transaction): Promise<void> {
  const addDay = (row: { at: number; day?: number }) => {
    row.day = dayOf(row.at);
  };
  await tx.table('activity').toCollection().modify(addDay);
  await tx.table('discuss').toCollection().modify(addDay);
}

/**
 * Version 7: readable client rows lose `identityKeys`, which only the dropped index read; the
 * keys follow from the record's identities whenever they are needed. Sealed rows hold none.
 */
export async function dropIdentityKeys(tx: Transaction): Promise<void> {
  await tx
    .table('clients')
    .filter((row: object) => 'identityKeys' in row)
    .modify((row: { identityKeys?: unknown }) => {
      delete row.identityKeys;
    });
}

/**
 * Version 8: client rows move, unchanged, into pages by id (lib/db/client-pages.ts), and the old
 * table is dropped after. The next id is the one IndexedDB's own key generator would have given
 * (asked by adding one last row to the table that goes), so no id is ever given twice.
 */
export async function moveClientsToPages(tx: Transaction): Promise<void> {
  const old = tx.table<ClientRow, number>('clients');
  const rows = (await old.toArray()) as (ClientRow & { id: number })[];
  // Above every id stored: the generator moves past explicit ids too.
  const next = await old.add({} as ClientRow);
  const pages = new Map<number, ClientRow[]>();
  for (const row of rows) {
    const page = pages.get(pageOf(row.id));
    if (page) page.push(row);
    else pages.set(pageOf(row.id), [row]);
  }
  const written: ClientPage[] = [...pages].map(([page, held]) => ({ page, rows: held }));
  await tx.table<ClientPage, number>('clientPages').bulkPut([...written, { page: COUNTER_PAGE, rows: [], next }]);
}

/**
 * Where the policy writer kept its versions before version 6 gave them a table: one key of
 * storage.local. Exported for the tests that write it as that release did.
 */
export const LEGACY_POLICY_KEY = 'practicePolicy';

/**
 * Version 6: the policy's versions move from storage.local into their table, so that they are
 * in the database's encrypted backup. storage.local cannot be read inside IndexedDB's upgrade
 * transaction (waiting on anything else ends it), so this runs as the database opens, before
 * anything else may use it (lib/db/index.ts): copied in, then the key removed. Two pages opening
 * at once both copy; a version already in the table is left alone, so neither doubles anything.
 * Failing (storage unavailable), the key stays and the next opening tries again.
 */
export async function moveLegacyPolicyVersions(db: BoundaryDb): Promise<void> {
  const stored = (await browser.storage.local.get(LEGACY_POLICY_KEY))[LEGACY_POLICY_KEY] as { versions?: unknown } | undefined;
  if (stored === undefined) return;
  const versions = normaliseVersions(stored?.versions);
  await db.transaction('rw', db.policyVersions, async () => {
    const held = await db.policyVersions.bulkGet(versions.map((v) => v.number));
    await db.policyVersions.bulkAdd(versions.filter((_, i) => held[i] === undefined));
  });
  await browser.storage.local.remove(LEGACY_POLICY_KEY);
}
