import { browser } from 'wxt/browser';
import type { TabState } from './tab-detections';

/**
 * Per-tab detections, kept in storage.session: in memory only (never written to disk), shared
 * with nothing outside the extension (content scripts are not given access), and still there
 * when Chrome restarts an idle service worker.
 *
 * The background is the only writer, so it also keeps what it last wrote in its own memory and
 * reads that back without a round trip to storage; a restarted service worker has none of it
 * and reads storage.session instead.
 */
const keyOf = (tabId: number) => `tab:${tabId}`;
const written = new Map<number, TabState>();

export async function readTab(tabId: number): Promise<TabState | undefined> {
  const held = written.get(tabId);
  if (held) return held;
  const stored = await browser.storage.session.get(keyOf(tabId));
  return stored[keyOf(tabId)] as TabState | undefined;
}

export async function writeTab(tabId: number, state: TabState): Promise<void> {
  holdTab(tabId, state);
  await persistTab(tabId);
}

/**
 * The tab's state as the background last held it, without waiting: for a change that must read
 * and replace it in one step, with nothing else running between the two.
 */
export const heldTab = (tabId: number): TabState | undefined => written.get(tabId);

/**
 * Makes `state` the tab's at once, for every reader in this worker; `persistTab` then keeps it in
 * storage.session. Apart, so that a page's report is answered (and the badge set) without waiting
 * for storage.
 */
export function holdTab(tabId: number, state: TabState): void {
  written.set(tabId, state);
}

/** Writes what is held for the tab now (the latest, whichever report made it) to storage.session. */
export async function persistTab(tabId: number): Promise<void> {
  const state = written.get(tabId);
  if (state) await browser.storage.session.set({ [keyOf(tabId)]: state });
}

export async function forgetTab(tabId: number): Promise<void> {
  written.delete(tabId);
  await browser.storage.session.remove(keyOf(tabId));
}

export async function knownTabIds(): Promise<number[]> {
  const all = await browser.storage.session.get(null);
  const stored = Object.keys(all)
    .filter((key) => key.startsWith('tab:'))
    .map((key) => Number(key.slice(4)));
  return [...new Set([...stored, ...written.keys()])];
}
