import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { browser } from 'wxt/browser';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { database } from '@/lib/db';
import { addClient } from '@/lib/clients/store';
import { emptyIdentities } from '@/lib/clients/model';
import { onPageCandidates, onTabGone, onVaultChanged } from '@/lib/detections/handlers';
import { invalidateMatcher } from '@/lib/matching/matcher-cache';
import type { PageCandidates } from '@/lib/messaging/messages';
import { endLockPeriod, LOCKED_NOTICE_ID, NOTICED_ITEM, openUnlockView } from '@/lib/vault/locked-notice';
import { enableVault, lockVault, unlockVault } from '@/lib/vault/vault';

// "Locked is loud": a site opened while the vault is locked says so once per lock period.
const PASS = 'correct horse battery staple';
const report = (url: string): PageCandidates => ({
  type: 'page-candidates',
  url,
  platform: 'facebook',
  pageKind: 'requests',
  recognised: true,
  connectionSteps: false,
  candidates: [{ token: 'tok1', kind: 'request', platform: 'facebook', identities: ['100089412300001'], name: 'Ana Ruiz-Calder' }],
});
const REQUESTS = 'https://www.facebook.com/friends/requests/';

let created: { id: string; options: Record<string, unknown> }[];

beforeEach(async () => {
  fakeBrowser.reset();
  invalidateMatcher();
  created = [];
  vi.spyOn(fakeBrowser.tabs, 'sendMessage').mockImplementation(async () => ({ ok: true }));
  const create = fakeBrowser.notifications.create.bind(fakeBrowser.notifications) as (id: string, options: never) => Promise<string>;
  vi.spyOn(fakeBrowser.notifications, 'create').mockImplementation((async (id: string, options: Record<string, unknown>) => {
    created.push({ id, options });
    return create(id, options as never);
  }) as never);
  const db = database();
  await Promise.all(db.tables.map((table) => table.clear()));
  await addClient(db, { name: 'Ana Ruiz-Calder', aliases: [], status: 'current', identities: { ...emptyIdentities(), facebook: ['100089412300001'] } });
});
afterEach(() => {
  vi.restoreAllMocks();
});

describe('the locked notice', () => {
  it('is shown the first time a site is opened while locked, naming no one, and not again in that lock period', async () => {
    await enableVault(database(), PASS);
    await lockVault();
    await onPageCandidates(11, report(REQUESTS));
    expect(created).toHaveLength(1);
    expect(created[0]!.id).toBe(LOCKED_NOTICE_ID);
    expect(created[0]!.options).toMatchObject({ type: 'basic', title: 'Boundary is locked' });
    expect(JSON.stringify(created[0]!.options)).not.toMatch(/Ana|Ruiz|1000894/);
    expect(Object.keys(await browser.notifications.getAll())).toEqual([LOCKED_NOTICE_ID]);

    // Other pages, other tabs, reloads: still the same lock period.
    await onPageCandidates(12, report('https://www.facebook.com/messages/t/1/'));
    await onTabGone(11);
    await onPageCandidates(11, report(REQUESTS));
    expect(created).toHaveLength(1);
  });

  it('is not shown when the vault is off or unlocked', async () => {
    await onPageCandidates(11, report(REQUESTS));
    await enableVault(database(), PASS);
    await onPageCandidates(12, report(REQUESTS));
    expect(created).toEqual([]);
  });

  it('is not shown by pages that only report again because the vault just locked', async () => {
    await enableVault(database(), PASS);
    await onPageCandidates(11, report(REQUESTS));
    await lockVault();
    await onVaultChanged();
    await onPageCandidates(11, report(REQUESTS));
    expect(created).toEqual([]);
    // The clinician goes on to another page while locked: now it says so.
    await onPageCandidates(11, report('https://www.facebook.com/friends/suggestions/'));
    expect(created).toHaveLength(1);
  });

  it('unlocking ends the lock period: the notice goes, and the next lock has its own', async () => {
    await enableVault(database(), PASS);
    await lockVault();
    await onPageCandidates(11, report(REQUESTS));
    await unlockVault(database(), PASS);
    await endLockPeriod();
    expect(await browser.notifications.getAll()).toEqual({});
    await lockVault();
    await onTabGone(11);
    await onPageCandidates(11, report(REQUESTS));
    expect(created).toHaveLength(2);
  });

  it('a click opens the unlock view for the site’s tab, beside it; the options page if the tab has gone', async () => {
    const site = await browser.tabs.create({ url: REQUESTS });
    await enableVault(database(), PASS);
    await lockVault();
    await onPageCandidates(site.id!, report(REQUESTS));
    const opened = vi.spyOn(fakeBrowser.tabs, 'create');
    await openUnlockView();
    expect(opened).toHaveBeenLastCalledWith(expect.objectContaining({ url: expect.stringMatching(new RegExp(`/popup\\.html\\?tab=${site.id}$`)) }));
    expect(await browser.notifications.getAll()).toEqual({});

    // The site's tab has closed since (the fake browser cannot close tabs: a tab that never was).
    await browser.storage.session.set({ [NOTICED_ITEM]: { tabId: 999 } });
    await openUnlockView();
    expect(opened).toHaveBeenLastCalledWith({ url: expect.stringMatching(/\/options\.html#security$/) });
  });
});
