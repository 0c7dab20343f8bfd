import type { BoundaryDb, StoredClient } from '@/lib/db';
import { confirmCipher, type Cipher } from '@/lib/vault/cipher';
import { decodeClients } from './sealing';

/** A person as a list names them: their record, and for a related person their client's name. */
export interface NamedPerson {
  client: StoredClient;
  /** The name of the client a related person is related to; never how they are related. */
  relatedToName?: string;
}

async function read(db: BoundaryDb, cipher: Cipher, ids: readonly number[]): Promise<StoredClient[]> {
  if (ids.length === 0) return [];
  const rows = await db.transaction('r', db.clientPages, db.vault, async () => {
    await confirmCipher(db, cipher);
    return (await db.clients.bulkGet([...ids])).flatMap((row) => (row ? [row] : []));
  });
  // Opened after the transaction: with the vault on the records are sealed.
  return decodeClients(cipher, rows);
}

/**
 * The people with these ids still on the list, by id, each related person with the name of
 * their client, so that the log and the "to discuss" list can say "related to <client>".
 */
export async function namedPeople(db: BoundaryDb, cipher: Cipher, ids: readonly number[]): Promise<Map<number, NamedPerson>> {
  const found = new Map((await read(db, cipher, [...new Set(ids)])).map((c) => [c.id, c] as const));
  const missing = [...new Set([...found.values()].flatMap((c) => (c.relatedTo !== undefined && !found.has(c.relatedTo) ? [c.relatedTo] : [])))];
  const clients = new Map((await read(db, cipher, missing)).map((c) => [c.id, c] as const));
  const nameOf = (id: number) => (found.get(id) ?? clients.get(id))?.name;
  return new Map(
    [...found.values()].map((client) => {
      const relatedToName = client.relatedTo === undefined ? undefined : nameOf(client.relatedTo);
      return [client.id, { client, ...(relatedToName !== undefined && { relatedToName }) }] as const;
    }),
  );
}
