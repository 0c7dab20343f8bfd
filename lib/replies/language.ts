import { isReplyLanguage, type ReplyLanguage } from '@/lib/settings/practice';
import type { ReplyLibrary } from './library';

/**
 * The language to answer in: the page's own (`<html lang>`, the language the person and the
 * clinician see the site in) when the library has a reply in it, else the practice's chosen one.
 * A Spanish conversation then gets a Spanish reply first, and English stays one click away.
 */
export function replyLanguageFor(pageLanguage: string | undefined, practiceLanguage: ReplyLanguage, library: ReplyLibrary): ReplyLanguage {
  const base = (pageLanguage ?? '').split('-')[0]!.toLowerCase();
  if (isReplyLanguage(base) && library.templates.some((template) => template.language === base)) return base;
  return practiceLanguage;
}
