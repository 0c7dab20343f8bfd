import { browser } from 'wxt/browser';
import type english from '@/public/_locales/en/messages.json';

/** Every message name, read from the English catalogue: a misspelt name does not compile. */
export type MessageKey = keyof typeof english;

/** Messages that come as a `<name>_one` / `<name>_other` pair, by that name. */
export type PluralKey = {
  [K in MessageKey]: K extends `${infer Name}_one` ? (`${Name}_other` extends MessageKey ? Name : never) : never;
}[MessageKey];

/**
 * A message for the page to say, from a module that must not call the i18n API itself (it also
 * runs in content scripts, which carry no catalogue).
 */
export interface Message {
  key: MessageKey;
  substitutions?: readonly (string | number)[];
}

/** WXT types getMessage with one overload per name, which a union of names matches none of. */
type PlainI18n = { getMessage(name: string, substitutions: string[]): string };

/** The message in the browser's language, with `substitutions` as its $1, $2 … */
export function t(key: MessageKey, ...substitutions: (string | number)[]): string {
  return (browser.i18n as PlainI18n).getMessage(key, substitutions.map(String));
}

/**
 * browser.i18n has no plurals: `<name>_one` is said for a count of 1 and `<name>_other` for any
 * other count, which is the rule of every language shipped (English, Spanish). The count is $1.
 */
export function tPlural(key: PluralKey, count: number, ...substitutions: (string | number)[]): string {
  return t(`${key}_${count === 1 ? 'one' : 'other'}`, count, ...substitutions);
}

export function say(message: Message): string {
  return t(message.key, ...(message.substitutions ?? []));
}
