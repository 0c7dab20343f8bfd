import { browser } from 'wxt/browser';
import { CHECKLIST } from './checklist';

/**
 * When the clinician ticked each item of the check-up list, in ms since the epoch. Kept in
 * storage.local: it says which of the sites' settings they changed, nothing about any client.
 */
const TICKS_KEY = 'checkup-ticks';
export type Ticks = Readonly<Record<string, number>>;

const KNOWN = new Set(CHECKLIST.map((item) => item.id));

/** The ticks stored, without anything that is not a known item with a time. */
export async function loadTicks(): Promise<Ticks> {
  const value = (await browser.storage.local.get(TICKS_KEY))[TICKS_KEY];
  if (typeof value !== 'object' || value === null) return {};
  return Object.fromEntries(
    Object.entries(value as Record<string, unknown>).filter(
      (entry): entry is [string, number] => KNOWN.has(entry[0]) && typeof entry[1] === 'number' && Number.isFinite(entry[1]),
    ),
  );
}

/** Ticks an item (done now, or looked at again) or clears it; the ticks as they now stand. */
export async function setTick(id: string, done: boolean, now = Date.now()): Promise<Ticks> {
  if (!KNOWN.has(id)) throw new RangeError(`No check-up item ${id}`);
  const { [id]: _old, ...rest } = await loadTicks();
  const ticks = done ? { ...rest, [id]: now } : rest;
  await browser.storage.local.set({ [TICKS_KEY]: ticks });
  return ticks;
}
