import { t } from '@/lib/i18n/t';
import { identityKey } from '@/lib/identity';
import type { Platform } from '@/lib/identity/platform';
import { deleteActivityOf, moveActivityOf } from '@/lib/activity/store';
import { deleteDiscussOf, moveDiscussOf } from '@/lib/discuss/store';
import { confirmCipher, currentCipher, duringTransaction, type Cipher } from '@/lib/vault/cipher';
import type { BoundaryDb, ClientRow, StoredClient } from '@/lib/db';
import { changedFields, mergeEdit, StaleEditError, type EditField } from './edit-merge';
import { planImportInSlices, type ImportField, type ImportItem, type ImportPlan } from './import-plan';
import { admitDraft, ClientLimitError } from './limits';
import { mergedDraft } from './merge';
import { versionOf, type Client, type ClientDraft } from './model';
import { storedRecord as stored } from './record';
import { relationProblems } from './relations';
import { nextTurn } from './slices';
import { decodeClients, decodeNotThem, encodeClients, encodeNotThem, type NotThemDecision } from './sealing';

/**
 * The client list and the "not them" decisions. Every function works the same with the vault off
 * or on: rows are sealed and opened through the cipher of the moment (lib/vault/cipher.ts), and
 * while the vault is locked they throw VaultLockedError rather than read or write anything.
 */

const union = (a: readonly string[], b: readonly string[]) => [...new Set([...a, ...b])];

function toClient({ identityKeys: _keys, ...client }: StoredClient): Client {
  return client;
}

/** The whole list with a cipher already chosen (the background chooses its own, without counting it as use). */
export async function clientsWith(db: BoundaryDb, cipher: Cipher): Promise<Client[]> {
  const rows = await db.transaction('r', db.clientPages, db.vault, async () => {
    await confirmCipher(db, cipher);
    return db.clients.toArray();
  });
  return (await decodeClients(cipher, rows)).map(toClient);
}

/**
 * The list's rows as stored, sealed or not, for a reader that opens only the rows it needs (the
 * background's matcher, which tells a changed row from the one it already holds; see openRows).
 */
export async function clientRowsWith(db: BoundaryDb, cipher: Cipher): Promise<ClientRow[]> {
  return db.transaction('r', db.clientPages, db.vault, async () => {
    await confirmCipher(db, cipher);
    return db.clients.toArray();
  });
}

/** Rows read by clientRowsWith, opened with the same cipher. */
export async function openRows(cipher: Cipher, rows: readonly ClientRow[]): Promise<Client[]> {
  return (await decodeClients(cipher, rows)).map(toClient);
}

export async function listClients(db: BoundaryDb): Promise<Client[]> {
  return clientsWith(db, await currentCipher(db));
}

/**
 * The first `limit` clients as stored (by id), and whether the list holds more: a bounded read
 * (one row past the limit tells), so a page can show a long list at once and read the rest in
 * the background (listClientsInSlices). It does not count the list: IndexedDB counts a table by
 * walking every row (Chromium's count of 100,000 clients took longer than the page's whole
 * opening), and the whole read that follows gives the size anyway.
 */
export async function firstClients(db: BoundaryDb, limit: number): Promise<{ clients: Client[]; more: boolean }> {
  const cipher = await currentCipher(db);
  const rows = await db.transaction('r', db.clientPages, db.vault, async () => {
    await confirmCipher(db, cipher);
    return db.clients.after(-Infinity, limit + 1);
  });
  const more = rows.length > limit;
  return { clients: (await decodeClients(cipher, more ? rows.slice(0, limit) : rows)).map(toClient), more };
}

/** Rows read at once by listClientsInSlices: each read is its own task for the page, a few milliseconds long. */
const READ_SLICE = 5000;

/**
 * The whole list, as listClients gives it, read `slice` rows at a time in one read transaction
 * (one consistent list) and opened slice by slice with pauses between them, so that reading
 * 100,000 clients never holds up a key press. Undefined when `cancelled` says so between slices.
 */
export async function listClientsInSlices(db: BoundaryDb, cancelled: () => boolean = () => false, slice = READ_SLICE): Promise<Client[] | undefined> {
  const cipher = await currentCipher(db);
  const slices = await db.transaction('r', db.clientPages, db.vault, async () => {
    await confirmCipher(db, cipher);
    const read: ClientRow[][] = [];
    let after = -Infinity;
    for (;;) {
      const rows = await db.clients.after(after, slice);
      if (rows.length > 0) read.push(rows);
      if (rows.length < slice || cancelled()) return read;
      after = rows[rows.length - 1]!.id!;
    }
  });
  const clients: Client[] = [];
  for (const rows of slices) {
    if (cancelled()) return undefined;
    for (const client of await decodeClients(cipher, rows)) clients.push(toClient(client));
    await nextTurn();
  }
  return cancelled() ? undefined : clients;
}

