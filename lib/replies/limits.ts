import type { Platform } from '@/lib/identity/platform';
import { MAX_REPLY_CHARS } from '@/lib/messaging/messages';

/**
 * How long a message each site takes. None of the three publishes a limit for personal
 * messages, so these are the numbers Meta documents for its messaging APIs and what people
 * measure on the sites, checked in 2026:
 *   - Instagram Direct: 1,000 characters. Meta's Instagram messaging API documents text "less
 *     than 1000 characters", and longer direct messages are cut or refused in the app.
 *   - LinkedIn messages to a connection: 8,000 characters (InMail bodies allow 1,900 and
 *     invitation notes 300, neither of which Boundary writes).
 *   - Facebook Messenger between people: 20,000 characters; longer texts are silently not
 *     delivered. (The Messenger Platform's 2,000 applies to Pages' bots, not to people.)
 * Boundary itself types at most MAX_REPLY_CHARS (the messaging layer refuses more), so that is
 * the effective limit where a site allows more.
 */
export const SITE_MESSAGE_LIMITS: Record<Platform, number> = {
  facebook: 20_000,
  instagram: 1_000,
  linkedin: 8_000,
};

export function replyLimit(platform: Platform): number {
  return Math.min(SITE_MESSAGE_LIMITS[platform], MAX_REPLY_CHARS);
}

/**
 * Length as JavaScript counts it (UTF-16 code units): an emoji counts as two. The sites count in
 * different ways; this count is never lower than theirs, so a reply that passes here fits there.
 */
export function replyLength(text: string): number {
  return text.length;
}

export interface LengthCheck {
  length: number;
  limit: number;
  over: boolean;
}

export function checkLength(text: string, platform: Platform): LengthCheck {
  const length = replyLength(text);
  const limit = replyLimit(platform);
  return { length, limit, over: length > limit };
}
