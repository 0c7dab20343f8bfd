import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

/**
 * The store listings (docs/store/<language>.md) and the manifest's own name and description,
 * within the stores' limits: the Chrome Web Store takes a manifest description (its short
 * description) of at most 132 characters and refuses a longer one; addons.mozilla.org a summary
 * of at most 250; a name of at most 45 keeps it whole in both stores' lists. Characters are
 * counted as people see them (code points), as the stores do.
 */
const LIMITS = { Name: 45, 'Short description': 132, Summary: 250, Description: 16_000 } as const;
type Field = keyof typeof LIMITS;
const LANGUAGES = ['en', 'es'] as const;

const length = (text: string) => [...text].length;

function listing(language: string): Record<Field, string> {
  const text = readFileSync(`docs/store/${language}.md`, 'utf8');
  const sections: Record<string, string> = {};
  for (const [, heading, body] of text.matchAll(/^## (.+)\n([\s\S]*?)(?=^## |(?![\s\S]))/gm)) sections[heading!.trim()] = body!.trim();
  expect(Object.keys(sections)).toEqual(Object.keys(LIMITS));
  return sections as Record<Field, string>;
}

function message(language: string, key: string): string {
  const messages = JSON.parse(readFileSync(`public/_locales/${language}/messages.json`, 'utf8')) as Record<string, { message: string }>;
  return messages[key]!.message;
}

describe.each(LANGUAGES)('the store listing in %s', (language) => {
  const fields = listing(language);

  it.each(Object.entries(LIMITS) as [Field, number][])('%s fits its limit', (field, limit) => {
    expect(fields[field].length, field).toBeGreaterThan(0);
    expect(length(fields[field]), `${field}: ${fields[field]}`).toBeLessThanOrEqual(limit);
  });

  it('names the extension, keeps the short text on one line, and says enough in the description', () => {
    expect(fields.Name.startsWith(message(language, 'ext_name'))).toBe(true);
    for (const field of ['Name', 'Short description', 'Summary'] as const) expect(fields[field]).not.toContain('\n');
    expect(length(fields.Description)).toBeGreaterThan(1_000);
  });

  it('gives the manifest’s own description as the short description, within Chrome’s limit', () => {
    const description = message(language, 'ext_description');
    expect(length(description)).toBeLessThanOrEqual(LIMITS['Short description']);
    expect(fields['Short description']).toBe(description);
    expect(length(message(language, 'ext_name'))).toBeLessThanOrEqual(LIMITS.Name);
  });
});
