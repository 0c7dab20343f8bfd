import fc from 'fast-check';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { BoundaryDb, type ClientRow } from '@/lib/db';
import { COUNTER_PAGE, PAGE_SIZE, pageOf } from '@/lib/db/client-pages';

/**
 * The client list kept in pages (lib/db/client-pages.ts) behaves as a table of one row per id
 * would: the same rows after any run of writes and deletes, bounded reads that give the same
 * slices, ids never given twice, and writes that could lose each other's rows refused.
 */

let db: BoundaryDb;
let n = 0;
beforeEach(() => {
  fakeBrowser.reset();
  db = new BoundaryDb(`pages-${++n}`);
});
afterEach(async () => {
  await db.delete();
});

// A new row has no id yet, as the stores write them.
const row = (name: string, id?: number): ClientRow =>
  ({
  ...(id !== undefined && { id }),
  name,
  aliases: [],
  status: 'current',
  identities: { facebook: [], instagram: [], linkedin: [] },
  createdAt: 0,
  updatedAt: 0,
}) as ClientRow;
const nameOf = (r: ClientRow | undefined) => (r && 'name' in r ? r.name : undefined);

type Op = { kind: 'add'; count: number } | { kind: 'put'; pick: number } | { kind: 'delete'; picks: number[] } | { kind: 'clear' };

const op: fc.Arbitrary<Op> = fc.oneof(
  { weight: 4, arbitrary: fc.record({ kind: fc.constant('add' as const), count: fc.integer({ min: 1, max: 700 }) }) },
  { weight: 3, arbitrary: fc.record({ kind: fc.constant('put' as const), pick: fc.nat() }) },
  { weight: 3, arbitrary: fc.record({ kind: fc.constant('delete' as const), picks: fc.array(fc.nat(), { minLength: 1, maxLength: 300 }) }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('clear' as const) }) },
);

describe('the client list in pages', () => {
  it('after any run of adds, edits, deletes and clears: the rows a one-row-per-id table would hold, read whole or in slices', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(op, { minLength: 1, maxLength: 8 }), fc.integer({ min: 1, max: 600 }), async (ops, slice) => {
        await db.clients.clear();
        const model = new Map<number, string>();
        const given = new Set<number>();
        let counter = 0;
        for (const o of ops) {
          const ids = [...model.keys()];
          if (o.kind === 'add') {
            const rows = Array.from({ length: o.count }, () => row(`p${++counter}`));
            const added = await db.clients.bulkPut(rows);
            for (const [i, id] of added.entries()) {
              // A new id is past every id given before, deleted or not, and goes back on the row.
              expect(given.has(id)).toBe(false);
              expect(rows[i]!.id).toBe(id);
              given.add(id);
              model.set(id, nameOf(rows[i])!);
            }
          } else if (o.kind === 'put' && ids.length > 0) {
            const id = ids[o.pick % ids.length]!;
            expect(await db.clients.put(row(`edited${++counter}`, id))).toBe(id);
            model.set(id, `edited${counter}`);
          } else if (o.kind === 'delete' && ids.length > 0) {
            const gone = o.picks.map((p) => ids[p % ids.length]!);
            await db.clients.bulkDelete(gone);
            for (const id of gone) model.delete(id);
          } else if (o.kind === 'clear') {
            await db.clients.clear();
            model.clear();
          }
        }
        const expected = [...model].sort(([a], [b]) => a - b);
        expect((await db.clients.toArray()).map((r) => [r.id, nameOf(r)])).toEqual(expected);
        expect(await db.clients.count()).toBe(expected.length);
        // Read in slices, as the options page reads a long list.
        const slices: [number, string | undefined][] = [];
        for (let after = -Infinity; ; ) {
          const rows = await db.clients.after(after, slice);
          slices.push(...rows.map((r): [number, string | undefined] => [r.id, nameOf(r)]));
          if (rows.length < slice) break;
          after = rows.at(-1)!.id;
        }
        expect(slices).toEqual(expected);
        const asked = [...given].slice(0, 50);
        expect((await db.clients.bulkGet(asked)).map(nameOf)).toEqual(asked.map((id) => model.get(id)));
        // No page is left empty, and each holds only its own ids.
        for (const page of await db.clientPages.where('page').aboveOrEqual(0).toArray()) {
          expect(page.rows.length).toBeGreaterThan(0);
          for (const r of page.rows) expect(pageOf(r.id!)).toBe(page.page);
        }
      }),
      { numRuns: 25 },
    );
  });

  it('writes 10,000 new rows as a few dozen records', async () => {
    await db.clients.bulkPut(Array.from({ length: 10_000 }, (_, i) => row(`p${i}`)));
    expect(await db.clientPages.count()).toBe(Math.ceil(10_001 / PAGE_SIZE) + 1);
    expect((await db.clientPages.get(COUNTER_PAGE))?.next).toBe(10_001);
  });

  it('adding a row whose id is taken fails, and writes nothing', async () => {
    const [id] = await db.clients.bulkAdd([row('Ana')]);
    await expect(db.clients.bulkAdd([row('Ben'), row('Imposter', id)])).rejects.toThrow(`id ${id}`);
    expect((await db.clients.toArray()).map(nameOf)).toEqual(['Ana']);
  });

  it('two writes under way at once in one transaction keep both: each reads the pages the other wrote', async () => {
    await db.clients.bulkPut([row('Old')]);
    await db.transaction('rw', db.clientPages, async () => {
      // Both land on page 0, and both move the next id.
      await Promise.all([db.clients.bulkPut([row('A'), row('B')]), db.clients.bulkPut([row('C')]), db.clients.delete(1)]);
    });
    expect((await db.clients.toArray()).map((r) => [r.id, nameOf(r)])).toEqual([
      [2, 'A'],
      [3, 'B'],
      [4, 'C'],
    ]);
  });

  it('a transaction that fails writes none of its rows', async () => {
    await db.clients.bulkPut([row('Kept')]);
    const failing = db.transaction('rw', db.clientPages, async () => {
      await db.clients.bulkPut(Array.from({ length: 600 }, (_, i) => row(`p${i}`)));
      throw new Error('disk full');
    });
    await expect(failing).rejects.toThrow('disk full');
    expect((await db.clients.toArray()).map(nameOf)).toEqual(['Kept']);
    expect(await db.clients.put(row('Next'))).toBe(2);
  });
});
