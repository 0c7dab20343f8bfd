import { t } from '@/lib/i18n/t';
import { identityKey, nameKey } from '@/lib/identity';
import { PLATFORMS, type Platform } from '@/lib/identity/platform';
import { deleteActivityOf } from '@/lib/activity/store';
import { deleteDiscussOf } from '@/lib/discuss/store';
import { confirmCipher, currentCipher, duringTransaction, type Cipher } from '@/lib/vault/cipher';
import type { BoundaryDb, StoredClient } from './db';
import { changedFields, mergeEdit, StaleEditError, type EditField } from './edit-merge';
import { admitDraft, clientLimitProblems, cleanDraft } from './limits';
import { versionOf, type Client, type ClientDraft } from './model';
import { decodeClients, decodeNotThem, encodeClients, encodeNotThem, identityKeysOf, optionalFields } from './sealing';

/**
 * The client list and the "not them" decisions. Every function works the same with the vault off
 * or on: rows are sealed and opened through the cipher of the moment (lib/vault/cipher.ts), and
 * while the vault is locked they throw VaultLockedError rather than read or write anything.
 */

const keysOf = (draft: ClientDraft): string[] => identityKeysOf(draft.identities);

const union = (a: readonly string[], b: readonly string[]) => [...new Set([...a, ...b])];

/** The record to store for a draft written over `base` (or new): its version one past base's. */
function stored(draft: ClientDraft, base: { id?: number; createdAt: number; version?: number }, now: number): StoredClient {
  return {
    ...(base.id === undefined ? {} : { id: base.id }),
    name: draft.name.trim(),
    aliases: draft.aliases,
    status: draft.status,
    identities: draft.identities,
    ...optionalFields(draft),
    identityKeys: keysOf(draft),
    createdAt: base.createdAt,
    updatedAt: now,
    version: (base.version ?? 0) + 1,
  } as StoredClient;
}

function toClient({ identityKeys: _keys, ...client }: StoredClient): Client {
  return client;
}

/** The whole list with a cipher already chosen (the background chooses its own, without counting it as use). */
export async function clientsWith(db: BoundaryDb, cipher: Cipher): Promise<Client[]> {
  const rows = await db.transaction('r', db.clients, db.vault, async () => {
    await confirmCipher(db, cipher);
    return db.clients.toArray();
  });
  return (await decodeClients(cipher, rows)).map(toClient);
}

export async function listClients(db: BoundaryDb): Promise<Client[]> {
  return clientsWith(db, await currentCipher(db));
}

/** The clients with these ids that are still on the list, by id. */
export async function clientsById(db: BoundaryDb, ids: readonly number[], cipher?: Cipher): Promise<Map<number, Client>> {
  const chosen = cipher ?? (await currentCipher(db));
  const rows = await db.transaction('r', db.clients, db.vault, async () => {
    await confirmCipher(db, chosen);
    return (await db.clients.bulkGet([...ids])).flatMap((row) => (row ? [row] : []));
  });
  return new Map((await decodeClients(chosen, rows)).map((client) => [client.id, toClient(client)]));
}

export async function getClient(db: BoundaryDb, id: number): Promise<Client | undefined> {
  return (await clientsById(db, [id])).get(id);
}

export async function addClient(db: BoundaryDb, draft: ClientDraft): Promise<number> {
  const cipher = await currentCipher(db);
  const now = Date.now();
  // Sealed before the transaction: a new record depends on nothing already stored.
  const [row] = await encodeClients(cipher, [stored(admitDraft(draft), { createdAt: now, version: 0 }, now)]);
  return db.transaction('rw', db.clients, db.vault, async () => {
    await confirmCipher(db, cipher);
    return db.clients.add(row!);
  });
}

/**
 * Saves an edit. `base` is the record as the edit started from it: when the stored record has
 * moved on since (another tab, an import, the popup), the edit is merged with those changes field
 * by field (lib/clients/edit-merge.ts), and when both changed the name or the status differently
 * nothing is written and StaleEditError shows both. Returns the fields kept from the other change.
 */
export async function updateClient(db: BoundaryDb, id: number, draft: ClientDraft, base?: Client): Promise<{ merged: EditField[] }> {
  const cipher = await currentCipher(db);
  const mine = admitDraft(draft);
  return db.transaction('rw', db.clients, db.vault, async () => {
    await confirmCipher(db, cipher);
    const row = await db.clients.get(id);
    if (!row) throw new Error(t('client_gone'));
    const { next, merged } = await duringTransaction(async () => {
      const [existing] = await decodeClients(cipher, [row]);
      let result = mine;
      let merged: EditField[] = [];
      if (base && versionOf(existing!) !== versionOf(base)) {
        const outcome = mergeEdit(base, mine, existing!);
        if (!outcome.ok) throw new StaleEditError(toClient(existing!), outcome.conflicts, outcome.theirs);
        result = admitDraft(outcome.draft);
        merged = outcome.theirs;
      }
      return { next: (await encodeClients(cipher, [stored(result, existing!, Date.now())]))[0]!, merged };
    });
    await db.clients.put(next);
    return { merged };
  });
}

