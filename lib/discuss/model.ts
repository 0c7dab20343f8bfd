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

const REQUEST: Record<Platform, string> = {
  facebook: 'a friend request',
  instagram: 'a follow request',
  linkedin: 'an invitation to connect',
};
const SITE: Record<Platform, string> = { facebook: 'Facebook', instagram: 'Instagram', linkedin: 'LinkedIn' };

/** What happened, in a few words. */
export function describeEvent(event: DiscussEvent, platform: Platform): string {
  switch (event) {
    case 'declined-request':
      return `Declined ${REQUEST[platform]} on ${SITE[platform]}`;
    case 'redirected-message':
      return `Pointed ${platform === 'instagram' ? 'an' : 'a'} ${SITE[platform]} message to the secure channels`;
  }
}
