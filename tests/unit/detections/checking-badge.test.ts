import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { emptyIdentities } from '@/lib/clients/model';
import { addClient } from '@/lib/clients/store';
import { database } from '@/lib/db';
import { CHECKING_BADGE } from '@/lib/detections/badge';
import { onPageCandidates } from '@/lib/detections/handlers';
import { dropMatcher } from '@/lib/matching/matcher-cache';
import { requestsReport } from '../support/report';

// While the matcher is still being built (a restarted worker reading a long list), a page's
// report says so on the badge rather than showing nothing for seconds; a quick build shows no
// such flicker, and a matcher already built never shows it.

/** Holds the matcher back while `held` is pending, as reading 100,000 clients would. */
const gate = vi.hoisted(() => ({ held: undefined as Promise<void> | undefined, release: () => undefined as void }));
vi.mock('@/lib/matching/matcher-cache', async (importOriginal) => {
  const real = await importOriginal<typeof import('@/lib/matching/matcher-cache')>();
  return {
    ...real,
    currentMatcher: async () => {
      const state = real.currentMatcher();
      await gate.held;
      return state;
    },
  };
});

const TAB = 44;
const badge = () => fakeBrowser.action.getBadgeText({ tabId: TAB });
const wait = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const hold = () => {
  let release!: () => void;
  gate.held = new Promise<void>((resolve) => (release = resolve));
  gate.release = release;
  return release;
};

beforeEach(async () => {
  fakeBrowser.reset();
  gate.held = undefined;
  const db = database();
  await Promise.all(db.tables.map((table) => table.clear()));
  await addClient(db, { name: 'Ana Ruiz-Calder', aliases: [], status: 'current', identities: { ...emptyIdentities(), facebook: ['100089412300001'] } });
  dropMatcher();
});
afterEach(() => {
  // A failed test leaves nothing held for the next: the tab's reports go one after another.
  gate.release();
  vi.restoreAllMocks();
});

describe('the badge while the matcher is built', () => {
  it('says the page is being checked once the build takes a while, then the count', async () => {
    const release = hold();
    const reported = onPageCandidates(TAB, requestsReport());
    await wait(600);
    expect(await badge()).toBe(CHECKING_BADGE);
    release();
    await reported;
    expect(await badge()).toBe('1');
  });

  it('a quick build never shows it', async () => {
    const texts: string[] = [];
    const setText = fakeBrowser.action.setBadgeText.bind(fakeBrowser.action);
    vi.spyOn(fakeBrowser.action, 'setBadgeText').mockImplementation(async (details) => {
      texts.push(details.text ?? '');
      return setText(details);
    });
    await onPageCandidates(TAB, requestsReport());
    await wait(600);
    expect(texts).toEqual(['1']);
  });

  it('a matcher already built never shows it, however long the answer takes', async () => {
    await onPageCandidates(TAB, requestsReport());
    const release = hold();
    const reported = onPageCandidates(TAB, requestsReport([], { seq: 1 }));
    await wait(600);
    expect(await badge()).toBe('1');
    release();
    await reported;
    expect(await badge()).toBe('');
  });
});
