import { afterEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { andList, orList } from '@/lib/i18n/lists';

// The popup names someone on each of its items through orList; making an Intl.ListFormat each
// time was part of its first render's cost (issue 16). One per language and kind, kept.

/** The messages as the fake browser has them, in `locale` (the catalogue's own key, as Chrome answers it). */
function speak(locale: string) {
  const getMessage = fakeBrowser.i18n.getMessage;
  vi.spyOn(fakeBrowser.i18n, 'getMessage').mockImplementation((key: string, ...rest: unknown[]) =>
    key === '@@ui_locale' ? locale : (getMessage as (...args: unknown[]) => string)(key, ...rest),
  );
}

describe('orList and andList', () => {
  afterEach(() => vi.restoreAllMocks());

  it('join as the language does, making one formatter per kind of list however often they are called', () => {
    speak('en');
    const made = vi.spyOn(Intl, 'ListFormat');
    const before = made.mock.calls.length;
    for (let i = 0; i < 15; i++) {
      expect(orList(['Ana', 'Ben'])).toBe('Ana or Ben');
      expect(andList(['Ana', 'Ben', 'Cy'])).toBe('Ana, Ben, and Cy');
    }
    expect(made.mock.calls.length - before).toBeLessThanOrEqual(2);
  });

  it('say a list of one as that one, in every language, making no formatter for it', () => {
    const made = vi.spyOn(Intl, 'ListFormat');
    for (const locale of ['en', 'es', 'ja']) {
      speak(locale);
      expect(orList(['Nina Arruda'])).toBe('Nina Arruda');
      expect(andList(['Nina Arruda'])).toBe('Nina Arruda');
    }
    expect(made).not.toHaveBeenCalled();
    // Ruled on against the formatter itself: a list of one is its one item.
    for (const locale of ['en', 'es', 'ja', 'ar', 'de']) {
      for (const type of ['disjunction', 'conjunction'] as const) expect(new Intl.ListFormat(locale, { type }).format(['Nina Arruda'])).toBe('Nina Arruda');
    }
  });

  it('follow the language the messages are in, when it is another', () => {
    speak('es');
    expect(orList(['Ana', 'Ben'])).toBe('Ana o Ben');
    expect(andList(['Ana', 'Ben'])).toBe('Ana y Ben');
  });
});
