import type { BoundaryDb } from '@/lib/db';
import { isPlatform, type Platform } from '@/lib/identity/platform';
import { isReplyLanguage, type ReplyLanguage } from '@/lib/settings/practice';
import { BUILTIN_BY_ID, isBuiltinId } from './builtin-templates';
import { defaultKey, mergeLibrary, type DefaultChoices, type ReplyLibrary } from './library';
import { isSituation, tidyDraft, validateTemplate, type ReplyTemplate, type Situation, type TemplateDraft } from './templates';

const DEFAULTS_KEY = 'reply-defaults';

export class InvalidTemplateError extends Error {
  constructor(readonly errors: ReturnType<typeof validateTemplate>) {
    super(Object.values(errors).join(' '));
  }
}

/** Only well-formed `language/situation/platform → id` pairs survive a read. */
function readDefaults(value: unknown): DefaultChoices {
  if (typeof value !== 'object' || value === null) return {};
  return Object.fromEntries(
    Object.entries(value as Record<string, unknown>).filter(([key, id]) => {
      const [language, situation, platform] = key.split('/');
      return typeof id === 'string' && isReplyLanguage(language) && isSituation(situation) && isPlatform(platform);
    }),
  ) as DefaultChoices;
}

export async function loadLibrary(db: BoundaryDb): Promise<ReplyLibrary> {
  const [stored, defaults] = await Promise.all([db.replyTemplates.toArray(), db.settings.get(DEFAULTS_KEY)]);
  return mergeLibrary(stored, readDefaults(defaults?.value));
}

function newId(): string {
  return `custom/${crypto.randomUUID()}`;
}

/** Saves a template: an edit (of a built-in or the practice's own) when `id` is given, else a new one. */
export async function saveTemplate(db: BoundaryDb, draft: TemplateDraft, id?: string): Promise<string> {
  const errors = validateTemplate(draft);
  if (Object.keys(errors).length > 0) throw new InvalidTemplateError(errors);
  const templateId = id ?? newId();
  const tidy = tidyDraft(draft);
  const builtin = BUILTIN_BY_ID.get(templateId);
  if (builtin && sameTemplate(builtin, tidy)) {
    // Saved back to exactly Boundary's text: it is the built-in again, and follows its updates.
    await db.replyTemplates.delete(templateId);
  } else {
    await db.replyTemplates.put({ ...tidy, id: templateId, updatedAt: Date.now() });
  }
  return templateId;
}

function sameTemplate(a: TemplateDraft, b: TemplateDraft): boolean {
  return a.name === b.name && a.situation === b.situation && a.language === b.language && a.body === b.body && a.platforms.join() === b.platforms.join();
}

/** A copy under a new id, named as a copy. */
export async function duplicateTemplate(db: BoundaryDb, template: ReplyTemplate): Promise<string> {
  const { id: _id, ...draft } = template;
  const suffix = template.language === 'es' ? ' (copia)' : ' (copy)';
  return saveTemplate(db, { ...draft, name: `${draft.name}${suffix}`.slice(0, 80) });
}

/** Deleting a built-in hides it (restore brings it back); the practice's own are removed. */
export async function deleteTemplate(db: BoundaryDb, id: string): Promise<void> {
  const builtin = BUILTIN_BY_ID.get(id);
  if (builtin) await db.replyTemplates.put({ ...builtin, deleted: true, updatedAt: Date.now() });
  else await db.replyTemplates.delete(id);
}

/** Boundary's templates as shipped and its default choices; the practice's own templates stay. */
export async function restoreDefaults(db: BoundaryDb): Promise<void> {
  await db.transaction('rw', db.replyTemplates, db.settings, async () => {
    await db.replyTemplates.filter((row) => isBuiltinId(row.id)).delete();
    await db.settings.delete(DEFAULTS_KEY);
  });
}

export async function setDefaultTemplate(
  db: BoundaryDb,
  language: ReplyLanguage,
  situation: Situation,
  platform: Platform,
  templateId: string,
): Promise<void> {
  await db.transaction('rw', db.settings, async () => {
    const current = readDefaults((await db.settings.get(DEFAULTS_KEY))?.value);
    await db.settings.put({ key: DEFAULTS_KEY, value: { ...current, [defaultKey(language, situation, platform)]: templateId } });
  });
}

export async function setDefaultChoices(db: BoundaryDb, choices: DefaultChoices): Promise<void> {
  await db.transaction('rw', db.settings, async () => {
    const current = readDefaults((await db.settings.get(DEFAULTS_KEY))?.value);
    await db.settings.put({ key: DEFAULTS_KEY, value: { ...current, ...readDefaults(choices) } });
  });
}

/** Writes imported templates in one transaction: all of them or none. */
export async function importTemplates(db: BoundaryDb, templates: readonly ReplyTemplate[], defaults: DefaultChoices): Promise<void> {
  await db.transaction('rw', db.replyTemplates, db.settings, async () => {
    for (const { id, ...draft } of templates) await saveTemplate(db, draft, id);
    if (Object.keys(defaults).length > 0) await setDefaultChoices(db, defaults);
  });
}
