import type { BoundaryDb, VaultMeta } from '@/lib/db';
import { decodeClients, decodeNotThem, encodeClients, encodeNotThem } from '@/lib/clients/sealing';
import { decodeActivity, encodeActivity } from '@/lib/activity/sealing';
import { decodeDiscuss, encodeDiscuss } from '@/lib/discuss/store';
import { t } from '@/lib/i18n/t';
import {
  confirmCipher,
  currentCipher,
  DEFAULT_IDLE_MINUTES,
  duringTransaction,
  IDLE_CHOICES,
  idleMinutesOf,
  PLAIN,
  readMeta,
  VaultChangedError,
  VaultLockedError,
  type Cipher,
  type CipherOptions,
} from './cipher';
import { deriveKey, isSealed, PBKDF2_ITERATIONS, randomBytes, SALT_BYTES, seal, unseal, type Bytes } from './crypto';
import { isSealedRow } from './day-rows';
import { forgetSessionKey, keepSessionKey, touchSession } from './session';

/**
 * The passphrase vault: optional, off until the clinician sets a passphrase. While it is on,
 * every client record, "not them" decision, activity entry and "to discuss" entry is sealed at
 * rest (lib/clients/sealing.ts, lib/vault/day-rows.ts),
 * and the key exists only in memory and session storage, from unlocking until locking, going
 * idle or closing the browser. Every change of state here rewrites the rows and the vault's
 * record in one transaction: a crash or a failure half-way leaves everything as it was.
 */

/** Long enough that a few unrelated words fit and a short guessable word does not. */
export const MIN_PASSPHRASE_LENGTH = 10;
/** Typed to confirm wiping the list when the passphrase is lost. */
export const WIPE_CONFIRMATION = 'DELETE';

const CHECK_PURPOSE = 'boundary/vault-check/v1';
const CHECK_VALUE = 'boundary-vault-check';
/** Rows rewritten per write when the whole list is re-sealed. */
export const RESEAL_CHUNK = 500;

export class WrongPassphraseError extends Error {
  constructor() {
    super(t('vault_error_wrong_passphrase'));
    this.name = 'WrongPassphraseError';
  }
}

export class VaultStateError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'VaultStateError';
  }
}

/** Why a new passphrase will not do, or undefined when it will. */
export function passphraseProblem(passphrase: string, confirmation?: string): string | undefined {
  if ([...passphrase.normalize('NFC')].length < MIN_PASSPHRASE_LENGTH) {
    return t('vault_error_too_short', MIN_PASSPHRASE_LENGTH);
  }
  if (passphrase.trim() !== passphrase) return t('vault_error_spaces');
  if (confirmation !== undefined && confirmation !== passphrase) return t('vault_error_mismatch');
  return undefined;
}

export type VaultState = 'off' | 'locked' | 'unlocked';

export interface VaultStatus {
  state: VaultState;
  idleMinutes: number;
  /** The first-run offer to set a passphrase was dismissed. */
  offerDismissed: boolean;
}

/** The vault's state now. Asking counts as use unless `touch: false`; an idle vault locks here. */
export async function vaultStatus(db: BoundaryDb, options?: CipherOptions): Promise<VaultStatus> {
  const [meta, offer] = await Promise.all([readMeta(db), db.vault.get('offer')]);
  const offerDismissed = offer !== undefined;
  if (!meta) return { state: 'off', idleMinutes: DEFAULT_IDLE_MINUTES, offerDismissed };
  try {
    await currentCipher(db, options);
    return { state: 'unlocked', idleMinutes: idleMinutesOf(meta), offerDismissed };
  } catch (error) {
    if (error instanceof VaultLockedError) return { state: 'locked', idleMinutes: idleMinutesOf(meta), offerDismissed };
    throw error;
  }
}

interface FreshKey {
  meta: Omit<VaultMeta, 'idleMinutes' | 'createdAt'>;
  raw: Bytes;
  cipher: Extract<Cipher, { sealed: true }>;
}

/** A new key from a passphrase: its own random salt and vault id, and its check value. */
async function freshKey(passphrase: string): Promise<FreshKey> {
  const salt = randomBytes(SALT_BYTES);
  const { raw, key } = await deriveKey(passphrase, salt, PBKDF2_ITERATIONS);
  const vaultId = crypto.randomUUID();
  const check = await seal(key, CHECK_PURPOSE, CHECK_VALUE);
  return { meta: { key: 'vault', vaultId, salt, iterations: PBKDF2_ITERATIONS, check }, raw, cipher: { sealed: true, vaultId, key } };
}

