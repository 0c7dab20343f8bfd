import { browser } from 'wxt/browser';

/** What the toolbar icon shows while the passphrase vault is locked: nothing is being matched. */
export const LOCK_BADGE = '🔒';
const COUNT_COLOUR = '#8a3b12';

/** The toolbar button: `action` in Manifest V3 (Chrome), `browserAction` in Firefox's V2 build. */
const toolbar = () => browser.action ?? (browser as unknown as { browserAction: typeof browser.action }).browserAction;
const LOCK_COLOUR = '#5b6169';

/**
 * A tab's badge: its text and colour asked for together rather than one after the other, the text
 * first. The browser applies them in the order asked, so the new count shows without waiting
 * behind the colour, which is almost always the one the tab already has (a colour that does change,
 * from the lock's, follows within the same moment).
 */
async function showOnTab(tabId: number, color: string, text: string): Promise<void> {
  try {
    await Promise.all([toolbar().setBadgeText({ tabId, text }), toolbar().setBadgeBackgroundColor({ tabId, color })]);
  } catch {
    // The tab closed while we were matching: nothing to show it on.
  }
}

/** The toolbar icon's count of matched people in the tab; empty when there are none. */
export function showCount(tabId: number, count: number): Promise<void> {
  return showOnTab(tabId, COUNT_COLOUR, count > 0 ? String(count) : '');
}

/**
 * What the toolbar icon shows while the list is still being read into the matcher (a restarted
 * service worker with a long list takes seconds): the page is being checked, nothing found yet.
 */
export const CHECKING_BADGE = '…';

export function showChecking(tabId: number): Promise<void> {
  return showOnTab(tabId, COUNT_COLOUR, CHECKING_BADGE);
}

/** A review-reply screen: no one is counted, but the popup has something to say. */
export function showNotice(tabId: number): Promise<void> {
  return showOnTab(tabId, COUNT_COLOUR, '!');
}

/** What the toolbar icon shows on a page Boundary should read but cannot: look at it by hand. */
export const UNREADABLE_BADGE = '?';

/** A page of requests or conversations that Boundary cannot read (lib/sites/page-signals). */
export function showUnreadable(tabId: number): Promise<void> {
  return showOnTab(tabId, COUNT_COLOUR, UNREADABLE_BADGE);
}

/**
 * The lock on the icon: everywhere (the browser-wide badge, which any tab without its own shows)
 * and on each of these tabs, whose own badge would otherwise still show an earlier count.
 */
export async function showLocked(tabIds: readonly number[]): Promise<void> {
  await Promise.all([
    toolbar().setBadgeBackgroundColor({ color: LOCK_COLOUR }),
    toolbar().setBadgeText({ text: LOCK_BADGE }),
    ...tabIds.map((tabId) => showOnTab(tabId, LOCK_COLOUR, LOCK_BADGE)),
  ]);
}

/** Unlocked (or no vault): no browser-wide lock; each tab's count comes back as it reports again. */
export async function clearLocked(tabIds: readonly number[]): Promise<void> {
  await toolbar().setBadgeText({ text: '' });
  await Promise.all(tabIds.map((tabId) => showCount(tabId, 0)));
}
