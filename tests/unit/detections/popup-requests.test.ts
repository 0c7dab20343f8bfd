import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { listActivity } from '@/lib/activity/store';
import { emptyIdentities } from '@/lib/clients/model';
import { addClient } from '@/lib/clients/store';
import { database } from '@/lib/db';
import { onPageCandidates, onPageRequest } from '@/lib/detections/handlers';
import { listDiscuss } from '@/lib/discuss/store';
import { invalidateMatcher } from '@/lib/matching/matcher-cache';
import { isPageToBackground, type PopupState } from '@/lib/messaging/messages';
import type { ActionResult } from '@/lib/sites/types';
import { enableVault, lockVault, vaultStatus } from '@/lib/vault/vault';
import { requestsReport } from '../support/report';

// What the popup asks of the background now that it reads and writes no database of its own.
const TAB = 21;
const PASS = 'correct horse battery staple';
let clientId = 0;

const report = requestsReport();

const state = () => onPageRequest({ type: 'popup-state', tabId: TAB }) as Promise<PopupState>;
const act = (message: Parameters<typeof onPageRequest>[0]) => onPageRequest(message) as Promise<ActionResult>;

beforeEach(async () => {
  fakeBrowser.reset();
  invalidateMatcher();
  vi.spyOn(fakeBrowser.tabs, 'sendMessage').mockImplementation(async () => ({ ok: true }));
  const db = database();
  await Promise.all(db.tables.map((table) => table.clear()));
  clientId = await addClient(db, { name: 'Ana Ruiz-Calder', aliases: [], status: 'current', identities: { ...emptyIdentities(), facebook: ['100089412300001'] } });
});
afterEach(() => vi.restoreAllMocks());

describe('popup-state', () => {
  it('answers with the detections, names resolved, the reply context and the vault state, in one message', async () => {
    await onPageCandidates(TAB, report);
    const shown = await state();
    expect(shown.detections.detections.map((d) => d.clients[0]!.name)).toEqual(['Ana Ruiz-Calder']);
    expect(shown.vault).toBe('off');
    expect(shown.replies.fallback).toBe(false);
    expect(shown.replies.library.templates.length).toBeGreaterThan(0);
    expect(shown.replies.settings.language).toBeDefined();
    // It crosses a runtime channel: nothing in it may be lost to serialising.
    expect(JSON.parse(JSON.stringify(shown))).toEqual(shown);
  });

  it('while locked: the lock, no names', async () => {
    await enableVault(database(), PASS);
    await onPageCandidates(TAB, report);
    await lockVault();
    const shown = await state();
    expect(shown.vault).toBe('locked');
    expect(shown.detections.locked).toBe(true);
    expect(JSON.stringify(shown)).not.toContain('Ana');
  });
});

describe('the popup’s writes, done by the background', () => {
  it('unlock-vault: a wrong passphrase is refused with the reason; the right one unlocks and matches again', async () => {
    await enableVault(database(), PASS);
    await act({ type: 'lock-vault' });
    expect((await vaultStatus(database(), { touch: false })).state).toBe('locked');
    const wrong = await act({ type: 'unlock-vault', passphrase: 'not the passphrase at all' });
    expect(wrong.ok).toBe(false);
    expect(!wrong.ok && wrong.reason).toMatch(/passphrase/i);
    expect((await vaultStatus(database(), { touch: false })).state).toBe('locked');
    expect((await act({ type: 'unlock-vault', passphrase: PASS })).ok).toBe(true);
    expect((await vaultStatus(database(), { touch: false })).state).toBe('unlocked');
  });

  it('lock-vault forgets the key', async () => {
    await enableVault(database(), PASS);
    expect((await act({ type: 'lock-vault' })).ok).toBe(true);
    expect((await state()).vault).toBe('locked');
  });

  it('add-discuss keeps a note for the client; twice at once is one note', async () => {
    expect((await act({ type: 'add-discuss', clientId, platform: 'facebook', event: 'declined-request' })).ok).toBe(true);
    await act({ type: 'add-discuss', clientId, platform: 'facebook', event: 'declined-request' });
    expect((await listDiscuss(database())).map((e) => [e.clientId, e.event])).toEqual([[clientId, 'declined-request']]);
  });

  it('add-discuss while locked is refused, not thrown', async () => {
    await enableVault(database(), PASS);
    await lockVault();
    expect((await act({ type: 'add-discuss', clientId, platform: 'facebook', event: 'declined-request' })).ok).toBe(false);
  });

  it('welfare-check logs the check with its reason and notes it to discuss; an empty reason is refused', async () => {
    const at = Date.now() - 60_000;
    const empty = await act({ type: 'welfare-check', clientId, place: 'google', at, reason: '  ', lookedAt: 'a search' });
    expect(empty.ok).toBe(false);
    expect(await listActivity(database())).toEqual([]);
    const saved = await act({ type: 'welfare-check', clientId, place: 'google', at, reason: 'Worried after a message', lookedAt: 'a search' });
    expect(saved.ok).toBe(true);
    const [entry] = await listActivity(database());
    expect(entry).toMatchObject({ kind: 'welfare-check', place: 'google', clientId, at, note: { reason: 'Worried after a message', lookedAt: 'a search' } });
    expect((await listDiscuss(database())).map((e) => e.event)).toEqual(['welfare-check']);
  });
});

