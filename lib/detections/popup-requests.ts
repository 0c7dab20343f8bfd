import { welfareNoteProblems } from '@/lib/activity/model';
import { logActivity } from '@/lib/activity/store';
import { database } from '@/lib/db';
import { addDiscussEntry } from '@/lib/discuss/store';
import { t } from '@/lib/i18n/t';
import type { PageToBackground, PopupState, TabDetections } from '@/lib/messaging/messages';
import type { ActionResult } from '@/lib/sites/types';
import { lockVault, unlockVault, type VaultState } from '@/lib/vault/vault';
import { cachedReplyContext } from './popup-cache';

/**
 * What the popup used to read and write in the database itself, done here for it: the popup
 * loads no Dexie and no store (its bundle stays small and it opens fast), and every write it
 * asks for arrives as a typed message checked in isPageToBackground.
 */

/**
 * The popup's one question: the tab's detections with the vault's state (as the key read for
 * them found it, so the vault is not read a second time), and the reply context, at once. The
 * reply context is kept in memory between popups (popup-cache.ts), as are the records named.
 */
export async function popupState(tab: Promise<{ detections: TabDetections; vault: VaultState }>): Promise<PopupState> {
  const [{ detections, vault }, replies] = await Promise.all([tab, cachedReplyContext(database())]);
  return { detections, replies, vault };
}

/** An error's own words (the vault's are already in the clinician's language) for the popup. */
const refused = (error: unknown): ActionResult => ({ ok: false, reason: error instanceof Error ? error.message : String(error) });

/** Unlocks with the passphrase the popup sent; a wrong one is refused and changes nothing. */
export async function unlockFromPopup(passphrase: string): Promise<ActionResult> {
  try {
    await unlockVault(database(), passphrase);
  } catch (error) {
    return refused(error);
  }
  return { ok: true, done: 'Unlocked' };
}

export async function lockFromPopup(): Promise<ActionResult> {
  await lockVault();
  return { ok: true, done: 'Locked' };
}

export async function addDiscussFromPopup(message: Extract<PageToBackground, { type: 'add-discuss' }>): Promise<ActionResult> {
  try {
    await addDiscussEntry(database(), { clientId: message.clientId, platform: message.platform, event: message.event, at: Date.now() });
  } catch {
    return { ok: false, reason: t('discuss_add_failed') };
  }
  return { ok: true, done: t('discuss_added') };
}

/** A welfare check: the activity log keeps the reason, and the "to discuss" list a note of it. */
export async function welfareCheckFromPopup(message: Extract<PageToBackground, { type: 'welfare-check' }>): Promise<ActionResult> {
  const note = { reason: message.reason, lookedAt: message.lookedAt };
  const problems = welfareNoteProblems(note);
  if (problems.reason === 'required') return { ok: false, reason: t('welfare_reason_required') };
  if (problems.reason || problems.lookedAt) return { ok: false, reason: t('welfare_too_long') };
  const { clientId, place, at } = message;
  try {
    const db = database();
    await logActivity(db, { at, kind: 'welfare-check', place, clientId, note });
    await addDiscussEntry(db, { clientId, platform: place, event: 'welfare-check', at });
  } catch (error) {
    return error instanceof Error ? refused(error) : { ok: false, reason: t('welfare_not_saved') };
  }
  return { ok: true, done: t('welfare_saved') };
}
