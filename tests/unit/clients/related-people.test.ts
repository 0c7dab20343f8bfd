import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { readClientCsv } from '@/lib/clients/client-csv';
import { mergeEdit } from '@/lib/clients/edit-merge';
import { ClientLimitError } from '@/lib/clients/limits';
import { emptyIdentities, type Client } from '@/lib/clients/model';
import { addClient, deleteClient, getClient, importDrafts, listClients, updateClient } from '@/lib/clients/store';
import type { ImportItem } from '@/lib/clients/import-plan';
import { BoundaryDb } from '@/lib/db';
import { enableVault } from '@/lib/vault/vault';
import { draft } from './draft';

let db: BoundaryDb;
let n = 0;
beforeEach(() => {
  fakeBrowser.reset();
  db = new BoundaryDb(`related-${++n}`);
});
afterEach(async () => {
  vi.restoreAllMocks();
  await db.delete();
});

/** A CSV file imported as the options page imports one: its rows, the related names, the columns it has. */
async function importCsv(text: string) {
  const read = readClientCsv(text);
  if (!read.ok) throw new Error(read.error);
  const items: ImportItem[] = read.rows.map(({ draft, relatedToName }) => ({ draft, ...(relatedToName !== undefined && { relatedToName }) }));
  const outcome = await importDrafts(db, items, undefined, new Set(read.given));
  return { ...outcome, refusedLines: outcome.refused.map(({ index, reason }) => [read.rows[index]!.line, reason]), rejected: read.rejected };
}

const byName = async () => new Map((await listClients(db)).map((c) => [c.name, c] as const));
const fb = (id: string) => ({ ...emptyIdentities(), facebook: [id] });

