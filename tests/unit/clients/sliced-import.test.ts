import { PAGE_SIZE } from '@/lib/db/client-pages';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { BoundaryDb, type StoredClient } from '@/lib/db';
import { readClientCsv, readClientCsvInSlices } from '@/lib/clients/client-csv';
import { planImport, planImportInSlices, type ImportItem } from '@/lib/clients/import-plan';
import { emptyIdentities } from '@/lib/clients/model';
import { storedRecord } from '@/lib/clients/record';
import { identityKeysOf } from '@/lib/clients/sealing';
import { firstClients, importDrafts, listClients, listClientsInSlices } from '@/lib/clients/store';
import { enableVault } from '@/lib/vault/vault';
import { draft } from './draft';

/**
 * The long list's paths (lib/clients/slices.ts): reading a CSV, planning an import and reading
 * the list in slices with pauses give exactly what the straight-through versions give, and an
 * import written in chunks is still one transaction.
 */

let db: BoundaryDb;
let n = 0;
beforeEach(() => {
  fakeBrowser.reset();
  db = new BoundaryDb(`sliced-${++n}`);
});
afterEach(async () => {
  vi.restoreAllMocks();
  await db.delete();
});

/**
 * A CSV of `count` rows with every kind of trouble spread through it: refused statuses, blank
 * names, bad profiles and dates, quoted fields with commas and line breaks (so physical lines and
 * records differ), blank lines, CRLF and LF, related people named before and after their client.
 */
function messyCsv(count: number): string {
  const lines = ['\uFEFFName,Status,aliases,facebook,instagram,start_date,end_date,related_to,relationship'];
  for (let i = 0; i < count; i++) {
    const kind = i % 11;
    const name = kind === 3 ? '  ' : kind === 5 ? `"Okoro, Chidi ${i}"` : kind === 7 ? `"Line\nbreak ${i}"` : `Person ${i % 97}`;
    const status = kind === 2 ? 'maybe' : kind === 4 ? 'FORMER' : '';
    const facebook = kind === 6 ? 'https://example.com/not-facebook' : kind === 1 ? `https://www.facebook.com/person.${i}` : '';
    const instagram = kind === 8 ? `@person_${i}` : '';
    const start = kind === 9 ? '2023-02-30' : kind === 10 ? '03/04/2021' : '';
    const end = kind === 4 ? '2024-01-31' : '';
    // Every 11th row a related person, whose client (named once) comes in the next row; a few name a shared name, which is ambiguous.
    const related = kind === 0 ? [i % 3 === 0 ? `Person ${i % 97}` : `Guardian ${i}`, 'parent'] : ['', ''];
    lines.push([kind === 0 ? `Kid ${i}` : name, status, kind === 1 ? 'Al; Bert' : '', facebook, instagram, start, end, ...related].join(','));
    if (kind === 0) lines.push(`Guardian ${i},,,,,,,,`);
    if (i % 17 === 0) lines.push('');
  }
  return lines.map((line, i) => line + (i % 2 === 0 ? '\r\n' : '\n')).join('');
}

describe('a CSV read in slices', () => {
  it('gives the same rows and the same refusals, with the same line numbers, as read straight through', async () => {
    const csv = messyCsv(1500);
    const straight = readClientCsv(csv);
    const seen: [number, number][] = [];
    const sliced = await readClientCsvInSlices(csv, (done, total) => seen.push([done, total]), 37);
    expect(straight.ok && straight.rejected.length).toBeGreaterThan(100);
    expect(straight.ok && straight.rows.length).toBeGreaterThan(500);
    expect(sliced).toEqual(straight);
    // It paused many times, said how far it was each time, and ended at its total.
    expect(seen.length).toBeGreaterThan(30);
    expect(seen.every(([done, total], i) => done <= total && (i === 0 || done >= seen[i - 1]![0]))).toBe(true);
    expect(seen.at(-1)![0]).toBe(seen.at(-1)![1]);
  });

  it('refuses a file as a whole just as the straight reader does', async () => {
    for (const csv of ['', 'status\ncurrent\n', 'name,name\nA,B\n', 'name\n\u0001\n']) {
      expect(await readClientCsvInSlices(csv)).toEqual(readClientCsv(csv));
    }
  });
});

describe('an import planned in slices', () => {
  /** A list already holding some of the file's people, fresh for each plan (planning updates matched records in place). */
  const existing = (): StoredClient[] =>
    Array.from({ length: 300 }, (_, i) => {
      const identities = { ...emptyIdentities(), facebook: i % 3 === 0 ? [`person.${i * 11}`] : [] };
      return { ...storedRecord(draft(`Person ${i % 97}`, { identities }), { createdAt: 1, version: 0 }, 1), id: i + 1, identityKeys: identityKeysOf(identities) };
    });

  it('makes the same plan as planning straight through', async () => {
    const read = readClientCsv(messyCsv(1500));
    if (!read.ok) throw new Error('unreadable');
    const items: ImportItem[] = read.rows.map(({ draft: d, relatedToName }) => ({ draft: d, ...(relatedToName !== undefined && { relatedToName }) }));
    const options = { given: new Set(read.given), now: 1_700_000_000_000 };
    const straight = planImport(existing(), items, options);
    const seen: number[] = [];
    const sliced = await planImportInSlices(existing(), items, options, (done) => seen.push(done));
    expect(straight.refused.length).toBeGreaterThan(0);
    expect(straight.duplicates.length).toBeGreaterThan(0);
    expect(straight.writes.some((w) => w.target !== undefined)).toBe(true);
    expect(sliced).toEqual(straight);
    expect(seen.length).toBe(Math.floor((300 + items.length) / 2000));
  });
});