/** The key for a passphrase, if it is this vault's; WrongPassphraseError at once if not. */
async function keyFor(meta: VaultMeta, passphrase: string): Promise<{ raw: Bytes; cipher: Extract<Cipher, { sealed: true }> }> {
  if (!(meta.salt instanceof Uint8Array) || !isSealed(meta.check)) throw new VaultStateError(t('vault_error_damaged'));
  const { raw, key } = await deriveKey(passphrase, meta.salt, meta.iterations);
  let check: unknown;
  try {
    check = await unseal(key, CHECK_PURPOSE, meta.check);
  } catch {
    throw new WrongPassphraseError();
  }
  if (check !== CHECK_VALUE) throw new WrongPassphraseError();
  return { raw, cipher: { sealed: true, vaultId: meta.vaultId, key } };
}

/** The tables whose rows the vault seals; every change of key rewrites them all in one transaction. */
const sealedTables = (db: BoundaryDb) => [db.clientPages, db.notThemDecisions, db.activity, db.discuss, db.vault];

async function putInChunks<R>(table: { bulkPut(rows: readonly R[]): Promise<unknown> }, rows: readonly R[]): Promise<void> {
  for (let i = 0; i < rows.length; i += RESEAL_CHUNK) await table.bulkPut(rows.slice(i, i + RESEAL_CHUNK));
}

/**
 * Inside a transaction over sealedTables: every row opened with `from` and written again with
 * `to`. Rows are replaced whole, so a plain row's readable fields and index keys go when it is
 * sealed, and come back when it is opened for good.
 */
async function resealAll(db: BoundaryDb, from: Cipher, to: Cipher): Promise<void> {
  const [clientRows, decisionRows, activityRows, discussRows] = await Promise.all([
    db.clients.toArray(),
    db.notThemDecisions.toArray(),
    db.activity.toArray(),
    db.discuss.toArray(),
  ]);
  const rows = await duringTransaction(async () => ({
    clients: await encodeClients(to, await decodeClients(from, clientRows)),
    decisions: await encodeNotThem(to, await decodeNotThem(from, decisionRows)),
    activity: await encodeActivity(to, await decodeActivity(from, activityRows)),
    discuss: await encodeDiscuss(to, await decodeDiscuss(from, discussRows)),
  }));
  await putInChunks(db.clients, rows.clients);
  await putInChunks(db.notThemDecisions, rows.decisions);
  await putInChunks(db.activity, rows.activity);
  await putInChunks(db.discuss, rows.discuss);
}

/**
 * Activity and "to discuss" rows still readable while the vault is on, sealed whole now that
 * there is a key: rows an upgrade from schema version 4 found under a vault (it had no key to seal
 * them with). Nothing else writes a readable row while the vault is on.
 */
async function sealLeftovers(db: BoundaryDb, cipher: Extract<Cipher, { sealed: true }>): Promise<void> {
  await db.transaction('rw', [db.activity, db.discuss, db.vault], async () => {
    await confirmCipher(db, cipher);
    const activity = (await db.activity.toArray()).filter((row) => !isSealedRow(row));
    const discuss = (await db.discuss.toArray()).filter((row) => !isSealedRow(row));
    if (activity.length === 0 && discuss.length === 0) return;
    const rows = await duringTransaction(async () => ({
      activity: await encodeActivity(cipher, await decodeActivity(cipher, activity)),
      discuss: await encodeDiscuss(cipher, await decodeDiscuss(cipher, discuss)),
    }));
    await putInChunks(db.activity, rows.activity);
    await putInChunks(db.discuss, rows.discuss);
  });
}

