import { browser } from 'wxt/browser';
import {
  onGuardDecision,
  onListChanged,
  onPageCandidates,
  onPageRequest,
  onTabAddress,
  onTabGone,
  onVaultChanged,
  showVaultState,
} from '@/lib/detections/handlers';
import { pruneActivity } from '@/lib/activity/store';
import { database } from '@/lib/db';
import { onListChange } from '@/lib/matching/matcher-cache';
import { isContentToBackground, isPageToBackground, originOf } from '@/lib/messaging/messages';
import { IDLE_ALARM, lockIfIdle, scheduleIdleLock } from '@/lib/vault/idle-lock';
import { endLockPeriod, LOCKED_NOTICE_ID, openUnlockView } from '@/lib/vault/locked-notice';
import { KEY_ITEM, USED_ITEM } from '@/lib/vault/session';

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
      if (message.type === 'guard-decision') return onGuardDecision(origin.tabId, message).then(() => ({ ok: true }));
      return onPageCandidates(origin.tabId, message);
    }
    if (origin.from === 'extension-page' && isPageToBackground(message)) {
      return onPageRequest(message);
    }
    return undefined;
  });

  browser.tabs.onRemoved.addListener((tabId) => void onTabGone(tabId));
  browser.tabs.onUpdated.addListener((tabId, change, tab) => {
    // A new document is loading: what the old one showed is gone. A page that is still ours
    // reports again from its new content script.
    if (change.status === 'loading') void onTabGone(tabId);
    // Search and review pages are read from their address, which the browser gives only for
    // hosts the clinician granted (the optional features in the options page).
    const url = change.url ?? (change.status === 'loading' ? tab.url : undefined);
    if (url) void onTabAddress(tabId, url);
  });
  // A feature was just turned on: searches and review screens already open count too.
  browser.permissions.onAdded.addListener(() => {
    void browser.tabs.query({}).then((tabs) => {
      for (const tab of tabs) if (tab.id !== undefined && tab.url) void onTabAddress(tab.id, tab.url);
    });
  });

  // The vault's key left session storage: locked from a page, gone idle, turned off or wiped.
  // Whoever removed it, what was matched with it goes and the icon says so, even if the page
  // that did it closed before it could tell the background.
  browser.storage.onChanged.addListener((changes, area) => {
    if (area === 'session' && KEY_ITEM in changes && changes[KEY_ITEM]?.newValue === undefined) void onVaultChanged();
    // Unlocked: the next lock is a new lock period, with its own notice.
    if (area === 'session' && changes[KEY_ITEM]?.newValue !== undefined) void endLockPeriod();
    // Unlocked, used or locked: the idle lock's timer moves to match.
    if (area === 'session' && (KEY_ITEM in changes || USED_ITEM in changes)) void scheduleIdleLock(database());
  });
  // A write to the list, from any page or from here, committed: open tabs are matched against it.
  onListChange(() => void onListChanged());
  // The idle time passed with nobody using Boundary: the key is wiped now, not when something next asks.
  browser.alarms.onAlarm.addListener((alarm) => {
    if (alarm.name === IDLE_ALARM) void lockIfIdle(database());
  });
  // The "Boundary is locked" notice (lib/vault/locked-notice.ts): one click opens the unlock view.
  browser.notifications.onClicked.addListener((id) => {
    if (id === LOCKED_NOTICE_ID) void openUnlockView();
  });
  void scheduleIdleLock(database());
  // A browser that was closed starts locked: session storage kept no key.
  void showVaultState();
  // The log keeps no more than the chosen period, even when nothing new is written for a while.
  void pruneActivity(database());
});
