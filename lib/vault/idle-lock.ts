import { browser } from 'wxt/browser';
import type { BoundaryDb } from '@/lib/db';
import { AT_BROWSER_CLOSE, idleExpired, idleMinutesOf, readMeta } from './cipher';
import { forgetSessionKeyIf, readSessionKey } from './session';

/**
 * The idle lock as a timer: an alarm set for the moment the vault would have gone unused for the
 * chosen time, moved whenever the key or its last use changes. When it fires and nothing used the
 * vault meanwhile, the key is wiped from session storage, with or without anything asking for it.
 * (currentCipher still refuses a key past its idle time, in case an alarm comes late.)
 */
export const IDLE_ALARM = 'vault-idle-lock';

/** Sets the alarm for the key in session storage now, or clears it when there is none or no idle time. */
export async function scheduleIdleLock(db: BoundaryDb): Promise<void> {
  const [meta, session] = await Promise.all([readMeta(db), readSessionKey()]);
  if (!meta || !session || session.key.vaultId !== meta.vaultId || idleMinutesOf(meta) === AT_BROWSER_CLOSE) {
    await browser.alarms.clear(IDLE_ALARM);
    return;
  }
  await browser.alarms.create(IDLE_ALARM, { when: session.usedAt + idleMinutesOf(meta) * 60_000 });
}

/** The alarm fired: the key goes if it has been unused for the idle time; otherwise the alarm moves on. */
export async function lockIfIdle(db: BoundaryDb, now = Date.now()): Promise<boolean> {
  const [meta, session] = await Promise.all([readMeta(db), readSessionKey()]);
  if (!session) return false;
  if (!meta || session.key.vaultId !== meta.vaultId || idleExpired(meta, session.usedAt, now, true)) {
    await forgetSessionKeyIf(session.key.raw);
    return true;
  }
  await scheduleIdleLock(db);
  return false;
}
