import { t, type MessageKey } from '@/lib/i18n/t';
import type { Platform } from '@/lib/identity/platform';

/**
 * "To discuss": things that happened online, kept to raise at the client's next session (the
 * policy brings online events into the session rather than handling them there). An entry says
 * who, where, what Boundary helped do and when, and nothing else: never what anyone wrote.
 */
export const DISCUSS_EVENTS = ['declined-request', 'redirected-message'] as const;
export type DiscussEvent = (typeof DISCUSS_EVENTS)[number];

export interface DiscussEntry {
  id?: number;
  clientId: number;
  platform: Platform;
  event: DiscussEvent;
  /** When it happened, in ms since the epoch. */
  at: number;
}

/** Each site names its requests differently, and languages word each event their own way. */
const EVENTS: Record<DiscussEvent, Record<Platform, MessageKey>> = {
  'declined-request': {
    facebook: 'discuss_declined_facebook',
    instagram: 'discuss_declined_instagram',
    linkedin: 'discuss_declined_linkedin',
  },
  'redirected-message': {
    facebook: 'discuss_redirected_facebook',
    instagram: 'discuss_redirected_instagram',
    linkedin: 'discuss_redirected_linkedin',
  },
};

/** What happened, in a few words. */
export function describeEvent(event: DiscussEvent, platform: Platform): string {
  return t(EVENTS[event][platform]);
}
