import type { PageCandidates, WireCandidate } from '@/lib/messaging/messages';

/** The one request the background tests' reports carry by default: a listed person's profile. */
export const ANA_REQUEST: WireCandidate = {
  token: 'tok1',
  kind: 'request',
  platform: 'facebook',
  identities: ['100089412300001'],
  name: 'Ana Ruiz-Calder',
};

/** A full report from Facebook's friend-requests page, as a content script sends it. */
export function requestsReport(candidates: WireCandidate[] = [ANA_REQUEST], extra: Partial<PageCandidates> = {}): PageCandidates {
  return {
    type: 'page-candidates',
    url: 'https://www.facebook.com/friends/requests/',
    platform: 'facebook',
    pageKind: 'requests',
    recognised: true,
    connectionSteps: false,
    candidates,
    ...extra,
  };
}
