import { t } from '@/lib/i18n/t';
import type { Client, ClientDraft } from './model';
import { isRelated } from './record';

/**
 * Related people (a client's parent or guardian, partner, family member or carer) are records of
 * their own, with their own profiles, matched like clients, and linked to one client by id. The
 * link goes one level deep: a related person is related to a client, never to another related
 * person, and a client with related people is not itself related to someone else. That keeps
 * "related to <client>" naming a client, in the popup and the log alike.
 */

/** Why `draft` (the record with id `id`, or a new one) cannot be related as it says; empty when it can. */
export function relationProblems(draft: Pick<ClientDraft, 'relatedTo'>, id: number | undefined, all: readonly Pick<Client, 'id' | 'name' | 'relatedTo'>[]): string[] {
  if (draft.relatedTo === undefined) return [];
  if (draft.relatedTo === id) return [t('relation_self')];
  const target = all.find((c) => c.id === draft.relatedTo);
  if (!target) return [t('relation_gone')];
  if (isRelated(target)) return [t('relation_target_related', target.name)];
  if (id !== undefined && all.some((c) => c.relatedTo === id && c.id !== id)) return [t('relation_has_related')];
  return [];
}

/** The related people of each client, by the client's id. */
export function relatedPeopleOf<C extends Pick<Client, 'relatedTo'>>(all: readonly C[]): Map<number, C[]> {
  const byClient = new Map<number, C[]>();
  for (const person of all) {
    if (person.relatedTo === undefined) continue;
    byClient.set(person.relatedTo, [...(byClient.get(person.relatedTo) ?? []), person]);
  }
  return byClient;
}
