import { DamagedRowError } from '@/lib/clients/sealing';
import { unseal } from '@/lib/vault/crypto';
import type { Cipher } from '@/lib/vault/cipher';
import { decodeDayRows, encodeDayRows, type DayRowKind } from '@/lib/vault/day-rows';
import { readActivityEntry, type ActivityEntry, type ActivityRow, type LegacyActivityRow, type WelfareNote } from './model';

export const ACTIVITY_ROWS: DayRowKind<Omit<ActivityEntry, 'id'>> = {
  purpose: 'boundary/activity/v2',
  what: 'activity entry',
  read: readActivityEntry,
};
/** What sealed a welfare note alone, before whole rows were sealed (schema versions 4). */
const LEGACY_NOTE_PURPOSE = 'boundary/activity-note/v1';

const isLegacy = (row: ActivityRow): row is LegacyActivityRow => 'sealedNote' in row;

/** Rows to store: plain, or with the vault on sealed whole but for their day. */
export function encodeActivity(cipher: Cipher, entries: readonly ActivityEntry[]): Promise<ActivityRow[]> {
  return encodeDayRows(cipher, ACTIVITY_ROWS, entries);
}

async function openLegacy(cipher: Cipher, { sealedNote, day: _day, ...rest }: LegacyActivityRow): Promise<ActivityEntry> {
  if (!cipher.sealed) throw new DamagedRowError('activity note');
  let payload: unknown;
  try {
    payload = await unseal(cipher.key, LEGACY_NOTE_PURPOSE, sealedNote);
  } catch {
    throw new DamagedRowError('activity note');
  }
  const { reason, lookedAt, at } = (payload ?? {}) as Partial<WelfareNote & { at: number }>;
  if (typeof reason !== 'string' || typeof lookedAt !== 'string' || at !== rest.at) throw new DamagedRowError('activity note');
  return { ...rest, note: { reason, lookedAt } };
}

export async function decodeActivity(cipher: Cipher, rows: readonly ActivityRow[]): Promise<ActivityEntry[]> {
  return Promise.all(
    rows.map(async (row) => (isLegacy(row) ? openLegacy(cipher, row) : (await decodeDayRows(cipher, ACTIVITY_ROWS, [row]))[0]!)),
  );
}
