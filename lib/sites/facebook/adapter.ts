import { identityFromHref } from '@/lib/identity';
import { clickDecline, queryAllDeep } from '../dom';
import { labelHasWord } from '../labels';
import type { Candidate, SiteAdapter } from '../types';
import {
  FACEBOOK_CARD_BOUNDARIES,
  FACEBOOK_CARD_CONTROLS,
  FACEBOOK_COMPOSER,
  FACEBOOK_CONVERSATION,
  FACEBOOK_CONVERSATION_TITLE,
  FACEBOOK_DECLINE_SELECTORS,
  FACEBOOK_FRIENDS_HOME_PATHS,
  FACEBOOK_HEADER_CONTROLS,
  FACEBOOK_ITEMS,
  FACEBOOK_MAIN,
  FACEBOOK_MESSAGES_PATH,
  FACEBOOK_MESSAGE_BOX_WORDS,
  FACEBOOK_REQUEST_LINKS,
  FACEBOOK_REQUEST_PAGELETS,
  FACEBOOK_REQUEST_PATHS,
  FACEBOOK_ROW_NAME,
  FACEBOOK_SECTIONS,
  FACEBOOK_SUGGESTION_LINKS,
  FACEBOOK_SUGGESTION_PAGELETS,
  FACEBOOK_THREAD_LINKS,
} from './selectors';

const any = (selectors: readonly string[]) => selectors.join(', ');

const CONTROLS = any(FACEBOOK_CARD_CONTROLS);
const REQUEST_LINKS = any(FACEBOOK_REQUEST_LINKS);
const SUGGESTION_LINKS = any(FACEBOOK_SUGGESTION_LINKS);
const SECTIONS = any(FACEBOOK_SECTIONS);
const BOUNDARIES = any(FACEBOOK_CARD_BOUNDARIES);
const ITEMS = any(FACEBOOK_ITEMS);
const MAIN = any(FACEBOOK_MAIN);
const REQUEST_PAGELETS = any(FACEBOOK_REQUEST_PAGELETS);
const SUGGESTION_PAGELETS = any(FACEBOOK_SUGGESTION_PAGELETS);
const THREAD_LINKS = any(FACEBOOK_THREAD_LINKS);
const ROW_NAME = any(FACEBOOK_ROW_NAME);
const CONVERSATION = any(FACEBOOK_CONVERSATION);
const CONVERSATION_TITLE = any(FACEBOOK_CONVERSATION_TITLE);
const HEADER_CONTROLS = any(FACEBOOK_HEADER_CONTROLS);
const COMPOSER = any(FACEBOOK_COMPOSER);

const textOf = (element: Element) => (element.textContent ?? '').replace(/\s+/g, ' ').trim();

function isFacebook(url: URL): boolean {
  return url.hostname === 'facebook.com' || url.hostname.endsWith('.facebook.com');
}

type Page = 'requests' | 'friends-home' | 'messages' | null;

function pageOf(url: URL): Page {
  if (!isFacebook(url)) return null;
  const path = url.pathname;
  if (path.startsWith(FACEBOOK_MESSAGES_PATH)) return 'messages';
  if (FACEBOOK_REQUEST_PATHS.some((prefix) => path.startsWith(prefix))) return 'requests';
  if ((FACEBOOK_FRIENDS_HOME_PATHS as readonly string[]).includes(path)) return 'friends-home';
  return null;
}

/** What the links and controls beneath an element add up to. */
interface Tally {
  controls: number;
  identities: Set<string>;
  requestLinks: boolean;
  suggestionLinks: boolean;
}

const NOTHING: Tally = { controls: 0, identities: new Set(), requestLinks: false, suggestionLinks: false };

/**
 * Walks up once from every link and control, so that "how many buttons, whose links, which kind
 * of links are in here" is a map lookup for any ancestor: two querySelectorAll calls per scan,
 * however many cards the page holds.
 */
function tallyUnder(scope: ParentNode, url: URL) {
  const tallies = new Map<Element, Tally>();
  const climb = (from: Element, add: (tally: Tally) => void) => {
    for (let at: Element | null = from; at; at = at.parentElement) {
      let tally = tallies.get(at);
      if (!tally) {
        tally = { controls: 0, identities: new Set(), requestLinks: false, suggestionLinks: false };
        tallies.set(at, tally);
      }
      add(tally);
      if (at === scope) break;
    }
  };

  const controls = new Set(scope.querySelectorAll(CONTROLS));
  for (const control of controls) climb(control, (tally) => tally.controls++);

  const people: { link: Element; identity: string }[] = [];
  for (const link of scope.querySelectorAll('a[href]')) {
    const request = link.matches(REQUEST_LINKS);
    const suggestion = link.matches(SUGGESTION_LINKS);
    // A control link (mbasic's Confirm / Delete Request) is an action, never the person's profile.
    const href = link.getAttribute('href') ?? '';
    const identity = controls.has(link) ? null : identityFromHref('facebook', href, url.href);
    if (identity) people.push({ link, identity });
    if (!identity && !request && !suggestion) continue;
    climb(link, (tally) => {
      if (identity) tally.identities.add(identity);
      tally.requestLinks ||= request;
      tally.suggestionLinks ||= suggestion;
    });
  }
  return { people, tally: (element: Element) => tallies.get(element) ?? NOTHING };
}

type Tallies = ReturnType<typeof tallyUnder>;

/**
 * The card around a person's link: the smallest box that also holds a pair of controls, grown
 * to the largest box that still holds only this person and these controls (the avatar and the
 * name link often sit at different depths). Null when the link is not on a card, or when the box
 * would hold more than one person (e.g. once a card's own buttons are gone).
 */