/** The clients with these ids that are still on the list, by id. */
export async function clientsById(db: BoundaryDb, ids: readonly number[], cipher?: Cipher): Promise<Map<number, Client>> {
  const chosen = cipher ?? (await currentCipher(db));
  const rows = await db.transaction('r', db.clientPages, db.vault, async () => {
    await confirmCipher(db, chosen);
    return (await db.clients.bulkGet([...ids])).flatMap((row) => (row ? [row] : []));
  });
  return new Map((await decodeClients(chosen, rows)).map((client) => [client.id, toClient(client)]));
}

export async function getClient(db: BoundaryDb, id: number): Promise<Client | undefined> {
  return (await clientsById(db, [id])).get(id);
}

/**
 * Inside a transaction over clients: refuses a related person whose client is not on the list,
 * is a related person too, or who has related people of their own (lib/clients/relations.ts).
 * Only a draft that relates someone needs the whole list opened.
 */
async function checkRelation(db: BoundaryDb, cipher: Cipher, draft: ClientDraft, id: number | undefined): Promise<void> {
  if (draft.relatedTo === undefined) return;
  const rows = await db.clients.toArray();
  const all = await duringTransaction(() => decodeClients(cipher, rows));
  const problems = relationProblems(draft, id, all);
  if (problems.length > 0) throw new ClientLimitError(problems);
}

