import type { BoundaryDb } from '@/lib/db';
import { normaliseSettings, trimmed, validateSettings, type PracticeSettings } from './practice';

/**
 * The practice settings live in the extension's own database, beside the list, rather than in
 * storage.local, which content scripts can read: nothing about the practice needs to reach a page
 * except the final text of a reply.
 */
const KEY = 'practice';
/** Bumped when the stored shape changes; normaliseSettings reads every earlier shape. */
const SHAPE = 1;

export async function loadSettings(db: BoundaryDb): Promise<PracticeSettings> {
  const row = await db.settings.get(KEY);
  return normaliseSettings(row?.value);
}

export class InvalidSettingsError extends Error {
  constructor(readonly errors: ReturnType<typeof validateSettings>) {
    super(Object.values(errors).join(' '));
  }
}

export async function saveSettings(db: BoundaryDb, settings: PracticeSettings): Promise<PracticeSettings> {
  const clean = trimmed(settings);
  const errors = validateSettings(clean);
  if (Object.keys(errors).length > 0) throw new InvalidSettingsError(errors);
  await db.settings.put({ key: KEY, value: { ...clean, shape: SHAPE } });
  return clean;
}
