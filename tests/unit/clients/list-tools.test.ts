import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { BoundaryDb } from '@/lib/db';
import { listActivity, logActivity } from '@/lib/activity/store';
import { addDiscussEntry, listDiscuss } from '@/lib/discuss/store';
import { duplicateGroups, duplicatesById, duplicatesByIdInSlices } from '@/lib/clients/duplicates';
import { mergedDraft, preferredKeep } from '@/lib/clients/merge';
import { emptyIdentities, type Client } from '@/lib/clients/model';
import { searchClients } from '@/lib/clients/search';
import { addClient, importDrafts, listClients, mergeClients, notThemKeys, rememberNotThem } from '@/lib/clients/store';
import { ClientLimitError } from '@/lib/clients/limits';
import { enableVault } from '@/lib/vault/vault';
import { draft } from './draft';

let db: BoundaryDb;
let n = 0;
beforeEach(() => {
  db = new BoundaryDb(`list-tools-${++n}`);
});
afterEach(async () => {
  await db.delete();
});

const client = (id: number, name: string, extra: Partial<Client> = {}): Client => ({ ...draft(name), id, createdAt: 1, updatedAt: 1, ...extra });

describe('search by any form of identity', () => {
  const list = [
    client(1, 'Jane Doe', { identities: { ...emptyIdentities(), facebook: ['janedoe71'] } }),
    client(2, 'Sam Lee', { identities: { ...emptyIdentities(), facebook: ['100012345678901'], instagram: ['sam.lee_'] } }),
    client(3, 'Ana Souza', { aliases: ['Aninha'], identities: { ...emptyIdentities(), linkedin: ['ana-souza-1a2b3c'] } }),
    client(4, 'Chidi Okoro'),
  ];
  const found = (query: string) => searchClients(list, query).map((c) => c.id);

  it('finds a client by a pasted profile address, @username, other dots and capitals, numeric id or slug', () => {
    expect(found('https://www.facebook.com/Jane.Doe.71')).toEqual([1]);
    expect(found('facebook.com/jane.doe.71?ref=bookmarks')).toEqual([1]);
    expect(found('J.A.N.E.D.O.E.71')).toEqual([1]);
    expect(found('https://m.facebook.com/profile.php?id=100012345678901')).toEqual([2]);
    expect(found('100012345678901')).toEqual([2]);
    expect(found('@sam.lee_')).toEqual([2]);
    expect(found('https://www.instagram.com/sam.lee_/')).toEqual([2]);
    expect(found('https://www.linkedin.com/in/ana-souza-1a2b3c/?originalSubdomain=es')).toEqual([3]);
    expect(found('ana-souza-1a2b3c')).toEqual([3]);
  });

  it('still finds by name, part of a name and alias, folded; and finds nobody for a profile on no record', () => {
    expect(found('OKORO')).toEqual([4]);
    expect(found('ánínha')).toEqual([3]);
    expect(found('')).toEqual([1, 2, 3, 4]);
    expect(found('https://www.facebook.com/someone.else')).toEqual([]);
  });
});

describe('possible duplicates', () => {
  it('groups records whose names fold to the same key, and nothing else', () => {
    const list = [client(1, 'José Álvarez'), client(2, '  jose   ALVAREZ '), client(3, 'Álvarez, José'), client(4, 'Jose Alvares'), client(5, 'Mia')];
    const groups = [...duplicateGroups(list).values()].map((g) => g.map((c) => c.id));
    expect(groups).toEqual([[1, 2, 3]]);
    expect(duplicatesById(list).get(2)?.map((c) => c.id)).toEqual([1, 3]);
    expect(duplicatesById(list).has(4)).toBe(false);
  });

  it('finds the same in slices, and stops when cancelled', async () => {
    const list = Array.from({ length: 23 }, (_, i) => client(i + 1, i % 10 === 0 ? 'Sam  LEE' : `Person ${i}`));
    const sliced = await duplicatesByIdInSlices(list, () => false, 4);
    expect([...sliced!.keys()]).toEqual([...duplicatesById(list).keys()]);
    expect([...sliced!.keys()]).toEqual([1, 11, 21]);
    expect(await duplicatesByIdInSlices(list, () => true, 4)).toBeUndefined();
  });
});

