import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { BoundaryDb } from '@/lib/db';
import { BUILTIN_BY_ID } from '@/lib/replies/builtin-templates';
import { defaultTemplate } from '@/lib/replies/library';
import {
  deleteTemplate,
  duplicateTemplate,
  importTemplates,
  InvalidTemplateError,
  loadLibrary,
  restoreDefaults,
  saveTemplate,
  setDefaultTemplate,
} from '@/lib/replies/store';
import type { TemplateDraft } from '@/lib/replies/templates';

let db: BoundaryDb;
let n = 0;
beforeEach(() => {
  db = new BoundaryDb(`replies-${++n}`);
});
afterEach(async () => {
  await db.delete();
});

const draft = (over: Partial<TemplateDraft> = {}): TemplateDraft => ({
  name: 'Mine',
  situation: 'conversation',
  language: 'en',
  platforms: ['linkedin', 'facebook'],
  body: 'Please use the secure channels.\r\nPhone: {phone}\n\n',
  ...over,
});
const SHORT = 'builtin/en/conversation-short';

describe('reply template store', () => {
  it('adds a template, tidied, and edits it in place', async () => {
    const id = await saveTemplate(db, draft());
    expect(id).toMatch(/^custom\//);
    let mine = (await loadLibrary(db)).templates.find((t) => t.id === id)!;
    expect(mine).toMatchObject({ origin: 'custom', platforms: ['facebook', 'linkedin'], body: 'Please use the secure channels.\nPhone: {phone}' });
    await saveTemplate(db, draft({ name: 'Renamed' }), id);
    mine = (await loadLibrary(db)).templates.find((t) => t.id === id)!;
    expect(mine.name).toBe('Renamed');
  });

  it('refuses a template with an unknown placeholder, an empty text or no sites', async () => {
    await expect(saveTemplate(db, draft({ body: 'Call {phnoe}' }))).rejects.toThrow('{phnoe}');
    await expect(saveTemplate(db, draft({ body: '  ' }))).rejects.toBeInstanceOf(InvalidTemplateError);
    await expect(saveTemplate(db, draft({ platforms: [] }))).rejects.toBeInstanceOf(InvalidTemplateError);
    expect(await db.replyTemplates.count()).toBe(0);
  });

  it('an edited built-in is stored; saved back to Boundary’s text, it is the built-in again', async () => {
    const builtin = BUILTIN_BY_ID.get(SHORT)!;
    await saveTemplate(db, { ...builtin, body: 'Changed. Please use the secure channels.' }, SHORT);
    expect((await loadLibrary(db)).templates.find((t) => t.id === SHORT)?.origin).toBe('edited');
    const { id: _id, ...original } = builtin;
    await saveTemplate(db, original, SHORT);
    expect((await loadLibrary(db)).templates.find((t) => t.id === SHORT)?.origin).toBe('builtin');
    expect(await db.replyTemplates.count()).toBe(0);
  });

  it('duplicates, deletes, and restores Boundary’s templates while keeping the practice’s own', async () => {
    const copyId = await duplicateTemplate(db, BUILTIN_BY_ID.get(SHORT)!);
    await deleteTemplate(db, SHORT);
    await saveTemplate(db, { ...BUILTIN_BY_ID.get('builtin/en/comment')!, body: 'Edited comment reply.' }, 'builtin/en/comment');
    let library = await loadLibrary(db);
    expect(library.templates.find((t) => t.id === copyId)?.name).toBe('Redirect (short) (copy)');
    expect(library.templates.some((t) => t.id === SHORT)).toBe(false);

    const mine = await saveTemplate(db, draft());
    await deleteTemplate(db, mine);
    expect((await loadLibrary(db)).templates.some((t) => t.id === mine)).toBe(false);

    await setDefaultTemplate(db, 'en', 'conversation', 'linkedin', copyId);
    await restoreDefaults(db);
    library = await loadLibrary(db);
    expect(library.templates.find((t) => t.id === SHORT)?.origin).toBe('builtin');
    expect(library.templates.find((t) => t.id === 'builtin/en/comment')?.origin).toBe('builtin');
    expect(library.templates.some((t) => t.id === copyId)).toBe(true);
    expect(library.defaults).toEqual({});
  });

  it('remembers the chosen default per language, situation and site', async () => {
    const id = await saveTemplate(db, draft());
    await setDefaultTemplate(db, 'en', 'conversation', 'linkedin', id);
    const library = await loadLibrary(db);
    expect(defaultTemplate(library, 'en', 'conversation', 'linkedin')?.id).toBe(id);
    expect(defaultTemplate(library, 'en', 'conversation', 'instagram')?.id).toBe(SHORT);
    expect(defaultTemplate(library, 'es', 'conversation', 'linkedin')?.id).toBe('builtin/es/conversation-short');
  });

  it('imports in one transaction: all or nothing', async () => {
    const good = { ...draft(), id: 'custom/a' };
    const bad = { ...draft({ body: '{nope}' }), id: 'custom/b' };
    await expect(importTemplates(db, [good, bad], {})).rejects.toThrow();
    expect(await db.replyTemplates.count()).toBe(0);
    await importTemplates(db, [good], { 'en/conversation/facebook': 'custom/a' });
    const library = await loadLibrary(db);
    expect(defaultTemplate(library, 'en', 'conversation', 'facebook')?.id).toBe('custom/a');
  });
});
