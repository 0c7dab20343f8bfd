import { browser } from 'wxt/browser';
import { t } from '@/lib/i18n/t';

/**
 * Locked is loud: while the vault is locked nothing is matched, and the only other sign is 🔒 on
 * a toolbar icon the browser hides unless it is pinned. So the first time one of the sites is
 * opened in a lock period (from locking, or from the browser starting, to unlocking) a browser
 * notification says so, once; a click on it opens the unlock view. It names no one and nothing
 * from the list: it shows on the screen, and over other people's shoulders.
 */
export const LOCKED_NOTICE_ID = 'boundary-vault-locked';
/** Set once the notice was shown in this lock period; storage.session forgets it when the browser closes. */
export const NOTICED_ITEM = 'vault:locked-noticed';

interface Noticed {
  /** The site's tab that was opened: the unlock view shows its detections once unlocked. */
  tabId: number;
}

/** Page reports arrive several at once: the check-and-set runs one at a time. */
let queue: Promise<unknown> = Promise.resolve();

/** A site's page reported while the vault is locked: say so, unless already said in this lock period. */
export function noticeLocked(tabId: number): Promise<void> {
  const next = queue.then(async () => {
    const stored = await browser.storage.session.get(NOTICED_ITEM);
    if (stored[NOTICED_ITEM] !== undefined) return;
    await browser.storage.session.set({ [NOTICED_ITEM]: { tabId } satisfies Noticed });
    await browser.notifications.create(LOCKED_NOTICE_ID, {
      type: 'basic',
      iconUrl: browser.runtime.getURL('/icon/128.png'),
      title: t('locked_notice_title'),
      message: t('locked_notice_body'),
    });
  });
  queue = next.catch(() => undefined);
  return next;
}

/** Unlocked: the lock period is over, and a notice still on screen has nothing left to say. */
export async function endLockPeriod(): Promise<void> {
  await browser.storage.session.remove(NOTICED_ITEM);
  await browser.notifications.clear(LOCKED_NOTICE_ID);
}

/**
 * The notice was clicked: the popup's unlock view, opened as a page beside the site's tab (the
 * toolbar popup itself cannot be opened from here), for that tab, so that once unlocked it shows
 * who is on it. If that tab has gone, the options page's security view.
 */
export async function openUnlockView(): Promise<void> {
  const stored = (await browser.storage.session.get(NOTICED_ITEM))[NOTICED_ITEM] as Noticed | undefined;
  await browser.notifications.clear(LOCKED_NOTICE_ID);
  const site = stored && (await browser.tabs.get(stored.tabId).catch(() => undefined));
  if (site?.id !== undefined) {
    await browser.tabs.create({
      url: browser.runtime.getURL(`/popup.html?tab=${site.id}`),
      windowId: site.windowId,
      ...(site.index !== undefined && { index: site.index + 1 }),
    });
  } else {
    await browser.tabs.create({ url: browser.runtime.getURL('/options.html#security') });
  }
}
