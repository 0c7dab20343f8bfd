import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { database } from '@/lib/db';
import { addClient } from '@/lib/clients/store';
import { emptyIdentities } from '@/lib/clients/model';
import { LOCK_BADGE } from '@/lib/detections/badge';
import { onPageCandidates, onPageRequest, onTabGone, onVaultChanged } from '@/lib/detections/handlers';
import { readTab } from '@/lib/detections/tab-store';
import { invalidateMatcher } from '@/lib/matching/matcher-cache';
import type { TabDetections } from '@/lib/messaging/messages';
import { currentCipher, PLAIN, confirmCipher, VaultChangedError } from '@/lib/vault/cipher';
import { enableVault, lockVault, setIdleMinutes, unlockVault } from '@/lib/vault/vault';
import { requestsReport } from '../support/report';

// The background while the vault is on: what it matches, shows and says, locked and unlocked.
const TAB = 11;
const PASS = 'correct horse battery staple';
const sent: unknown[] = [];

const report = requestsReport();

const badge = (tabId?: number) => fakeBrowser.action.getBadgeText(tabId === undefined ? {} : { tabId });
const detections = () => onPageRequest({ type: 'get-detections', tabId: TAB }) as Promise<TabDetections>;

beforeEach(async () => {
  fakeBrowser.reset();
  invalidateMatcher();
  sent.length = 0;
  vi.spyOn(fakeBrowser.tabs, 'sendMessage').mockImplementation(async (tabId: number, message: unknown) => {
    sent.push({ tabId, message });
    return { ok: true };
  });
  const db = database();
  await Promise.all(db.tables.map((table) => table.clear()));
  await addClient(db, { name: 'Ana Ruiz-Calder', aliases: [], status: 'current', identities: { ...emptyIdentities(), facebook: ['100089412300001'] } });
});
afterEach(() => {
  vi.restoreAllMocks();
  vi.useRealTimers();
});

describe('the background with the passphrase vault', () => {
  it('unlocked, it matches as without a vault', async () => {
    await enableVault(database(), PASS);
    await onPageCandidates(TAB, report);
    expect(await badge(TAB)).toBe('1');
    const shown = await detections();
    expect(shown.locked).toBeUndefined();
    expect(shown.detections.map((d) => d.clients[0]!.name)).toEqual(['Ana Ruiz-Calder']);
  });

  it('locked: no matching, no names, the lock on the badge everywhere; actions refused with the reason', async () => {
    await enableVault(database(), PASS);
    await onPageCandidates(TAB, report);
    await lockVault();
    await onVaultChanged();
    expect(await badge(TAB)).toBe(LOCK_BADGE);
    expect(await badge()).toBe(LOCK_BADGE);
    expect((await readTab(TAB))!.detections).toEqual([]);

    await onPageCandidates(TAB, report);
    expect(await badge(TAB)).toBe(LOCK_BADGE);
    expect((await readTab(TAB))!.detections).toEqual([]);
    const shown = await detections();
    expect(shown).toEqual({ supported: true, recognised: true, listSize: 0, detections: [], locked: true });
    expect(JSON.stringify(shown)).not.toContain('Ana');

    // A tab navigating away keeps the lock rather than an empty count.
    await onTabGone(TAB);
    expect(await badge(TAB)).toBe(LOCK_BADGE);
  });

  it('unlocking asks open tabs to report again, clears the lock, and they are matched', async () => {
    await enableVault(database(), PASS);
    await onPageCandidates(TAB, report);
    await lockVault();
    await onVaultChanged();
    sent.length = 0;

    await unlockVault(database(), PASS);
    expect(await onPageRequest({ type: 'vault-changed' })).toMatchObject({ ok: true });
    expect(sent).toEqual([{ tabId: TAB, message: { type: 'resend' } }]);
    expect(await badge()).toBe('');
    await onPageCandidates(TAB, report);
    expect(await badge(TAB)).toBe('1');
    expect((await detections()).detections).toHaveLength(1);
  });

  it('page reports do not keep the vault open; after the idle time it locks on the next report', async () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    const start = new Date('2026-03-02T09:00:00Z').getTime();
    vi.setSystemTime(start);
    await enableVault(database(), PASS);
    await setIdleMinutes(database(), 5);
    for (let minute = 1; minute <= 5; minute++) {
      vi.setSystemTime(start + minute * 60_000);
      await onPageCandidates(TAB, report);
      expect(await badge(TAB)).toBe('1');
    }
    vi.setSystemTime(start + 5 * 60_000 + 1);
    await onPageCandidates(TAB, report);
    expect(await badge(TAB)).toBe(LOCK_BADGE);
    expect((await detections()).locked).toBe(true);
  });

  it('"this is them" and "not them" while locked are refused with the reason', async () => {
    await enableVault(database(), PASS);
    await onPageCandidates(TAB, { ...report, candidates: [{ ...report.candidates[0]!, identities: ['someone.else'] }] });
    expect((await detections()).detections[0]).toMatchObject({ match: 'name', identity: 'someone.else' });
    const clientId = (await detections()).detections[0]!.clients[0]!.id;
    await lockVault();
    const outcome = await onPageRequest({ type: 'not-them', tabId: TAB, token: 'tok1', clientId });
    expect(outcome).toMatchObject({ ok: false });
  });

  it('a cipher chosen before the vault changed is refused inside the transaction', async () => {
    const db = database();
    const before = await currentCipher(db);
    expect(before).toBe(PLAIN);
    await enableVault(db, PASS);
    await expect(db.transaction('r', db.vault, () => confirmCipher(db, before))).rejects.toBeInstanceOf(VaultChangedError);
  });
});

describe('session storage stays closed to content scripts', () => {
  it('no code widens its access (storage.session.setAccessLevel)', () => {
    const files = (dir: string): string[] =>
      readdirSync(dir).flatMap((name) => {
        const file = path.join(dir, name);
        return statSync(file).isDirectory() ? files(file) : /\.(ts|tsx)$/.test(name) ? [file] : [];
      });
    const offenders = ['lib', 'entrypoints', 'components']
      .flatMap((dir) => files(path.resolve(dir)))
      .filter((file) => /\.setAccessLevel\s*\(/.test(readFileSync(file, 'utf8')));
    expect(offenders).toEqual([]);
  });
});
