import { browser } from 'wxt/browser';
import { onPageCandidates, onPageRequest, onTabGone, onVaultChanged, showVaultState } from '@/lib/detections/handlers';
import { isContentToBackground, isPageToBackground, originOf } from '@/lib/messaging/messages';
import { KEY_ITEM } from '@/lib/vault/session';

export default defineBackground(() => {
  // A fresh install opens the welcome page once: what Boundary does and what it never does.
  browser.runtime.onInstalled.addListener(({ reason }) => {
    if (reason === 'install') void browser.tabs.create({ url: browser.runtime.getURL('/welcome.html') });
  });

  const extensionOrigin = browser.runtime.getURL('/');

  browser.runtime.onMessage.addListener((message: unknown, sender) => {
    // Trust comes from the sender, checked by the browser, never from what a message claims:
    // a content script only ever speaks for its own tab.
    const origin = originOf(sender, browser.runtime.id, extensionOrigin);
    if (origin.from === 'content' && isContentToBackground(message)) {
      return onPageCandidates(origin.tabId, message).then(() => ({ ok: true }));
    }
    if (origin.from === 'extension-page' && isPageToBackground(message)) {
      return onPageRequest(message);
    }
    return undefined;
  });

  browser.tabs.onRemoved.addListener((tabId) => void onTabGone(tabId));
  browser.tabs.onUpdated.addListener((tabId, change) => {
    // A new document is loading: what the old one showed is gone. A page that is still ours
    // reports again from its new content script.
    if (change.status === 'loading') void onTabGone(tabId);
  });

  // The vault's key left session storage: locked from a page, gone idle, turned off or wiped.
  // Whoever removed it, what was matched with it goes and the icon says so, even if the page
  // that did it closed before it could tell the background.
  browser.storage.onChanged.addListener((changes, area) => {
    if (area === 'session' && KEY_ITEM in changes && changes[KEY_ITEM]?.newValue === undefined) void onVaultChanged();
  });
  // A browser that was closed starts locked: session storage kept no key.
  void showVaultState();
});
