import type { CandidateKind } from '@/lib/sites/types';
import type { Platform } from '@/lib/identity/platform';
import type { Matcher } from '@/lib/matching/matcher';
import type { WireCandidate } from '@/lib/messaging/messages';
import { reviewSiteOf, type ReviewSite } from '@/lib/reviews/sites';
import { searchOf, type SearchEngine } from '@/lib/searches/engines';

/** A matched person on a tab, as the background keeps it: client ids only, never names. */
export interface Detection {
  token: string;
  kind: CandidateKind;
  platform: Platform;
  match: 'exact' | 'name';
  clientIds: number[];
  identity?: string;
  pageName: string;
}

/** What a page's address alone says: a search naming listed people, or a review-reply screen. */
export type Lookup = { kind: 'search'; engine: SearchEngine; clientIds: number[] } | { kind: 'review'; site: ReviewSite };

export interface TabState {
  /** For a search, without its query: the query is not kept anywhere. */
  url: string;
  recognised: boolean;
  detections: Detection[];
  lookup?: Lookup;
}

/**
 * What an address alone says: a review-reply screen, or a search with its query (which the
 * caller matches and then drops); null for any other page. Pure, so every address a tab visits
 * costs a parse and nothing more.
 */
export function lookupOf(href: string): { kind: 'review'; site: ReviewSite } | { kind: 'search'; engine: SearchEngine; query: string } | null {
  const review = reviewSiteOf(href);
  if (review) return { kind: 'review', site: review };
  const search = searchOf(href);
  return search && { kind: 'search', ...search };
}

/** Matches a page's candidates; people who are not on the list are dropped here and go no further. */
export function detect(matcher: Matcher, candidates: readonly WireCandidate[]): Detection[] {
  const detections: Detection[] = [];
  for (const candidate of candidates) {
    const result = matcher.match(candidate);
    if (result.match === 'none') continue;
    detections.push({
      token: candidate.token,
      kind: candidate.kind,
      platform: candidate.platform,
      match: result.match,
      clientIds: result.clientIds,
      ...(result.identity === undefined ? {} : { identity: result.identity }),
      pageName: candidate.name,
    });
  }
  return detections;
}

/**
 * How many people the badge counts: each client once, however many cards show them (a
 * conversation's header and its row in the list), and each other name-only match once.
 */
export function peopleCount(detections: readonly Detection[], lookup?: Lookup): number {
  const exact = new Set(detections.flatMap((d) => (d.match === 'exact' ? d.clientIds : [])));
  const people = new Set<string>([...exact].map((id) => `c${id}`));
  for (const d of detections) {
    if (d.match === 'name' && !d.clientIds.every((id) => exact.has(id))) people.add(`n${d.clientIds.join(',')}`);
  }
  if (lookup?.kind === 'search') for (const id of lookup.clientIds) people.add(`c${id}`);
  return people.size;
}
