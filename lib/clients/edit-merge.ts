import { t } from '@/lib/i18n/t';
import { PLATFORMS, type Platform } from '@/lib/identity/platform';
import { ClientWriteRefused } from './limits';
import type { Client, ClientDraft, ClientStatus, Relationship } from './model';
import { extrasOf } from './record';

/**
 * Merging an edit with changes made to the same record meanwhile, field by field, against the
 * record the edit started from. Lists (aliases, each site's profiles) merge as sets: what either
 * side added is kept and what either side removed goes, so they never conflict. Every other
 * field (the name, the status, each date, each flag, the relation as one) conflicts when both
 * sides changed it to different values; then nothing is saved and the clinician sees both.
 */

export type EditField = 'name' | 'status' | 'aliases' | Platform | 'startDate' | 'endDate' | 'minor' | 'safety' | 'related';

/** A related person's link, as one field: whom they are related to, and how. */
export interface Relation {
  relatedTo: number;
  relationship: Relationship;
}

export type Conflict =
  | { field: 'name'; mine: string; theirs: string }
  | { field: 'status'; mine: ClientStatus; theirs: ClientStatus }
  | { field: 'startDate' | 'endDate'; mine?: string; theirs?: string }
  | { field: 'minor' | 'safety'; mine: boolean; theirs: boolean }
  | { field: 'related'; mine?: Relation; theirs?: Relation };

export type EditMerge =
  | { ok: true; draft: ClientDraft; /** Fields changed elsewhere that the result keeps. */ theirs: EditField[] }
  | { ok: false; conflicts: Conflict[]; theirs: EditField[] };

const sameList = (a: readonly string[], b: readonly string[]) => a.length === b.length && a.every((x, i) => x === b[i]);

function mergeList(base: readonly string[], mine: readonly string[], theirs: readonly string[]): string[] {
  const removed = new Set([...base.filter((x) => !mine.includes(x)), ...base.filter((x) => !theirs.includes(x))]);
  return [...new Set([...base, ...theirs, ...mine])].filter((x) => !removed.has(x));
}

type ScalarField = Exclude<EditField, 'aliases' | Platform>;
const SCALARS: readonly ScalarField[] = ['name', 'status', 'startDate', 'endDate', 'minor', 'safety', 'related'];

/** A scalar field's value as a record holds it: absent dates and flags that are off read alike. */
function valueOf(draft: ClientDraft, field: ScalarField): string | boolean | Relation | undefined {
  switch (field) {
    case 'minor':
    case 'safety':
      return draft[field] === true;
    case 'related':
      return draft.relatedTo === undefined || draft.relationship === undefined ? undefined : { relatedTo: draft.relatedTo, relationship: draft.relationship };
    case 'startDate':
    case 'endDate':
      return draft[field] || undefined;
    default:
      return draft[field];
  }
}

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

/** What changed between two versions of a record, by field. */
export function changedFields(a: ClientDraft, b: ClientDraft): EditField[] {
  const fields: EditField[] = [];
  for (const field of ['name', 'status'] as const) if (!same(valueOf(a, field), valueOf(b, field))) fields.push(field);
  if (!sameList(a.aliases, b.aliases)) fields.push('aliases');
  for (const p of PLATFORMS) if (!sameList(a.identities[p], b.identities[p])) fields.push(p);
  for (const field of SCALARS.slice(2)) if (!same(valueOf(a, field), valueOf(b, field))) fields.push(field);
  return fields;
}

export function mergeEdit(base: ClientDraft, mine: ClientDraft, current: ClientDraft): EditMerge {
  const theirs = changedFields(base, current);
  const conflicts: Conflict[] = [];
  const chosen = new Map<ScalarField, ClientDraft>();
  for (const field of SCALARS) {
    const [b, m, c] = [valueOf(base, field), valueOf(mine, field), valueOf(current, field)];
    const mineChanged = !same(m, b);
    const theirsChanged = !same(c, b);
    if (mineChanged && theirsChanged && !same(m, c)) conflicts.push({ field, mine: m, theirs: c } as Conflict);
    chosen.set(field, mineChanged ? mine : current);
  }
  if (conflicts.length > 0) return { ok: false, conflicts, theirs };
  const from = (field: ScalarField) => chosen.get(field)!;
  const related = from('related');
  return {
    ok: true,
    theirs,
    draft: {
      name: from('name').name,
      status: from('status').status,
      aliases: mergeList(base.aliases, mine.aliases, current.aliases),
      identities: Object.fromEntries(
        PLATFORMS.map((p) => [p, mergeList(base.identities[p], mine.identities[p], current.identities[p])]),
      ) as ClientDraft['identities'],
      ...extrasOf({
        startDate: from('startDate').startDate,
        endDate: from('endDate').endDate,
        minor: from('minor').minor,
        safety: from('safety').safety,
        relatedTo: related.relatedTo,
        relationship: related.relationship,
      }),
    },
  };
}

/**
 * Thrown when a write that started from an older version of a record cannot be merged with it as
 * it is now; nothing was written. `conflicts` is empty when the writer had only a version to go
 * by (the popup's "this is them"), not the whole record it started from.
 */
export class StaleEditError extends ClientWriteRefused {
  constructor(
    readonly current: Client,
    readonly conflicts: Conflict[],
    readonly theirs: EditField[],
  ) {
    super(t('client_stale', current.name));
    this.name = 'StaleEditError';
  }
}
