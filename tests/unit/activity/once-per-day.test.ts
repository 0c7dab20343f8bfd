import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { listActivity, logActivity, logOncePerDay } from '@/lib/activity/store';
import { BoundaryDb, database } from '@/lib/db';
import { addClient } from '@/lib/clients/store';
import { emptyIdentities } from '@/lib/clients/model';
import { onPageCandidates } from '@/lib/detections/handlers';
import { invalidateMatcher } from '@/lib/matching/matcher-cache';
import type { PageCandidates } from '@/lib/messaging/messages';
import { enableVault, lockVault } from '@/lib/vault/vault';
import { draft } from '../clients/draft';

// What Boundary saw (a client among suggestions or connections) is logged once a client, kind and
// site a day, however often the page reports.
const DAY = 24 * 3600 * 1000;
// Midday UTC, so that an hour either way stays on the same day.
const NOON = Date.UTC(2026, 11, 9, 12);

let db: BoundaryDb;
let n = 0;
beforeEach(() => {
  fakeBrowser.reset();
  db = new BoundaryDb(`once-per-day-${++n}`);
});
afterEach(async () => {
  await db.delete();
});

const kinds = async () => (await listActivity(db)).map((i) => [i.kind, i.place, i.clientName, i.at]);

describe('logOncePerDay', () => {
  it('adds a sighting once a day: the same client, kind and site again that day adds nothing', async () => {
    const ana = await addClient(db, draft('Ana Souza'));
    expect(await logOncePerDay(db, [{ at: NOON, kind: 'suggestion-seen', place: 'facebook', clientId: ana }])).toBe(1);
    expect(await logOncePerDay(db, [{ at: NOON + 3600_000, kind: 'suggestion-seen', place: 'facebook', clientId: ana }])).toBe(0);
    expect(await kinds()).toEqual([['suggestion-seen', 'facebook', 'Ana Souza', NOON]]);
    // The next day it is logged again.
    expect(await logOncePerDay(db, [{ at: NOON + DAY, kind: 'suggestion-seen', place: 'facebook', clientId: ana }])).toBe(1);
    expect(await kinds()).toHaveLength(2);
  });

  it('tells apart the kind, the site and the client, and collapses repeats within one report', async () => {
    const ana = await addClient(db, draft('Ana Souza'));
    const mia = await addClient(db, draft('Mia Hart'));
    const added = await logOncePerDay(db, [
      { at: NOON, kind: 'suggestion-seen', place: 'facebook', clientId: ana },
      { at: NOON, kind: 'suggestion-seen', place: 'facebook', clientId: ana },
      { at: NOON, kind: 'connection-seen', place: 'facebook', clientId: ana },
      { at: NOON, kind: 'suggestion-seen', place: 'instagram', clientId: ana },
      { at: NOON, kind: 'suggestion-seen', place: 'facebook', clientId: mia },
    ]);
    expect(added).toBe(4);
    expect(await listActivity(db)).toHaveLength(4);
  });

  it('is not held back by other kinds of entry that day', async () => {
    const ana = await addClient(db, draft('Ana Souza'));
    await logActivity(db, { at: NOON, kind: 'suggestion-removed', place: 'facebook', clientId: ana });
    expect(await logOncePerDay(db, [{ at: NOON, kind: 'suggestion-seen', place: 'facebook', clientId: ana }])).toBe(1);
  });

  it('with the vault on, reads the sealed rows of the day to know, and writes nothing while locked', async () => {
    const ana = await addClient(db, draft('Ana Souza'));
    await enableVault(db, 'correct horse battery staple');
    expect(await logOncePerDay(db, [{ at: NOON, kind: 'connection-seen', place: 'linkedin', clientId: ana }])).toBe(1);
    expect(await logOncePerDay(db, [{ at: NOON + 60_000, kind: 'connection-seen', place: 'linkedin', clientId: ana }])).toBe(0);
    expect(JSON.stringify(await db.activity.toArray())).not.toContain('connection-seen');
    expect(await kinds()).toEqual([['connection-seen', 'linkedin', 'Ana Souza', NOON]]);
    await lockVault();
    await expect(logOncePerDay(db, [{ at: NOON + DAY, kind: 'connection-seen', place: 'linkedin', clientId: ana }])).rejects.toThrow();
    expect(await db.activity.count()).toBe(1);
  }, 60_000);
});

describe('the background logs what a page showed', () => {
  const TAB = 21;
  const report = (kind: 'suggestion' | 'request'): PageCandidates => ({
    type: 'page-candidates',
    url: 'https://www.facebook.com/friends/suggestions/',
    platform: 'facebook',
    pageKind: 'suggestions',
    recognised: true,
    connectionSteps: false,
    candidates: [
      { token: 'tok1', kind, platform: 'facebook', identities: ['100089412300342'], name: 'Caio Monteiro' },
      { token: 'tok2', kind, platform: 'facebook', identities: ['100089412399999'], name: 'Someone Else' },
    ],
  });

  beforeEach(async () => {
    invalidateMatcher();
    vi.spyOn(fakeBrowser.tabs, 'sendMessage').mockImplementation(async () => ({ ok: true }));
    await Promise.all(database().tables.map((table) => table.clear()));
    await addClient(database(), { name: 'Caio Monteiro', aliases: [], status: 'current', identities: { ...emptyIdentities(), facebook: ['100089412300342'] } });
  });
  afterEach(() => vi.restoreAllMocks());

  it('a client among suggestions: one entry for them however many reports, none for a stranger or a request', async () => {
    await onPageCandidates(TAB, report('request'));
    expect(await listActivity(database())).toEqual([]);
    await onPageCandidates(TAB, report('suggestion'));
    await onPageCandidates(TAB, report('suggestion'));
    const logged = await listActivity(database());
    expect(logged.map((i) => [i.kind, i.place, i.clientName])).toEqual([['suggestion-seen', 'facebook', 'Caio Monteiro']]);
  });
});
