import { identityFromHref } from '@/lib/identity';
import { clickDecline, labelOf, queryAllDeep } from '../dom';
import { ACCEPT_WORDS, DECLINE_WORDS, labelHasWord } from '../labels';
import { guardedControlAt, profileCandidate, type ProfileMarkup } from '../profile';
import type { Candidate, SiteAdapter } from '../types';
import {
  ACTIVITY_PANEL_SELECTORS,
  ACTIVITY_PATH,
  COMPOSER_SELECTORS,
  CONTROL_SELECTORS,
  DIRECT_PATH,
  FOLLOW_REQUESTS_PARAM,
  ICON_SELECTORS,
  INSTAGRAM_DECLINE_SELECTORS,
  MESSAGE_LIST_SELECTORS,
  NOT_COMPOSER_SELECTORS,
  NOT_NAME_SELECTORS,
  OWN_PROFILE_SELECTORS,
  PROFILE_CARD_SELECTORS,
  PROFILE_HEADER_SELECTORS,
  PROFILE_HEADING_SELECTORS,
  PROFILE_LINK_SELECTORS,
  PROFILE_TABS,
  THREAD_ROW_SELECTORS,
  THREAD_ROW_WRAPPER,
} from './selectors';

// One querySelectorAll per kind of thing: the browser returns each element once, in page order.
const any = (selectors: readonly string[]) => selectors.join(', ');

const CONTROL = any(CONTROL_SELECTORS);
const NOT_NAME = any(NOT_NAME_SELECTORS);
// A request row's full name is never the username link or a button's word.
const NOT_FULL_NAME = any([...NOT_NAME_SELECTORS, 'a', ...CONTROL_SELECTORS]);

interface ProfileLink {
  element: Element;
  identity: string;
}

/** Every link under `root` that identityFromHref accepts as a profile, in page order. */
function profileLinks(root: ParentNode, url: URL): ProfileLink[] {
  const found: ProfileLink[] = [];
  for (const element of root.querySelectorAll(any(PROFILE_LINK_SELECTORS))) {
    const identity = identityFromHref('instagram', element.getAttribute('href') ?? '', url.href);
    if (identity) found.push({ element, identity });
  }
  return found;
}

function identitiesIn(element: Element, links: readonly ProfileLink[]): string[] {
  return [...new Set(links.filter((link) => element.contains(link.element)).map((link) => link.identity))];
}

/**
 * The first piece of text in `container` that is not inside a `skip` element below it. With
 * `besideLinks`, text sharing an element with a link is passed over too: that is a sentence about
 * the linked person ("caio.b_ pediu para seguir você."), not a name.
 */
function firstText(container: Element, skip: string, besideLinks = false): string {
  const walker = container.ownerDocument.createTreeWalker(container, NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const text = (node.textContent ?? '').replace(/\s+/g, ' ').trim();
    const parent = node.parentElement;
    if (!text || !parent) continue;
    const skipped = parent.closest(skip);
    if (skipped && skipped !== container && container.contains(skipped)) continue;
    if (besideLinks && parent.querySelector('a')) continue;
    return text;
  }
  return '';
}

/** The username as a request row shows it: the text of its username link (the avatar link has none). */
function shownUsername(row: Element, links: readonly ProfileLink[]): string {
  for (const link of links) {
    const text = row.contains(link.element) ? firstText(link.element, NOT_NAME) : '';
    if (text) return text;
  }
  return '';
}

/** The nearest ancestor of `start`, within `scope`, that holds one of `targets`. */
function ancestorHolding(start: Element, targets: readonly Element[], scope: ParentNode): Element | null {
  for (let element = start.parentElement; element && scope.contains(element); element = element.parentElement) {
    if (targets.some((target) => element.contains(target))) return element;
  }
  return null;
}

const readsAs = (label: string, words: readonly string[], not: readonly string[]) =>
  labelHasWord(label, words) && !labelHasWord(label, not);

/**
 * Follow requests under `scope`, told apart by structure rather than wording: a row holds a pair
 * of worded controls, one reading as decline and one as accept, grouped together and apart from
 * the person's links, and the row links exactly one person. Suggestions (Follow plus an icon
 * "X"), new followers (Follow only) and likes (no controls) have no such pair; a followers list's
 * Follow sits by the name, not beside Remove.
 */
function followRequests(scope: ParentNode, links: readonly ProfileLink[]): Candidate[] {
  const icons = new Set([...scope.querySelectorAll(any(ICON_SELECTORS))].map((icon) => icon.closest(CONTROL)));
  const worded = [...scope.querySelectorAll(CONTROL)].filter((control) => !icons.has(control));
  const declines = worded.filter((control) => readsAs(labelOf(control), DECLINE_WORDS, ACCEPT_WORDS));
  const accepts = worded.filter((control) => readsAs(labelOf(control), ACCEPT_WORDS, DECLINE_WORDS));
  const linked = links.map((link) => link.element);

  const found: Candidate[] = [];
  for (const decline of declines) {
    const pair = ancestorHolding(decline, accepts, scope);
    if (!pair || linked.some((link) => pair.contains(link))) continue;
    const row = ancestorHolding(pair, linked, scope);
    if (!row || declines.filter((other) => row.contains(other)).length !== 1) continue;
    const identities = identitiesIn(row, links);
    const [identity] = identities;
    if (identity === undefined || identities.length !== 1) continue;
    const name = firstText(row, NOT_FULL_NAME, true) || shownUsername(row, links) || identity;
    found.push({ kind: 'request', platform: 'instagram', identities, name, element: row });
  }
  return found;
}

