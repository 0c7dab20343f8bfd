import { identityKey, nameKey } from '@/lib/identity';
import { PLATFORMS, type Platform } from '@/lib/identity/platform';
import type { BoundaryDb, StoredClient } from './db';
import type { Client, ClientDraft } from './model';

function keysOf(draft: ClientDraft): string[] {
  return PLATFORMS.flatMap((platform) => draft.identities[platform].map((id) => identityKey(platform, id)));
}

const union = (a: readonly string[], b: readonly string[]) => [...new Set([...a, ...b])];

function stored(draft: ClientDraft, base: { id?: number; createdAt: number }, now: number): StoredClient {
  return {
    ...(base.id === undefined ? {} : { id: base.id }),
    name: draft.name.trim(),
    aliases: draft.aliases,
    status: draft.status,
    identities: draft.identities,
    identityKeys: keysOf(draft),
    createdAt: base.createdAt,
    updatedAt: now,
  } as StoredClient;
}

function toClient({ identityKeys: _keys, ...client }: StoredClient): Client {
  return client;
}

export async function listClients(db: BoundaryDb): Promise<Client[]> {
  return (await db.clients.toArray()).map(toClient);
}

export async function getClient(db: BoundaryDb, id: number): Promise<Client | undefined> {
  const found = await db.clients.get(id);
  return found && toClient(found);
}

export async function addClient(db: BoundaryDb, draft: ClientDraft): Promise<number> {
  const now = Date.now();
  return db.clients.add(stored(draft, { createdAt: now }, now));
}

export async function updateClient(db: BoundaryDb, id: number, draft: ClientDraft): Promise<void> {
  await db.transaction('rw', db.clients, async () => {
    const existing = await db.clients.get(id);
    if (!existing) throw new Error('That client is no longer on the list');
    await db.clients.put(stored(draft, existing, Date.now()));
  });
}

export async function deleteClient(db: BoundaryDb, id: number): Promise<void> {
  await db.transaction('rw', db.clients, db.notThem, async () => {
    await db.clients.delete(id);
    await db.notThem.where('clientId').equals(id).delete();
  });
}

/** Saves a profile's identity to a client ("this is them" in the popup). */
export async function linkIdentity(db: BoundaryDb, id: number, platform: Platform, identity: string): Promise<void> {
  await db.transaction('rw', db.clients, db.notThem, async () => {
    const existing = await db.clients.get(id);
    if (!existing) throw new Error('That client is no longer on the list');
    const identities = { ...existing.identities, [platform]: union(existing.identities[platform], [identity]) };
    await db.clients.put(stored({ ...existing, identities }, existing, Date.now()));
    await db.notThem.delete([identityKey(platform, identity), id]);
  });
}

export interface ImportOutcome {
  added: number;
  updated: number;
}

/**
 * Writes imported rows in one transaction: all of them or, on any failure, none. A row whose
 * identities (or, when it has none, whose name) match a client already on the list updates that
 * client, merging identities and aliases, so importing the same file twice duplicates nothing.
 */
export async function importDrafts(
  db: BoundaryDb,
  drafts: readonly ClientDraft[],
  onProgress?: (done: number, total: number) => void,
): Promise<ImportOutcome> {
  return db.transaction('rw', db.clients, async () => {
    const now = Date.now();
    const all = await db.clients.toArray();
    const byIdentity = new Map<string, StoredClient>();
    const byNameWithoutIdentities = new Map<string, StoredClient>();
    const remember = (client: StoredClient) => {
      for (const key of client.identityKeys) byIdentity.set(key, client);
      if (client.identityKeys.length === 0) byNameWithoutIdentities.set(nameKey(client.name), client);
    };
    all.forEach(remember);

    const touched = new Set<StoredClient>();
    let added = 0;
    let updated = 0;
    for (const draft of drafts) {
      const keys = keysOf(draft);
      const existing =
        keys.map((key) => byIdentity.get(key)).find(Boolean) ??
        (keys.length === 0 ? byNameWithoutIdentities.get(nameKey(draft.name)) : undefined);
      let next: StoredClient;
      if (existing) {
        const merged: ClientDraft = {
          name: draft.name,
          status: draft.status,
          aliases: union(existing.aliases, draft.aliases),
          identities: Object.fromEntries(
            PLATFORMS.map((p) => [p, union(existing.identities[p], draft.identities[p])]),
          ) as ClientDraft['identities'],
        };
        next = Object.assign(existing, stored(merged, existing, now));
        if (!touched.has(existing) && existing.id !== undefined) updated++;
      } else {
        next = stored(draft, { createdAt: now }, now);
        added++;
      }
      touched.add(next);
      remember(next);
    }

    const rows = [...touched];
    const chunk = 1000;
    for (let i = 0; i < rows.length; i += chunk) {
      await db.clients.bulkPut(rows.slice(i, i + chunk));
      onProgress?.(Math.min(i + chunk, rows.length), rows.length);
    }
    return { added, updated };
  });
}

export async function notThemKeys(db: BoundaryDb): Promise<Set<string>> {
  const all = await db.notThem.toArray();
  return new Set(all.map((row) => `${row.identityKey}|${row.clientId}`));
}

export async function rememberNotThem(db: BoundaryDb, clientId: number, platform: Platform, identity: string): Promise<void> {
  await db.notThem.put({ identityKey: identityKey(platform, identity), clientId });
}
