import { describe, expect, it } from 'vitest';
import { mergeLibrary } from '@/lib/replies/library';
import { replyLanguageFor } from '@/lib/replies/language';

describe('replyLanguageFor: the page’s language when a reply exists in it', () => {
  const library = mergeLibrary([]);
  const englishOnly = { ...library, templates: library.templates.filter((t) => t.language === 'en') };

  it.each([
    ['es', 'en', 'es'],
    ['es-419', 'en', 'es'],
    ['ES-mx', 'en', 'es'],
    ['en-GB', 'es', 'en'],
    ['fr', 'es', 'es'],
    ['', 'es', 'es'],
    [undefined, 'en', 'en'],
  ] as const)('page %s, practice %s → %s', (page, practice, expected) => {
    expect(replyLanguageFor(page, practice, library)).toBe(expected);
  });

  it('keeps the practice’s language when the library has nothing in the page’s', () => {
    expect(replyLanguageFor('es', 'en', englishOnly)).toBe('en');
  });
});