/** Where follow requests may be: the whole activity page, else the notifications panel wherever it is open. */
function requestScopes(root: ParentNode, url: URL): ParentNode[] {
  if (url.pathname.startsWith(ACTIVITY_PATH)) return [root];
  const panel = any(ACTIVITY_PANEL_SELECTORS);
  if (root instanceof Element && root.closest(panel)) return [root];
  const panels = [...root.querySelectorAll(panel)];
  // A panel nested in another is already searched with it.
  return panels.filter((inner) => !panels.some((outer) => outer !== inner && outer.contains(inner)));
}

/** Each row of the Direct thread list: the page shows a name there, never a profile link. */
function threadRows(root: ParentNode, links: readonly ProfileLink[]): Candidate[] {
  const rows = new Set(
    [...root.querySelectorAll(any(THREAD_ROW_SELECTORS))].map((match) => match.closest(THREAD_ROW_WRAPPER) ?? match),
  );
  return [...rows].map((row) => ({
    kind: 'message',
    platform: 'instagram',
    identities: identitiesIn(row, links),
    name: firstText(row, NOT_NAME),
    element: row,
  }));
}

/** The first box, over the composer selectors in order, that is not a post's comment field. */
function messageBox(matches: (selector: string) => HTMLElement[]): HTMLElement | null {
  for (const selector of COMPOSER_SELECTORS) {
    const box = matches(selector).find((element) => !element.closest(any(NOT_COMPOSER_SELECTORS)));
    if (box) return box;
  }
  return null;
}

/**
 * The open conversation's header, found from its message box: of the profile links outside the
 * messages, the header's is the one sharing the deepest ancestor with the box (the clinician's own
 * navigation link shares only the page). That ancestor is the conversation pane, and the header
 * is the pane's child holding the link.
 */
function openThreadHeader(root: ParentNode, links: readonly ProfileLink[], rows: readonly Candidate[]): Candidate | null {
  // Direct renders in the page's own DOM; a shadow-root search would walk every element per scan.
  const box = messageBox((selector) => [...root.querySelectorAll<HTMLElement>(selector)]);
  if (!box) return null;
  const around: Element[] = [];
  for (let element = box.parentElement; element; element = element.parentElement) around.push(element);

  const messages = any(MESSAGE_LIST_SELECTORS);
  const outside = links.filter((link) => !link.element.closest(messages));
  let best: { link: ProfileLink; depth: number } | null = null;
  for (const link of outside) {
    const depth = around.findIndex((ancestor) => ancestor.contains(link.element));
    // On a tie the earlier link wins: the header comes before anything else in the pane.
    if (depth >= 0 && (best === null || depth < best.depth)) best = { link, depth };
  }
  const pane = best && around[best.depth];
  // Reaching the thread list means this conversation's header links no one (a group, say).
  if (!best || !pane || rows.some((row) => pane.contains(row.element))) return null;

  let header = best.link.element;
  while (header.parentElement && header.parentElement !== pane) header = header.parentElement;
  const identities = identitiesIn(header, outside);
  return {
    kind: 'message',
    platform: 'instagram',
    identities,
    name: firstText(header, NOT_NAME) || best.link.identity,
    element: header,
  };
}

const PROFILE: ProfileMarkup = {
  platform: 'instagram',
  headers: PROFILE_HEADER_SELECTORS,
  headings: PROFILE_HEADING_SELECTORS,
  controls: CONTROL_SELECTORS,
  cards: PROFILE_CARD_SELECTORS,
  own: OWN_PROFILE_SELECTORS,
};

/**
 * Whose profile `url` is: /<username>/, or one of its tabs; null for every other page. Reserved
 * first segments (explore, direct, accounts, p, reel, …) are never usernames, as lib/identity
 * knows; /stories/<username>/<id>/ names a person, but not as a profile tab.
 */
function profileIdentities(url: URL): string[] | null {
  const [, tab, ...rest] = url.pathname.split('/').filter((segment) => segment !== '');
  if (rest.length > 0 || (tab !== undefined && !(PROFILE_TABS as readonly string[]).includes(tab))) return null;
  const identity = identityFromHref('instagram', url.href);
  return identity ? [identity] : null;
}

export const instagramAdapter: SiteAdapter = {
  platform: 'instagram',

  pageKindOf(url) {
    if (url.pathname.startsWith(DIRECT_PATH)) return 'messages';
    return url.pathname.startsWith(ACTIVITY_PATH) && url.searchParams.has(FOLLOW_REQUESTS_PARAM) ? 'requests' : null;
  },

  removeSuggestion() {
    return { ok: false, reason: 'Suggestions are not read on this site yet' };
  },

  threadOf() {
    return null;
  },

  findCandidates(root, url) {
    const links = profileLinks(root, url);
    const found = requestScopes(root, url).flatMap((scope) => followRequests(scope, links));
    if (url.pathname.startsWith(DIRECT_PATH)) {
      const rows = threadRows(root, links);
      const header = openThreadHeader(root, links, rows);
      found.push(...rows, ...(header ? [header] : []));
    }
    return found;
  },

  profileOf(doc, url) {
    const identities = profileIdentities(url);
    return identities ? profileCandidate(doc, identities, PROFILE) : null;
  },

  guardedActionAt(target, url) {
    return profileIdentities(url) ? guardedControlAt(target, PROFILE) : null;
  },

  decline(card) {
    return clickDecline(card, INSTAGRAM_DECLINE_SELECTORS);
  },

  findComposer(doc) {
    return messageBox((selector) => queryAllDeep<HTMLElement>(doc, selector));
  },
};