describe('related people through a CSV import', () => {
  it('relate to a client on the list or anywhere in the same file, later rows included', async () => {
    const ana = await addClient(db, draft('Ana Souza', { identities: fb('100012345678901') }));
    const outcome = await importCsv(
      [
        'name,status,facebook,related_to,relationship,minor,safety,start_date',
        'Leo Souza,,leosouza51,Ana Souza,parent,,,', // 2: to a client on the list
        'Rosa Diaz,,rosadiaz,maya lee,guardian,,,', // 3: to a client further down, by name in any case
        'Maya Lee,current,mayalee7,,,yes,,2024-09-01', // 4
        'Tom Diaz,,,Rosa Diaz,partner,,,', // 5: to a related person: refused
        'Zed Quinn,,,Nobody Here,carer,,,', // 6: to nobody: refused
        'Ana Souza,,100012345678901,Maya Lee,family,,,', // 7: a client with related people of her own: refused
        'Solo Self,,,Solo Self,family,,,', // 8: to themselves: refused
      ].join('\n'),
    );
    expect(outcome.refusedLines).toEqual([
      [5, '“Rosa Diaz” is a related person, not a client: relate them to the client instead'],
      [6, 'related_to "Nobody Here" is not a client on the list or in this file'],
      [7, 'they have related people of their own, so they cannot be related to another client'],
      [8, 'a person cannot be related to themselves'],
    ]);
    expect({ added: outcome.added, updated: outcome.updated }).toEqual({ added: 3, updated: 0 });
    const people = await byName();
    expect([...people.keys()].sort()).toEqual(['Ana Souza', 'Leo Souza', 'Maya Lee', 'Rosa Diaz']);
    expect(people.get('Leo Souza')).toMatchObject({ relatedTo: ana, relationship: 'parent' });
    expect(people.get('Rosa Diaz')).toMatchObject({ relatedTo: people.get('Maya Lee')!.id, relationship: 'guardian' });
    expect(people.get('Maya Lee')).toMatchObject({ minor: true, startDate: '2024-09-01' });
    expect(people.get('Maya Lee')).not.toHaveProperty('relatedTo');
    // Ana's refused row changed nothing of hers.
    expect(people.get('Ana Souza')!.version).toBe(1);
  });

  it('a name two clients share is refused as ambiguous; a related person of the same name does not count', async () => {
    await addClient(db, draft('Sam Lee', { identities: fb('samlee1') }));
    await addClient(db, draft('Sam Lee', { identities: fb('samlee2') }));
    const jo = await addClient(db, draft('Jo Park'));
    await addClient(db, draft('Jo Park', { identities: fb('jopark.parent'), relatedTo: jo, relationship: 'parent' }));
    const outcome = await importCsv('name,related_to,relationship\nKim Lee,Sam Lee,partner\nAl Park,Jo Park,family\n');
    expect(outcome.refusedLines).toEqual([[2, 'related_to "Sam Lee": more than one client has that name']]);
    expect((await byName()).get('Al Park')).toMatchObject({ relatedTo: jo, relationship: 'family' });
  });

  it('a file without a column changes none of that field; a blank cell in a column it has clears it', async () => {
    const ana = await addClient(db, draft('Ana Souza', { identities: fb('anasouza'), minor: true, safety: true, startDate: '2024-01-01' }));
    await addClient(db, draft('Leo Souza', { identities: fb('leosouza51'), relatedTo: ana, relationship: 'parent' }));
    // Only names and profiles: every flag, date and relation stays.
    expect(await importCsv('name,facebook\nAna Souza,anasouza\nLeo Souza,leosouza51\n')).toMatchObject({ updated: 2, refused: [] });
    let people = await byName();
    expect(people.get('Ana Souza')).toMatchObject({ minor: true, safety: true, startDate: '2024-01-01' });
    expect(people.get('Leo Souza')).toMatchObject({ relatedTo: ana, relationship: 'parent' });
    // The columns, blank: minor and the relation are cleared; safety and the date are kept.
    expect(await importCsv('name,facebook,minor,related_to,relationship\nAna Souza,anasouza,,,\nLeo Souza,leosouza51,no,,\n')).toMatchObject({ updated: 2, refused: [] });
    people = await byName();
    expect(people.get('Ana Souza')).toMatchObject({ safety: true, startDate: '2024-01-01' });
    expect(people.get('Ana Souza')).not.toHaveProperty('minor');
    expect(people.get('Leo Souza')).not.toHaveProperty('relatedTo');
    expect(people.get('Leo Souza')).not.toHaveProperty('relationship');
  });

  it('a file without a status column makes no former client current; a blank status in one that has it does', async () => {
    await addClient(db, draft('Mia Hart', { status: 'former', endDate: '2023-06-30', identities: fb('miahart') }));
    expect(await importCsv('name,facebook\nMia Hart,miahart\nNew Person,newperson\n')).toMatchObject({ added: 1, updated: 1, refused: [] });
    expect((await byName()).get('Mia Hart')).toMatchObject({ status: 'former', endDate: '2023-06-30' });
    expect((await byName()).get('New Person')).toMatchObject({ status: 'current' });
    // Said current while the record keeps an end date: refused with why, rather than guessed.
    expect((await importCsv('name,status,facebook\nMia Hart,,miahart\n')).refusedLines).toEqual([[2, 'only a former client has an end date']]);
    expect(await importCsv('name,status,end_date,facebook\nMia Hart,current,,miahart\n')).toMatchObject({ updated: 1, refused: [] });
    expect((await byName()).get('Mia Hart')).toMatchObject({ status: 'current' });
    expect((await byName()).get('Mia Hart')).not.toHaveProperty('endDate');
  });

  it('importing an export again changes no relation, and a client renamed in the same file is found by its new name', async () => {
    const ana = await addClient(db, draft('Ana Souza', { identities: fb('anasouza') }));
    await importCsv('name,facebook\nAna Lima,anasouza\n');
    const outcome = await importCsv('name,facebook,related_to,relationship\nLeo Souza,leosouza51,Ana Lima,parent\nLeo Souza,leosouza51,Ana Lima,parent\n');
    expect(outcome).toMatchObject({ added: 1, refused: [] });
    expect((await byName()).get('Leo Souza')).toMatchObject({ relatedTo: ana, relationship: 'parent' });
  });

  it('never half-writes: a failure while writing the related people leaves the clients unwritten too', async () => {
    const put = db.clients.bulkPut.bind(db.clients);
    let calls = 0;
    vi.spyOn(db.clients, 'bulkPut').mockImplementation(((...args: Parameters<typeof put>) => (++calls === 2 ? Promise.reject(new Error('disk full')) : put(...args))) as typeof put);
    await expect(importCsv('name,related_to,relationship\nLeo Souza,Maya Lee,parent\nMaya Lee,,\n')).rejects.toThrow('disk full');
    expect(await listClients(db)).toEqual([]);
  });

  it('works the same with the vault on, the relation sealed with the rest of the record', async () => {
    await enableVault(db, 'correct horse battery staple');
    await importCsv('name,related_to,relationship,safety\nLeo Souza,Maya Lee,carer,yes\nMaya Lee,,,\n');
    const people = await byName();
    expect(people.get('Leo Souza')).toMatchObject({ relatedTo: people.get('Maya Lee')!.id, relationship: 'carer', safety: true });
    for (const row of await db.clients.toArray()) expect(Object.keys(row).sort()).toEqual(['id', 'sealed']);
  }, 30_000);
});

