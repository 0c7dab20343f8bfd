import { browser } from 'wxt/browser';

/** "A or B", "A, B, or C": each language joins alternatives its own way. */
export function orList(items: readonly string[]): string {
  return new Intl.ListFormat(browser.i18n.getUILanguage(), { type: 'disjunction' }).format(items);
}
