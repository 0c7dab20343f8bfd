import { t, type MessageKey } from './t';

/** The page's title and language as the catalogue in use says (the HTML carries English ones). */
export function localisePage(title: MessageKey): void {
  document.documentElement.lang = t('page_lang');
  document.title = t(title);
}
