import type { BoundaryDb } from '@/lib/clients/db';
import type { ClientStatus } from '@/lib/clients/model';
import { decodeClients } from '@/lib/clients/sealing';
import { confirmCipher, currentCipher } from '@/lib/vault/cipher';
import type { DiscussEntry } from './model';

/** A second click within this time adds nothing new: the same thing, noted twice. */
const SAME_EVENT_MS = 10 * 60 * 1000;

export async function addDiscussEntry(db: BoundaryDb, entry: Omit<DiscussEntry, 'id'>): Promise<number> {
  return db.transaction('rw', db.discuss, async () => {
    const recent = await db.discuss
      .where('clientId')
      .equals(entry.clientId)
      .filter((e) => e.platform === entry.platform && e.event === entry.event && Math.abs(e.at - entry.at) < SAME_EVENT_MS)
      .first();
    if (recent?.id !== undefined) return recent.id;
    return db.discuss.add({ clientId: entry.clientId, platform: entry.platform, event: entry.event, at: entry.at });
  });
}

export interface DiscussItem extends DiscussEntry {
  id: number;
  clientName: string;
  clientStatus: ClientStatus;
}

/**
 * Every entry, newest first, with the client's name as the list has it now. Entries of clients
 * who have left the list are deleted here: the clinician removed that person, and with them the
 * reason to keep anything about them.
 */
export async function listDiscuss(db: BoundaryDb): Promise<DiscussItem[]> {
  const cipher = await currentCipher(db);
  const { entries, rows } = await db.transaction('rw', db.discuss, db.clients, db.vault, async () => {
    await confirmCipher(db, cipher);
    const all = await db.discuss.orderBy('at').reverse().toArray();
    const found = (await db.clients.bulkGet([...new Set(all.map((e) => e.clientId))])).flatMap((row) => (row ? [row] : []));
    const present = new Set(found.map((row) => row.id));
    const orphans = all.filter((e) => !present.has(e.clientId)).map((e) => e.id!);
    if (orphans.length > 0) await db.discuss.bulkDelete(orphans);
    return { entries: all.filter((e) => present.has(e.clientId)), rows: found };
  });
  // Names are opened after the transaction: with the vault on they are sealed.
  const byId = new Map((await decodeClients(cipher, rows)).map((c) => [c.id, c] as const));
  return entries.flatMap((e): DiscussItem[] => {
    const client = byId.get(e.clientId);
    return client ? [{ ...e, id: e.id!, clientName: client.name, clientStatus: client.status }] : [];
  });
}

export async function clearDiscussEntry(db: BoundaryDb, id: number): Promise<void> {
  await db.discuss.delete(id);
}

export async function clearDiscussForClient(db: BoundaryDb, clientId: number): Promise<void> {
  await db.discuss.where('clientId').equals(clientId).delete();
}

export async function clearAllDiscuss(db: BoundaryDb): Promise<void> {
  await db.discuss.clear();
}
