import { DamagedRowError } from '@/lib/clients/sealing';
import { dayOf } from '@/lib/db/days';
import type { Cipher } from './cipher';
import { seal, unseal, type Sealed } from './crypto';

/**
 * Rows of a dated log (the activity log, the "to discuss" list) as the database holds them. With
 * the vault off a row is the entry itself plus its day; with the vault on it is the row's id, the
 * day and the whole entry sealed: kind, site, client, time to the millisecond, everything. The day
 * (days since 1 January 1970, UTC) is the one thing left readable, so that old entries can be
 * pruned while locked; it says on which day something happened, never what or for whom.
 */

export { dayOf };

export interface DayIndex {
  id?: number;
  day: number;
}
export type SealedDayRow = DayIndex & { sealed: Sealed };
export type PlainDayRow<E> = DayIndex & E;
export type DayRow<E> = SealedDayRow | PlainDayRow<E>;

/** How one kind of entry is sealed and recognised once opened. */
export interface DayRowKind<E extends { at: number }> {
  /** Authenticated with every sealed row, so a row of one kind never opens as another. */
  purpose: string;
  /** For error messages: "activity entry". */
  what: string;
  /** The entry's own fields, exactly, from an opened value; undefined when it is not one. */
  read(value: unknown): E | undefined;
}

export const isSealedRow = (row: object): row is SealedDayRow => 'sealed' in row;

export async function encodeDayRows<E extends { at: number }>(
  cipher: Cipher,
  kind: DayRowKind<E>,
  entries: readonly (E & { id?: number })[],
): Promise<DayRow<E>[]> {
  return Promise.all(
    entries.map(async ({ id, ...rest }) => {
      const entry = rest as unknown as E;
      const base: DayIndex = id === undefined ? { day: dayOf(entry.at) } : { id, day: dayOf(entry.at) };
      if (!cipher.sealed) return { ...base, ...entry };
      return { ...base, sealed: await seal(cipher.key, kind.purpose, entry) };
    }),
  );
}

/** Opens one sealed row; DamagedRowError unless it opens with this key to an entry of its day. */
export async function openDayRow<E extends { at: number }>(cipher: Cipher, kind: DayRowKind<E>, row: SealedDayRow): Promise<E & { id?: number }> {
  if (!cipher.sealed) throw new DamagedRowError(kind.what);
  let value: unknown;
  try {
    value = await unseal(cipher.key, kind.purpose, row.sealed);
  } catch {
    throw new DamagedRowError(kind.what);
  }
  const entry = kind.read(value);
  // The day is checked too: a row's index cannot be moved to another day unnoticed.
  if (!entry || dayOf(entry.at) !== row.day) throw new DamagedRowError(kind.what);
  return row.id === undefined ? entry : { ...entry, id: row.id };
}

/** The entries of plain or sealed rows; a plain row loses only its day index. */
export async function decodeDayRows<E extends { at: number }>(
  cipher: Cipher,
  kind: DayRowKind<E>,
  rows: readonly DayRow<E>[],
): Promise<(E & { id?: number })[]> {
  return Promise.all(
    rows.map(async (row) => {
      if (isSealedRow(row)) return openDayRow(cipher, kind, row);
      const { day: _day, ...entry } = row;
      return entry as unknown as E & { id?: number };
    }),
  );
}
