import { DamagedRowError } from '@/lib/clients/sealing';
import { seal, unseal } from '@/lib/vault/crypto';
import type { Cipher } from '@/lib/vault/cipher';
import type { ActivityEntry, ActivityRow, WelfareNote } from './model';

const NOTE_PURPOSE = 'boundary/activity-note/v1';

/** Rows to store: a welfare note sealed while the vault is on (with its time, so it cannot be moved to another entry). */
export async function encodeActivity(cipher: Cipher, entries: readonly ActivityEntry[]): Promise<ActivityRow[]> {
  return Promise.all(
    entries.map(async ({ note, ...rest }): Promise<ActivityRow> => {
      if (!note) return rest;
      return cipher.sealed ? { ...rest, sealedNote: await seal(cipher.key, NOTE_PURPOSE, { ...note, at: rest.at }) } : { ...rest, note };
    }),
  );
}

export async function decodeActivity(cipher: Cipher, rows: readonly ActivityRow[]): Promise<ActivityEntry[]> {
  return Promise.all(
    rows.map(async ({ sealedNote, ...rest }): Promise<ActivityEntry> => {
      if (!sealedNote) return rest;
      if (!cipher.sealed) throw new DamagedRowError('activity note');
      let payload: unknown;
      try {
        payload = await unseal(cipher.key, NOTE_PURPOSE, sealedNote);
      } catch {
        throw new DamagedRowError('activity note');
      }
      const { reason, lookedAt, at } = (payload ?? {}) as Partial<WelfareNote & { at: number }>;
      if (typeof reason !== 'string' || typeof lookedAt !== 'string' || at !== rest.at) throw new DamagedRowError('activity note');
      return { ...rest, note: { reason, lookedAt } };
    }),
  );
}
