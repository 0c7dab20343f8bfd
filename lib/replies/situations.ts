import type { Platform } from '@/lib/identity/platform';
import { t } from '@/lib/i18n/t';
import { siteName } from '@/lib/policy/suggestions';
import type { PolicyDefaults } from '@/lib/practice-policy/choices';
import type { CandidateKind } from '@/lib/sites/types';
import type { Situation } from './templates';

/**
 * Whether a page is a site's folder of message requests (people not connected to the clinician).
 * Facebook keeps them at /messages/requests (and filtered ones at /messages/filtered), Instagram
 * at /direct/requests. LinkedIn has no such folder for personal messages.
 */
export function isMessageRequestsPage(url: string): boolean {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return false;
  }
  const host = parsed.hostname;
  if (/(^|\.)facebook\.com$/.test(host)) return /^\/messages\/(requests|filtered)(\/|$)/.test(parsed.pathname);
  if (/(^|\.)instagram\.com$/.test(host)) return /^\/direct\/requests(\/|$)/.test(parsed.pathname);
  return false;
}

/**
 * The situations whose replies fit a detection, the likeliest first; none for a suggestion or a
 * connection, where nobody has written to the clinician and a message would start contact. A
 * comment, mention or tag gets the private note first, the public answer after it.
 */
export function situationsFor(kind: CandidateKind, onMessageRequestsPage: boolean): Situation[] {
  if (kind === 'request') return ['request-answer'];
  if (kind === 'mention') return ['comment-private', 'comment'];
  if (kind === 'suggestion' || kind === 'connection' || kind === 'profile') return [];
  return onMessageRequestsPage ? ['message-request', 'conversation'] : ['conversation', 'message-request'];
}

/**
 * Whether a request's short answer opens beside the site's decline rather than staying folded:
 * the practice's policy says whether it declines quietly or with a note.
 */
export function opensAnswer(kind: CandidateKind, defaults: PolicyDefaults): boolean {
  return kind === 'request' && defaults.requestReply === 'answer';
}

/** A reminder beside a conversation's reply when the practice's policy says it answers none. */
export function policyReplyNote(kind: CandidateKind, defaults: PolicyDefaults): string | undefined {
  return kind === 'message' && defaults.messageReply === 'none' ? t('popup_policy_no_reply') : undefined;
}

/**
 * What answering does on each site, said plainly where a reply is offered (so the clinician
 * knows what the other person will see).
 */
export function whatAnsweringDoes(situation: Situation, platform: Platform): string | undefined {
  if (situation === 'request-answer') return t(platform === 'linkedin' ? 'answering_ignore' : 'answering_delete', siteName(platform));
  if (situation === 'message-request') return platform === 'linkedin' ? undefined : t('answering_message_request');
  if (situation === 'comment') return t('answering_comment');
  if (situation === 'comment-private') return t('answering_comment_private');
  return undefined;
}
