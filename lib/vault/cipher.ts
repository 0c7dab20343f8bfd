import Dexie from 'dexie';
import type { BoundaryDb, VaultMeta } from '@/lib/db';
import { t } from '@/lib/i18n/t';
import { cryptoKeyOf, forgetSessionKeyIf, readSessionKey, touchSession, type SessionRead } from './session';

/**
 * How this context reads and writes protected rows right now: as they are (no vault), or sealed
 * under the unlocked vault's key. Stores take one from currentCipher() before a transaction and
 * check it again inside it (confirmCipher), so a vault turned on, off or re-keyed meanwhile by
 * another page is noticed instead of mixing sealed and plain rows.
 */
export type Cipher = { sealed: false } | { sealed: true; vaultId: string; key: CryptoKey };
export const PLAIN: Cipher = Object.freeze({ sealed: false });

export const DEFAULT_IDLE_MINUTES = 30;
/**
 * No idle lock: the vault locks when the browser closes (and when locked by hand), never for
 * time unused. The key lives in storage.session, which the browser empties on closing, so every
 * choice locks then; this one only leaves out the idle time.
 */
export const AT_BROWSER_CLOSE = 0;
export const IDLE_CHOICES = [5, 15, 30, 60, 120, 240, 480, AT_BROWSER_CLOSE] as const;

export class VaultLockedError extends Error {
  constructor(readonly why: 'locked' | 'idle' = 'locked') {
    super(t(why === 'idle' ? 'vault_error_locked_idle' : 'vault_error_locked'));
    this.name = 'VaultLockedError';
  }
}

export class VaultChangedError extends Error {
  constructor() {
    super(t('vault_error_changed'));
    this.name = 'VaultChangedError';
  }
}

export async function readMeta(db: BoundaryDb): Promise<VaultMeta | undefined> {
  const row = await db.vault.get('vault');
  return row?.key === 'vault' ? row : undefined;
}

export function idleMinutesOf(meta: VaultMeta): number {
  return (IDLE_CHOICES as readonly number[]).includes(meta.idleMinutes) ? meta.idleMinutes : DEFAULT_IDLE_MINUTES;
}

/** Whether a key last used at `usedAt` has gone unused for the vault's idle time by `now`. */
export function idleExpired(meta: VaultMeta, usedAt: number, now: number, inclusive = false): boolean {
  const minutes = idleMinutesOf(meta);
  if (minutes === AT_BROWSER_CLOSE) return false;
  const unused = now - usedAt;
  return inclusive ? unused >= minutes * 60_000 : unused > minutes * 60_000;
}

export interface CipherOptions {
  /**
   * Whether this counts as the clinician using Boundary, which restarts the idle clock. Their
   * own pages' requests do; a site's page reporting what it shows does not, or a busy feed left
   * open would keep the list unlocked with nobody at the computer.
   */
  touch?: boolean;
  now?: number;
}

/**
 * The cipher to use now. Throws VaultLockedError when the vault is on and this browser session
 * holds no key for it, or holds one unused for longer than the chosen idle time: then the key is
 * forgotten here. The idle lock's timer (lib/vault/idle-lock.ts) wipes the key when the idle time
 * passes; this check covers an alarm that comes late.
 */
export async function currentCipher(db: BoundaryDb, { touch = true, now = Date.now() }: CipherOptions = {}): Promise<Cipher> {
  // Both at once: each read is a round trip.
  const [meta, session] = await Promise.all([readMeta(db), readSessionKey()]);
  return cipherOf(meta, session, { touch, now });
}

/**
 * The cipher that the vault's row and the session's key, as read, make at `now` (see
 * currentCipher, which reads both; lib/vault/held-cipher.ts keeps them between page reports).
 */
export async function cipherOf(meta: VaultMeta | undefined, session: SessionRead, { touch, now }: Required<CipherOptions>, readAgain = true): Promise<Cipher> {
  if (!meta) return PLAIN;
  if (!session || session.key.vaultId !== meta.vaultId) throw new VaultLockedError();
  if (idleExpired(meta, session.usedAt, now)) {
    // Used meanwhile (a copy held between page reports can be a moment late): judged again from storage.
    if (!(await forgetSessionKeyIf(session.key.raw, session.usedAt)) && readAgain) return cipherOf(meta, await readSessionKey(), { touch, now }, false);
    throw new VaultLockedError('idle');
  }
  if (touch) await touchSession(session.usedAt, now);
  return { sealed: true, vaultId: meta.vaultId, key: await cryptoKeyOf(session.key) };
}

/** Inside a transaction that includes db.vault: the vault is still the one the cipher was made for. */
export async function confirmCipher(db: BoundaryDb, cipher: Cipher): Promise<void> {
  const meta = await readMeta(db);
  if (cipher.sealed ? meta?.vaultId !== cipher.vaultId : meta !== undefined) throw new VaultChangedError();
}

/**
 * Runs WebCrypto work from inside a Dexie transaction. IndexedDB commits a transaction as soon as
 * it has no request pending, and WebCrypto is not IndexedDB; Dexie.waitFor keeps the transaction
 * alive until the work is done, so sealing or opening rows never splits a write in two.
 */
export function duringTransaction<T>(work: () => Promise<T>): Promise<T> {
  // The work itself runs outside the transaction's zone: it is WebCrypto, never the database.
  return Dexie.waitFor(Dexie.ignoreTransaction(work), 120_000);
}

/**
 * The clinician is using one of Boundary's pages (a key press, a click): the idle clock restarts.
 * A vault already idle for too long locks here instead, as on any other request.
 */
export async function noteUse(db: BoundaryDb): Promise<void> {
  try {
    await currentCipher(db, { touch: true });
  } catch (error) {
    if (!(error instanceof VaultLockedError)) throw error;
  }
}
