import { browser } from 'wxt/browser';

/** The toolbar icon's count of matched people in the tab; empty when there are none. */
export async function showCount(tabId: number, count: number): Promise<void> {
  try {
    await browser.action.setBadgeBackgroundColor({ tabId, color: '#8a3b12' });
    await browser.action.setBadgeText({ tabId, text: count > 0 ? String(count) : '' });
  } catch {
    // The tab closed while we were matching: nothing to show it on.
  }
}
