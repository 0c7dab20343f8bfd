import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { browser } from 'wxt/browser';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { BoundaryDb } from '@/lib/db';
import { readMeta, VaultLockedError } from '@/lib/vault/cipher';
import { forgetHeldVault, heldCipher } from '@/lib/vault/held-cipher';
import { KEY_ITEM, readSessionKey, USED_ITEM } from '@/lib/vault/session';
import { disableVault, enableVault, lockVault, unlockVault } from '@/lib/vault/vault';

// The background's cipher for page reports keeps the vault's row and key between reports, and
// must never answer from them once either changed.

const PASS = 'correct horse battery staple';
const MINUTE = 60_000;

let db: BoundaryDb;
let n = 0;
beforeEach(() => {
  fakeBrowser.reset();
  db = new BoundaryDb(`held-cipher-${++n}`);
});
afterEach(async () => {
  vi.restoreAllMocks();
  restoreEvents?.();
  await db.delete();
});

/** Puts storage.onChanged back after a test that held it (holdEvents), whether or not it passed. */
let restoreEvents: (() => void) | undefined;

/** Lets the change events of a write (Dexie's, storage's) arrive. */
const settle = () => new Promise((resolve) => setTimeout(resolve, 0));

describe('the cipher held for page reports', () => {
  it('reads the vault row and the session key once, then holds them while nothing changes', async () => {
    await enableVault(db, PASS);
    await settle();
    const sessionReads = vi.spyOn(browser.storage.session, 'get');
    const rowReads = vi.spyOn(db.vault, 'get');
    const first = await heldCipher(db);
    for (let i = 0; i < 5; i++) expect(await heldCipher(db)).toEqual(first);
    expect(first.sealed).toBe(true);
    expect(rowReads).toHaveBeenCalledTimes(1);
    expect(sessionReads).toHaveBeenCalledTimes(1);
  }, 30_000);

  it('reads the row again once told the vault changed', async () => {
    await enableVault(db, PASS);
    await heldCipher(db);
    const rowReads = vi.spyOn(db.vault, 'get');
    forgetHeldVault(db);
    await heldCipher(db);
    expect(rowReads).toHaveBeenCalledTimes(1);
  }, 30_000);

  it('says locked as soon as the vault is locked, and unlocked again after', async () => {
    await enableVault(db, PASS);
    expect((await heldCipher(db)).sealed).toBe(true);
    await lockVault();
    await settle();
    await expect(heldCipher(db)).rejects.toBeInstanceOf(VaultLockedError);
    await unlockVault(db, PASS);
    await settle();
    expect((await heldCipher(db)).sealed).toBe(true);
  }, 60_000);

  it('follows the vault being turned on and off (its row in the database)', async () => {
    expect((await heldCipher(db)).sealed).toBe(false);
    await enableVault(db, PASS);
    await settle();
    const sealed = await heldCipher(db);
    expect(sealed.sealed).toBe(true);
    await disableVault(db);
    await settle();
    expect((await heldCipher(db)).sealed).toBe(false);
  }, 60_000);

  it('locks at the idle time, from memory, and forgets the key', async () => {
    await enableVault(db, PASS, 15);
    const usedAt = (await readSessionKey())!.usedAt;
    expect((await heldCipher(db, { now: usedAt + 14 * MINUTE })).sealed).toBe(true);
    await expect(heldCipher(db, { now: usedAt + 16 * MINUTE })).rejects.toMatchObject({ why: 'idle' });
    expect(await readSessionKey()).toBeUndefined();
  }, 30_000);

  it('a change to the vault row alone (a shorter idle time) applies at once', async () => {
    await enableVault(db, PASS, 15);
    const usedAt = (await readSessionKey())!.usedAt;
    expect((await heldCipher(db, { now: usedAt + 6 * MINUTE })).sealed).toBe(true);
    // Written as another page would, without touching the session's items.
    const meta = (await readMeta(db))!;
    await db.vault.put({ ...meta, idleMinutes: 5 });
    await settle();
    await expect(heldCipher(db, { now: usedAt + 6 * MINUTE })).rejects.toMatchObject({ why: 'idle' });
  }, 30_000);

  it('the popup opening counts as use: the idle clock restarts', async () => {
    await enableVault(db, PASS, 15);
    const usedAt = (await readSessionKey())!.usedAt;
    await heldCipher(db, { now: usedAt + 10 * MINUTE, touch: true });
    expect((await readSessionKey())!.usedAt).toBe(usedAt + 10 * MINUTE);
    await heldCipher(db, { now: usedAt + 11 * MINUTE });
    expect((await readSessionKey())!.usedAt).toBe(usedAt + 10 * MINUTE);
  }, 30_000);

  it('a use recorded elsewhere moves the idle clock it goes by', async () => {
    await enableVault(db, PASS, 15);
    const usedAt = (await readSessionKey())!.usedAt;
    expect((await heldCipher(db, { now: usedAt })).sealed).toBe(true);
    await browser.storage.session.set({ [USED_ITEM]: usedAt + 10 * MINUTE });
    await settle();
    expect((await heldCipher(db, { now: usedAt + 20 * MINUTE })).sealed).toBe(true);
  }, 30_000);

  it('a read of the row begun before a write to it is not kept', async () => {
    await enableVault(db, PASS, 15);
    await settle();
    const usedAt = (await readSessionKey())!.usedAt;
    const meta = (await readMeta(db))!;
    const reading = heldCipher(db, { now: usedAt });
    await db.vault.put({ ...meta, idleMinutes: 5 });
    await reading;
    await settle();
    await expect(heldCipher(db, { now: usedAt + 6 * MINUTE })).rejects.toMatchObject({ why: 'idle' });
  }, 30_000);

  it('a lock made by another page (the key removed from the session) counts from the report after it is heard', async () => {
    await enableVault(db, PASS);
    expect((await heldCipher(db)).sealed).toBe(true);
    // As the options page would: straight to storage, nothing in this context told.
    await browser.storage.session.remove([KEY_ITEM, USED_ITEM]);
    await settle();
    await expect(heldCipher(db)).rejects.toBeInstanceOf(VaultLockedError);
  }, 30_000);

  it('an unlock made by another page counts from the report after it is heard', async () => {
    await enableVault(db, PASS);
    const kept = (await browser.storage.session.get([KEY_ITEM, USED_ITEM])) as Record<string, unknown>;
    await browser.storage.session.remove([KEY_ITEM, USED_ITEM]);
    await settle();
    await expect(heldCipher(db)).rejects.toBeInstanceOf(VaultLockedError);
    await browser.storage.session.set(kept);
    await settle();
    expect((await heldCipher(db)).sealed).toBe(true);
  }, 30_000);

  it('a read of the session begun before a change to it is answered but not kept', async () => {
    await enableVault(db, PASS);
    await settle();
    const kept = await browser.storage.session.get([KEY_ITEM, USED_ITEM]);
    // The browser answers this read late, with what the session held when it was asked.
    let answer!: () => void;
    const get = vi.spyOn(browser.storage.session, 'get').mockImplementationOnce(() => new Promise((resolve) => (answer = () => resolve(kept))));
    const reading = heldCipher(db);
    await browser.storage.session.remove([KEY_ITEM, USED_ITEM]);
    await settle();
    answer();
    expect((await reading).sealed).toBe(true);
    await expect(heldCipher(db)).rejects.toBeInstanceOf(VaultLockedError);
    expect(get).toHaveBeenCalledTimes(2);
  }, 30_000);

  /**
   * From now on, storage.onChanged reaches this context only when `release` is called, as the
   * browser's delivery of a change made elsewhere is a moment late. (The fake browser calls its
   * listeners at once, inside the write; this stands between it and the module.) Call it before
   * the module first listens, that is, before the test's first heldCipher.
   */
  function holdEvents(): () => Promise<void> {
    const storage = browser.storage as unknown as { onChanged: Pick<typeof browser.storage.onChanged, 'addListener' | 'removeListener' | 'hasListener'> };
    const original = storage.onChanged;
    type Listener = (changes: Record<string, unknown>, area: string) => void;
    const listeners = new Set<Listener>();
    const queue: [Record<string, unknown>, string][] = [];
    const note: Listener = (changes, area) => void queue.push([changes, area]);
    original.addListener(note);
    storage.onChanged = {
      addListener: (listener: Listener) => void listeners.add(listener),
      removeListener: (listener: Listener) => void listeners.delete(listener),
      hasListener: (listener: Listener) => listeners.has(listener),
    } as typeof original;
    restoreEvents = () => {
      original.removeListener(note);
      storage.onChanged = original;
      restoreEvents = undefined;
    };
    return async () => {
      for (const [changes, area] of queue.splice(0)) for (const listener of listeners) listener(changes, area);
      restoreEvents?.();
    };
  }

  it('a lock made here counts at once, before its change event is heard', async () => {
    await enableVault(db, PASS);
    await settle();
    const release = holdEvents();
    expect((await heldCipher(db)).sealed).toBe(true);
    await lockVault();
    await expect(heldCipher(db)).rejects.toBeInstanceOf(VaultLockedError);
    await release();
  }, 30_000);

  it('a lock made by another page counts once its change event is heard (one event’s delay, no more)', async () => {
    await enableVault(db, PASS);
    await settle();
    const release = holdEvents();
    expect((await heldCipher(db)).sealed).toBe(true);
    await browser.storage.session.remove([KEY_ITEM, USED_ITEM]);
    expect((await heldCipher(db)).sealed).toBe(true);
    await release();
    await expect(heldCipher(db)).rejects.toBeInstanceOf(VaultLockedError);
  }, 30_000);

  it('an unlock the background is told of before storage says so is read at once', async () => {
    await enableVault(db, PASS);
    const kept = await browser.storage.session.get([KEY_ITEM, USED_ITEM]);
    await lockVault();
    await settle();
    const release = holdEvents();
    await expect(heldCipher(db)).rejects.toBeInstanceOf(VaultLockedError);
    await browser.storage.session.set(kept);
    await expect(heldCipher(db)).rejects.toBeInstanceOf(VaultLockedError);
    forgetHeldVault(db);
    expect((await heldCipher(db)).sealed).toBe(true);
    await release();
  }, 30_000);

  it('a use recorded elsewhere just before the idle time, not heard yet, keeps the vault open', async () => {
    await enableVault(db, PASS, 15);
    await settle();
    const usedAt = (await readSessionKey())!.usedAt;
    const release = holdEvents();
    expect((await heldCipher(db, { now: usedAt })).sealed).toBe(true);
    await browser.storage.session.set({ [USED_ITEM]: usedAt + 14 * MINUTE });
    expect((await heldCipher(db, { now: usedAt + 16 * MINUTE })).sealed).toBe(true);
    expect(await readSessionKey()).toBeDefined();
    await release();
  }, 30_000);
});