describe('merging two records', () => {
  it('keeps the chosen record’s status, dates and flags, and unions names and profiles', () => {
    const a = client(1, 'Jane Doe', { status: 'former', endDate: '2024-01-02', updatedAt: 5, identities: { ...emptyIdentities(), facebook: ['janedoe71'] } });
    const b = client(2, 'jane doe', { status: 'current', minor: true, aliases: ['JD'], updatedAt: 9, identities: { ...emptyIdentities(), instagram: ['jd'] } });
    expect(preferredKeep(a, b)).toBe(b);
    const merged = mergedDraft(b, a);
    expect(merged).toMatchObject({ name: 'jane doe', status: 'current', minor: true, aliases: ['JD', 'Jane Doe'] });
    expect(merged.identities).toEqual({ facebook: ['janedoe71'], instagram: ['jd'], linkedin: [] });
    expect(merged.endDate).toBeUndefined();
  });

  for (const vault of [false, true]) {
    it(`re-points related people, "not them", log and "to discuss" to the kept record in one go${vault ? ', with the vault on' : ''}`, async () => {
      if (vault) await enableVault(db, 'correct horse battery staple');
      const keep = await addClient(db, draft('Jane Doe', { identities: { ...emptyIdentities(), facebook: ['janedoe71'] } }));
      const drop = await addClient(db, draft('JANE DOE', { status: 'former', identities: { ...emptyIdentities(), instagram: ['jd'] } }));
      const parent = await addClient(db, draft('Pat Doe', { relatedTo: drop, relationship: 'parent' }));
      await rememberNotThem(db, drop, 'facebook', 'someoneelse');
      await logActivity(db, { at: Date.now(), kind: 'declined', place: 'facebook', clientId: drop });
      await addDiscussEntry(db, { clientId: drop, platform: 'facebook', event: 'declined-request', at: Date.now() });

      await mergeClients(db, keep, drop);

      const list = await listClients(db);
      expect(list.map((c) => c.id).sort()).toEqual([keep, parent].sort());
      const kept = list.find((c) => c.id === keep)!;
      expect(kept.status).toBe('current');
      expect(kept.aliases).toEqual(['JANE DOE']);
      expect(kept.identities.instagram).toEqual(['jd']);
      expect(list.find((c) => c.id === parent)!.relatedTo).toBe(keep);
      expect([...(await notThemKeys(db))]).toEqual([`facebook:someoneelse|${keep}`]);
      expect((await listActivity(db)).map((e) => e.clientId)).toEqual([keep]);
      expect((await listDiscuss(db)).map((e) => e.clientId)).toEqual([keep]);
    });
  }

  it('refuses, writing nothing, a merge that would give a related person related people', async () => {
    const client1 = await addClient(db, draft('Kim Ray'));
    const keep = await addClient(db, draft('Lou Ray', { relatedTo: client1, relationship: 'partner' }));
    const drop = await addClient(db, draft('lou ray'));
    await addClient(db, draft('Max Ray', { relatedTo: drop, relationship: 'parent' }));
    await expect(mergeClients(db, keep, drop)).rejects.toBeInstanceOf(ClientLimitError);
    expect(await listClients(db)).toHaveLength(4);
  });
});

describe('re-importing a row without profiles', () => {
  it('updates the one record of that folded name, even one with profiles, and says so', async () => {
    await addClient(db, draft('Chidi Okoro', { identities: { ...emptyIdentities(), facebook: ['chidiokoro'] } }));
    const outcome = await importDrafts(db, [draft('OKORO, Chidi', { status: 'former' })]);
    expect(outcome).toMatchObject({ added: 0, updated: 1, duplicates: [], updatedByName: [{ index: 0, name: 'Chidi Okoro' }] });
    const list = await listClients(db);
    expect(list).toHaveLength(1);
    expect(list[0]).toMatchObject({ status: 'former', identities: { facebook: ['chidiokoro'] } });
  });

  it('flags, rather than guesses, when several records share the name; and flags a new profile row of a known name', async () => {
    await addClient(db, draft('Sam Lee', { identities: { ...emptyIdentities(), instagram: ['sam1'] } }));
    await addClient(db, draft('Sam Lee', { identities: { ...emptyIdentities(), instagram: ['sam2'] } }));
    await addClient(db, draft('Mia Hart'));
    const outcome = await importDrafts(db, [
      draft('sam lee', { status: 'former' }),
      draft('Mia Hart', { identities: { ...emptyIdentities(), instagram: ['mia.h'] } }),
    ]);
    expect(outcome).toMatchObject({ added: 2, updated: 0, duplicates: [{ index: 0, name: 'sam lee', others: 2 }, { index: 1, name: 'Mia Hart', others: 1 }] });
    const list = await listClients(db);
    expect(list.filter((c) => c.status === 'former')).toHaveLength(1);
    expect(list.filter((c) => c.name.toLowerCase() === 'sam lee')).toHaveLength(3);
  });
});
