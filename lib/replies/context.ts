import type { BoundaryDb } from '@/lib/clients/db';
import { DEFAULT_SETTINGS, type PracticeSettings } from '@/lib/settings/practice';
import { loadSettings } from '@/lib/settings/store';
import { mergeLibrary, type ReplyLibrary } from './library';
import { loadLibrary } from './store';

/** What the popup needs to offer replies: the practice's settings and its reply library. */
export interface ReplyContext {
  settings: PracticeSettings;
  library: ReplyLibrary;
  /** True when the database could not be read and Boundary's own defaults stand in. */
  fallback: boolean;
}

export async function loadReplyContext(db: BoundaryDb): Promise<ReplyContext> {
  try {
    const [settings, library] = await Promise.all([loadSettings(db), loadLibrary(db)]);
    return { settings, library, fallback: false };
  } catch {
    // Replies must still be offered: a redirect without the practice's details beats none.
    return { settings: { ...DEFAULT_SETTINGS }, library: mergeLibrary([]), fallback: true };
  }
}
