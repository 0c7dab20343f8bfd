import { browser } from 'wxt/browser';
import { fromBase64, importAesKey, toBase64, type Bytes } from './crypto';
import { USED_ITEM } from './session-items';

/**
 * Where an unlocked vault's key is kept: storage.session, which Chrome holds in memory only (never
 * on disk) and empties when the browser closes. The service worker can be stopped and restarted
 * without asking for the passphrase again, and the extension's pages can read it. Content scripts
 * cannot: session storage is open to trusted extension contexts only, and nothing in Boundary
 * widens that (storage.session.setAccessLevel is never called).
 */
export const KEY_ITEM = 'vault:key';
export { USED_ITEM };
/** Last use is written at most this often: every write wakes every storage.onChanged listener. */
const TOUCH_EVERY_MS = 20_000;

export interface SessionKey {
  /** The vault the key belongs to (VaultMeta.vaultId). */
  vaultId: string;
  /** The raw AES key, base64. */
  raw: string;
}

function isSessionKey(value: unknown): value is SessionKey {
  return (
    typeof value === 'object' &&
    value !== null &&
    typeof (value as SessionKey).vaultId === 'string' &&
    typeof (value as SessionKey).raw === 'string'
  );
}

export async function readSessionKey(): Promise<{ key: SessionKey; usedAt: number } | undefined> {
  const stored = await browser.storage.session.get([KEY_ITEM, USED_ITEM]);
  const key = stored[KEY_ITEM];
  if (!isSessionKey(key)) {
    // Locked elsewhere (another page, the worker going idle): this context's copy goes too.
    imported = undefined;
    return undefined;
  }
  const usedAt = stored[USED_ITEM];
  return { key, usedAt: typeof usedAt === 'number' ? usedAt : 0 };
}

/** What the session holds of an unlocked vault: its key, and when it was last used. */
export type SessionRead = Awaited<ReturnType<typeof readSessionKey>>;

export async function keepSessionKey(vaultId: string, raw: Bytes, now = Date.now()): Promise<void> {
  await browser.storage.session.set({ [KEY_ITEM]: { vaultId, raw: toBase64(raw) } satisfies SessionKey, [USED_ITEM]: now });
  held = undefined;
}

export async function forgetSessionKey(): Promise<void> {
  imported = undefined;
  held = undefined;
  await browser.storage.session.remove([KEY_ITEM, USED_ITEM]);
  held = undefined;
}

/**
 * The session's key and last use as this context last read them, for the background's page
 * reports: reading storage.session is a round trip to the browser (1–5 ms) on every report's way
 * to the badge. The copy is dropped whenever either item changes, wherever the change was made
 * (storage.onChanged reaches every extension context, the writer's too), and at once when this
 * context writes them; a read that was under way when a change was heard is answered but not
 * kept. Between another page's write and this context hearing it there is one event's delay:
 * a lock made elsewhere then reaches the background through the same event (onVaultChanged),
 * which drops what was matched and shows the lock.
 */
export function heldSessionKey(): Promise<SessionRead> {
  const events = browser.storage.onChanged;
  // Listening is what makes the copy safe to keep: a context that lost its listener (a test's
  // fresh fake browser) starts again from a read.
  if (!events.hasListener(heardChange)) {
    events.addListener(heardChange);
    held = undefined;
  }
  if (held) return held;
  const reading = readSessionKey();
  held = reading;
  reading.catch(() => {
    if (held === reading) held = undefined;
  });
  return reading;
}

let held: Promise<SessionRead> | undefined;

function heardChange(changes: Record<string, unknown>, area: string): void {
  if (area !== 'session' || !(KEY_ITEM in changes || USED_ITEM in changes)) return;
  held = undefined;
  // The key removed or replaced: this context's imported copy of the old one goes too, even if
  // a cipher made just before from the old copy is still on its way.
  const now = (changes[KEY_ITEM] as { newValue?: unknown } | undefined)?.newValue;
  if (KEY_ITEM in changes && (!isSessionKey(now) || now.raw !== imported?.raw)) imported = undefined;
}

/** Forgets the held copy now: the background heard that the vault changed before storage said so. */
export function dropHeldSessionKey(): void {
  held = undefined;
}

/**
 * Forgets the key only if it is still this one: a key kept by a fresh unlock meanwhile stays, and
 * so does one used since `usedAt` (the use the caller judged it idle by, which a held copy may
 * show a moment late). True when it was forgotten.
 */
export async function forgetSessionKeyIf(raw: string, usedAt = Number.POSITIVE_INFINITY): Promise<boolean> {
  const current = await readSessionKey();
  if (current?.key.raw !== raw || current.usedAt > usedAt) return false;
  await forgetSessionKey();
  return true;
}

/** Records a use, unless one was recorded a moment ago. */
export async function touchSession(usedAt: number, now = Date.now()): Promise<void> {
  if (now - usedAt < TOUCH_EVERY_MS) return;
  await browser.storage.session.set({ [USED_ITEM]: now });
  held = undefined;
}

/** This context's imported copy of the key, so it is not imported again for every record. */
let imported: { raw: string; key: Promise<CryptoKey> } | undefined;

export function cryptoKeyOf(session: SessionKey): Promise<CryptoKey> {
  if (imported?.raw !== session.raw) {
    const raw = fromBase64(session.raw);
    const key = raw ? importAesKey(raw) : Promise.reject(new Error('The kept key is damaged'));
    imported = { raw: session.raw, key };
    key.catch(() => {
      if (imported?.key === key) imported = undefined;
    });
  }
  return imported.key;
}