describe('their messages are checked', () => {
  it.each([
    [{ type: 'popup-state', tabId: 3 }, true],
    [{ type: 'popup-state' }, false],
    [{ type: 'lock-vault' }, true],
    [{ type: 'unlock-vault', passphrase: PASS }, true],
    [{ type: 'unlock-vault' }, false],
    [{ type: 'unlock-vault', passphrase: 'x'.repeat(2000) }, false],
    [{ type: 'add-discuss', clientId: 4, platform: 'facebook', event: 'declined-request' }, true],
    [{ type: 'add-discuss', clientId: 0, platform: 'facebook', event: 'declined-request' }, false],
    [{ type: 'add-discuss', clientId: 4, platform: 'myspace', event: 'declined-request' }, false],
    [{ type: 'add-discuss', clientId: 4, platform: 'facebook', event: 'accepted' }, false],
    [{ type: 'welfare-check', clientId: 4, place: 'bing', at: 1, reason: 'why', lookedAt: 'what' }, true],
    [{ type: 'welfare-check', clientId: 4, place: 'bing', at: -1, reason: 'why', lookedAt: 'what' }, false],
    [{ type: 'welfare-check', clientId: 4, place: 'bing', at: 1, reason: 'x'.repeat(3000), lookedAt: 'what' }, false],
    [{ type: 'welfare-check', clientId: 4, place: 'bing', at: 1, reason: 'why' }, false],
  ])('%j', (message, ok) => {
    expect(isPageToBackground(message)).toBe(ok);
  });
});

describe('delta reports in the background', () => {
  it('a delta applies to the last report; one that does not follow it is refused with a request for a full report', async () => {
    const second = { token: 'tok2', kind: 'request' as const, platform: 'facebook' as const, identities: ['100089412300002'], name: 'Someone Else' };
    expect(await onPageCandidates(TAB, { ...report, seq: 1 })).toEqual({ ok: true, guard: [] });
    await onPageCandidates(TAB, { ...report, seq: 2, candidates: [second], removed: [] });
    expect((await state()).detections.detections.map((d) => d.token)).toEqual(['tok1']);
    await onPageCandidates(TAB, { ...report, seq: 3, candidates: [], removed: ['tok1'] });
    expect((await state()).detections.detections).toEqual([]);
    // Report 4 lost: report 5 cannot apply, and nothing changes until the full report.
    expect(await onPageCandidates(TAB, { ...report, seq: 5, candidates: report.candidates, removed: [] })).toEqual({ ok: true, guard: [], resend: true });
    expect((await state()).detections.detections).toEqual([]);
    await onPageCandidates(TAB, { ...report, seq: 6 });
    expect((await state()).detections.detections.map((d) => d.token)).toEqual(['tok1']);
  });
});
