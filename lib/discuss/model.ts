import { isActivityPlace, isTime, type ActivityPlace } from '@/lib/activity/model';
import { placeName } from '@/lib/activity/places';
import { t, type MessageKey } from '@/lib/i18n/t';
import { isPlatform, type Platform } from '@/lib/identity/platform';
import type { DayRow } from '@/lib/vault/day-rows';

/**
 * "To discuss": things that happened online, kept to raise at the client's next session (the
 * policy brings online events into the session rather than handling them there). An entry says
 * who, where, what Boundary helped do and when, and nothing else: never what anyone wrote.
 */
export const DISCUSS_EVENTS = [
  'declined-request',
  'removed-suggestion',
  'redirected-message',
  'welfare-check',
  'public-mention',
  // Left as the policy for that person says: a request left pending, a message left unanswered.
  'left-pending',
  'unanswered-message',
] as const;
export type DiscussEvent = (typeof DISCUSS_EVENTS)[number];

export interface DiscussEntry {
  id?: number;
  clientId: number;
  /** A social site, or for a welfare check also a search engine or review site. */
  platform: ActivityPlace;
  event: DiscussEvent;
  /** When it happened, in ms since the epoch. */
  at: number;
}

/** A "to discuss" row as the database holds it: plain, or sealed whole but for its day (lib/vault/day-rows.ts). */
export type DiscussRow = DayRow<Omit<DiscussEntry, 'id'>>;

/** An entry's own fields from a value read back (a sealed row opened, a backup file); undefined when it is anything else. */
export function readDiscussEntry(value: unknown): Omit<DiscussEntry, 'id'> | undefined {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return undefined;
  const v = value as Record<string, unknown>;
  const keys = Object.keys(v);
  const exact = keys.length === 4 && ['clientId', 'platform', 'event', 'at'].every((k) => keys.includes(k));
  const ok =
    exact &&
    Number.isSafeInteger(v.clientId) &&
    (v.clientId as number) > 0 &&
    isActivityPlace(v.platform) &&
    (DISCUSS_EVENTS as readonly unknown[]).includes(v.event) &&
    isTime(v.at);
  return ok ? (v as unknown as Omit<DiscussEntry, 'id'>) : undefined;
}

/** Each site names its requests differently, and languages word each event their own way. */
const EVENTS: Record<Exclude<DiscussEvent, 'welfare-check' | 'left-pending' | 'unanswered-message'>, Record<Platform, MessageKey>> = {
  'declined-request': {
    facebook: 'discuss_declined_facebook',
    instagram: 'discuss_declined_instagram',
    linkedin: 'discuss_declined_linkedin',
  },
  'removed-suggestion': {
    facebook: 'discuss_removed_suggestion_facebook',
    instagram: 'discuss_removed_suggestion_instagram',
    linkedin: 'discuss_removed_suggestion_linkedin',
  },
  'redirected-message': {
    facebook: 'discuss_redirected_facebook',
    instagram: 'discuss_redirected_instagram',
    linkedin: 'discuss_redirected_linkedin',
  },
  'public-mention': {
    facebook: 'discuss_mention_facebook',
    instagram: 'discuss_mention_instagram',
    linkedin: 'discuss_mention_linkedin',
  },
};

/** What happened, in a few words. */
export function describeEvent(event: DiscussEvent, place: ActivityPlace): string {
  if (event === 'welfare-check' || !isPlatform(place)) return t('discuss_event_welfare_check', placeName(place));
  if (event === 'left-pending') return t('discuss_left_pending', placeName(place));
  if (event === 'unanswered-message') return t('discuss_unanswered_message', placeName(place));
  return t(EVENTS[event][place]);
}
