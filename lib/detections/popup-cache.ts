import { onTablesWritten } from '@/lib/db/writes-heard';
import type { Client } from '@/lib/clients/model';
import { clientsById } from '@/lib/clients/store';
import type { BoundaryDb } from '@/lib/db';
import { loadReplyContext, type ReplyContext } from '@/lib/replies/context';
import type { Cipher } from '@/lib/vault/cipher';
import { heldSessionKey } from '@/lib/vault/session';

/**
 * What the popup's question (popup-state) reads that rarely changes, kept in the background's
 * memory from its first use (issue 16): each read is a database round trip, and the popup opens
 * only once the slowest has come back. Two things are kept:
 *
 * - the reply context (settings, the reply library, the written policy), read from the tables
 *   in REPLY_TABLES and forgotten on any write to them;
 * - the records the tab's detections name, read for one cipher (no vault, or one vault's key)
 *   and forgotten on any write to the list or the vault's own row, on a lock, and whenever the
 *   cipher is not the one they were read with.
 *
 * Both live in memory only: nothing here is written anywhere, and a restarted service worker
 * starts empty. Names kept under a vault are opened records, as the matcher's are; like the
 * matcher's, they go at the lock (forgetOnLock), so they never outlive the key.
 *
 * Writes are heard as they commit, in whichever context made them (onTablesWritten,
 * lib/db/writes-heard.ts), as the matcher's cache hears them too.
 */

const REPLY_TABLES = ['settings', 'replyTemplates', 'policyVersions'];
/** The vault's row too: turning it on or off, or a new passphrase, seals the list afresh. */
const NAME_TABLES = ['clientPages', 'vault'];
/** More than any tab shows: past it, the kept records start over rather than grow with the list. */
const MAX_KEPT_RECORDS = 2_000;

let replies: Promise<ReplyContext> | undefined;
/** Bumped by every write heard: a read begun before it is answered but never kept. */
let repliesEpoch = 0;

interface KeptNames {
  /** The cipher the records were opened with: `plain`, or `vault:<id>`. */
  label: string;
  /** By record id; null for an id the list does not hold (read once, like the others). */
  records: Map<number, Client | null>;
}
let names: KeptNames | undefined;
let namesEpoch = 0;

let watching = false;

function watchWrites(db: BoundaryDb): void {
  if (watching) return;
  watching = true;
  onTablesWritten(db, REPLY_TABLES, forgetReplies);
  onTablesWritten(db, NAME_TABLES, forgetNames);
}

function forgetReplies(): void {
  replies = undefined;
  repliesEpoch++;
}

function forgetNames(): void {
  names = undefined;
  namesEpoch++;
}

/** The reply context as loadReplyContext reads it, read once until one of its tables changes. */
export function cachedReplyContext(db: BoundaryDb): Promise<ReplyContext> {
  watchWrites(db);
  if (replies) return replies;
  const epoch = repliesEpoch;
  const reading = loadReplyContext(db);
  replies = reading;
  void reading.then((context) => {
    // Boundary's own defaults stood in for a failed read: the next popup tries the database again.
    // A write heard meanwhile already dropped this read; the next one reads after it.
    if (replies === reading && (context.fallback || repliesEpoch !== epoch)) replies = undefined;
  });
  return reading;
}

const labelOf = (cipher: Cipher) => (cipher.sealed ? `vault:${cipher.vaultId}` : 'plain');

/**
 * The records with these ids as clientsById reads them with `cipher`, which the caller has just
 * had from currentCipher (so the vault is not locked). Only the ids not kept yet are read.
 */
export async function cachedClientsById(db: BoundaryDb, ids: readonly number[], cipher: Cipher): Promise<Map<number, Client>> {
  watchWrites(db);
  const label = labelOf(cipher);
  if (names?.label !== label) forgetNames();
  const kept = names?.records;
  const missing = kept ? ids.filter((id) => !kept.has(id)) : [...ids];
  const epoch = namesEpoch;
  const read = missing.length > 0 ? await clientsById(db, missing, cipher) : new Map<number, Client>();
  // Kept only if nothing was written, locked or re-keyed while this read: else it may be of before.
  // And only if the key it was read with is still the session's: a lock can land between the
  // caller's cipher and this read, before anything here heard of it.
  const keyStill = !cipher.sealed || (await heldSessionKey())?.key.vaultId === cipher.vaultId;
  if (namesEpoch === epoch && keyStill) {
    if (!names || names.records.size + missing.length > MAX_KEPT_RECORDS) names = { label, records: new Map() };
    for (const id of missing) names.records.set(id, read.get(id) ?? null);
  }
  const found = new Map<number, Client>();
  for (const id of ids) {
    const client = read.get(id) ?? kept?.get(id);
    if (client) found.set(id, client);
  }
  return found;
}

/** The vault was locked (or unlocked, re-keyed, turned on or off): no record opened before is kept. */
export function forgetOnLock(): void {
  forgetNames();
}

/** What is kept now, for tests: how many records, and whether a reply context. */
export function keptNow(): { records: number; replies: boolean } {
  return { records: names?.records.size ?? 0, replies: replies !== undefined };
}
