import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { BoundaryDb } from '@/lib/db';
import { emptyIdentities, type ClientDraft } from '@/lib/clients/model';
import { addClient, deleteClient, importDrafts, linkIdentity, listClients, notThemKeys, rememberNotThem } from '@/lib/clients/store';
import { draft } from './draft';

let db: BoundaryDb;
let n = 0;
beforeEach(() => {
  db = new BoundaryDb(`test-${++n}`);
});
afterEach(async () => {
  await db.delete();
});

describe('client store', () => {
  it('adds new clients and updates those whose identities it already has', async () => {
    await addClient(db, draft('Ana Souza', { identities: { ...emptyIdentities(), facebook: ['100012345678901'] } }));
    const outcome = await importDrafts(db, [
      draft('Ana Souza-Lima', { status: 'former', aliases: ['Aninha'], identities: { ...emptyIdentities(), facebook: ['100012345678901'], instagram: ['ana.souza_'] } }),
      draft('Chidi Okoro'),
    ]);
    expect(outcome).toMatchObject({ added: 1, updated: 1, refused: [] });
    const all = await listClients(db);
    expect(all).toHaveLength(2);
    const ana = all.find((c) => c.identities.facebook.includes('100012345678901'))!;
    expect(ana).toMatchObject({ name: 'Ana Souza-Lima', status: 'former', aliases: ['Aninha'] });
    expect(ana.identities.instagram).toEqual(['ana.souza_']);
  });

  it('importing the same rows twice duplicates nothing, with or without identities', async () => {
    const rows = [draft('Chidi Okoro'), draft('Mia Hart', { identities: { ...emptyIdentities(), linkedin: ['mia-hart'] } })];
    await importDrafts(db, rows);
    expect(await importDrafts(db, rows)).toMatchObject({ added: 0, updated: 2, refused: [] });
    expect(await listClients(db)).toHaveLength(2);
  });

  it('two rows for the same person in one file become one client', async () => {
    const id = { ...emptyIdentities(), instagram: ['mia.h'] };
    expect(await importDrafts(db, [draft('Mia Hart', { identities: id }), draft('Mia H.', { identities: id })])).toMatchObject({ added: 1, updated: 0, refused: [] });
    expect(await listClients(db)).toHaveLength(1);
  });

  it('an import that fails part-way writes nothing', async () => {
    await addClient(db, draft('Already Here'));
    const bad = [draft('Fine'), { ...draft('Broken'), identities: undefined as unknown as ClientDraft['identities'] }];
    await expect(importDrafts(db, bad)).rejects.toThrow();
    expect((await listClients(db)).map((c) => c.name)).toEqual(['Already Here']);
  });

  it('reports progress up to the total', async () => {
    const seen: number[] = [];
    await importDrafts(db, Array.from({ length: 2500 }, (_, i) => draft(`Person ${i}`)), (done) => seen.push(done));
    expect(seen).toEqual([1024, 2048, 2500]);
  });

  it('"this is them" saves the profile and clears an earlier "not them"', async () => {
    const id = await addClient(db, draft('Sam Lee'));
    await rememberNotThem(db, id, 'facebook', 'samlee9');
    expect(await notThemKeys(db)).toEqual(new Set([`facebook:samlee9|${id}`]));
    await linkIdentity(db, id, 'facebook', 'samlee9');
    expect((await listClients(db))[0]!.identities.facebook).toEqual(['samlee9']);
    expect(await notThemKeys(db)).toEqual(new Set());
  });

  it('deleting a client removes its "not them" decisions too', async () => {
    const id = await addClient(db, draft('Sam Lee'));
    await rememberNotThem(db, id, 'instagram', 'sam.lee');
    await deleteClient(db, id);
    expect(await listClients(db)).toEqual([]);
    expect(await notThemKeys(db)).toEqual(new Set());
  });
});
