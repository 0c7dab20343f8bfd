import type { CandidateKind, PageKind } from '@/lib/sites/types';
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
  /** The site of the page, when its content script reported (not for searches and reviews). */
  platform?: Platform;
  /** What the page is for, by its address (the adapter's pageKindOf). */
  pageKind?: PageKind | null;
  /** Whether the site offers a next step on a connection's card. */
  connectionSteps?: boolean;
  /** The page's `<html lang>`, as its content script reported it. */
  lang?: string;
  detections: Detection[];
  lookup?: Lookup;
  /**
   * The sightings of people with a safety concern already logged for this page load, as
   * `${pathname}|${clientId}`: the tab's state goes when a new document loads, so each load logs
   * once, and so does each single-page navigation to another address.
   */
  safetyLogged?: string[];
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
  const matched: Matched[] = [];
  for (const candidate of candidates) {
    const result = matcher.match(candidate);
    if (result.match === 'none') continue;
    matched.push({
      detection: {
        token: candidate.token,
        kind: candidate.kind,
        platform: candidate.platform,
        match: result.match,
        clientIds: result.clientIds,
        ...(result.identity === undefined ? {} : { identity: result.identity }),
        pageName: candidate.name,
      },
      thread: candidate.thread,
      open: candidate.open === true,
    });
  }
  return onePerPerson(matched);
}

/** A detection with what tells its conversation apart, before those of one person are merged. */
interface Matched {
  detection: Detection;
  thread: string | undefined;
  open: boolean;
}

/**
 * Whether two detections of one kind are the same person in the same place: the same thread
 * (a conversation's row in the inbox and its open header), the same profile, or a name-only
 * row that says nothing else about whom it shows, beside an exact match for those clients (the
 * badge has always counted these once). A same-name row with a thread or profile of its own is
 * someone else until the page says otherwise.
 */
function samePerson(a: Matched, b: Matched): boolean {
  if (a.detection.kind !== b.detection.kind || a.detection.platform !== b.detection.platform) return false;
  if (a.thread !== undefined && a.thread === b.thread) return true;
  if (a.detection.identity !== undefined && a.detection.identity === b.detection.identity) return true;
  const vague = (m: Matched) => m.detection.match === 'name' && m.detection.identity === undefined && m.thread === undefined;
  const covers = (exact: Matched, other: Matched) =>
    exact.detection.match === 'exact' && other.detection.clientIds.every((id) => exact.detection.clientIds.includes(id));
  return (vague(a) && covers(b, a)) || (vague(b) && covers(a, b));
}

/**
 * One item per person and kind on a tab. Of the detections merged, the exact match says who it is
 * (its clients and profile; else the first one linking a profile, for "this is them"), and the open
 * conversation gives the token, so that a reply goes into the conversation that is open.
 */
function onePerPerson(matched: readonly Matched[]): Detection[] {
  // Each detection's group, by the index of the group's first member (page order is kept).
  const groupOf = matched.map((_, i) => i);
  const find = (i: number): number => (groupOf[i] === i ? i : (groupOf[i] = find(groupOf[i]!)));
  matched.forEach((a, i) => {
    for (let j = 0; j < i; j++) {
      if (!samePerson(a, matched[j]!)) continue;
      const [low, high] = [find(i), find(j)].sort((x, y) => x - y) as [number, number];
      groupOf[high] = low;
    }
  });
  const groups = new Map<number, Matched[]>();
  matched.forEach((m, i) => {
    const root = find(i);
    groups.set(root, [...(groups.get(root) ?? []), m]);
  });
  return [...groups.values()].map((group) => {
    const best = group.find((m) => m.detection.match === 'exact') ?? group.find((m) => m.detection.identity !== undefined) ?? group[0]!;
    const open = group.find((m) => m.open);
    const { detection } = best;
    return { ...detection, token: (open ?? best).detection.token, pageName: open?.detection.pageName || detection.pageName };
  });
}

/**
 * How many people the badge counts, of detections already one per person and kind: each client
 * matched exactly once, whatever the kinds (a request and a conversation), each profile matched
 * by name once, and each other name-only match once unless an exact match already counts its
 * clients. So the badge counts what the popup shows, a person shown twice being in two places.
 */
export function peopleCount(detections: readonly Detection[], lookup?: Lookup): number {
  const exact = new Set(detections.flatMap((d) => (d.match === 'exact' ? d.clientIds : [])));
  const people = new Set<string>([...exact].map((id) => `c${id}`));
  for (const d of detections) {
    if (d.match !== 'name') continue;
    if (d.identity !== undefined) people.add(`i${d.identity}`);
    else if (!d.clientIds.every((id) => exact.has(id))) people.add(`n${d.clientIds.join(',')}`);
  }
  if (lookup?.kind === 'search') for (const id of lookup.clientIds) people.add(`c${id}`);
  return people.size;
}
