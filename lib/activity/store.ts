import type { BoundaryDb } from '@/lib/db';
import type { ClientStatus } from '@/lib/clients/model';
import { namedPeople } from '@/lib/clients/lookup';
import { confirmCipher, currentCipher, duringTransaction, type Cipher } from '@/lib/vault/cipher';
import { dayOf } from '@/lib/vault/day-rows';
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

/**
 * Deletes entries older than the retention period; how many went. Rows are indexed by day only
 * (the time itself is sealed with the vault on), so this works locked, and an entry goes with the
 * first whole day past the period: kept at most a day longer than chosen.
 */
export async function pruneActivity(db: BoundaryDb, now = Date.now()): Promise<number> {
  const days = await retentionDays(db);
  return db.activity.where('day').below(dayOf(now - days * DAY_MS)).delete();
}

/**
 * Adds an entry, sealed whole while the vault is on; while it is locked nothing is written
 * (VaultLockedError), since nothing is matched then either. Every write also prunes, so the log
 * never holds more than the chosen period.
 */
export async function logActivity(db: BoundaryDb, entry: Omit<ActivityEntry, 'id'>, cipher?: Cipher): Promise<number> {
  if (entry.note) {
    const problems = welfareNoteProblems(entry.note);
    if (Object.keys(problems).length > 0) throw new InvalidActivityError(problems);
  }
  const chosen = cipher ?? (await currentCipher(db));
  const clean: Omit<ActivityEntry, 'id'> = entry.note
    ? { ...entry, note: { reason: entry.note.reason.trim(), lookedAt: entry.note.lookedAt.trim() } }
    : entry;
  const [row] = await encodeActivity(chosen, [clean]);
  return db.transaction('rw', db.activity, db.vault, db.settings, async () => {
    await confirmCipher(db, chosen);
    await pruneActivity(db, Date.now());
    return db.activity.add(row!);
  });
}

/** What makes two entries the same sighting: one client, kind and site on one day (UTC, as rows are indexed). */
const sightingOf = (entry: Omit<ActivityEntry, 'id'>) => `${dayOf(entry.at)}|${entry.kind}|${entry.place}|${entry.clientId ?? ''}`;

/**
 * Adds those of `entries` the log does not already hold for their day: for what Boundary saw,
 * which a page reports again on every change. Only the rows of the entries' days are read and
 * opened (the day is the one field left readable), so a report costs one indexed read. Asking for
 * the cipher here does not count as the clinician using Boundary: a page reported, nobody clicked.
 * How many were added.
 */
export async function logOncePerDay(db: BoundaryDb, entries: readonly Omit<ActivityEntry, 'id'>[], cipher?: Cipher): Promise<number> {
  if (entries.length === 0) return 0;
  const chosen = cipher ?? (await currentCipher(db, { touch: false }));
  const days = [...new Set(entries.map((entry) => dayOf(entry.at)))];
  return db.transaction('rw', db.activity, db.vault, db.settings, async () => {
    await confirmCipher(db, chosen);
    const rows = await db.activity.where('day').anyOf(days).toArray();
    const held = new Set((await duringTransaction(() => decodeActivity(chosen, rows))).map(sightingOf));
    const fresh = entries.filter((entry) => {
      const sighting = sightingOf(entry);
      if (held.has(sighting)) return false;
      held.add(sighting);
      return true;
    });
    if (fresh.length === 0) return 0;
    const added = await duringTransaction(() => encodeActivity(chosen, fresh));
    await pruneActivity(db, Date.now());
    await db.activity.bulkAdd(added);
    return fresh.length;
  });
}

/** Inside a transaction over activity: deletes one client's entries, opening sealed rows to find them. */
export async function deleteActivityOf(db: BoundaryDb, cipher: Cipher, clientId: number): Promise<void> {
  const rows = await db.activity.toArray();
  const entries = await duringTransaction(() => decodeActivity(cipher, rows));
  await db.activity.bulkDelete(entries.filter((e) => e.clientId === clientId).map((e) => e.id!));
}

/** Inside a transaction over activity: one client's entries re-pointed to another (a merge of two records). */
export async function moveActivityOf(db: BoundaryDb, cipher: Cipher, from: number, to: number): Promise<void> {
  const rows = await db.activity.toArray();
  const moved = await duringTransaction(async () => {
    const entries = (await decodeActivity(cipher, rows)).filter((e) => e.clientId === from);
    return encodeActivity(cipher, entries.map((e) => ({ ...e, clientId: to })));
  });
  await db.activity.bulkPut(moved);
}

export interface ActivityItem extends ActivityEntry {
  id: number;
  /** The client's name as the list has it now; undefined when they have left the list. */
  clientName?: string;
  clientStatus?: ClientStatus;
  /** For a related person: the name of the client they are related to. */
  relatedToName?: string;
}

/** The entries a filter selects, newest first, notes opened and clients named. */
export async function listActivity(db: BoundaryDb, filter: ActivityFilter = {}): Promise<ActivityItem[]> {
  const cipher = await currentCipher(db);
  const rows = await db.transaction('r', db.activity, db.vault, async () => {
    await confirmCipher(db, cipher);
    return db.activity.toArray();
  });
  // Filtered and ordered once opened: with the vault on, the rows show neither time nor client.
  const entries = (await decodeActivity(cipher, rows)).filter((entry) => matchesFilter(entry, filter)).sort((a, b) => b.at - a.at || b.id! - a.id!);
  const ids = entries.flatMap((e) => (e.clientId === undefined ? [] : [e.clientId]));
  const people = await namedPeople(db, cipher, ids);
  return entries.map((entry) => {
    const person = entry.clientId === undefined ? undefined : people.get(entry.clientId);
    return {
      ...entry,
      id: entry.id!,
      ...(person && { clientName: person.client.name, clientStatus: person.client.status }),
      ...(person?.relatedToName !== undefined && { relatedToName: person.relatedToName }),
    };
  });
}

export async function clearActivity(db: BoundaryDb): Promise<void> {
  await db.activity.clear();
}
