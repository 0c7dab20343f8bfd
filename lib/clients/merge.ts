import { foldName } from '@/lib/identity';
import { PLATFORMS } from '@/lib/identity/platform';
import type { Client, ClientDraft } from './model';
import { extrasOf } from './record';

/**
 * Merging two records of one person (lib/clients/duplicates.ts finds them). The rule, shown to
 * the clinician before they confirm: one record is kept, with its id, its name, its status, its
 * dates, its flags and its relation (or the other's relation, when it has none); the other's
 * profiles and other names are added to it (its name too, as another name, when written
 * differently), and its related people, log and "to discuss" entries move to the kept record.
 * Which record is kept is the clinician's choice; the one offered first is the more recently
 * changed, the likelier to say where the person stands now.
 */

const union = (a: readonly string[], b: readonly string[]) => [...new Set([...a, ...b])];

/** The record offered as the one to keep: the more recently changed; the older on a tie. */
export function preferredKeep<C extends Pick<Client, 'id' | 'updatedAt'>>(a: C, b: C): C {
  if (a.updatedAt !== b.updatedAt) return a.updatedAt > b.updatedAt ? a : b;
  return a.id <= b.id ? a : b;
}

/** The kept record after the merge, as a draft. */
export function mergedDraft(keep: Client, drop: Client): ClientDraft {
  const otherNames = foldName(drop.name) === foldName(keep.name) && drop.name.trim() === keep.name.trim() ? [] : [drop.name.trim()];
  const relation =
    keep.relatedTo !== undefined
      ? { relatedTo: keep.relatedTo, relationship: keep.relationship }
      : drop.relatedTo !== undefined && drop.relatedTo !== keep.id
        ? { relatedTo: drop.relatedTo, relationship: drop.relationship }
        : {};
  return {
    name: keep.name,
    status: keep.status,
    aliases: union(keep.aliases, [...otherNames, ...drop.aliases]).filter((a) => a.trim() !== keep.name.trim()),
    identities: Object.fromEntries(PLATFORMS.map((p) => [p, union(keep.identities[p], drop.identities[p])])) as ClientDraft['identities'],
    ...extrasOf({
      startDate: keep.startDate,
      endDate: keep.endDate,
      minor: keep.minor,
      safety: keep.safety,
      ...relation,
    }),
  };
}
