import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { sortInSlices } from '@/lib/clients/slices';

/**
 * The options page sorts a long list by name in slices (lib/clients/slices.ts, sortInSlices):
 * the order must be exactly a stable sort's, ties included, and no stretch between two pauses may
 * hold much more than a run's worth of comparisons, or the sort is one long task again.
 */

type Item = { key: number; at: number };
const byKey = (a: Item, b: Item) => a.key - b.key;

/** A small seeded generator, so a failure shows the same list again. */
function items(length: number, keys: number, seed: number): Item[] {
  let state = seed;
  const next = () => ((state = (state * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
  return Array.from({ length }, (_, at) => ({ key: Math.floor(next() * keys), at }));
}

const global = globalThis as { scheduler?: { yield?: () => Promise<void> } };
const original = global.scheduler;
// Pauses at once, as scheduler.yield() does in the page (Node has none: a timer each would be slow).
beforeEach(() => {
  global.scheduler = { yield: () => Promise.resolve() };
});
afterEach(() => {
  global.scheduler = original;
});

describe('sortInSlices', () => {
  it('gives what a stable sort gives, ties in their first order, whatever the slice', async () => {
    for (const length of [0, 1, 2, 3, 10, 257, 1000]) {
      for (const keys of [1, 3, 50, 100_000]) {
        const list = items(length, keys, length * 7 + keys);
        const expected = [...list].sort(byKey);
        for (const slice of [1, 2, 3, 7, 64, 5000]) {
          expect(await sortInSlices(list, byKey, undefined, slice), `${length} items, ${keys} keys, slice ${slice}`).toEqual(expected);
        }
      }
    }
  });

  it('leaves its input as it was', async () => {
    const list = items(500, 20, 1);
    const copy = [...list];
    await sortInSlices(list, byKey, undefined, 16);
    expect(list).toEqual(copy);
  });

  it('pauses often: never much more than a run’s worth of comparisons between two pauses', async () => {
    let since = 0;
    let most = 0;
    let pauses = 0;
    global.scheduler = {
      yield: () => {
        pauses++;
        most = Math.max(most, since);
        since = 0;
        return Promise.resolve();
      },
    };
    const slice = 100;
    const counted = (a: Item, b: Item) => {
      since++;
      return byKey(a, b);
    };
    const list = items(20_000, 1000, 3);
    expect(await sortInSlices(list, counted, undefined, slice)).toEqual([...list].sort(byKey));
    most = Math.max(most, since);
    // A run of 100 sorts in about 100 × log2(100) ≈ 700 comparisons; merging pauses after 10 × 100.
    expect(most).toBeLessThanOrEqual(slice * 10);
    expect(pauses).toBeGreaterThan(20_000 / slice);
  });

  it('stops when told, giving nothing', async () => {
    let asked = 0;
    expect(await sortInSlices(items(1000, 50, 5), byKey, () => ++asked > 4, 10)).toBeUndefined();
  });
});
