import type { BoundaryDb } from '@/lib/clients/db';
import type { ClientStatus } from '@/lib/clients/model';
import { decodeClients } from '@/lib/clients/sealing';
import { confirmCipher, currentCipher, type Cipher } from '@/lib/vault/cipher';
import {
  DEFAULT_RETENTION_DAYS,
  isRetentionDays,
  matchesFilter,
  welfareNoteProblems,
  type ActivityEntry,
  type ActivityFilter,
  type RetentionDays,
} from './model';
import { decodeActivity, encodeActivity } from './sealing';

const RETENTION_KEY = 'activity-retention-days';
const DAY_MS = 24 * 60 * 60 * 1000;

export class InvalidActivityError extends Error {
  constructor(readonly problems: ReturnType<typeof welfareNoteProblems>) {
    super(problems.reason === 'required' ? 'A welfare check needs a reason' : 'The welfare check is too long');
    this.name = 'InvalidActivityError';
  }
}

export async function retentionDays(db: BoundaryDb): Promise<RetentionDays> {
  const value = (await db.settings.get(RETENTION_KEY))?.value;
  return isRetentionDays(value) ? value : DEFAULT_RETENTION_DAYS;
}

/** A new retention period applies at once: older entries go now. */
export async function setRetentionDays(db: BoundaryDb, days: RetentionDays, now = Date.now()): Promise<number> {
  if (!isRetentionDays(days)) throw new RangeError('Choose one of the offered periods');
  await db.settings.put({ key: RETENTION_KEY, value: days });
  return pruneActivity(db, now);
}

/** Deletes entries older than the retention period; how many went. */
export async function pruneActivity(db: BoundaryDb, now = Date.now()): Promise<number> {
  const days = await retentionDays(db);
  return db.activity.where('at').below(now - days * DAY_MS).delete();
}

/**
 * Adds an entry. Entries without a note need no key (ids, kinds and times), so the background
 * logs what it did with the cipher it already holds or none; a welfare note is sealed when the
 * vault is on. Every write also prunes, so the log never holds more than the chosen period.
 */
export async function logActivity(db: BoundaryDb, entry: Omit<ActivityEntry, 'id'>, cipher?: Cipher): Promise<number> {
  if (entry.note) {
    const problems = welfareNoteProblems(entry.note);
    if (Object.keys(problems).length > 0) throw new InvalidActivityError(problems);
  }
  const chosen = entry.note ? (cipher ?? (await currentCipher(db))) : undefined;
  const clean: Omit<ActivityEntry, 'id'> = entry.note
    ? { ...entry, note: { reason: entry.note.reason.trim(), lookedAt: entry.note.lookedAt.trim() } }
    : entry;
  const [row] = chosen ? await encodeActivity(chosen, [clean]) : [clean];
  return db.transaction('rw', db.activity, db.vault, db.settings, async () => {
    if (chosen) await confirmCipher(db, chosen);
    await pruneActivity(db, Date.now());
    return db.activity.add(row!);
  });
}

export interface ActivityItem extends ActivityEntry {
  id: number;
  /** The client's name as the list has it now; undefined when they have left the list. */
  clientName?: string;
  clientStatus?: ClientStatus;
}

/** The entries a filter selects, newest first, notes opened and clients named. */
export async function listActivity(db: BoundaryDb, filter: ActivityFilter = {}): Promise<ActivityItem[]> {
  const cipher = await currentCipher(db);
  const { rows, clientRows } = await db.transaction('r', db.activity, db.clients, db.vault, async () => {
    await confirmCipher(db, cipher);
    const rows = await db.activity.orderBy('at').reverse().toArray();
    const ids = [...new Set(rows.flatMap((r) => (r.clientId === undefined ? [] : [r.clientId])))];
    const clientRows = (await db.clients.bulkGet(ids)).flatMap((row) => (row ? [row] : []));
    return { rows, clientRows };
  });
  const clients = new Map((await decodeClients(cipher, clientRows)).map((c) => [c.id, c] as const));
  const entries = await decodeActivity(cipher, rows.filter((row) => matchesFilter(row, filter)));
  return entries.map((entry) => {
    const client = entry.clientId === undefined ? undefined : clients.get(entry.clientId);
    return { ...entry, id: entry.id!, ...(client && { clientName: client.name, clientStatus: client.status }) };
  });
}

export async function clearActivity(db: BoundaryDb): Promise<void> {
  await db.activity.clear();
}
