import type { BoundaryDb } from '@/lib/db';
import type { ClientStatus } from '@/lib/clients/model';
import { namedPeople } from '@/lib/clients/lookup';
import { discussPurpose } from '@/lib/policy/status-policy';
import { confirmCipher, currentCipher, duringTransaction, type Cipher } from '@/lib/vault/cipher';
import { dayOf, decodeDayRows, encodeDayRows, type DayRowKind } from '@/lib/vault/day-rows';
import { readDiscussEntry, type DiscussEntry, type DiscussRow } from './model';

/**
 * The "to discuss" list. With the vault on each entry is sealed whole (who, where, what, when),
 * and only the day it happened indexes the row (lib/vault/day-rows.ts); while locked nothing is
 * read or written.
 */

export type { DiscussRow };
export const DISCUSS_ROWS: DayRowKind<Omit<DiscussEntry, 'id'>> = {
  purpose: 'boundary/discuss/v1',
  what: '"to discuss" entry',
  read: readDiscussEntry,
};

export const encodeDiscuss = (cipher: Cipher, entries: readonly DiscussEntry[]) => encodeDayRows(cipher, DISCUSS_ROWS, entries);
export const decodeDiscuss = (cipher: Cipher, rows: readonly DiscussRow[]) => decodeDayRows(cipher, DISCUSS_ROWS, rows);

/** A second click within this time adds nothing new: the same thing, noted twice. */
const SAME_EVENT_MS = 10 * 60 * 1000;

/** Inside a transaction over discuss: every entry, opened. */
async function allEntries(db: BoundaryDb, cipher: Cipher): Promise<DiscussEntry[]> {
  const rows = await db.discuss.toArray();
  return duringTransaction(() => decodeDiscuss(cipher, rows));
}

export async function addDiscussEntry(db: BoundaryDb, entry: Omit<DiscussEntry, 'id'>): Promise<number> {
  const cipher = await currentCipher(db);
  const clean = { clientId: entry.clientId, platform: entry.platform, event: entry.event, at: entry.at };
  const [row] = await encodeDiscuss(cipher, [clean]);
  return db.transaction('rw', db.discuss, db.vault, async () => {
    await confirmCipher(db, cipher);
    // Only the days around it can hold the same event; those rows are opened to look.
    const near = await db.discuss.where('day').between(dayOf(entry.at - SAME_EVENT_MS), dayOf(entry.at + SAME_EVENT_MS), true, true).toArray();
    const opened = await duringTransaction(() => decodeDiscuss(cipher, near));
    const recent = opened.find(
      (e) => e.clientId === entry.clientId && e.platform === entry.platform && e.event === entry.event && Math.abs(e.at - entry.at) < SAME_EVENT_MS,
    );
    if (recent?.id !== undefined) return recent.id;
    return db.discuss.add(row!);
  });
}

export interface DiscussItem extends DiscussEntry {
  id: number;
  clientName: string;
  clientStatus: ClientStatus;
  /** For a related person: the name of the client they are related to. */
  relatedToName?: string;
  /** What the note is for: the client's next session (a current client), else the record. */
  purpose: 'session' | 'record';
}

/**
 * Every entry, newest first, with the client's name as the list has it now. Entries of clients
 * who have left the list are deleted here: the clinician removed that person, and with them the
 * reason to keep anything about them.
 */
export async function listDiscuss(db: BoundaryDb): Promise<DiscussItem[]> {
  const cipher = await currentCipher(db);
  const entries = await db.transaction('rw', db.discuss, db.clientPages, db.vault, async () => {
    await confirmCipher(db, cipher);
    const all = (await allEntries(db, cipher)).sort((a, b) => b.at - a.at || b.id! - a.id!);
    const present = new Set((await db.clients.bulkGet([...new Set(all.map((e) => e.clientId))])).flatMap((row) => (row?.id === undefined ? [] : [row.id])));
    const orphans = all.filter((e) => !present.has(e.clientId)).map((e) => e.id!);
    if (orphans.length > 0) await db.discuss.bulkDelete(orphans);
    return all.filter((e) => present.has(e.clientId));
  });
  // Names are opened after the transaction: with the vault on they are sealed.
  const people = await namedPeople(db, cipher, entries.map((e) => e.clientId));
  return entries.flatMap((e): DiscussItem[] => {
    const person = people.get(e.clientId);
    if (!person) return [];
    const { client, relatedToName } = person;
    return [
      {
        ...e,
        id: e.id!,
        clientName: client.name,
        clientStatus: client.status,
        purpose: discussPurpose(client),
        ...(relatedToName !== undefined && { relatedToName }),
      },
    ];
  });
}

export async function clearDiscussEntry(db: BoundaryDb, id: number): Promise<void> {
  await db.discuss.delete(id);
}

/** Inside a transaction over discuss: deletes one client's entries, opening sealed rows to find them. */
export async function deleteDiscussOf(db: BoundaryDb, cipher: Cipher, clientId: number): Promise<void> {
  const entries = await allEntries(db, cipher);
  await db.discuss.bulkDelete(entries.filter((e) => e.clientId === clientId).map((e) => e.id!));
}

export async function clearDiscussForClient(db: BoundaryDb, clientId: number): Promise<void> {
  const cipher = await currentCipher(db);
  await db.transaction('rw', db.discuss, db.vault, async () => {
    await confirmCipher(db, cipher);
    await deleteDiscussOf(db, cipher, clientId);
  });
}

export async function clearAllDiscuss(db: BoundaryDb): Promise<void> {
  await db.discuss.clear();
}

/** Inside a transaction over discuss: one client's entries re-pointed to another (a merge of two records). */
export async function moveDiscussOf(db: BoundaryDb, cipher: Cipher, from: number, to: number): Promise<void> {
  const entries = (await allEntries(db, cipher)).filter((e) => e.clientId === from);
  const moved = await duringTransaction(() => encodeDiscuss(cipher, entries.map((e) => ({ ...e, clientId: to }))));
  await db.discuss.bulkPut(moved);
}