export async function addClient(db: BoundaryDb, draft: ClientDraft): Promise<number> {
  const cipher = await currentCipher(db);
  const now = Date.now();
  const admitted = admitDraft(draft);
  // Sealed before the transaction: a new record depends on nothing already stored.
  const [row] = await encodeClients(cipher, [stored(admitted, { createdAt: now, version: 0 }, now)]);
  return db.transaction('rw', db.clientPages, db.vault, async () => {
    await confirmCipher(db, cipher);
    await checkRelation(db, cipher, admitted, undefined);
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
  return db.transaction('rw', db.clientPages, db.vault, async () => {
    await confirmCipher(db, cipher);
    const row = await db.clients.get(id);
    if (!row) throw new Error(t('client_gone'));
    const { existing, result, merged } = await duringTransaction(async () => {
      const [existing] = await decodeClients(cipher, [row]);
      let result = mine;
      let merged: EditField[] = [];
      if (base && versionOf(existing!) !== versionOf(base)) {
        const outcome = mergeEdit(base, mine, existing!);
        if (!outcome.ok) throw new StaleEditError(toClient(existing!), outcome.conflicts, outcome.theirs);
        result = admitDraft(outcome.draft);
        merged = outcome.theirs;
      }
      return { existing: existing!, result, merged };
    });
    // In the transaction itself, not inside the WebCrypto work: it reads the table.
    await checkRelation(db, cipher, result, id);
    const [next] = await duringTransaction(() => encodeClients(cipher, [stored(result, existing, Date.now())]));
    await db.clients.put(next!);
    return { merged };
  });
}

/**
 * Deletes a client. What Boundary kept about this person goes with them (the clinician removed
 * the reason to keep it); their related people stay on the list, as people of their own, no
 * longer linked to anyone: they are still someone the clinician chose to recognise.
 */
export async function deleteClient(db: BoundaryDb, id: number): Promise<void> {
  const cipher = await currentCipher(db);
  await db.transaction('rw', [db.clientPages, db.notThemDecisions, db.activity, db.discuss, db.vault], async () => {
    await confirmCipher(db, cipher);
    // Readable rows show their relation; sealed rows show none, so they are all opened.
    const rows = cipher.sealed ? await db.clients.toArray() : await db.clients.relatedTo(id);
    const unlinked = await duringTransaction(async () => {
      const related = (await decodeClients(cipher, rows)).filter((c) => c.relatedTo === id && c.id !== id);
      const now = Date.now();
      return encodeClients(
        cipher,
        related.map(({ relatedTo: _r, relationship: _k, ...person }) => stored(person, person, now)),
      );
    });
    await db.clients.delete(id);
    await db.clients.bulkPut(unlinked);
    await db.notThemDecisions.where('clientId').equals(id).delete();
    await deleteActivityOf(db, cipher, id);
    await deleteDiscussOf(db, cipher, id);
  });
}

/**
 * Merges two records of one person (lib/clients/merge.ts says what is kept): in one transaction,
 * the kept record is rewritten, the other's related people, "not them" decisions, log and "to
 * discuss" entries move to it, and the other is deleted; on any failure nothing changes. Refused
 * (ClientLimitError) when the merged record would break a limit or the one-level rule of related
 * people, say a related person who would now have related people of their own.
 */
export async function mergeClients(db: BoundaryDb, keepId: number, dropId: number): Promise<void> {
  if (keepId === dropId) throw new Error(t('relation_self'));
  const cipher = await currentCipher(db);
  await db.transaction('rw', [db.clientPages, db.notThemDecisions, db.activity, db.discuss, db.vault], async () => {
    await confirmCipher(db, cipher);
    const rows = await db.clients.toArray();
    const writes = await duringTransaction(async () => {
      const all = await decodeClients(cipher, rows);
      const keep = all.find((c) => c.id === keepId);
      const drop = all.find((c) => c.id === dropId);
      if (!keep || !drop) throw new Error(t('client_gone'));
      const draft = admitDraft(mergedDraft(toClient(keep), toClient(drop)));
      const now = Date.now();
      // The list as it will be: without the dropped record, its people related to the kept one.
      const after = all
        .filter((c) => c.id !== dropId)
        .map((c) => (c.id === keepId ? { ...c, ...draft, id: keepId } : c.relatedTo === dropId ? { ...c, relatedTo: keepId } : c));
      const problems = relationProblems(draft, keepId, after);
      if (problems.length > 0) throw new ClientLimitError(problems);
      const moved = all.filter((c) => c.relatedTo === dropId && c.id !== keepId).map((c) => stored({ ...c, relatedTo: keepId }, c, now));
      return encodeClients(cipher, [stored(draft, keep, now), ...moved]);
    });
    await db.clients.bulkPut(writes);
    await db.clients.delete(dropId);
    // "Not them" said of either record now stands for the kept one, once.
    const decisionRows = await db.notThemDecisions.where('clientId').anyOf([keepId, dropId]).toArray();
    const rewritten = await duringTransaction(async () => {
      const decisions = await decodeNotThem(cipher, decisionRows);
      const kept = new Set(decisions.filter((d) => d.clientId === keepId).map((d) => d.identityKey));
      const moving = decisions.filter((d) => d.clientId === dropId && !kept.has(d.identityKey));
      return encodeNotThem(cipher, [...new Map(moving.map((d) => [d.identityKey, { identityKey: d.identityKey, clientId: keepId }])).values()]);
    });
    await db.notThemDecisions.where('clientId').equals(dropId).delete();
    await db.notThemDecisions.bulkAdd(rewritten);
    await moveActivityOf(db, cipher, dropId, keepId);
    await moveDiscussOf(db, cipher, dropId, keepId);
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
  await db.transaction('rw', db.clientPages, db.notThemDecisions, db.vault, async () => {
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
  /** Drafts not written, by index: past a limit once merged, or with no client to relate them to. */
  refused: { index: number; reason: string }[];
  /** Drafts added although a record of the same folded name exists (lib/clients/import-plan.ts). */
  duplicates: ImportPlan['duplicates'];
  /** Drafts without profiles that updated the one record of their name. */
  updatedByName: ImportPlan['updatedByName'];
}

/** Records sealed and written at a time (four pages' worth): sealing the next overlaps writing the last. */
const WRITE_CHUNK = 1024;

/**
 * Writes imported rows in one transaction: all of them or, on any failure, none. What each row
 * does (update a client it matches, add one, relate a person to a client by name, or be refused)
 * is planned in memory first (lib/clients/import-plan.ts), against the records opened, so it is
 * the same whether rows are sealed. `given` names the optional fields the source has (the CSV's
 * columns); fields it lacks are left as each matched record has them. Planning runs in slices
 * (the transaction is kept open meanwhile), so a file of 100,000 rows never freezes the page;
 * `onChecking` hears how far it is, `onProgress` how many records are written.
 */
export async function importDrafts(
  db: BoundaryDb,
  items: readonly (ClientDraft | ImportItem)[],
  onProgress?: (done: number, total: number) => void,
  given?: ReadonlySet<ImportField>,
  onChecking?: (done: number, total: number) => void,
): Promise<ImportOutcome> {
  const cipher = await currentCipher(db);
  const asItems = items.map((item): ImportItem => ('draft' in item ? item : { draft: item }));
  return db.transaction('rw', db.clientPages, db.vault, async () => {
    await confirmCipher(db, cipher);
    const existingRows = await db.clients.toArray();
    const plan = await duringTransaction(async () => {
      const all = await decodeClients(cipher, existingRows);
      return planImportInSlices(all, asItems, { ...(given && { given }) }, onChecking);
    });
    const { writes, added, updated, refused, duplicates, updatedByName } = plan;

    // Clients first, so that a client added by this import has its id before anyone is related to it.
    const later = writes.filter((w) => w.target !== undefined && w.target.id === undefined);
    const waiting = new Set(later);
    const first = writes.filter((w) => !waiting.has(w));
    const total = writes.length;
    let done = 0;
    for (const batch of [first, later]) {
      for (const w of batch) if (w.target?.id !== undefined) w.record.relatedTo = w.target.id;
      let inFlight: Promise<void> | undefined;
      for (let i = 0; i < batch.length; i += WRITE_CHUNK) {
        const records = batch.slice(i, i + WRITE_CHUNK).map((w) => w.record);
        // Plain rows are copies made at once; sealing is WebCrypto, outside the transaction's own work.
        const encoded = cipher.sealed ? await duringTransaction(() => encodeClients(cipher, records)) : await encodeClients(cipher, records);
        // One write at a time (each moves the list's next id and rewrites whole pages); the next
        // chunk is sealed while the last is written.
        if (inFlight) await inFlight;
        const written = db.clients.bulkPut(encoded).then((ids) => {
          // New ids, for the clients that people later in this import are related to.
          records.forEach((record, j) => (record.id ??= ids[j]!));
          done += records.length;
          onProgress?.(done, total);
        });
        // Marked as handled here: should it fail while the next chunk is sealed, the transaction aborts and the await below throws.
        written.catch(() => undefined);
        inFlight = written;
      }
      await inFlight;
    }
    return { added, updated, refused, duplicates, updatedByName };
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

export async function rememberNotThem(db: BoundaryDb, clientId: number, platform: Platform, identity: string, at = Date.now()): Promise<void> {
  const cipher = await currentCipher(db);
  const key = identityKey(platform, identity);
  const [row] = await encodeNotThem(cipher, [{ identityKey: key, clientId, at }]);
  await db.transaction('rw', db.notThemDecisions, db.vault, async () => {
    await confirmCipher(db, cipher);
    // The key is opaque now, so the same decision is looked for rather than overwritten.
    const existing = await db.notThemDecisions.where('clientId').equals(clientId).toArray();
    const decided = await duringTransaction(() => decodeNotThem(cipher, existing));
    if (!decided.some((d) => d.identityKey === key)) await db.notThemDecisions.add(row!);
  });
}

/** Every "not them" decision, opened, for the options page to list (newest first; undated last). */
export async function listNotThem(db: BoundaryDb): Promise<NotThemDecision[]> {
  const cipher = await currentCipher(db);
  const rows = await db.transaction('r', db.notThemDecisions, db.vault, async () => {
    await confirmCipher(db, cipher);
    return db.notThemDecisions.toArray();
  });
  return (await decodeNotThem(cipher, rows)).sort((a, b) => (b.at ?? 0) - (a.at ?? 0));
}

/**
 * Undoes "not them": the profile is matched by name against that client again. Returns whether
 * there was such a decision to forget.
 */
export async function forgetNotThem(db: BoundaryDb, clientId: number, platform: Platform, identity: string): Promise<boolean> {
  const cipher = await currentCipher(db);
  const key = identityKey(platform, identity);
  return db.transaction('rw', db.notThemDecisions, db.vault, async () => {
    await confirmCipher(db, cipher);
    const existing = await db.notThemDecisions.where('clientId').equals(clientId).toArray();
    const decided = await duringTransaction(() => decodeNotThem(cipher, existing));
    const ids = decided.filter((d) => d.identityKey === key).map((d) => d.id!);
    await db.notThemDecisions.bulkDelete(ids);
    return ids.length > 0;
  });
}

/**
 * Undoes "this is them": the profile's identity comes off the client's record again, and the
 * person is matched by name only, as before. Nothing else of the record changes. Returns whether
 * the record held that identity (false too for a client deleted meanwhile: nothing is left to undo).
 */
export async function unlinkIdentity(db: BoundaryDb, id: number, platform: Platform, identity: string): Promise<boolean> {
  const cipher = await currentCipher(db);
  return db.transaction('rw', db.clientPages, db.vault, async () => {
    await confirmCipher(db, cipher);
    const row = await db.clients.get(id);
    if (!row) return false;
    const next = await duringTransaction(async () => {
      const [existing] = await decodeClients(cipher, [row]);
      if (!existing!.identities[platform].includes(identity)) return undefined;
      const identities = { ...existing!.identities, [platform]: existing!.identities[platform].filter((known) => known !== identity) };
      const [next] = await encodeClients(cipher, [stored(admitDraft({ ...existing!, identities }), existing!, Date.now())]);
      return next;
    });
    if (next) await db.clients.put(next);
    return next !== undefined;
  });
}