describe('an import written in chunks', () => {
  it('is all or nothing: a write failing after the first chunk leaves the list as it was', async () => {
    await importDrafts(db, [draft('Ana Souza'), draft('Mia Hart')]);
    const before = await listClients(db);
    const bulkPut = db.clients.bulkPut.bind(db.clients);
    let calls = 0;
    vi.spyOn(db.clients, 'bulkPut').mockImplementation(((...args: Parameters<typeof bulkPut>) => {
      if (++calls === 3) return Promise.reject(new Error('disk full'));
      return bulkPut(...args);
    }) as typeof bulkPut);
    await expect(importDrafts(db, Array.from({ length: 4500 }, (_, i) => draft(`Person ${i}`)))).rejects.toThrow('disk full');
    // The third write failed (with two in flight, a fourth may have been asked for meanwhile).
    expect(calls).toBeGreaterThanOrEqual(3);
    vi.restoreAllMocks();
    expect(await listClients(db)).toEqual(before);
  });

  it('keeps the good rows of a file with bad ones, and writes them all', async () => {
    const csv = messyCsv(3000);
    const read = await readClientCsvInSlices(csv, undefined, 250);
    if (!read.ok) throw new Error('unreadable');
    const items = read.rows.map(({ draft: d, relatedToName }) => ({ draft: d, ...(relatedToName !== undefined && { relatedToName }) }));
    const outcome = await importDrafts(db, items, undefined, new Set(read.given));
    expect(read.rejected.map((r) => r.line)).toEqual((readClientCsv(csv) as { rejected: { line: number }[] }).rejected.map((r) => r.line));
    expect(await db.clients.count()).toBe(outcome.added);
    expect(outcome.added).toBeGreaterThan(0);
  });
});

describe('the list read in slices', () => {
  const seed = () => importDrafts(db, Array.from({ length: 230 }, (_, i) => draft(`Person ${i}`, { status: i % 4 === 0 ? 'former' : 'current' })));

  it('is the list listClients reads, whatever the slice', async () => {
    await seed();
    const all = await listClients(db);
    for (const slice of [1, 7, 100, 230, 5000]) expect(await listClientsInSlices(db, undefined, slice)).toEqual(all);
  });

  it('stops when told, giving nothing', async () => {
    await seed();
    let asked = 0;
    expect(await listClientsInSlices(db, () => ++asked > 3, 10)).toBeUndefined();
  });

  it('opens sealed rows the same way, with the vault on', async () => {
    await seed();
    await enableVault(db, 'correct horse battery staple');
    const all = await listClients(db);
    expect(all).toHaveLength(230);
    expect(await listClientsInSlices(db, undefined, 50)).toEqual(all);
    const first = await firstClients(db, 20);
    expect(first).toEqual({ clients: all.slice(0, 20), more: true });
  });

  it('begins with a bounded read: the first rows as stored, and whether there are more', async () => {
    await seed();
    const all = await listClients(db);
    expect(await firstClients(db, 100)).toEqual({ clients: all.slice(0, 100), more: true });
    expect(await firstClients(db, 229)).toEqual({ clients: all.slice(0, 229), more: true });
    expect(await firstClients(db, 230)).toEqual({ clients: all, more: false });
    expect(await firstClients(db, 1000)).toEqual({ clients: all, more: false });
  });

  // The options page's first screen waits on this read alone. IndexedDB counts a table by walking
  // every row (in Chromium, 100,000 clients' count took about half a second), and a read without
  // a limit gets every row: either puts the whole list on the first screen's path again.
  it('reads at most the pages that hold one row past its limit, and never counts or walks the table', async () => {
    await seed();
    const stores = globalThis.IDBObjectStore.prototype;
    const indexes = globalThis.IDBIndex.prototype;
    const counts = [vi.spyOn(stores, 'count'), vi.spyOn(indexes, 'count')];
    const cursors = [vi.spyOn(stores, 'openCursor'), vi.spyOn(stores, 'openKeyCursor'), vi.spyOn(indexes, 'openCursor'), vi.spyOn(indexes, 'openKeyCursor')];
    const getAll = vi.spyOn(stores, 'getAll');
    const first = await firstClients(db, 20);
    expect(first.clients).toHaveLength(20);
    for (const spy of [...counts, ...cursors]) expect(spy).not.toHaveBeenCalled();
    expect(getAll).toHaveBeenCalledTimes(1);
    // getAll(range, count), or the newer getAll({ query, count, direction }).
    const [query, count] = getAll.mock.calls[0]! as unknown[];
    const limit = typeof query === 'object' && query !== null && 'count' in query ? (query as { count?: number }).count : count;
    // The list's pages hold PAGE_SIZE rows each (lib/db/client-pages.ts): one past the 21 rows', for a list that starts mid-page.
    expect(limit).toBe(Math.ceil(21 / PAGE_SIZE) + 1);
  });
});
