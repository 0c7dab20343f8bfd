import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { emptyIdentities } from '@/lib/clients/model';
import { addClient } from '@/lib/clients/store';
import { database } from '@/lib/db';
import { onPageCandidates, onPageRequest, onTabGone } from '@/lib/detections/handlers';
import { invalidateMatcher } from '@/lib/matching/matcher-cache';
import type { PageCandidates, PopupState } from '@/lib/messaging/messages';
import { requestsReport } from '../support/report';

// A report's badge and state come first; what is kept after it (storage, logs) has a line of its
// own, so one report's writes never hold back the next report's badge.
const TAB = 33;
const person = (n: number) => ({ token: `tok${n}`, kind: 'request' as const, platform: 'facebook' as const, identities: [`10008941230000${n}`], name: `Person ${n}` });
const report = (seq: number, count: number): PageCandidates =>
  requestsReport(Array.from({ length: count }, (_, i) => person(i + 1)), { seq });
const badge = () => fakeBrowser.action.getBadgeText({ tabId: TAB });
const shown = () => onPageRequest({ type: 'popup-state', tabId: TAB }) as Promise<PopupState>;

beforeEach(async () => {
  fakeBrowser.reset();
  invalidateMatcher();
  const db = database();
  await Promise.all(db.tables.map((table) => table.clear()));
  for (const n of [1, 2]) {
    await addClient(db, { name: `Person ${n}`, aliases: [], status: 'current', identities: { ...emptyIdentities(), facebook: [`10008941230000${n}`] } });
  }
});
afterEach(() => vi.restoreAllMocks());

describe('a report and what is kept after it', () => {
  it('the next report’s badge and popup state do not wait for the last report’s storage writes', async () => {
    await onPageCandidates(TAB, report(1, 0));
    // Storage hangs from here on, as on a busy machine.
    let release!: () => void;
    const held = new Promise<void>((resolve) => (release = resolve));
    const realSet = fakeBrowser.storage.session.set.bind(fakeBrowser.storage.session);
    const set = vi.spyOn(fakeBrowser.storage.session, 'set').mockImplementation(async (items) => {
      await held;
      return realSet(items);
    });
    const first = onPageCandidates(TAB, { ...report(2, 1), candidates: [person(1)], removed: [] });
    const second = onPageCandidates(TAB, { ...report(3, 2), candidates: [person(2)], removed: [] });
    await vi.waitFor(async () => expect(await badge()).toBe('2'));
    // The popup reads what the background holds, not what storage has yet.
    expect((await shown()).detections.detections.map((d) => d.token)).toEqual(['tok1', 'tok2']);
    release();
    expect(await first).toEqual({ ok: true, guard: [] });
    expect(await second).toEqual({ ok: true, guard: [] });
    set.mockRestore();
    // Kept in the end, and the latest state wins.
    const stored = (await fakeBrowser.storage.session.get(`tab:${TAB}`))[`tab:${TAB}`] as { detections: { token: string }[] };
    expect(stored.detections.map((d) => d.token)).toEqual(['tok1', 'tok2']);
  });

  it('a closed tab is forgotten only after its last report is kept, so nothing brings it back', async () => {
    const TAB = 34;
    await onPageCandidates(TAB, report(1, 2));
    let release!: () => void;
    const held = new Promise<void>((resolve) => (release = resolve));
    const realSet = fakeBrowser.storage.session.set.bind(fakeBrowser.storage.session);
    vi.spyOn(fakeBrowser.storage.session, 'set').mockImplementation(async (items) => {
      await held;
      return realSet(items);
    });
    const last = onPageCandidates(TAB, { ...report(2, 1), candidates: [], removed: ['tok2'] });
    const gone = onTabGone(TAB);
    release();
    await Promise.all([last, gone]);
    expect(await fakeBrowser.storage.session.get(`tab:${TAB}`)).toEqual({});
  });
});
