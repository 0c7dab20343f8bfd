import { describe, expect, it } from 'vitest';
import { mergeLibrary } from '@/lib/replies/library';
import { parseTemplatesJson, templatesToJson } from '@/lib/replies/template-json';

let counter = 0;
const newId = () => `custom/new-${++counter}`;
const file = (templates: unknown[], extra: object = {}) =>
  JSON.stringify({ format: 'boundary-reply-templates', version: 1, templates, ...extra });
const GOOD = { name: 'Mine', situation: 'conversation', language: 'en', platforms: ['facebook'], body: 'Please use the secure channels.' };

describe('template files', () => {
  it('export imports back to the same templates and defaults', () => {
    const library = mergeLibrary(
      [{ ...GOOD, id: 'custom/abc', situation: 'conversation', language: 'en', platforms: ['facebook'], updatedAt: 1 }],
      { 'en/conversation/facebook': 'custom/abc' },
    );
    const parsed = parseTemplatesJson(templatesToJson(library.templates, library.defaults), newId);
    expect(parsed.ok).toBe(true);
    if (!parsed.ok) return;
    expect(parsed.rejected).toEqual([]);
    expect(parsed.templates).toEqual(library.templates.map(({ origin: _o, ...t }) => t));
    expect(parsed.defaults).toEqual({ 'en/conversation/facebook': 'custom/abc' });
  });

  it.each([
    ['not JSON', '{"format": ', 'not valid JSON'],
    ['another kind of file', '{"name": "x"}', 'not a Boundary template file'],
    ['a later version', JSON.stringify({ format: 'boundary-reply-templates', version: 9, templates: [] }), 'version 9'],
    ['no list', JSON.stringify({ format: 'boundary-reply-templates', version: 1 }), 'no "templates" list'],
    ['too many', file(Array(501).fill(GOOD)), 'At most 500'],
  ])('refuses %s whole, saying why', (_label, text, reason) => {
    const parsed = parseTemplatesJson(text, newId);
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) expect(parsed.error).toContain(reason);
  });

  it('keeps the good templates and lists each bad one with its position and reason', () => {
    const parsed = parseTemplatesJson(
      '\uFEFF' +
        file([
          GOOD,
          { ...GOOD, body: 'Call {phnoe}' },
          { ...GOOD, situation: 'chat' },
          'text',
          { ...GOOD, platforms: ['myspace'] },
          { ...GOOD, name: '' },
        ]),
      newId,
    );
    expect(parsed.ok).toBe(true);
    if (!parsed.ok) return;
    expect(parsed.templates).toHaveLength(1);
    expect(parsed.rejected.map((r) => r.position)).toEqual([2, 3, 4, 5, 6]);
    expect(parsed.rejected[0]!.reason).toContain('{phnoe}');
    expect(parsed.rejected[1]!.reason).toMatch(/^situation:/);
    expect(parsed.rejected[2]!.reason).toContain('object');
    expect(parsed.rejected[3]!.reason).toMatch(/^platforms:/);
    expect(parsed.rejected[4]!.reason).toMatch(/^name:/);
  });

  it('keeps well-formed ids, renews malformed ones and unknown built-ins, and maps defaults to them', () => {
    const parsed = parseTemplatesJson(
      file(
        [
          { ...GOOD, id: 'custom/keep-me' },
          { ...GOOD, id: 'builtin/en/conversation-short' },
          { ...GOOD, id: 'builtin/en/made-up' },
          { ...GOOD, id: '../../etc' },
        ],
        { defaults: { 'en/conversation/facebook': 'builtin/en/made-up', 'en/comment/facebook': 'nowhere' } },
      ),
      newId,
    );
    if (!parsed.ok) throw new Error(parsed.error);
    const ids = parsed.templates.map((t) => t.id);
    expect(ids.slice(0, 2)).toEqual(['custom/keep-me', 'builtin/en/conversation-short']);
    expect(ids[2]).toMatch(/^custom\/new-/);
    expect(ids[3]).toMatch(/^custom\/new-/);
    expect(parsed.defaults).toEqual({ 'en/conversation/facebook': ids[2] });
  });
});
