import { t } from '@/lib/i18n/t';
import { nameKey } from '@/lib/identity';
import { PLATFORMS } from '@/lib/identity/platform';
import type { StoredClient } from '@/lib/db';
import { cleanDraft, clientLimitProblems } from './limits';
import type { ClientDraft, Relationship } from './model';
import { extrasOf, identityKeysOf, storedRecord, type RecordExtras } from './record';
import { nextTurn, SLICE, type Progress } from './slices';

/**
 * What an import writes, worked out in memory before anything is written (lib/clients/store.ts
 * writes the plan in one transaction). A row whose identities (or, when it has none, whose name)
 * match a record already on the list, or an earlier row of the file, updates that record: the
 * name from the row, aliases and profiles merged, and the status and the optional fields from the
 * row only when the file has their columns, so a file without a `status` column makes no former
 * client current, and one without a `minor` column clears no flag. A new record takes the row's
 * values (a status left out is current).
 *
 * Related people name their client by name (`related_to`): a client on the list or anywhere in
 * the same file, before or after the row. So rows that relate someone are taken after all the
 * others, when every client the file adds or renames is known; the rest keep the file's order.
 * A row that cannot be taken (past a limit, an unknown, ambiguous or unsuitable client to relate
 * to) is refused whole, with its reason, and the others still come through.
 */

/**
 * The parts of a record a source may leave out (a CSV without the column): the status, and the
 * optional fields; `related` is the relation, both its parts. Name, aliases and profiles are
 * always given.
 */
export type ImportField = 'status' | 'startDate' | 'endDate' | 'minor' | 'safety' | 'related';
export const IMPORT_FIELDS: readonly ImportField[] = ['status', 'startDate', 'endDate', 'minor', 'safety', 'related'];

export interface ImportItem {
  draft: ClientDraft;
  /** For a related person: their client, by name as the list or the file writes it. */
  relatedToName?: string;
}

export interface PlannedWrite {
  record: StoredClient;
  /**
   * A related person's client, when the relation is set by this import: its id is written as
   * `relatedTo`; a client added by the same import gets its id as it is written, before them.
   */
  target?: StoredClient;
}

export interface ImportPlan {
  writes: PlannedWrite[];
  added: number;
  updated: number;
  /** Items not written, by index, with why. */
  refused: { index: number; reason: string }[];
  /**
   * Items added as a new record although a record of the same folded name is on the list or
   * earlier in the file (`others` of them): possible duplicates, shown in the summary.
   */
  duplicates: { index: number; name: string; others: number }[];
  /** Items without profiles that updated the one record of their name (`name`, as it was). */
  updatedByName: { index: number; name: string }[];
}

/** What an item gives when the source does not say: every optional field it holds a value for. */
function fieldsIn(item: ImportItem): Set<ImportField> {
  const { draft } = item;
  const given = new Set<ImportField>(['status']);
  for (const field of ['startDate', 'endDate', 'minor', 'safety'] as const) if (draft[field] !== undefined) given.add(field);
  if (item.relatedToName !== undefined || draft.relatedTo !== undefined || draft.relationship !== undefined) given.add('related');
  return given;
}

const union = (a: readonly string[], b: readonly string[]) => [...new Set([...a, ...b])];

export interface PlanOptions {
  given?: ReadonlySet<ImportField>;
  now?: number;
}

export function planImport(existing: readonly StoredClient[], items: readonly ImportItem[], options: PlanOptions = {}): ImportPlan {
  const steps = planning(existing, items, options);
  for (;;) {
    const step = steps.next();
    if (step.done) return step.value;
  }
}

/**
 * planImport with a pause after every slice of records (lib/clients/slices.ts), for a file or a
 * list of 100,000: the same plan. `onProgress` hears the records handled, existing and imported.
 */
export async function planImportInSlices(
  existing: readonly StoredClient[],
  items: readonly ImportItem[],
  options: PlanOptions = {},
  onProgress?: Progress,
): Promise<ImportPlan> {
  const total = existing.length + items.length;
  const steps = planning(existing, items, options);
  for (;;) {
    const step = steps.next();
    if (step.done) return step.value;
    onProgress?.(step.value, total);
    await nextTurn();
  }
}

