import { browser } from 'wxt/browser';
import type { TabState } from './tab-detections';

/**
 * Per-tab detections, kept in storage.session: in memory only (never written to disk), shared
 * with nothing outside the extension (content scripts are not given access), and still there
 * when Chrome restarts an idle service worker.
 */
const keyOf = (tabId: number) => `tab:${tabId}`;

export async function readTab(tabId: number): Promise<TabState | undefined> {
  const stored = await browser.storage.session.get(keyOf(tabId));
  return stored[keyOf(tabId)] as TabState | undefined;
}

export async function writeTab(tabId: number, state: TabState): Promise<void> {
  await browser.storage.session.set({ [keyOf(tabId)]: state });
}

export async function forgetTab(tabId: number): Promise<void> {
  await browser.storage.session.remove(keyOf(tabId));
}

export async function knownTabIds(): Promise<number[]> {
  const all = await browser.storage.session.get(null);
  return Object.keys(all)
    .filter((key) => key.startsWith('tab:'))
    .map((key) => Number(key.slice(4)));
}