export async function deleteClient(db: BoundaryDb, id: number): Promise<void> {
  const cipher = await currentCipher(db);
  // What Boundary kept about this person goes with them: the clinician removed the reason to keep it.
  await db.transaction('rw', [db.clients, db.notThemDecisions, db.activity, db.discuss, db.vault], async () => {
    await confirmCipher(db, cipher);
    await db.clients.delete(id);
    await db.notThemDecisions.where('clientId').equals(id).delete();
    await deleteActivityOf(db, cipher, id);
    await deleteDiscussOf(db, cipher, id);
  });
}

/**
 * Saves a profile's identity to a client ("this is them" in the popup). `seenVersion` is the
 * version of the record the popup showed: if it has changed since (renamed in another tab, say),
 * the clinician's judgement rested on something no longer true, so nothing is written and
 * StaleEditError says so.
 */
export async function linkIdentity(db: BoundaryDb, id: number, platform: Platform, identity: string, seenVersion?: number): Promise<void> {
  const cipher = await currentCipher(db);
  const key = identityKey(platform, identity);
  await db.transaction('rw', db.clients, db.notThemDecisions, db.vault, async () => {
    await confirmCipher(db, cipher);
    const row = await db.clients.get(id);
    if (!row) throw new Error(t('client_gone'));
    const decisions = await db.notThemDecisions.where('clientId').equals(id).toArray();
    const { next, cleared } = await duringTransaction(async () => {
      const [existing] = await decodeClients(cipher, [row]);
      if (seenVersion !== undefined && versionOf(existing!) !== seenVersion) throw new StaleEditError(toClient(existing!), [], []);
      const identities = { ...existing!.identities, [platform]: union(existing!.identities[platform], [identity]) };
      const [next] = await encodeClients(cipher, [stored(admitDraft({ ...existing!, identities }), existing!, Date.now())]);
      const cleared = (await decodeNotThem(cipher, decisions)).filter((d) => d.identityKey === key).map((d) => d.id!);
      return { next: next!, cleared };
    });
    await db.clients.put(next);
    await db.notThemDecisions.bulkDelete(cleared);
  });
}

export interface ImportOutcome {
  added: number;
  updated: number;
  /** Drafts not written, by index: merged with the client they matched, they would pass a limit. */
  refused: { index: number; reason: string }[];
}

/**
 * Writes imported rows in one transaction: all of them or, on any failure, none. A row whose
 * identities (or, when it has none, whose name) match a client already on the list updates that
 * client, merging identities and aliases, so importing the same file twice duplicates nothing.
 * Matching works on the records opened in memory, so it is the same whether rows are sealed.
 */
export async function importDrafts(
  db: BoundaryDb,
  drafts: readonly ClientDraft[],
  onProgress?: (done: number, total: number) => void,
): Promise<ImportOutcome> {
  const cipher = await currentCipher(db);
  return db.transaction('rw', db.clients, db.vault, async () => {
    await confirmCipher(db, cipher);
    const now = Date.now();
    const existingRows = await db.clients.toArray();
    const all = await duringTransaction(() => decodeClients(cipher, existingRows));
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
    const refused: ImportOutcome['refused'] = [];
    for (const [index, raw] of drafts.entries()) {
      const { draft } = cleanDraft(raw);
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
        const problems = clientLimitProblems(merged);
        if (problems.length > 0) {
          refused.push({ index, reason: problems.join('; ') });
          continue;
        }
        next = Object.assign(existing, stored(merged, existing, now));
        if (!touched.has(existing) && existing.id !== undefined) updated++;
      } else {
        const problems = clientLimitProblems(draft);
        if (problems.length > 0) {
          refused.push({ index, reason: problems.join('; ') });
          continue;
        }
        next = stored(draft, { createdAt: now, version: 0 }, now);
        added++;
      }
      touched.add(next);
      remember(next);
    }

    const rows = [...touched];
    const chunk = 1000;
    for (let i = 0; i < rows.length; i += chunk) {
      const encoded = await duringTransaction(() => encodeClients(cipher, rows.slice(i, i + chunk)));
      await db.clients.bulkPut(encoded);
      onProgress?.(Math.min(i + chunk, rows.length), rows.length);
    }
    return { added, updated, refused };
  });
}

/** Every "not them" decision as `identityKey|clientId`, the form the matcher takes. */
export async function notThemKeysWith(db: BoundaryDb, cipher: Cipher): Promise<Set<string>> {
  const rows = await db.transaction('r', db.notThemDecisions, db.vault, async () => {
    await confirmCipher(db, cipher);
    return db.notThemDecisions.toArray();
  });
  return new Set((await decodeNotThem(cipher, rows)).map((d) => `${d.identityKey}|${d.clientId}`));
}

export async function notThemKeys(db: BoundaryDb): Promise<Set<string>> {
  return notThemKeysWith(db, await currentCipher(db));
}

export async function rememberNotThem(db: BoundaryDb, clientId: number, platform: Platform, identity: string): Promise<void> {
  const cipher = await currentCipher(db);
  const key = identityKey(platform, identity);
  const [row] = await encodeNotThem(cipher, [{ identityKey: key, clientId }]);
  await db.transaction('rw', db.notThemDecisions, db.vault, async () => {
    await confirmCipher(db, cipher);
    // The key is opaque now, so the same decision is looked for rather than overwritten.
    const existing = await db.notThemDecisions.where('clientId').equals(clientId).toArray();
    const decided = await duringTransaction(() => decodeNotThem(cipher, existing));
    if (!decided.some((d) => d.identityKey === key)) await db.notThemDecisions.add(row!);
  });
}
