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
