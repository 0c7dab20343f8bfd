/**
 * Long work over a list of 100,000 clients (reading a CSV, planning an import, reading the list)
 * runs in slices with a pause between them, so the page still answers a key or a click and can
 * paint its progress. The pause lets the browser run anything waiting, input first.
 */

type Scheduler = { yield?: () => Promise<void> };

/** Resolves once the browser has had a turn: scheduler.yield() where there is one, a task otherwise. */
export function nextTurn(): Promise<void> {
  const scheduler = (globalThis as { scheduler?: Scheduler }).scheduler;
  if (typeof scheduler?.yield === 'function') return scheduler.yield();
  return new Promise((resolve) => setTimeout(resolve, 0));
}

/** How the sliced readers report: `done` of about `total` (a count known only roughly is clamped to it). */
export type Progress = (done: number, total: number) => void;

/** Rows handled between two pauses: a few milliseconds of work for the parser or the planner. */
export const SLICE = 2000;

/**
 * `items` sorted by `compare`, exactly as a stable Array.prototype.sort would sort them, with a
 * pause after sorting each run of `slice` items and after each ten runs' length of merging (about
 * as many comparisons as sorting one run: a few milliseconds): sorting 100,000 clients by name with
 * a collator is about half a second of comparisons, which in one task would hold up every key
 * pressed meanwhile. Runs of `slice` are sorted natively (stably), then merged pairwise; a tie
 * takes the left run's item first, which keeps the order stable. Undefined when
 * `cancelled` says so at a pause.
 */
export async function sortInSlices<T>(
  items: readonly T[],
  compare: (a: T, b: T) => number,
  cancelled: () => boolean = () => false,
  slice = SLICE,
): Promise<T[] | undefined> {
  const budget = slice * 10;
  let since = 0;
  let runs: T[][] = [];
  for (let start = 0; start < items.length; start += slice) {
    runs.push(items.slice(start, start + slice).sort(compare));
    await nextTurn();
    if (cancelled()) return undefined;
  }
  while (runs.length > 1) {
    const merged: T[][] = [];
    for (let r = 0; r < runs.length; r += 2) {
      const left = runs[r]!;
      const right = runs[r + 1];
      if (right === undefined) {
        merged.push(left);
        continue;
      }
      const out: T[] = new Array<T>(left.length + right.length);
      let i = 0;
      let j = 0;
      let k = 0;
      while (i < left.length && j < right.length) {
        out[k++] = compare(left[i]!, right[j]!) <= 0 ? left[i++]! : right[j++]!;
        if (++since >= budget) {
          since = 0;
          await nextTurn();
          if (cancelled()) return undefined;
        }
      }
      while (i < left.length) out[k++] = left[i++]!;
      while (j < right.length) out[k++] = right[j++]!;
      merged.push(out);
    }
    runs = merged;
  }
  return runs[0] ?? [];
}
