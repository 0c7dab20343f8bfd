import type { BoundaryDb, VaultMeta } from '@/lib/db';
import { onTablesWritten } from '@/lib/db/writes-heard';
import { cipherOf, readMeta, type Cipher, type CipherOptions } from './cipher';
import { dropHeldSessionKey, heldSessionKey } from './session';

/**
 * The cipher for matching a site's reports in the background, without reading the vault's row
 * from IndexedDB for every report (a round trip of 1–4 ms on each report's way to the badge).
 * The row changes only when the vault is turned on or off, re-keyed or given another idle time;
 * it is kept in this worker's memory and forgotten as soon as the table is written, wherever the
 * write was made (onTablesWritten), and when the background hears that the vault changed
 * (forgetHeldVault). A read begun before a write is never kept. The session's key and last use
 * are held the same way (heldSessionKey), dropped as soon as storage.onChanged tells of a change.
 * Reports never count as use (touch false, the default); the popup opening does.
 */
export async function heldCipher(db: BoundaryDb, { touch = false, now = Date.now() }: CipherOptions = {}): Promise<Cipher> {
  let holder = holders.get(db);
  if (!holder) {
    const made: Holder = { meta: undefined };
    onTablesWritten(db, ['vault'], () => (made.meta = undefined));
    holders.set(db, (holder = made));
  }
  let meta = holder.meta;
  if (!meta) {
    const mine = readMeta(db);
    holder.meta = meta = mine;
    // A failed read is not kept: the next report reads again.
    mine.catch(() => {
      if (holder.meta === mine) holder.meta = undefined;
    });
  }
  const [row, session] = await Promise.all([meta, heldSessionKey()]);
  return cipherOf(row, session, { touch, now });
}

/** The vault changed (another page says so): the next report reads its row again. */
export function forgetHeldVault(db: BoundaryDb): void {
  const holder = holders.get(db);
  if (holder) holder.meta = undefined;
  // Told before storage.onChanged arrives (an unlock elsewhere): the session is read again too.
  dropHeldSessionKey();
}

interface Holder {
  /** The vault's row as last read; undefined once the table was written. */
  meta: Promise<VaultMeta | undefined> | undefined;
}
const holders = new WeakMap<BoundaryDb, Holder>();
