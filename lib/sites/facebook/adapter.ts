import { identityFromHref } from '@/lib/identity';
import { clickDecline, queryAllDeep } from '../dom';
import { labelHasWord } from '../labels';
import { guardedControlAt, profileCandidate, type ProfileMarkup } from '../profile';
import type { Candidate, SiteAdapter } from '../types';
import {
  FACEBOOK_CARD_BOUNDARIES,
  FACEBOOK_CARD_CONTROLS,
  FACEBOOK_COMPOSER,
  FACEBOOK_CONVERSATION,
  FACEBOOK_CONVERSATION_TITLE,
  FACEBOOK_DECLINE_SELECTORS,
  FACEBOOK_FRIENDS_HOME_PATHS,
  FACEBOOK_FRIENDS_PATH,
  FACEBOOK_HEADER_CONTROLS,
  FACEBOOK_ITEMS,
  FACEBOOK_MAIN,
  FACEBOOK_MESSAGES_PATH,
  FACEBOOK_MESSAGE_BOX_WORDS,
  FACEBOOK_OWN_PROFILE,
  FACEBOOK_PROFILE_CARDS,
  FACEBOOK_PROFILE_CONTROLS,
  FACEBOOK_PROFILE_HEADER,
  FACEBOOK_PROFILE_HEADING,
  FACEBOOK_PROFILE_PATHS,
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
/** What stops a card's search or growth. */
const STOPS = `${BOUNDARIES}, ${ITEMS}`;
/** Links whose presence decides whether a section holds requests or suggestions. */
const KIND_LINKS = any([...FACEBOOK_REQUEST_LINKS, ...FACEBOOK_SUGGESTION_LINKS]);

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

const PROFILE: ProfileMarkup = {
  platform: 'facebook',
  headers: FACEBOOK_PROFILE_HEADER,
  headings: FACEBOOK_PROFILE_HEADING,
  controls: FACEBOOK_PROFILE_CONTROLS,
  cards: FACEBOOK_PROFILE_CARDS,
  own: FACEBOOK_OWN_PROFILE,
};

/**
 * Whose profile `url` is: the person lib/identity reads from it (a vanity name, ?id=, /people/,
 * with a profile tab such as /about), [] for a profile address it cannot read, null for every
 * other page. Reserved first segments (groups, watch, photo, me, …) are not people there.
 */
function profileIdentities(url: URL): string[] | null {
  if (!isFacebook(url)) return null;
  const path = url.pathname;
  if (path === FACEBOOK_FRIENDS_PATH || path.startsWith(`${FACEBOOK_FRIENDS_PATH}/`)) return null;
  const identity = identityFromHref('facebook', url.href);
  if (identity) return [identity];
  return FACEBOOK_PROFILE_PATHS.some((prefix) => path.startsWith(prefix)) ? [] : null;
}

/** What the links and controls beneath an element add up to. */
interface Tally {
  controls: number;
  /** The one person linked in here; with `mixed`, more than one. */
  identity: string | undefined;
  mixed: boolean;
  requestLinks: boolean;
  suggestionLinks: boolean;
}

const NOTHING: Tally = { controls: 0, identity: undefined, mixed: false, requestLinks: false, suggestionLinks: false };

/** Whether exactly one person is linked in here. */
const onePerson = (tally: Tally) => tally.identity !== undefined && !tally.mixed;

/**
 * Walks up once from every link and control, so that "how many buttons, whose links, which kind
 * of links are in here" is a map lookup for any ancestor: two querySelectorAll calls per scan,
 * however many cards the page holds. With `inclusive`, `scope` (an element just added to the
 * page) counts as well, and tallies stop at it: they are then exact for it and what it holds.
 */
function tallyUnder(scope: ParentNode, url: URL, inclusive = false) {
  const all = (selector: string): Iterable<Element> => {
    const below = scope.querySelectorAll(selector);
    return inclusive && scope instanceof Element && scope.matches(selector) ? [scope, ...below] : below;
  };
  const tallies = new Map<Element, Tally>();
  // Each ancestor's tally, made on first sight; the walk ends at the scope.
  const tallyOf = (at: Element) => {
    let tally = tallies.get(at);
    if (!tally) {
      tally = { controls: 0, identity: undefined, mixed: false, requestLinks: false, suggestionLinks: false };
      tallies.set(at, tally);
    }
    return tally;
  };

  const controls = new Set(all(CONTROLS));
  for (const control of controls) {
    for (let at: Element | null = control; at; at = at === scope ? null : at.parentElement) tallyOf(at).controls++;
  }

  const people: { link: Element; identity: string }[] = [];
  for (const link of all('a[href]')) {
    const request = link.matches(REQUEST_LINKS);
    const suggestion = link.matches(SUGGESTION_LINKS);
    // A control link (mbasic's Confirm / Delete Request) is an action, never the person's profile.
    const href = link.getAttribute('href') ?? '';
    const identity = controls.has(link) ? null : identityFromHref('facebook', href, url.href);
    if (identity) people.push({ link, identity });
    if (!identity && !request && !suggestion) continue;
    for (let at: Element | null = link; at; at = at === scope ? null : at.parentElement) {
      const tally = tallyOf(at);
      if (identity) {
        if (tally.identity === undefined) tally.identity = identity;
        else if (tally.identity !== identity) tally.mixed = true;
      }
      tally.requestLinks ||= request;
      tally.suggestionLinks ||= suggestion;
    }
  }
  return { people, tally: (element: Element) => tallies.get(element) ?? NOTHING };
}

type Tallies = ReturnType<typeof tallyUnder>;

/** cardAround's answer when the link's surroundings reach past the added element it looked at. */
const UNKNOWN = 'unknown';

/**
 * Whether `parent` holds a control that is not in `child`: then the two cannot tally the same.
 * `beside` remembers, per parent, a child found holding controls: cards added together share a
 * parent, and each is then settled by that one child rather than by searching its siblings.
 */
function controlBeside(child: Element, parent: Element, beside?: Map<Element, Element>): boolean {
  if (parent.matches(CONTROLS)) return true;
  const known = beside?.get(parent);
  if (known && known !== child && known.parentElement === parent) return true;
  for (let sibling = parent.firstElementChild; sibling; sibling = sibling.nextElementSibling) {
    if (sibling !== child && (sibling.matches(CONTROLS) || sibling.querySelector(CONTROLS))) {
      beside?.set(parent, sibling);
      return true;
    }
  }
  return false;
}

/**
 * The card around a person's link: the smallest box that also holds a pair of controls, grown
 * to the largest box that still holds only this person and these controls (the avatar and the
 * name link often sit at different depths). Null when the link is not on a card, or when the box
 * would hold more than one person (e.g. once a card's own buttons are gone).
 *
 * With `within` (an element just added, whose tallies alone are known), UNKNOWN when the answer
 * depends on what lies outside it; the one case settled without that is the usual one, a card
 * whose neighbours have buttons of their own, so that it grows no further.
 */
function cardAround(
  link: Element,
  scope: ParentNode,
  { tally }: Tallies,
  within?: Element,
  beside?: Map<Element, Element>,
): Element | null | typeof UNKNOWN {
  let card: Element | null = null;
  for (let at = link.parentElement; at && at !== scope && !at.matches(BOUNDARIES); at = at.parentElement) {
    if (within && !within.contains(at)) return UNKNOWN;
    if (tally(at).controls >= 2) {
      card = at;
      break;
    }
  }
  if (!card || !onePerson(tally(card))) return null;
  const controls = tally(card).controls;
  while (!card.matches(ITEMS)) {
    const parent: Element | null = card.parentElement;
    if (!parent || parent === scope || parent.matches(BOUNDARIES)) break;
    if (card === within) {
      if (controlBeside(card, parent, beside)) break;
      return UNKNOWN;
    }
    const around = tally(parent);
    if (around.controls !== controls || !onePerson(around)) break;
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
function isRequest(card: Element, page: Page, own: LinkKinds, sections: Map<Element, SectionKind>): boolean {
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

/** Which kinds of links a card holds of its own. */
interface LinkKinds {
  requestLinks: boolean;
  suggestionLinks: boolean;
}

/** What a scan reads of the page (or of an added element): people's links, and the card around each. */
interface Reading {
  /** People's links, in page order, with whom each links. */
  people: { link: Element; identity: string }[];
  /** The card around a person's link (see cardAround). */
  cardAround(link: Element): Element | null | typeof UNKNOWN;
  kinds(card: Element): LinkKinds;
}

/** A reading from tallies: of the whole scope, or of an element added to it (`within`). */
function tallyReading(scope: ParentNode, url: URL, within?: Element, beside?: Map<Element, Element>): Reading {
  const tallies = tallyUnder(within ?? scope, url, within !== undefined);
  return {
    people: tallies.people,
    cardAround: (link) => cardAround(link, scope, tallies, within, beside),
    kinds: (card) => tallies.tally(card),
  };
}

/** More buttons than this in an added element, and it is read through tallies. */
const QUICK_CONTROLS = 8;

/**
 * What every control, boundary and item selector requires: a role, a data-pagelet, or being a
 * link. The quick reading queries for these once and sorts what it finds; it is used only while
 * every such selector is one of these kinds (checked here, once), so it cannot miss an element.
 */
const MARKED = 'a[href], [role], [data-pagelet]';
const QUICK_SELECTORS = [...FACEBOOK_CARD_CONTROLS, ...FACEBOOK_CARD_BOUNDARIES, ...FACEBOOK_ITEMS].every((selector) =>
  /^(?:a\[href[^\]]*\]|\[role="[a-z]+"\]|\[data-pagelet[^\]]*\])(?:\[[^\]]+\])*$/.test(selector),
);
/**
 * What an element needs for a list of such selectors to match it: one of the roles they name,
 * being a link, or a data-pagelet. Elements with none of these are not asked.
 */
function needs(selectors: readonly string[]) {
  const roles = new Set(selectors.flatMap((selector) => /^\[role="([a-z]+)"\]/.exec(selector)?.[1] ?? []));
  const links = selectors.some((selector) => selector.startsWith('a[href'));
  const pagelets = selectors.some((selector) => selector.startsWith('[data-pagelet'));
  return (role: string | null, link: boolean, pagelet: boolean) =>
    (role !== null && roles.has(role)) || (links && link) || (pagelets && pagelet);
}
const mayBeControl = needs(FACEBOOK_CARD_CONTROLS);
const mayStop = needs([...FACEBOOK_CARD_BOUNDARIES, ...FACEBOOK_ITEMS]);

/**
 * The common case of an added element, read without tallies: it links one person (however many
 * times) and holds a few buttons. Every box inside it then links that one person, so of the
 * tallies only the count of buttons can tell boxes apart, and `contains` counts them: the same
 * answers as cardAround over tallies of `added`, without building them. Null when `added` is
 * not such an element.
 */
function quickReading(scope: ParentNode, url: URL, added: Element, beside: Map<Element, Element>): Reading | null {
  if (!QUICK_SELECTORS) return null;
  // One query for everything the selectors below can match, instead of one query per selector.
  const marked = added.matches(MARKED) ? [added, ...added.querySelectorAll(MARKED)] : added.querySelectorAll(MARKED);
  const controls: Element[] = [];
  const links: Element[] = [];
  let plain = true;
  for (const element of marked) {
    // `a[href]` exactly: an element named a, with an href attribute of no namespace.
    const link = element.localName === 'a' && element.hasAttribute('href');
    const role = element.getAttribute('role');
    const pagelet = element.hasAttribute('data-pagelet');
    if (mayBeControl(role, link, pagelet) && element.matches(CONTROLS)) {
      controls.push(element);
      if (controls.length > QUICK_CONTROLS) return null;
    }
    if (link) links.push(element);
    // Without boundaries or items inside it, no box within `added` stops a card's search or growth.
    if (plain && mayStop(role, link, pagelet) && element.matches(STOPS)) plain = false;
  }
  const people: { link: Element; identity: string }[] = [];
  const requestLinks: Element[] = [];
  const suggestionLinks: Element[] = [];
  for (const link of links) {
    if (link.matches(REQUEST_LINKS)) requestLinks.push(link);
    if (link.matches(SUGGESTION_LINKS)) suggestionLinks.push(link);
    // A control link (mbasic's Confirm / Delete Request) is an action, never the person's profile.
    const identity = controls.includes(link) ? null : identityFromHref('facebook', link.getAttribute('href') ?? '', url.href);
    if (!identity) continue;
    if (people.length > 0 && people[0]!.identity !== identity) return null;
    people.push({ link, identity });
  }
  const controlsIn = (box: Element) => controls.reduce((n, control) => (box.contains(control) ? n + 1 : n), 0);
  const holds = (box: Element, list: readonly Element[]) => list.some((link) => box.contains(link));
  /** Growth from `card` up, as cardAround does it, for a card counting `count` controls. */
  const grow = (start: Element, count: number): Element | typeof UNKNOWN => {
    let card = start;
    while (!card.matches(ITEMS)) {
      const parent: Element | null = card.parentElement;
      if (!parent || parent === scope || parent.matches(BOUNDARIES)) break;
      if (card === added) {
        if (controlBeside(card, parent, beside)) break;
        return UNKNOWN;
      }
      if (controlsIn(parent) !== count) break;
      card = parent;
    }
    return card;
  };
  // With exactly two controls in a plain `added`, the first box around a link holding two holds
  // both, as does every box up to `added` itself: every link's card is `added`, grown once.
  let grownFromAdded: Element | typeof UNKNOWN | undefined;
  return {
    people,
    cardAround(link) {
      if (plain && controls.length === 2 && link !== added) return (grownFromAdded ??= grow(added, 2));
      // As cardAround: the smallest box with two controls, grown while nothing changes.
      let card: Element | null = null;
      let count = 0;
      let inside = link !== added;
      for (let at = link.parentElement; at && at !== scope; at = at.parentElement) {
        if (!inside) return at.matches(BOUNDARIES) ? null : UNKNOWN;
        if (!plain && at.matches(BOUNDARIES)) return null;
        count = controlsIn(at);
        if (count >= 2) {
          card = at;
          break;
        }
        inside = at !== added;
      }
      // Every box in `added` around a person's link links that one person and no other.
      if (!card) return null;
      // A box with every control of `added` counts as many as every box up to `added`.
      return grow(plain && count === controls.length ? added : card, count);
    },
    kinds: (card) => ({ requestLinks: holds(card, requestLinks), suggestionLinks: holds(card, suggestionLinks) }),
  };
}

/** A request found, with the link that first led to it (its place in the page's order). */
interface Found {
  candidate: Candidate;
  link: Element;
}

/** What a scan of a requests page learned, kept so that elements added later can be scanned alone. */
interface RequestScan {
  scope: ParentNode;
  /** Every card seen, with its request, or null for a card that is not one (a suggestion). */
  cards: Map<Element, Candidate | null>;
  /** The requests, in page order. */
  found: Found[];
  /** The same requests' candidates, kept alongside, so that answering costs a copy, not a map. */
  candidates: Candidate[];
  /**
   * People's links on no card, each with where its search for a card stopped (a boundary, or
   * null at the scope): buttons added between the two could make a card of it.
   */
  orphans: { link: Element; stop: Element | null }[];
}

/** Where a link's search for a card ends: the first boundary above it, or null at the scope. */
function stopAbove(link: Element, scope: ParentNode): Element | null {
  for (let at = link.parentElement; at && at !== scope; at = at.parentElement) if (at.matches(BOUNDARIES)) return at;
  return null;
}

/**
 * Adds the requests of the people `reading` found to `scan`. With `within` (the element they were
 * added in), false when that is not enough to tell, and `scan` must be redone from scratch.
 */
function addRequests(scan: RequestScan, reading: Reading, page: Page, within?: Element): boolean {
  // null marks a card already seen and found not to be a request.
  const cards = new Map<Element, Candidate | null>();
  const sections = new Map<Element, SectionKind>();
  const found: Found[] = [];
  for (const { link, identity } of reading.people) {
    const card = reading.cardAround(link);
    if (card === UNKNOWN) return false;
    if (!card) {
      scan.orphans.push({ link, stop: stopAbove(link, scan.scope) });
      continue;
    }
    if (cards.has(card)) {
      const known = cards.get(card);
      // The avatar link comes first and has no text; the name link follows.
      if (known) known.name ||= textOf(link);
      continue;
    }
    // A card from before around new links: only a scan of the whole page can say what it is now.
    // (Unreachable while `within` is truly new and outside every card; kept as a guard.)
    if (within && scan.cards.has(card)) return false;
    if (!isRequest(card, page, reading.kinds(card), sections)) {
      cards.set(card, null);
      continue;
    }
    const candidate: Candidate = { kind: 'request', platform: 'facebook', identities: [identity], name: textOf(link), element: card };
    cards.set(card, candidate);
    found.push({ candidate, link });
  }
  for (const [card, candidate] of cards) scan.cards.set(card, candidate);
  if (found.length === 0) return true;
  // Everything found lies inside `within`, so it all goes in one place among what was there:
  // usually at the end, as lists grow at the bottom.
  let at = scan.found.length;
  if (within && at > 0 && !precedes(scan.found[at - 1]!.link, within)) {
    let low = 0;
    while (low < at) {
      const mid = (low + at) >> 1;
      if (precedes(scan.found[mid]!.link, within)) low = mid + 1;
      else at = mid;
    }
  }
  scan.found.splice(at, 0, ...found);
  scan.candidates.splice(at, 0, ...found.map((f) => f.candidate));
  return true;
}

/**
 * Whether `link` comes before `element` in the page (neither holding the other). The element's
 * previous siblings are looked at first: in a list that grows at the bottom the last card is
 * next door, while comparing positions in general walks a parent's children, thousands of them
 * in a long list.
 */
function precedes(link: Element, element: Element): boolean {
  let sibling = element.previousElementSibling;
  for (let steps = 0; sibling && steps < 4; steps++, sibling = sibling.previousElementSibling) {
    if (sibling.contains(link)) return true;
  }
  return (element.compareDocumentPosition(link) & Node.DOCUMENT_POSITION_PRECEDING) !== 0;
}

function findRequests(root: ParentNode, url: URL, page: Page): RequestScan {
  const scope = root.querySelector(MAIN) ?? root;
  const scan: RequestScan = { scope, cards: new Map(), found: [], candidates: [], orphans: [] };
  addRequests(scan, tallyReading(scope, url), page);
  return scan;
}

/**
 * Whether the requests of `scan` plus those in `added` are what a scan of the whole page would
 * find now, `added` having been inserted since and nothing else changed. That holds unless the
 * new elements sit inside a card seen before, near a link that was on no card, or bring links
 * that could change what a section is taken to be; and unless their own cards reach past them.
 */
function addToRequests(scan: RequestScan, added: Element, url: URL, page: Page, pass: Pass): boolean {
  const { scope } = scan;
  if (added === scope || added.contains(scope as Node)) return false;
  const inside = scope.contains(added);
  if (!inside || !(scope instanceof Element)) {
    // A main element arriving outside the one in use (or where there was none) may now come
    // first and be the page's content instead; one inside it never comes first.
    if (added.matches(MAIN) || added.querySelector(MAIN)) return false;
    // Outside the page's content (the banner, say): nothing there is ever a request.
    if (!inside) return true;
  }
  if (scan.cards.has(added)) return false;
  const parent = added.parentElement;
  if (!parent) return false;
  // Elements added together usually share a parent: what surrounds it is looked at once.
  let surroundings = pass.around.get(parent);
  if (!surroundings) pass.around.set(parent, (surroundings = surroundingsOf(scan, parent)));
  if (surroundings.nearCard) return false;
  if (surroundings.sectionByLinks && (added.matches(KIND_LINKS) || added.querySelector(KIND_LINKS))) return false;
  const reading = quickReading(scope, url, added, pass.beside) ?? tallyReading(scope, url, added, pass.beside);
  return addRequests(scan, reading, page, added);
}

/** What one update learns about the places it adds to, for the elements added after. */
interface Pass {
  around: Map<Element, Surroundings>;
  beside: Map<Element, Element>;
}

/** What around a place in the page decides whether elements added there can be scanned alone. */
interface Surroundings {
  /** Inside a card seen before, or between a link on no card and where its search for one stopped. */
  nearCard: boolean;
  /** Inside a section that is told to be of requests or suggestions by the links it holds. */
  sectionByLinks: boolean;
}

function surroundingsOf(scan: RequestScan, parent: Element): Surroundings {
  const { scope } = scan;
  let nearCard = false;
  for (let at: Element | null = parent; at && at !== scope && !nearCard; at = at.parentElement) nearCard = scan.cards.has(at);
  for (const { link, stop } of scan.orphans) {
    const region = stop ?? scope;
    if (nearCard) break;
    nearCard = parent !== region && region.contains(parent) && link.isConnected;
  }
  let sectionByLinks = false;
  for (let at: Element | null = parent; at && !sectionByLinks; at = at.parentElement) {
    sectionByLinks = at.matches(SECTIONS) && !at.matches(REQUEST_PAGELETS) && !at.matches(SUGGESTION_PAGELETS);
  }
  return { nearCard, sectionByLinks };
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

  pageKindOf(url) {
    const page = pageOf(url);
    return page === 'messages' ? 'messages' : page ? 'requests' : null;
  },

  removeSuggestion() {
    return { ok: false, reason: 'Suggestions are not read on this site yet' };
  },

  threadOf() {
    return null;
  },

  findCandidates(root, url) {
    const page = pageOf(url);
    if (page === 'messages') return [...findChatRows(root), ...findOpenConversation(root, url)];
    if (page) return findRequests(root, url, page).candidates;
    return [];
  },

  scanner(doc) {
    // The last scan of a requests page, and the address it was made at.
    let last: { scan: RequestScan; href: string; page: Page } | null = null;
    return {
      scan(url) {
        const page = pageOf(url);
        last = null;
        if (page === 'messages') return [...findChatRows(doc), ...findOpenConversation(doc, url)];
        if (!page) return [];
        const scan = findRequests(doc, url, page);
        last = { scan, href: url.href, page };
        return scan.candidates.slice();
      },
      update(added, url) {
        const page = pageOf(url);
        if (!page) return [];
        // The scope is the page's first main element: it changes only when it leaves the page or
        // another one arrives (addToRequests declines those).
        if (!last || last.href !== url.href || !last.scan.scope.isConnected) return null;
        const pass: Pass = { around: new Map(), beside: new Map() };
        for (const element of added) {
          if (!addToRequests(last.scan, element, url, last.page, pass)) {
            last = null;
            return null;
          }
        }
        return last.scan.candidates.slice();
      },
    };
  },

  profileOf(doc, url) {
    const identities = profileIdentities(url);
    return identities ? profileCandidate(doc, identities, PROFILE) : null;
  },

  guardedActionAt(target, url) {
    return profileIdentities(url) ? guardedControlAt(target, PROFILE) : null;
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
