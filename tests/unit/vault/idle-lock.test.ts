import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { browser } from 'wxt/browser';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { BoundaryDb } from '@/lib/db';
import { AT_BROWSER_CLOSE, currentCipher } from '@/lib/vault/cipher';
import { IDLE_ALARM, lockIfIdle, scheduleIdleLock } from '@/lib/vault/idle-lock';
import { KEY_ITEM, readSessionKey, USED_ITEM } from '@/lib/vault/session';
import { enableVault, setIdleMinutes } from '@/lib/vault/vault';

const PASS = 'correct horse battery staple';
const MINUTE = 60_000;

let db: BoundaryDb;
let n = 0;
beforeEach(() => {
  fakeBrowser.reset();
  db = new BoundaryDb(`idle-${++n}`);
});
afterEach(async () => {
  await db.delete();
});

describe('the idle lock runs on a timer', () => {
  it('an alarm is set for the last use plus the idle time, and cleared without a key', async () => {
    await scheduleIdleLock(db);
    expect(await browser.alarms.get(IDLE_ALARM)).toBeUndefined();
    await enableVault(db, PASS, 15);
    const usedAt = (await readSessionKey())!.usedAt;
    await scheduleIdleLock(db);
    expect((await browser.alarms.get(IDLE_ALARM))?.scheduledTime).toBe(usedAt + 15 * MINUTE);
    await browser.storage.session.remove(KEY_ITEM);
    await scheduleIdleLock(db);
    expect(await browser.alarms.get(IDLE_ALARM)).toBeUndefined();
  }, 30_000);

  it('when it fires after the idle time, the key is wiped with nothing asking for it', async () => {
    await enableVault(db, PASS, 5);
    const usedAt = (await readSessionKey())!.usedAt;
    expect(await lockIfIdle(db, usedAt + 5 * MINUTE)).toBe(true);
    expect(await readSessionKey()).toBeUndefined();
    expect(await browser.storage.session.get([KEY_ITEM, USED_ITEM])).toEqual({});
  }, 30_000);

  it('when it fires early (used meanwhile), the key stays and the alarm moves on', async () => {
    await enableVault(db, PASS, 5);
    const used = Date.now() + 3 * MINUTE;
    await browser.storage.session.set({ [USED_ITEM]: used });
    expect(await lockIfIdle(db, used + 4 * MINUTE)).toBe(false);
    expect(await readSessionKey()).toBeDefined();
    expect((await browser.alarms.get(IDLE_ALARM))?.scheduledTime).toBe(used + 5 * MINUTE);
  }, 30_000);

  it('a key of another vault (turned off, re-keyed) is wiped when the alarm fires', async () => {
    await enableVault(db, PASS, 5);
    await db.vault.delete('vault');
    expect(await lockIfIdle(db)).toBe(true);
    expect(await readSessionKey()).toBeUndefined();
  }, 30_000);

  it('changing the idle time counts as use, so the timer is set again from now', async () => {
    await enableVault(db, PASS, 5);
    await browser.storage.session.set({ [USED_ITEM]: Date.now() - 4 * MINUTE });
    await setIdleMinutes(db, 15);
    const { usedAt } = (await readSessionKey())!;
    expect(Date.now() - usedAt).toBeLessThan(MINUTE);
  }, 30_000);

  it('"only when the browser closes" sets no timer and never locks for time unused', async () => {
    await enableVault(db, PASS, 5);
    await setIdleMinutes(db, AT_BROWSER_CLOSE);
    await scheduleIdleLock(db);
    expect(await browser.alarms.get(IDLE_ALARM)).toBeUndefined();
    const { usedAt } = (await readSessionKey())!;
    const aWeekLater = usedAt + 7 * 24 * 60 * MINUTE;
    expect(await lockIfIdle(db, aWeekLater)).toBe(false);
    expect(await currentCipher(db, { now: aWeekLater })).toMatchObject({ sealed: true });
    // The key is in session storage, which the browser empties on closing: that is the lock.
    await browser.storage.session.clear();
    await expect(currentCipher(db)).rejects.toThrow();
  }, 30_000);
});