/** Turns the vault on: seals everything already stored, in one transaction, and leaves it unlocked. */
export async function enableVault(db: BoundaryDb, passphrase: string, idleMinutes: number = DEFAULT_IDLE_MINUTES): Promise<void> {
  const problem = passphraseProblem(passphrase);
  if (problem) throw new VaultStateError(problem);
  if (!(IDLE_CHOICES as readonly number[]).includes(idleMinutes)) throw new VaultStateError(t('vault_error_idle_choice'));
  const fresh = await freshKey(passphrase);
  await db.transaction('rw', sealedTables(db), async () => {
    if (await readMeta(db)) throw new VaultStateError(t('vault_error_already_set'));
    await resealAll(db, PLAIN, fresh.cipher);
    await db.vault.put({ ...fresh.meta, idleMinutes, createdAt: Date.now() });
  });
  await keepSessionKey(fresh.meta.vaultId, fresh.raw);
}

/** Unlocks for this browser session; a wrong passphrase is refused at once and changes nothing. */
export async function unlockVault(db: BoundaryDb, passphrase: string): Promise<void> {
  const meta = await readMeta(db);
  if (!meta) throw new VaultStateError(t('vault_error_not_locked'));
  const { raw, cipher } = await keyFor(meta, passphrase);
  await sealLeftovers(db, cipher);
  await keepSessionKey(meta.vaultId, raw);
}

/** Locks now: the key is forgotten; the passphrase is needed again. */
export async function lockVault(): Promise<void> {
  await forgetSessionKey();
}

/** A new passphrase: everything is sealed again under a new salt and key, in one transaction. */
export async function changePassphrase(db: BoundaryDb, current: string, next: string): Promise<void> {
  const problem = passphraseProblem(next);
  if (problem) throw new VaultStateError(problem);
  const meta = await readMeta(db);
  if (!meta) throw new VaultStateError(t('vault_error_none_yet'));
  const old = await keyFor(meta, current);
  const fresh = await freshKey(next);
  await db.transaction('rw', sealedTables(db), async () => {
    await confirmCipher(db, old.cipher);
    const kept = (await readMeta(db))!;
    await resealAll(db, old.cipher, fresh.cipher);
    await db.vault.put({ ...kept, ...fresh.meta });
  });
  await keepSessionKey(fresh.meta.vaultId, fresh.raw);
}

/**
 * Turns the vault off: every row is opened and stored unencrypted again, in one transaction. Only
 * while unlocked: whoever can do this could already read the list on screen.
 */
export async function disableVault(db: BoundaryDb): Promise<void> {
  const cipher = await currentCipher(db);
  if (!cipher.sealed) throw new VaultStateError(t('vault_error_none'));
  await db.transaction('rw', sealedTables(db), async () => {
    await confirmCipher(db, cipher);
    await resealAll(db, cipher, PLAIN);
    await db.vault.delete('vault');
  });
  await forgetSessionKey();
}

/**
 * "Forgot the passphrase": what it protected cannot be opened, so it goes, in one transaction:
 * clients, "not them" decisions, and the "to discuss" entries and activity log that name clients by id. The
 * practice's settings and reply templates stay. The vault ends off, ready for a new start.
 */
export async function wipeVault(db: BoundaryDb, confirmation: string): Promise<void> {
  if (confirmation.trim() !== WIPE_CONFIRMATION) throw new VaultStateError(t('vault_error_confirm_word', WIPE_CONFIRMATION));
  await db.transaction('rw', [db.clientPages, db.notThemDecisions, db.discuss, db.activity, db.vault], async () => {
    await db.clients.clear();
    await db.notThemDecisions.clear();
    await db.discuss.clear();
    await db.activity.clear();
    await db.vault.delete('vault');
  });
  await forgetSessionKey();
}

export async function setIdleMinutes(db: BoundaryDb, idleMinutes: number): Promise<void> {
  if (!(IDLE_CHOICES as readonly number[]).includes(idleMinutes)) throw new VaultStateError(t('vault_error_idle_choice'));
  const cipher = await currentCipher(db);
  if (!cipher.sealed) throw new VaultStateError(t('vault_error_none'));
  await db.transaction('rw', db.vault, async () => {
    await confirmCipher(db, cipher);
    const meta = await readMeta(db);
    if (!meta) throw new VaultChangedError();
    await db.vault.put({ ...meta, idleMinutes });
  });
  // Counts as use, and the write tells the background to set its idle timer for the new time.
  await touchSession(0);
}

export async function dismissVaultOffer(db: BoundaryDb): Promise<void> {
  await db.vault.put({ key: 'offer', dismissedAt: Date.now() });
}
