import type { Platform } from '@/lib/identity/platform';
import type { ReplyLanguage } from '@/lib/settings/practice';
import type { ReplyTemplate, Situation, StoredTemplate } from './templates';

// Which template a reply starts from, apart from composing and checking it (./library.ts): the
// popup shows its items with this alone and loads the confidentiality check, with its lexicon,
// only after its first paint.

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

/** Boundary's choice of default for a language, situation and site, before the practice picks. */
export function builtinDefaultId(language: ReplyLanguage, situation: Situation, platform: Platform): string {
  const name =
    situation === 'conversation'
      ? 'conversation-short'
      : situation === 'request-answer'
        ? platform === 'linkedin'
          ? 'request-answer-linkedin'
          : 'request-answer'
        : situation;
  return `builtin/${language}/${name}`;
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
