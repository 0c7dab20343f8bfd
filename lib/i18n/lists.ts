import { browser } from 'wxt/browser';

/**
 * The language of the catalogue Boundary speaks in, as a BCP 47 tag. Read from `@@ui_locale`,
 * which the browser resolves with the extension's messages: `getUILanguage()` answers from the
 * renderer process, and Chromium's extension renderers have been seen to say `en-US` there while
 * the browser (and every message) is in Spanish.
 */
export function uiLanguage(): string {
  const locale = browser.i18n.getMessage('@@ui_locale');
  return locale ? locale.replace(/_/g, '-') : browser.i18n.getUILanguage();
}

/**
 * One formatter per language and kind of list, made once: making one looks up the language's
 * data each time, and the popup's first render names someone on every item (issue 16).
 */
const formats = new Map<string, Intl.ListFormat>();
function listFormat(type: 'disjunction' | 'conjunction'): Intl.ListFormat {
  const language = uiLanguage();
  const key = `${language} ${type}`;
  let format = formats.get(key);
  if (!format) formats.set(key, (format = new Intl.ListFormat(language, { type })));
  return format;
}

/**
 * "A or B", "A, B, or C": each language joins alternatives its own way. A list of one is that
 * one in every language, and the commonest (one person per card): it needs no formatter, whose
 * first making loads the language's data, several milliseconds of the popup's first render.
 */
export function orList(items: readonly string[]): string {
  return items.length === 1 ? items[0]! : listFormat('disjunction').format(items);
}

/** "A and B", "A, B, and C", as the language joins a list of things that all hold. */
export function andList(items: readonly string[]): string {
  return items.length === 1 ? items[0]! : listFormat('conjunction').format(items);
}
