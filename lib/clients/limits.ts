import { t } from '@/lib/i18n/t';
import { PLATFORMS } from '@/lib/identity/platform';
import { isIsoDate } from './dates';
import { stripInvisible } from './invisible';
import type { ClientDraft } from './model';
import { extrasOf, isClientStatus, isRelationship } from './record';

/**
 * The one set of limits a client record keeps, however it arrives: typed into the form, read from
 * a CSV file, merged by an import, or restored from a backup. Checking them at input, and again
 * when a backup is made, is what lets every backup restore: restore checks the same limits.
 */
export const CLIENT_LIMITS = {
  /** Characters in a name or in one alias: a full name with every middle name fits many times. */
  text: 200,
  aliases: 30,
  /** Profiles per site: someone with an old and a new account, and then some. */
  identitiesPerPlatform: 30,
  /** Characters in one canonical identity (a username, a numeric id, a profile slug). */
  identity: 200,
} as const;

/** What is wrong with a record, in words for the clinician; empty when it can be stored. */
export function clientLimitProblems(draft: ClientDraft): string[] {
  const problems: string[] = [];
  const { text, aliases, identitiesPerPlatform, identity } = CLIENT_LIMITS;
  if ([...draft.name].length > text) problems.push(t('limit_name_long', text));
  if (draft.aliases.length > aliases) problems.push(t('limit_aliases_many', aliases));
  if (draft.aliases.some((alias) => [...alias].length > text)) problems.push(t('limit_alias_long', text));
  for (const platform of PLATFORMS) {
    const list = draft.identities[platform];
    if (list.length > identitiesPerPlatform) problems.push(t('limit_identities_many', platform, identitiesPerPlatform));
    if (list.some((id) => id.length > identity)) problems.push(t('limit_identity_long', platform, identity));
  }
  return [...problems, ...fieldProblems(draft)];
}

/**
 * What is wrong with the status, dates and relation, whatever the list holds (whether the client
 * a related person points to is on the list is the store's to check: lib/clients/relations.ts).
 */
function fieldProblems(draft: ClientDraft): string[] {
  const problems: string[] = [];
  if (!isClientStatus(draft.status)) problems.push(t('limit_status'));
  if (draft.startDate && !isIsoDate(draft.startDate)) problems.push(t('limit_start_date'));
  if (draft.endDate && !isIsoDate(draft.endDate)) problems.push(t('limit_end_date'));
  // The end of the work is what makes a client former: any other status with an end date contradicts itself.
  if (draft.endDate && draft.status !== 'former') problems.push(t('limit_end_not_former'));
  if (draft.startDate && draft.endDate && isIsoDate(draft.startDate) && isIsoDate(draft.endDate) && draft.endDate < draft.startDate) {
    problems.push(t('limit_end_before_start'));
  }
  if ((draft.minor !== undefined && typeof draft.minor !== 'boolean') || (draft.safety !== undefined && typeof draft.safety !== 'boolean')) {
    problems.push(t('limit_flags'));
  }
  const related = draft.relatedTo !== undefined;
  if (related && !(Number.isSafeInteger(draft.relatedTo) && draft.relatedTo! > 0)) problems.push(t('limit_related_to'));
  if (draft.relationship !== undefined && !isRelationship(draft.relationship)) problems.push(t('limit_relationship'));
  else if (related !== (draft.relationship !== undefined)) problems.push(t(related ? 'limit_relationship_missing' : 'limit_related_to_missing'));
  return problems;
}

export { stripInvisible };

/**
 * A draft as it may be stored: invisible characters out of the name and aliases, each trimmed,
 * blank and repeated aliases dropped, blank dates and flags that are off left out. `cleaned` names the fields that lost invisible characters,
 * so the form or the import can say so.
 */
export function cleanDraft(draft: ClientDraft): { draft: ClientDraft; cleaned: ('name' | 'aliases')[] } {
  const { startDate: _s, endDate: _e, minor: _m, safety: _f, relatedTo: _r, relationship: _k, ...rest } = draft;
  const name = stripInvisible(draft.name);
  const aliases = draft.aliases.map(stripInvisible);
  const cleaned: ('name' | 'aliases')[] = [];
  if (name.stripped) cleaned.push('name');
  if (aliases.some((a) => a.stripped)) cleaned.push('aliases');
  return {
    draft: {
      ...rest,
      name: name.text.trim(),
      aliases: [...new Set(aliases.map((a) => a.text.trim()).filter(Boolean))],
      ...extrasOf(draft),
    },
    cleaned,
  };
}

/** A write to a client record refused for a reason the clinician can act on; nothing was written. */
export class ClientWriteRefused extends Error {}

/** Thrown when a write would store a record past the limits. */
export class ClientLimitError extends ClientWriteRefused {
  constructor(readonly problems: string[]) {
    super(problems.join('; '));
    this.name = 'ClientLimitError';
  }
}

/** The draft cleaned and checked, ready to store; ClientLimitError if it is past a limit. */
export function admitDraft(draft: ClientDraft): ClientDraft {
  const { draft: clean } = cleanDraft(draft);
  const problems = clientLimitProblems(clean);
  if (problems.length > 0) throw new ClientLimitError(problems);
  return clean;
}
