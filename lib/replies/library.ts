import type { Platform } from '@/lib/identity/platform';
import { lintReply, ownTexts, type LintResult } from '@/lib/policy/confidentiality';
import type { PolicyChoices } from '@/lib/practice-policy/choices';
import { policySummary } from '@/lib/practice-policy/generate';
import { crisisLineFor, type PracticeSettings, type ReplyLanguage } from '@/lib/settings/practice';
import { BUILTIN_TEMPLATES, builtinDefaultId } from './builtin-templates';
import { checkLength, type LengthCheck } from './limits';
import { fillTemplateDetailed, firstNameFrom, type Placeholder, type PlaceholderValues } from './placeholders';
import type { ReplyTemplate, Situation, StoredTemplate } from './templates';

/**
 * The practice's reply library as the popup and options page see it: Boundary's templates, with
 * the practice's edits laid over them, minus the ones it deleted, plus its own. Built-in
 * templates are not copied into the database until edited, so improvements to them in a later
 * version reach everyone who has not changed them.
 */
export type TemplateOrigin = 'builtin' | 'edited' | 'custom';
export interface LibraryTemplate extends ReplyTemplate {
  origin: TemplateOrigin;
}

export type { StoredTemplate };

/** The chosen default per language, situation and site, keyed `language/situation/platform`. */
export type DefaultChoices = Record<string, string>;

export interface ReplyLibrary {
  templates: LibraryTemplate[];
  defaults: DefaultChoices;
}

export const defaultKey = (language: ReplyLanguage, situation: Situation, platform: Platform) => `${language}/${situation}/${platform}`;

export function mergeLibrary(stored: readonly StoredTemplate[], defaults: DefaultChoices = {}): ReplyLibrary {
  const byId = new Map(stored.map((row) => [row.id, row]));
  const strip = ({ deleted: _d, updatedAt: _u, ...template }: StoredTemplate): ReplyTemplate => template;
  const templates: LibraryTemplate[] = [];
  for (const builtin of BUILTIN_TEMPLATES) {
    const row = byId.get(builtin.id);
    if (!row) templates.push({ ...builtin, origin: 'builtin' });
    else if (!row.deleted) templates.push({ ...strip(row), origin: 'edited' });
  }
  const custom = stored
    .filter((row) => !row.deleted && !BUILTIN_TEMPLATES.some((b) => b.id === row.id))
    .map((row): LibraryTemplate => ({ ...strip(row), origin: 'custom' }))
    .sort((a, b) => a.name.localeCompare(b.name));
  return { templates: [...templates, ...custom], defaults };
}

const fits = (template: ReplyTemplate, situation: Situation, platform: Platform) =>
  template.situation === situation && template.platforms.includes(platform);

/**
 * The template used with one click: the practice's choice if it still fits, else Boundary's own
 * default, else any template for that situation and site, preferring the reply language.
 */
export function defaultTemplate(
  library: ReplyLibrary,
  language: ReplyLanguage,
  situation: Situation,
  platform: Platform,
): LibraryTemplate | undefined {
  const find = (id: string | undefined) => (id === undefined ? undefined : library.templates.find((t) => t.id === id && fits(t, situation, platform)));
  return (
    find(library.defaults[defaultKey(language, situation, platform)]) ??
    find(builtinDefaultId(language, situation, platform)) ??
    library.templates.find((t) => t.language === language && fits(t, situation, platform)) ??
    library.templates.find((t) => fits(t, situation, platform))
  );
}

/**
 * The templates to offer for a detection: those for its situations and site, the reply language
 * first, then in the order of `situations` (the likeliest first).
 */
export function offeredTemplates(
  library: ReplyLibrary,
  situations: readonly Situation[],
  platform: Platform,
  language: ReplyLanguage,
): LibraryTemplate[] {
  const rank = (t: LibraryTemplate) => (t.language === language ? 0 : 100) + situations.indexOf(t.situation);
  return library.templates
    .filter((t) => situations.includes(t.situation) && t.platforms.includes(platform))
    .map((t, index) => ({ t, index }))
    .sort((a, b) => rank(a.t) - rank(b.t) || a.index - b.index)
    .map(({ t }) => t);
}

/**
 * What each placeholder is filled with, for a reply in `language` to someone the page calls
 * `pageName`; `policy` is the practice's saved policy, if any, which `{policy_text}` sums up.
 */
export function placeholderValues(settings: PracticeSettings, language: ReplyLanguage, pageName?: string, policy?: PolicyChoices): PlaceholderValues {
  return {
    first_name: firstNameFrom(pageName),
    practice: settings.practiceName,
    phone: settings.phone,
    portal: settings.portalUrl,
    secure_email: settings.secureEmail,
    crisis_line: crisisLineFor(settings, language),
    policy_link: settings.policyUrl,
    policy_text: policy && policySummary(policy, language),
  };
}

/** The checks a reply goes through before it is inserted or copied. */
export interface ReplyChecks {
  lint: LintResult;
  length: LengthCheck;
}

export interface ComposedReply extends ReplyChecks {
  text: string;
  missing: Placeholder[];
}

/**
 * The confidentiality check and the site's length limit for a reply's text, as composed or as the
 * clinician edited it in the popup: an edit is checked as it is typed, the same way, and the
 * practice's own details never count against it.
 */
export function checkReply(text: string, settings: PracticeSettings, platform: Platform): ReplyChecks {
  return { lint: lintReply(text, ownTexts(settings)), length: checkLength(text, platform) };
}

/**
 * A template filled for one person on one site, with the checks that run before it is inserted.
 * The practice's own details it was filled with never count against it (`ownTexts`).
 */
export function composeReply(
  template: ReplyTemplate,
  settings: PracticeSettings,
  platform: Platform,
  pageName?: string,
  policy?: PolicyChoices,
): ComposedReply {
  const filled = fillTemplateDetailed(template.body, placeholderValues(settings, template.language, pageName, policy));
  return { text: filled.text, missing: filled.missing, ...checkReply(filled.text, settings, platform) };
}