describe('related people through the form', () => {
  it('may be related only to a client on the list that is no related person itself', async () => {
    const ana = await addClient(db, draft('Ana Souza'));
    const leo = await addClient(db, draft('Leo Souza', { relatedTo: ana, relationship: 'parent' }));
    await expect(addClient(db, draft('Eve', { relatedTo: leo, relationship: 'partner' }))).rejects.toThrow('“Leo Souza” is a related person, not a client');
    await expect(addClient(db, draft('Eve', { relatedTo: 999, relationship: 'partner' }))).rejects.toThrow('no longer on the list');
    await expect(addClient(db, draft('Eve', { relatedTo: ana }))).rejects.toBeInstanceOf(ClientLimitError);
    await expect(updateClient(db, leo, draft('Leo Souza', { relatedTo: leo, relationship: 'parent' }))).rejects.toThrow('related to themselves');
    // Ana has Leo: she cannot become someone's related person.
    const mia = await addClient(db, draft('Mia Hart'));
    await expect(updateClient(db, ana, draft('Ana Souza', { relatedTo: mia, relationship: 'family' }))).rejects.toThrow('related people of their own');
    expect((await listClients(db)).map((c) => c.name).sort()).toEqual(['Ana Souza', 'Leo Souza', 'Mia Hart']);
  });

  it('deleting a client keeps their related people, no longer linked', async () => {
    for (const vault of [false, true]) {
      if (vault) await enableVault(db, 'correct horse battery staple');
      const ana = await addClient(db, draft(`Ana ${vault}`));
      const leo = await addClient(db, draft(`Leo ${vault}`, { relatedTo: ana, relationship: 'parent', minor: true }));
      await deleteClient(db, ana);
      const kept = (await getClient(db, leo))!;
      expect(kept).toMatchObject({ name: `Leo ${vault}`, minor: true, version: 2 });
      expect(kept).not.toHaveProperty('relatedTo');
      expect(kept).not.toHaveProperty('relationship');
    }
  }, 30_000);

  it('a relation and the flags merge with an edit made meanwhile like any field, and conflict when both changed them', () => {
    const base = draft('Leo Souza', { relatedTo: 1, relationship: 'parent' });
    const theirs = { ...base, safety: true, startDate: '2024-01-01' };
    const mine = { ...base, relationship: 'guardian' as const, minor: true };
    expect(mergeEdit(base, mine, theirs)).toEqual({
      ok: true,
      theirs: ['startDate', 'safety'],
      draft: { ...base, relationship: 'guardian', minor: true, safety: true, startDate: '2024-01-01' },
    });
    expect(mergeEdit(base, { ...base, relatedTo: 2 }, { ...base, relatedTo: undefined, relationship: undefined })).toEqual({
      ok: false,
      conflicts: [{ field: 'related', mine: { relatedTo: 2, relationship: 'parent' }, theirs: undefined }],
      theirs: ['related'],
    });
    expect(mergeEdit(base, { ...base, endDate: '2024-05-01' }, { ...base, endDate: '2024-06-01' })).toMatchObject({
      ok: false,
      conflicts: [{ field: 'endDate', mine: '2024-05-01', theirs: '2024-06-01' }],
    });
  });

  it('stores flags only when on and dates only when set: a plain record is what earlier releases stored, less the identity keys only a dropped index read', async () => {
    const id = await addClient(db, draft('Ana Souza', { minor: false, safety: false, startDate: '', endDate: undefined }));
    const row = await db.clients.get(id);
    expect(Object.keys(row!).sort()).toEqual(['aliases', 'createdAt', 'id', 'identities', 'name', 'status', 'updatedAt', 'version']);
    const all: Client[] = await listClients(db);
    expect(all[0]).toEqual({ ...draft('Ana Souza'), id, createdAt: expect.any(Number), updatedAt: expect.any(Number), version: 1 });
  });
});
