import type { Platform } from '@/lib/identity/platform';
import { lintReply, ownTexts, type LintResult } from '@/lib/policy/confidentiality';
import type { PolicyChoices } from '@/lib/practice-policy/choices';
import { policySummary } from '@/lib/practice-policy/generate';
import { crisisLineFor, type PracticeSettings, type ReplyLanguage } from '@/lib/settings/practice';
import { BUILTIN_TEMPLATES } from './builtin-templates';
import type { DefaultChoices, LibraryTemplate, ReplyLibrary } from './choose';
import { checkLength, type LengthCheck } from './limits';
import { fillTemplateDetailed, firstNameFrom, type Placeholder, type PlaceholderValues } from './placeholders';
import type { ReplyTemplate, StoredTemplate } from './templates';

/** Choosing a template lives in ./choose.ts (the popup loads it without the check below); re-exported for everyone else. */
export { defaultKey, defaultTemplate, offeredTemplates } from './choose';
export type { DefaultChoices, LibraryTemplate, ReplyLibrary, StoredTemplate, TemplateOrigin } from './choose';

/** Boundary's templates with the practice's stored edits laid over them (./choose.ts says how the library is read). */
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