function cardAround(link: Element, scope: ParentNode, { tally }: Tallies): Element | null {
  let card: Element | null = null;
  for (let at = link.parentElement; at && at !== scope && !at.matches(BOUNDARIES); at = at.parentElement) {
    if (tally(at).controls >= 2) {
      card = at;
      break;
    }
  }
  if (!card || tally(card).identities.size !== 1) return null;
  const controls = tally(card).controls;
  while (!card.matches(ITEMS)) {
    const parent: Element | null = card.parentElement;
    if (!parent || parent === scope || parent.matches(BOUNDARIES)) break;
    const around = tally(parent);
    if (around.controls !== controls || around.identities.size !== 1) break;
    card = parent;
  }
  return card;
}

type SectionKind = 'request' | 'suggestion' | 'unknown';

/** A section is about requests or suggestions by its pagelet name, else by its "See all" link. */
function sectionKind(section: Element): SectionKind {
  if (section.matches(SUGGESTION_PAGELETS)) return 'suggestion';
  if (section.matches(REQUEST_PAGELETS)) return 'request';
  if (section.querySelector(SUGGESTION_LINKS)) return 'suggestion';
  if (section.querySelector(REQUEST_LINKS)) return 'request';
  return 'unknown';
}

/**
 * Whether a card is a pending request rather than a suggestion: first by the card's own links
 * (a ?profile_id= request link, an add-friend link), then by its section, and only then by the
 * page it is on. Suggestions win ties: they must never be candidates.
 */
function isRequest(card: Element, page: Page, { tally }: Tallies, sections: Map<Element, SectionKind>): boolean {
  const own = tally(card);
  if (own.suggestionLinks) return false;
  if (own.requestLinks) return true;
  const section = card.parentElement?.closest(SECTIONS);
  if (section) {
    let kind = sections.get(section);
    if (!kind) sections.set(section, (kind = sectionKind(section)));
    if (kind !== 'unknown') return kind === 'request';
  }
  return page === 'requests';
}

function findRequests(root: ParentNode, url: URL, page: Page): Candidate[] {
  const scope = root.querySelector(MAIN) ?? root;
  const tallies = tallyUnder(scope, url);
  // null marks a card already seen and found not to be a request.
  const cards = new Map<Element, Candidate | null>();
  const sections = new Map<Element, SectionKind>();
  for (const { link, identity } of tallies.people) {
    const card = cardAround(link, scope, tallies);
    if (!card) continue;
    if (cards.has(card)) {
      const known = cards.get(card);
      // The avatar link comes first and has no text; the name link follows.
      if (known) known.name ||= textOf(link);
      continue;
    }
    if (!isRequest(card, page, tallies, sections)) {
      cards.set(card, null);
      continue;
    }
    cards.set(card, {
      kind: 'request',
      platform: 'facebook',
      identities: [identity],
      name: textOf(link),
      element: card,
    });
  }
  return [...cards.values()].filter((candidate) => candidate !== null);
}

/** Each conversation in the chat list: a name and no identities (the list has no profile links). */
function findChatRows(root: ParentNode): Candidate[] {
  const rows = new Map<Element, Candidate>();
  for (const link of root.querySelectorAll(THREAD_LINKS)) {
    // Inside the open conversation, a thread link is one pasted into a message.
    if (link.closest(CONVERSATION)) continue;
    const row = link.closest(ITEMS) ?? link;
    if (rows.has(row)) continue;
    const name = textOf(link.querySelector(ROW_NAME) ?? link);
    rows.set(row, { kind: 'message', platform: 'facebook', identities: [], name, element: row });
  }
  return [...rows.values()];
}

/**
 * The open conversation's header: the title heading with the person's profile link, and the
 * header block around it (the nearest box that also holds the call / info buttons).
 */
function findOpenConversation(root: ParentNode, url: URL): Candidate[] {
  const found: Candidate[] = [];
  for (const pane of root.querySelectorAll(CONVERSATION)) {
    const title = pane.querySelector(CONVERSATION_TITLE);
    const link = title?.querySelector('a[href]') ?? title?.closest('a[href]');
    if (!title || !link || !pane.contains(link)) continue;
    const identity = identityFromHref('facebook', link.getAttribute('href') ?? '', url.href);
    // A group's title has no profile link; its chat-list row already stands for it.
    if (!identity) continue;
    let header: Element = title;
    while (header !== pane && !header.querySelector(HEADER_CONTROLS)) {
      header = header.parentElement ?? pane;
    }
    const name = textOf(title);
    found.push({ kind: 'message', platform: 'facebook', identities: [identity], name, element: header });
  }
  return found;
}

export const facebookAdapter: SiteAdapter = {
  platform: 'facebook',

  expectsCandidates(url) {
    return pageOf(url) !== null;
  },

  findCandidates(root, url) {
    const page = pageOf(url);
    if (page === 'messages') return [...findChatRows(root), ...findOpenConversation(root, url)];
    if (page) return findRequests(root, url, page);
    return [];
  },

  decline(card) {
    return clickDecline(card, FACEBOOK_DECLINE_SELECTORS);
  },

  findComposer(doc) {
    const boxes = queryAllDeep<HTMLElement>(doc, COMPOSER);
    const inConversation = boxes.filter((box) => box.closest(CONVERSATION));
    const isMessageBox = (box: HTMLElement) =>
      labelHasWord(box.getAttribute('aria-label') ?? '', FACEBOOK_MESSAGE_BOX_WORDS);
    // A box outside any conversation (a chat tab) is taken only when its label says message.
    return inConversation.find(isMessageBox) ?? inConversation[0] ?? boxes.find(isMessageBox) ?? null;
  },
};
