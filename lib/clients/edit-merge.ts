import { t } from '@/lib/i18n/t';
import { PLATFORMS, type Platform } from '@/lib/identity/platform';
import { ClientWriteRefused } from './limits';
import type { Client, ClientDraft, ClientStatus } from './model';

/**
 * Merging an edit with changes made to the same record meanwhile, field by field, against the
 * record the edit started from. Lists (aliases, each site's profiles) merge as sets: what either
 * side added is kept and what either side removed goes, so they never conflict. The name and the
 * status conflict when both sides changed them to different values; then nothing is saved and
 * the clinician sees both.
 */

export type EditField = 'name' | 'status' | 'aliases' | Platform;

export type Conflict =
  | { field: 'name'; mine: string; theirs: string }
  | { field: 'status'; mine: ClientStatus; theirs: ClientStatus };

export type EditMerge =
  | { ok: true; draft: ClientDraft; /** Fields changed elsewhere that the result keeps. */ theirs: EditField[] }
  | { ok: false; conflicts: Conflict[]; theirs: EditField[] };

const sameList = (a: readonly string[], b: readonly string[]) => a.length === b.length && a.every((x, i) => x === b[i]);

function mergeList(base: readonly string[], mine: readonly string[], theirs: readonly string[]): string[] {
  const removed = new Set([...base.filter((x) => !mine.includes(x)), ...base.filter((x) => !theirs.includes(x))]);
  return [...new Set([...base, ...theirs, ...mine])].filter((x) => !removed.has(x));
}

/** What changed between two versions of a record, by field. */
export function changedFields(a: ClientDraft, b: ClientDraft): EditField[] {
  const fields: EditField[] = [];
  if (a.name !== b.name) fields.push('name');
  if (a.status !== b.status) fields.push('status');
  if (!sameList(a.aliases, b.aliases)) fields.push('aliases');
  for (const p of PLATFORMS) if (!sameList(a.identities[p], b.identities[p])) fields.push(p);
  return fields;
}

export function mergeEdit(base: ClientDraft, mine: ClientDraft, current: ClientDraft): EditMerge {
  const theirs = changedFields(base, current);
  const conflicts: Conflict[] = [];
  const scalar = <K extends 'name' | 'status'>(field: K): ClientDraft[K] => {
    const mineChanged = mine[field] !== base[field];
    const theirsChanged = current[field] !== base[field];
    if (mineChanged && theirsChanged && mine[field] !== current[field]) {
      conflicts.push({ field, mine: mine[field], theirs: current[field] } as Conflict);
    }
    return mineChanged ? mine[field] : current[field];
  };
  const name = scalar('name');
  const status = scalar('status');
  if (conflicts.length > 0) return { ok: false, conflicts, theirs };
  return {
    ok: true,
    theirs,
    draft: {
      name,
      status,
      aliases: mergeList(base.aliases, mine.aliases, current.aliases),
      identities: Object.fromEntries(
        PLATFORMS.map((p) => [p, mergeList(base.identities[p], mine.identities[p], current.identities[p])]),
      ) as ClientDraft['identities'],
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