/**
 * The planning itself, as a generator that stops after every SLICE records with how many it has
 * handled: run straight through (planImport) or with pauses (planImportInSlices), one code.
 */
function* planning(existing: readonly StoredClient[], items: readonly ImportItem[], options: PlanOptions): Generator<number, ImportPlan, undefined> {
  let handled = 0;
  const now = options.now ?? Date.now();
  const byId = new Map(existing.map((c) => [c.id, c] as const));
  const byIdentity = new Map<string, StoredClient>();
  /** Every record by its name's key, for `related_to`. */
  const byName = new Map<string, Set<StoredClient>>();
  /** Each related person's client, as a record: set from the list, then by the import. */
  const clientOf = new Map<StoredClient, StoredClient>();
  /** Related people per client, counted, so a client with some is never made related itself. */
  const dependents = new Map<StoredClient, number>();

  /** Names fold once each: a list of 100,000 repeats many names, and rows are looked up and remembered by them. */
  const folded = new Map<string, string>();
  const keyOf = (name: string) => {
    let key = folded.get(name);
    if (key === undefined) folded.set(name, (key = nameKey(name)));
    return key;
  };
  const remember = (record: StoredClient) => {
    for (const key of record.identityKeys) byIdentity.set(key, record);
    const key = keyOf(record.name);
    byName.set(key, (byName.get(key) ?? new Set()).add(record));
  };
  const forgetName = (record: StoredClient) => byName.get(keyOf(record.name))?.delete(record);
  const relate = (record: StoredClient, client: StoredClient | undefined) => {
    const before = clientOf.get(record);
    if (before) dependents.set(before, (dependents.get(before) ?? 1) - 1);
    if (client) {
      clientOf.set(record, client);
      dependents.set(client, (dependents.get(client) ?? 0) + 1);
    } else clientOf.delete(record);
  };
  /** Related now: to a record found here, or to an id the list no longer holds. */
  const isRelatedNow = (record: StoredClient) => clientOf.has(record) || record.relatedTo !== undefined;

  for (const record of existing) {
    remember(record);
    if (++handled % SLICE === 0) yield handled;
  }
  for (const record of existing) {
    const client = record.relatedTo === undefined ? undefined : byId.get(record.relatedTo);
    if (client) relate(record, client);
  }

  const touched = new Set<StoredClient>();
  let added = 0;
  let updated = 0;
  const refused: ImportPlan['refused'] = [];
  const duplicates: ImportPlan['duplicates'] = [];
  const updatedByName: ImportPlan['updatedByName'] = [];

  /** The client a related person's row names, or why there is none to relate them to. */
  const clientNamed = (name: string, self: StoredClient | undefined, ownName: string): { client: StoredClient } | { problem: string } => {
    const named = [...(byName.get(keyOf(name)) ?? [])];
    const others = named.filter((record) => record !== self);
    if (others.length === 0) return { problem: keyOf(name) === keyOf(ownName) ? t('relation_self') : t('csv_related_unknown', name) };
    const clients = others.filter((record) => !isRelatedNow(record));
    if (clients.length === 0) return { problem: t('relation_target_related', name) };
    if (clients.length > 1) return { problem: t('csv_related_ambiguous', name) };
    return { client: clients[0]! };
  };

  const take = (index: number, item: ImportItem) => {
    const { draft } = cleanDraft(item.draft);
    const given = options.given ?? fieldsIn(item);
    const keys = identityKeysOf(draft.identities);
    // A row without profiles is matched by name: to the one record of that name, or, when
    // several share it, to none (which would be a guess), and then flagged as a possible duplicate.
    // The set itself, not a copy: a common name can be shared by hundreds of records.
    const sameName: ReadonlySet<StoredClient> = byName.get(keyOf(draft.name)) ?? new Set();
    const match =
      keys.map((key) => byIdentity.get(key)).find(Boolean) ??
      (keys.length === 0 && sameName.size === 1 ? sameName.values().next().value : undefined);

    const extras: RecordExtras = {};
    for (const field of ['startDate', 'endDate', 'minor', 'safety'] as const) {
      const value = given.has(field) ? draft[field] : match?.[field];
      if (value !== undefined) (extras as Record<string, unknown>)[field] = value;
    }
    const merged: ClientDraft = {
      name: draft.name,
      status: match && !given.has('status') ? match.status : draft.status,
      aliases: match ? union(match.aliases, draft.aliases) : draft.aliases,
      identities: match
        ? (Object.fromEntries(PLATFORMS.map((p) => [p, union(match.identities[p], draft.identities[p])])) as ClientDraft['identities'])
        : draft.identities,
      ...extrasOf(extras),
    };

    // The relation: kept as it is unless the source gives one (or gives none, clearing it).
    const problems = clientLimitProblems(merged);
    let client: StoredClient | undefined = match ? clientOf.get(match) : undefined;
    let keptId: number | undefined = match && !client ? match.relatedTo : undefined;
    let relationship: Relationship | undefined = match?.relationship;
    if (given.has('related')) {
      keptId = undefined;
      client = undefined;
      relationship = draft.relationship;
      if (item.relatedToName !== undefined && item.relatedToName.trim() !== '') {
        const found = clientNamed(item.relatedToName.trim(), match, draft.name);
        if ('problem' in found) problems.push(found.problem);
        else client = found.client;
      } else if (draft.relatedTo !== undefined) {
        const found = byId.get(draft.relatedTo);
        if (!found) problems.push(t('relation_gone'));
        else if (found === match) problems.push(t('relation_self'));
        else if (isRelatedNow(found)) problems.push(t('relation_target_related', found.name));
        else client = found;
      }
      if ((client !== undefined) !== (relationship !== undefined) && problems.length === 0) {
        problems.push(t(client ? 'limit_relationship_missing' : 'limit_related_to_missing'));
      }
      if (client && match && (dependents.get(match) ?? 0) > 0) problems.push(t('relation_has_related'));
    }
    if (problems.length > 0) {
      refused.push({ index, reason: [...new Set(problems)].join('; ') });
      return;
    }

    const related = { ...merged, ...(relationship !== undefined && (client || keptId !== undefined) ? { relationship } : {}) };
    const next = storedRecord(related, match ?? { createdAt: now, version: 0 }, now);
    delete next.relatedTo;
    if (keptId !== undefined) next.relatedTo = keptId;
    let record: StoredClient;
    if (match && keys.length === 0 && match.id !== undefined && !touched.has(match)) updatedByName.push({ index, name: match.name });
    if (!match && sameName.size > 0) duplicates.push({ index, name: draft.name, others: sameName.size });
    if (match) {
      forgetName(match);
      for (const key of Object.keys(match) as (keyof StoredClient)[]) if (!(key in next)) delete match[key];
      record = Object.assign(match, next);
      if (!touched.has(match) && match.id !== undefined) updated++;
    } else {
      record = next;
      added++;
    }
    relate(record, client);
    touched.add(record);
    remember(record);
  };

  // Rows that relate someone by name go last, so they may name a client from anywhere in the file.
  const relatesByName = (item: ImportItem) => (item.relatedToName ?? '').trim() !== '' && (options.given?.has('related') ?? true);
  for (const relating of [false, true]) {
    for (const [index, item] of items.entries()) {
      if (relatesByName(item) !== relating) continue;
      take(index, item);
      if (++handled % SLICE === 0) yield handled;
    }
  }

  const writes = [...touched].map((record): PlannedWrite => {
    const client = clientOf.get(record);
    if (!client) return { record };
    if (client.id !== undefined) record.relatedTo = client.id;
    return { record, target: client };
  });
  refused.sort((a, b) => a.index - b.index);
  const order = (a: { index: number }, b: { index: number }) => a.index - b.index;
  return { writes, added, updated, refused, duplicates: duplicates.sort(order), updatedByName: updatedByName.sort(order) };
}
