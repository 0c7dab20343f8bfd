import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { BoundaryDb } from '@/lib/db';
import { mergeEdit, StaleEditError } from '@/lib/clients/edit-merge';
import { ClientLimitError } from '@/lib/clients/limits';
import { emptyIdentities, type ClientDraft } from '@/lib/clients/model';
import { addClient, getClient, importDrafts, linkIdentity, updateClient } from '@/lib/clients/store';
import { enableVault } from '@/lib/vault/vault';
import { draft } from './draft';

const base: ClientDraft = draft('Ana Souza', { aliases: ['Aninha', 'A. S.'], identities: { ...emptyIdentities(), facebook: ['ana.souza.9'] } });

describe('merging an edit with a change made meanwhile', () => {
  it('keeps both sides where they touched different fields, lists as sets', () => {
    const mine = { ...base, status: 'former' as const, aliases: ['Aninha', 'Nina'] };
    const theirs = { ...base, identities: { ...base.identities, instagram: ['ana.souza_'] }, aliases: ['Aninha', 'A. S.', 'Souza A.'] };
    expect(mergeEdit(base, mine, theirs)).toEqual({
      ok: true,
      theirs: ['aliases', 'instagram'],
      // Mine removed "A. S." and added "Nina"; theirs added "Souza A.": all three kept.
      draft: { ...base, status: 'former', aliases: ['Aninha', 'Souza A.', 'Nina'], identities: { ...base.identities, instagram: ['ana.souza_'] } },
    });
  });

  it('a profile removed on one side and kept on the other goes', () => {
    const mine = { ...base, identities: emptyIdentities() };
    expect(mergeEdit(base, mine, { ...base, name: 'Ana S.' })).toMatchObject({ ok: true, draft: { name: 'Ana S.', identities: emptyIdentities() } });
  });

  it('the name or status changed to different values on both sides is a conflict', () => {
    const result = mergeEdit(base, { ...base, name: 'Ana Souza Lima', status: 'former' }, { ...base, name: 'Ana Lima', status: 'former' });
    expect(result).toEqual({ ok: false, conflicts: [{ field: 'name', mine: 'Ana Souza Lima', theirs: 'Ana Lima' }], theirs: ['name', 'status'] });
  });

  it('the same change on both sides is no conflict', () => {
    expect(mergeEdit(base, { ...base, name: 'Ana Lima' }, { ...base, name: 'Ana Lima' })).toMatchObject({ ok: true, draft: { name: 'Ana Lima' } });
  });
});

let db: BoundaryDb;
let n = 0;
beforeEach(() => {
  fakeBrowser.reset();
  db = new BoundaryDb(`edit-${++n}`);
});
afterEach(async () => {
  await db.delete();
});

describe('saving over a record changed meanwhile', () => {
  it('every write moves the version on', async () => {
    const id = await addClient(db, base);
    expect((await getClient(db, id))!.version).toBe(1);
    await updateClient(db, id, { ...base, status: 'former' });
    expect((await getClient(db, id))!.version).toBe(2);
    await linkIdentity(db, id, 'linkedin', 'ana-souza-1a2b');
    await importDrafts(db, [{ ...base, aliases: ['Nina'] }]);
    expect((await getClient(db, id))!.version).toBe(4);
  });

  it('an import in another tab while a form is open: the form saves its change and the import’s profile stays', async () => {
    const id = await addClient(db, base);
    const openedForm = (await getClient(db, id))!;
    await importDrafts(db, [{ ...base, identities: { ...base.identities, instagram: ['ana.souza_'] } }]);
    const outcome = await updateClient(db, id, { ...base, aliases: ['Aninha', 'A. S.', 'Nina'] }, openedForm);
    expect(outcome).toEqual({ merged: ['instagram'] });
    expect(await getClient(db, id)).toMatchObject({ aliases: ['Aninha', 'A. S.', 'Nina'], identities: { facebook: ['ana.souza.9'], instagram: ['ana.souza_'] }, version: 3 });
  });

  it('two forms renaming one client: the second is stopped, shown both names, and nothing is written', async () => {
    const id = await addClient(db, base);
    const tabA = (await getClient(db, id))!;
    const tabB = (await getClient(db, id))!;
    await updateClient(db, id, { ...base, name: 'Ana Lima' }, tabB);
    const stale = await updateClient(db, id, { ...base, name: 'Ana Souza Lima', aliases: ['Nina'] }, tabA).catch((e: unknown) => e);
    expect(stale).toBeInstanceOf(StaleEditError);
    expect((stale as StaleEditError).conflicts).toEqual([{ field: 'name', mine: 'Ana Souza Lima', theirs: 'Ana Lima' }]);
    expect((stale as StaleEditError).current).toMatchObject({ name: 'Ana Lima', version: 2 });
    expect(await getClient(db, id)).toMatchObject({ name: 'Ana Lima', aliases: base.aliases, version: 2 });
    // "Save mine over it": the same edit, now based on the record as it is.
    await updateClient(db, id, { ...base, name: 'Ana Souza Lima', aliases: ['Nina'] }, (stale as StaleEditError).current);
    expect(await getClient(db, id)).toMatchObject({ name: 'Ana Souza Lima', aliases: ['Nina'], version: 3 });
  });

  it('"this is them" for a record changed since the popup showed it links nothing', async () => {
    const id = await addClient(db, base);
    const shown = (await getClient(db, id))!.version!;
    await updateClient(db, id, { ...base, name: 'Someone Else Now' });
    await expect(linkIdentity(db, id, 'instagram', 'ana.souza_', shown)).rejects.toThrow(/“Someone Else Now” was changed elsewhere/);
    expect((await getClient(db, id))!.identities.instagram).toEqual([]);
    await linkIdentity(db, id, 'instagram', 'ana.souza_', shown + 1);
    expect((await getClient(db, id))!.identities.instagram).toEqual(['ana.souza_']);
  });

  it('works the same with the vault on', async () => {
    await enableVault(db, 'correct horse battery staple');
    const id = await addClient(db, base);
    const opened = (await getClient(db, id))!;
    await linkIdentity(db, id, 'instagram', 'ana.souza_');
    expect(await updateClient(db, id, { ...base, status: 'former' }, opened)).toEqual({ merged: ['instagram'] });
    expect(await getClient(db, id)).toMatchObject({ status: 'former', identities: { instagram: ['ana.souza_'] }, version: 3 });
  }, 30_000);

  it('a save past a limit is refused whole', async () => {
    const id = await addClient(db, base);
    await expect(updateClient(db, id, { ...base, name: 'x'.repeat(201) })).rejects.toBeInstanceOf(ClientLimitError);
    await expect(addClient(db, { ...base, aliases: Array.from({ length: 31 }, (_, i) => `a${i}`) })).rejects.toBeInstanceOf(ClientLimitError);
    expect((await getClient(db, id))!.name).toBe('Ana Souza');
  });

  it('an import row that would push a matched client past a limit is refused on its own', async () => {
    const id = await addClient(db, { ...base, aliases: Array.from({ length: 29 }, (_, i) => `a${i}`) });
    const outcome = await importDrafts(db, [draft('New Person'), { ...base, aliases: ['x1', 'x2'] }]);
    expect(outcome).toMatchObject({ added: 1, updated: 0, refused: [{ index: 1, reason: 'more than 30 other names' }] });
    expect((await getClient(db, id))!.aliases).toHaveLength(29);
  });
});
