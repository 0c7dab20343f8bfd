import { identityFromHref } from '@/lib/identity';
import { clickDecline, queryFirst } from '../dom';
import { guardedControlAt, profileCandidate, type ProfileMarkup } from '../profile';
import type { Candidate, CandidateKind, SiteAdapter } from '../types';
import {
  BUBBLE_HEADER_SELECTORS,
  BUBBLE_NAME_SELECTORS,
  BUBBLE_SELECTORS,
  COMPOSER_SELECTORS,
  CONVERSATION_ITEM_SELECTORS,
  CONVERSATION_NAME_SELECTORS,
  INVITATION_CARD_SELECTORS,
  INVITATION_NAME_SELECTORS,
  INVITATION_SUBJECT_LINKS,
  LINKEDIN_DECLINE_SELECTORS,
  OVERLAY_HOST_SELECTORS,
  OWN_PROFILE_SELECTORS,
  PROFILE_CARD_SELECTORS,
  PROFILE_CONTROL_SELECTORS,
  PROFILE_HEADING_SELECTORS,
  PROFILE_LINK,
  PROFILE_PATH,
  PROFILE_TOP_CARD_SELECTORS,
  THREAD_HEADER_SELECTORS,
  THREAD_NAME_SELECTORS,
} from './selectors';

// One querySelectorAll per kind of thing: the browser returns each element once, in page order.
const any = (selectors: readonly string[]) => selectors.join(', ');

/** Pages listing received invitations: the manager and the /mynetwork/ preview; sent ones are the clinician's. */
const hasInvitations = (url: URL) =>
  url.pathname.startsWith('/mynetwork/') && !url.pathname.startsWith('/mynetwork/invitation-manager/sent');

const normalise = (text: string | null) => (text ?? '').replace(/\s+/g, ' ').trim();

/** The text of the first match, over the selectors in order, that has any. */
function nameIn(element: Element, selectors: readonly string[]): string {
  for (const selector of selectors) {
    for (const match of element.querySelectorAll(selector)) {
      const text = normalise(match.textContent);
      if (text) return text;
    }
  }
  return '';
}

/** The distinct profile identities linked inside `element`. */
function identitiesIn(element: Element, url: URL): string[] {
  const found = new Set<string>();
  for (const link of element.querySelectorAll(PROFILE_LINK)) {
    const identity = identityFromHref('linkedin', link.getAttribute('href') ?? '', url.href);
    if (identity) found.add(identity);
  }
  return [...found];
}

function candidate(kind: CandidateKind, element: Element, identities: string[], name: string): Candidate {
  return { kind, platform: 'linkedin', identities, name, element };
}

function invitations(root: ParentNode, url: URL): Candidate[] {
  const found: Candidate[] = [];
  for (const card of root.querySelectorAll(any(INVITATION_CARD_SELECTORS))) {
    // Only the leading link: later ones may be whoever sent a page invitation on the page's behalf.
    const subject = card.querySelector(any(INVITATION_SUBJECT_LINKS));
    const identity = subject && identityFromHref('linkedin', subject.getAttribute('href') ?? '', url.href);
    if (identity) found.push(candidate('request', card, [identity], nameIn(card, INVITATION_NAME_SELECTORS)));
  }
  return found;
}

/** Conversations under one root: list items (names only), thread headers and overlay bubbles. */
function conversations(root: ParentNode, url: URL): Candidate[] {
  const found: Candidate[] = [];
  for (const item of root.querySelectorAll(any(CONVERSATION_ITEM_SELECTORS))) {
    // The list links threads, not people: a group's names come as one line.
    found.push(candidate('message', item, [], nameIn(item, CONVERSATION_NAME_SELECTORS)));
  }
  for (const header of root.querySelectorAll(any(THREAD_HEADER_SELECTORS))) {
    found.push(candidate('message', header, identitiesIn(header, url), nameIn(header, THREAD_NAME_SELECTORS)));
  }
  for (const bubble of root.querySelectorAll(any(BUBBLE_SELECTORS))) {
    // Identities from the header only: the messages below link the clinician's own profile too.
    const header = queryFirst(bubble, BUBBLE_HEADER_SELECTORS);
    const [identities, name] = header ? [identitiesIn(header, url), nameIn(header, BUBBLE_NAME_SELECTORS)] : [[], ''];
    found.push(candidate('message', bubble, identities, name));
  }
  return found;
}

/** The open shadow roots LinkedIn's messaging overlay lives in; no other shadow root is searched. */
function overlayRoots(root: ParentNode): ShadowRoot[] {
  const hosts = [...root.querySelectorAll(any(OVERLAY_HOST_SELECTORS))];
  return hosts.flatMap((host) => (host.shadowRoot ? [host.shadowRoot] : []));
}

/** The element holding focus, looking into shadow roots. */
function focused(doc: Document): Element | null {
  let active = doc.activeElement;
  while (active?.shadowRoot?.activeElement) active = active.shadowRoot.activeElement;
  return active;
}

const PROFILE: ProfileMarkup = {
  platform: 'linkedin',
  headers: PROFILE_TOP_CARD_SELECTORS,
  headings: PROFILE_HEADING_SELECTORS,
  controls: PROFILE_CONTROL_SELECTORS,
  cards: PROFILE_CARD_SELECTORS,
  own: OWN_PROFILE_SELECTORS,
};

/**
 * Whose profile `url` is: the slug of /in/<slug>/ and its sub-pages, [] for a slug lib/identity
 * refuses, null for every other page (company, school, feed, network, messaging …).
 */
function profileIdentities(url: URL): string[] | null {
  const host = url.hostname;
  if (host !== 'linkedin.com' && !host.endsWith('.linkedin.com')) return null;
  if (!url.pathname.startsWith(PROFILE_PATH) || url.pathname.length <= PROFILE_PATH.length) return null;
  const identity = identityFromHref('linkedin', url.href);
  return identity ? [identity] : [];
}

export const linkedinAdapter: SiteAdapter = {
  platform: 'linkedin',

  pageKindOf(url) {
    if (url.pathname.startsWith('/messaging/')) return 'messages';
    return url.pathname.startsWith('/mynetwork/invitation-manager/') && hasInvitations(url) ? 'requests' : null;
  },

  removeSuggestion() {
    return { ok: false, reason: 'Suggestions are not read on this site yet' };
  },

  threadOf() {
    return null;
  },

  findCandidates(root, url) {
    return [
      ...(hasInvitations(url) ? invitations(root, url) : []),
      // The overlay can be open on any page, and the /messaging/ page's own list and thread need
      // no URL check: their markup appears nowhere else.
      ...conversations(root, url),
      ...overlayRoots(root).flatMap((shadow) => conversations(shadow, url)),
    ];
  },

  profileOf(doc, url) {
    const identities = profileIdentities(url);
    return identities ? profileCandidate(doc, identities, PROFILE) : null;
  },

  guardedActionAt(target, url) {
    return profileIdentities(url) ? guardedControlAt(target, PROFILE) : null;
  },

  decline(card) {
    return clickDecline(card, LINKEDIN_DECLINE_SELECTORS);
  },

  findComposer(doc) {
    const selector = any(COMPOSER_SELECTORS);
    const boxes = [doc, ...overlayRoots(doc)].flatMap((root) => [...root.querySelectorAll<HTMLElement>(selector)]);
    // With several bubbles open, the one being typed in is the open conversation.
    const active = focused(doc);
    return boxes.find((box) => box.contains(active)) ?? boxes[0] ?? null;
  },

  shadowRoots(doc) {
    return overlayRoots(doc);
  },
};
