import type { Platform } from '@/lib/identity/platform';
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

/** The situations whose replies fit a detection, the likeliest first. */
export function situationsFor(kind: CandidateKind, onMessageRequestsPage: boolean): Situation[] {
  if (kind === 'request') return ['request-answer'];
  return onMessageRequestsPage ? ['message-request', 'conversation'] : ['conversation', 'message-request'];
}

/**
 * What answering does on each site, said plainly where a reply is offered (so the clinician
 * knows what the other person will see).
 */
export function whatAnsweringDoes(situation: Situation, platform: Platform): string | undefined {
  if (situation === 'request-answer') {
    const decline = platform === 'linkedin' ? 'Ignore' : 'Delete';
    const site = platform === 'facebook' ? 'Facebook' : platform === 'instagram' ? 'Instagram' : 'LinkedIn';
    return `${decline} on ${site} is silent: they are not told. Send this in a message only if you would rather tell them yourself.`;
  }
  if (situation === 'message-request') {
    if (platform === 'linkedin') return undefined;
    return 'Answering moves the request into your chats and lets them see you have read it. Left unanswered, it tells them nothing.';
  }
  if (situation === 'comment') return 'A reply to a comment is public: anyone who can see the post can read it.';
  return undefined;
}
