import type { DetectionView } from '@/lib/messaging/messages';
import { adviceFor, requestPrimary, type StatusPolicy } from '@/lib/policy/status-policy';

/**
 * The requests "Decline all" takes: those shown whose card leads with the site's decline (never
 * one to block, or to leave pending, whatever the count), not already done in this popup, and
 * matched by their profile: a card that matched by name only may be someone else of that name,
 * and waits for the clinician's "this is them" first. So no card of anyone not on the list.
 */
export function declineAllList(shown: readonly DetectionView[], done: Readonly<Record<string, unknown>>, status: StatusPolicy): DetectionView[] {
  return shown.filter((d) => d.kind === 'request' && d.match === 'exact' && !(d.token in done) && requestPrimary(adviceFor(d.clients, status)) === 'decline');
}

/** Offered from two such requests on: for one, its own Decline is the same click. */
export const DECLINE_ALL_FROM = 2;
