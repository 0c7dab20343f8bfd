import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { formatMessage, type Catalogue } from './chrome-messages';

const LOCALES_DIR = path.resolve('public/_locales');
const read = (locale: string): Catalogue => JSON.parse(readFileSync(path.join(LOCALES_DIR, locale, 'messages.json'), 'utf8'));
const locales = readdirSync(LOCALES_DIR);
const english = read('en');
const others = locales.filter((locale) => locale !== 'en');

/** The $NAME$ placeholders a message uses, lower-cased as Chrome matches them. */
const namedIn = (message: string) => [...message.matchAll(/\$([A-Za-z0-9_@]+)\$/g)].map(([, name]) => name!.toLowerCase()).sort();
/** What each placeholder stands for ($1, $2 …), by lower-cased name. */
const contentsOf = (entry: Catalogue[string]) =>
  Object.fromEntries(Object.entries(entry.placeholders ?? {}).map(([name, p]) => [name.toLowerCase(), p.content]));
/** Direct $1 … $9 in the message text, outside named placeholders. */
const numberedIn = (message: string) => [...message.replace(/\$\$/g, '').matchAll(/\$([1-9])/g)].map(([, n]) => n).sort();

/** Every source file whose text could name a message. */
function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const file = path.join(dir, name);
    if (statSync(file).isDirectory()) return sourceFiles(file);
    return /\.(ts|tsx|html)$/.test(name) ? [file] : [];
  });
}
const SOURCE = [...['entrypoints', 'components', 'lib'].flatMap((dir) => sourceFiles(path.resolve(dir))), path.resolve('wxt.config.ts')]
  .map((file) => readFileSync(file, 'utf8'))
  .join('\n');

describe('locale catalogues', () => {
  it('ship English and Spanish', () => {
    expect(locales.sort()).toEqual(['en', 'es']);
  });

  it.each(others)('%s has exactly the English keys', (locale) => {
    expect(Object.keys(read(locale)).sort()).toEqual(Object.keys(english).sort());
  });

  it.each(locales)('%s: every message has text and a description for translators', (locale) => {
    for (const [key, entry] of Object.entries(read(locale))) {
      expect(entry.message.trim(), key).not.toBe('');
      expect(entry.description?.trim(), key).toBeTruthy();
    }
  });

  it('keys are valid Chrome message names, distinct ignoring case (as Chrome reads them)', () => {
    const keys = Object.keys(english);
    for (const key of keys) expect(key).toMatch(/^[A-Za-z0-9_]+$/);
    expect(new Set(keys.map((key) => key.toLowerCase())).size).toBe(keys.length);
  });

  it.each(locales)('%s: every $NAME$ has a placeholder, and every placeholder is used', (locale) => {
    for (const [key, entry] of Object.entries(read(locale))) {
      expect([...new Set(namedIn(entry.message))], key).toEqual(Object.keys(contentsOf(entry)).sort());
    }
  });

  it.each(others)('%s takes the same substitutions as English, message by message', (locale) => {
    const catalogue = read(locale);
    for (const [key, entry] of Object.entries(english)) {
      const other = catalogue[key];
      if (!other) continue;
      expect(contentsOf(other), key).toEqual(contentsOf(entry));
      expect(numberedIn(other.message), key).toEqual(numberedIn(entry.message));
    }
  });

  it.each(locales)('%s: filled in, no message keeps a $ marker', (locale) => {
    const catalogue = read(locale);
    const substitutions = ['one', 'two', 'three', 'four', 'five'];
    for (const key of Object.keys(catalogue)) {
      expect(formatMessage(catalogue, key, substitutions), key).not.toMatch(/\$[A-Za-z0-9_]/);
    }
  });

  it.each(locales)('%s says which language it is, for the pages’ lang attribute', (locale) => {
    expect(read(locale).page_lang?.message).toBe(locale);
  });
});

describe('messages used in the source', () => {
  it('every key the source names with t(), tPlural() or a RichMessage exists in English', () => {
    const named = [
      ...SOURCE.matchAll(/\bt\(\s*'([^']+)'/g),
      ...SOURCE.matchAll(/\btPlural\(\s*'([^']+)'/g),
      ...SOURCE.matchAll(/<RichMessage\s+message="([^"]+)"/g),
      ...SOURCE.matchAll(/__MSG_([A-Za-z0-9_]+)__/g),
    ].map(([, key]) => key!);
    expect(named.length).toBeGreaterThan(100);
    const plural = (key: string) => `${key}_one` in english && `${key}_other` in english;
    expect(named.filter((key) => !(key in english) && !plural(key))).toEqual([]);
  });

  it('every English key is used somewhere in the source', () => {
    const quoted = new Set(
      [...SOURCE.matchAll(/['"`]([A-Za-z0-9_]+)['"`]/g), ...SOURCE.matchAll(/__MSG_([A-Za-z0-9_]+)__/g)].map(([, key]) => key!),
    );
    const used = (key: string) => quoted.has(key) || quoted.has(key.replace(/_(one|other)$/, ''));
    expect(Object.keys(english).filter((key) => !used(key))).toEqual([]);
  });
});
