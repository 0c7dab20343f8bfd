import type { Candidate } from '@/lib/sites/types';

/** Why a reply does not go in for a detection. */
export type InsertRefusal = 'not-a-conversation' | 'not-open';

/**
 * Whether a reply may go into the page's open message box for `target`: only when the target is
 * the open conversation itself, because the adapter says so (its header) or because its thread is
 * the one the page's address names. A row of the inbox whose person has the same name as the
 * open conversation's is still another conversation, perhaps with another person: refused.
 */
export function insertRefusal(target: Pick<Candidate, 'kind' | 'open' | 'thread'>, openThread: string | null): InsertRefusal | null {
  if (target.kind !== 'message') return 'not-a-conversation';
  if (target.open === true) return null;
  if (target.thread !== undefined && openThread !== null && target.thread === openThread) return null;
  return 'not-open';
}
