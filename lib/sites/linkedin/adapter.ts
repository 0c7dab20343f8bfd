import { identityFromHref, isLinkedinMemberId, linkedinMemberId } from '@/lib/identity/linkedin';
import {
  controlLabel,
  controlToPress,
  findCards,
  personRows,
  pressRole,
  roleOf,
  type CardMarkup,
  type FoundCard,
  type PersonMark,
} from '../cards';
import { pressBlockStep, type BlockMarkup } from '../block';
import { queryFirst } from '../dom';
import { actionOf, CONTACT_WORDS, contactActionOf, labelHasWord } from '../labels';
import { ADDRESSED_WORDS, REACTED_WORDS, SAID_WORDS } from '../card-words';
import { framing, NO_MENU, pressItemMenu, saysMention } from '../mentions';
import { guardedControlAt, ownRequestBox, profileCandidate, type ProfileMarkup } from '../profile';
import type { ActionResult, Candidate, CandidateKind, PageKind, SiteAdapter } from '../types';
import { linkedinScanner } from './scanner';
import {
  ACTIVE_BUBBLE_SELECTORS,
  ACTIVE_CONVERSATION_SELECTORS,
  BUBBLE_HEADER_SELECTORS,
  BUBBLE_NAME_SELECTORS,
  BUBBLE_SELECTORS,
  COMMENT_SELECTORS,
  COMPOSE_LINK,
  COMPOSER_SELECTORS,
  INVITATIONS_PREVIEW_SELECTORS,
  CONNECTION_LIST_SELECTORS,
  CONVERSATION_ITEM_SELECTORS,
  CONVERSATION_NAME_SELECTORS,
  LIST_ITEM_SELECTORS,
  NOTICE_ITEM_SELECTORS,
  LINKEDIN_PRESSABLE,
  NOTICE_LEAD,
  NOTIFICATIONS_PATH,
  MESSAGE_LIST_SELECTORS,
  PERSON_ITEM_SELECTORS,
  OVERLAY_HOST_SELECTORS,
  OWN_NAVIGATION_SELECTORS,
  OWN_PROFILE_SELECTORS,
  PAGE_LINKS,
  POST_SELECTORS,
  PROFILE_CARD_SELECTORS,
  PROFILE_CONTROL_SELECTORS,
  PROFILE_HEADING_SELECTORS,
  PROFILE_LINK,
  PROFILE_PATH,
  PROFILE_STICKY_HEADER_SELECTORS,
  PROFILE_TOP_CARD_SELECTORS,
  THREAD_HEADER_SELECTORS,
  THREAD_LINK,
  THREAD_NAME_SELECTORS,
  THREAD_POST_SELECTORS,
  TOP_CARD_MEMBER_ID,
} from './selectors';
import { ADDRESSED_NOTICE_PHRASES, FOLLOW_BACK_WORDS, FOLLOWING_WORDS, LINKEDIN_WORDS, MORE_ACTIONS_WORDS, OPTIONS_LIST_WORDS, PAGE_INVITATION_IGNORE } from './words';

// One querySelectorAll per kind of thing: the browser returns each element once, in page order.
const any = (selectors: readonly string[]) => selectors.join(', ');
const normalise = (text: string | null) => (text ?? '').replace(/\s+/g, ' ').trim();

export const MARKUP: CardMarkup = { controls: LINKEDIN_PRESSABLE, words: LINKEDIN_WORDS };

/**
 * Block's words on LinkedIn: the shared tables, with its "More actions" forms and a conversation's
 * options list (words.ts), which is where its conversation actions are; Block there as "Report /
 * Block", as on profiles [G]. Invitation cards have no menu [S, site-evidence C1]: it refuses.
 */
const BLOCK: BlockMarkup = { menus: [...MORE_ACTIONS_WORDS, ...OPTIONS_LIST_WORDS], glyphs: ['…', '...'], skip: any(MESSAGE_LIST_SELECTORS) };
const OWN_NAVIGATION = any(OWN_NAVIGATION_SELECTORS);
const PAGE_LINK = any(PAGE_LINKS);
const POST = any(POST_SELECTORS);
const TOP_CARD = any(PROFILE_TOP_CARD_SELECTORS);
const PROFILE_CARD = any(PROFILE_CARD_SELECTORS);
const LIST_ITEM = any(LIST_ITEM_SELECTORS);
const ITEM = any(PERSON_ITEM_SELECTORS);
const INVITATION_ITEM = '[role="listitem"]';
const INVITATIONS_PREVIEW = any(INVITATIONS_PREVIEW_SELECTORS);

// ---------------------------------------------------------------- addresses

/** The clinician's own lists: connections, and the people who follow them or whom they follow. */
const CONNECTION_PATHS = ['/mynetwork/invite-connect/connections/', '/mynetwork/network-manager/people-follow/'];
/** Pages whose main business is suggesting people: My Network and its grow page. */
const SUGGESTION_PATHS = [/^\/mynetwork\/?$/, /^\/mynetwork\/grow(?:\/|$)/];

export const isProfilePath = (url: URL) => url.pathname.startsWith(PROFILE_PATH) && url.pathname.length > PROFILE_PATH.length;
export const isConnectionsPage = (url: URL) => CONNECTION_PATHS.some((path) => url.pathname.startsWith(path));
export const isNotificationsPage = (url: URL) => url.pathname.startsWith(NOTIFICATIONS_PATH);
/**
 * My Network and everything under it that shows received invitations and suggestions: the
 * invitation manager (any filter), the grow page. Sent invitations are the clinician's own, and
 * the connections pages are read as rows of people instead.
 */
export const isNetworkPage = (url: URL) =>
  url.pathname.startsWith('/mynetwork/') &&
  !url.pathname.startsWith('/mynetwork/invitation-manager/sent') &&
  !isConnectionsPage(url);

// ---------------------------------------------------------------- people

/** The people linked under a root, and the member ids some of them are also linked by. */
export interface People {
  marks: PersonMark[];
  /** Vanity name → the member ids linked beside it in the same item: one person, two links. */
  also: Map<string, string[]>;
}

/**
 * Every profile link under `root` read as a person, leaving out the banner, the clinician's own
 * navigation (the "Me" menu links the clinician) and the clinician's own identities. An item
 * that links one vanity name and one member id (/in/ACoA…) is one person linked both ways: its
 * member-id links count as that person, whose identities then carry both.
 */
function personMarks(root: ParentNode, url: URL, own: ReadonlySet<string>): People {
  return linkMarks(root.querySelectorAll(PROFILE_LINK), url, own);
}

/**
 * The people of those of `links` that are profile links, as personMarks reads them.
 * `outsideNavigation`: the caller knows that none of them is in the banner or a navigation (the
 * scanner, for an added element it found neither in nor holding one), so each need not be asked.
 */
export function linkMarks(links: Iterable<Element>, url: URL, own: ReadonlySet<string>, outsideNavigation = false): People {
  const marks: { element: Element; identity: string }[] = [];
  const byItem = new Map<Element, typeof marks>();
  for (const link of links) {
    if (!outsideNavigation && link.closest(OWN_NAVIGATION)) continue;
    const identity = identityFromHref('linkedin', link.getAttribute('href') ?? '', url.href);
    if (!identity || own.has(identity)) continue;
    const mark = { element: link, identity };
    marks.push(mark);
    const item = link.closest(ITEM);
    if (item) byItem.set(item, [...(byItem.get(item) ?? []), mark]);
  }
  const also = new Map<string, string[]>();
  for (const group of byItem.values()) {
    const slugs = new Set(group.map((mark) => mark.identity).filter((identity) => !isLinkedinMemberId(identity)));
    const ids = new Set(group.map((mark) => mark.identity).filter(isLinkedinMemberId));
    if (slugs.size !== 1 || ids.size !== 1) continue;
    const [slug] = slugs;
    const [id] = ids;
    for (const mark of group) mark.identity = slug!;
    also.set(slug!, withIds(also.get(slug!) ?? [], [id!]));
  }
  return { marks, also };
}

/** Identities with the member ids their people are also linked by. */
export const withAlso = (identities: readonly string[], also: ReadonlyMap<string, string[]>) =>
  withIds(identities, identities.flatMap((identity) => also.get(identity) ?? []));

/** The document a scan's root belongs to: the root itself when it is one (its ownerDocument is null). */
const documentOf = (root: ParentNode): Document => (root as Node).ownerDocument ?? (root as Document);

/** The clinician's own identities, as the banner's "Me" link gives them. */
export function ownIdentities(root: ParentNode, url: URL): Set<string> {
  const own = new Set<string>();
  for (const link of documentOf(root).querySelectorAll(any(OWN_NAVIGATION_SELECTORS.map((scope) => `${scope} ${PROFILE_LINK}`)))) {
    const identity = identityFromHref('linkedin', link.getAttribute('href') ?? '', url.href);
    if (identity) own.add(identity);
  }
  return own;
}

/** The member ids named by "Message" links inside `element` (?profileUrn=urn:li:fsd_profile:…). */
function composeMemberIds(element: Element, url: URL): string[] {
  const ids: string[] = [];
  for (const link of element.querySelectorAll(COMPOSE_LINK)) {
    try {
      const urn = new URL(link.getAttribute('href') ?? '', url.href).searchParams.get('profileUrn');
      const id = urn && linkedinMemberId(urn);
      if (id) ids.push(id);
    } catch {
      // An address the URL parser refuses names no one.
    }
  }
  return ids;
}

const withIds = (identities: readonly string[], more: readonly string[]) => [...new Set([...identities, ...more])];

function candidate(kind: CandidateKind, element: Element, identities: string[], name: string): Candidate {
  return { kind, platform: 'linkedin', identities, name, element };
}

// ---------------------------------------------------------------- invitations and suggestions

/** What the profile page at `url` says about whose it is, so that its own top card is no suggestion. */
export interface ProfileContext {
  topCard: Element | null;
  owner: Set<string>;
}

export function profileContext(root: ParentNode, url: URL): ProfileContext | null {
  if (!isProfilePath(url)) return null;
  const doc = documentOf(root);
  return { topCard: doc.querySelector(TOP_CARD), owner: new Set(profileOwner(doc, url) ?? []) };
}

/** On a profile page, a card that is the profile's own (its top card, its owner, a post of theirs). */
function isAboutSomeoneElse(card: Element, identities: readonly string[], profile: ProfileContext | null): boolean {
  if (!profile) return false;
  if (card.closest(POST)) return true;
  const { topCard, owner } = profile;
  if (topCard && (topCard.contains(card) || card.contains(topCard))) return true;
  return identities.some((identity) => owner.has(identity));
}

/**
 * A page, school, group, event or newsletter invitation: it links the page (the language-free
 * signal), or its Ignore reads as one where only the English label is known. Never a person's.
 */
function isPageInvitation(card: Element, negative: Element | null): boolean {
  if (card.querySelector(PAGE_LINK)) return true;
  if (!negative) return false;
  const label = controlLabel(negative);
  return PAGE_INVITATION_IGNORE.some((pattern) => pattern.test(label));
}

/**
 * Invitations (accept + ignore) and suggestions (connect / follow + dismiss) under `root`, then
 * suggestions with no dismiss of their own ("More profiles for you", a lone Connect): one person
 * and one control that would take them in, nothing else.
 */
function cardsIn(root: ParentNode, url: URL): Candidate[][] {
  const network = requestsShownAt(url);
  const profile = profileContext(root, url);
  const { marks, also } = personMarks(root, url, ownIdentities(root, url));
  const found: Candidate[] = [];

  // Lone suggestions ("More profiles for you", a Connect with no ✕) come from the same reading; on
  // the clinician's own lists a lone Follow is a follower's "Follow back", not a suggestion.
  const cards = findCards(root, marks, MARKUP, cardOptions(url));
  const paired = cards.filter((card) => card.negative !== null);
  const items = listItemsOf(paired, url);
  const lone: Candidate[] = [];
  for (const card of cards) {
    const read = cardCandidate(card, items.get(card.card) ?? card.card, url, also, profile, network);
    if (read) (card.negative === null ? lone : found).push(read);
  }
  return [found, lone];
}

/**
 * Where a person's pair of Accept and Ignore is their invitation: My Network's pages, and the
 * notifications page, whose row for an invitation carries the same pair inline (round-9
 * Indonesian replica [G]: remembered, not evidenced). Elsewhere (a profile's asides) a pair is a
 * suggestion's.
 */
export const requestsShownAt = (url: URL) => isNetworkPage(url) || isNotificationsPage(url);

/** The received-invitations screen: every pair of controls around one person on it is an invitation's. */
const isReceivedInvitations = (url: URL) => /^\/mynetwork\/invitation-manager\/(?:received(?:\/|$)|$)/.test(url.pathname);
/** My Network's home and grow tab: invitations in their preview above the suggestions. */
const isSuggestionPage = (url: URL) => SUGGESTION_PATHS.some((pattern) => pattern.test(url.pathname));

/**
 * On the received-invitations screen, a person with two controls that read as nothing (a UI
 * language no word table holds: LinkedIn ships some 36) is still an invitation, found though not
 * pressed (pressRole reads labels, and never guesses which unread control is Ignore). A card with
 * a message has three: Reply, Ignore, Accept.
 */
export const cardOptions = (url: URL) => ({
  // A lone Follow or Connect is no suggestion on the clinician's own lists ("Follow back"), nor
  // on the notifications page (a "started following you" row's Follow back).
  loneAdds: !isConnectionsPage(url) && !isNotificationsPage(url),
  // My Network's pages too: their invitations preview shows the same cards (round-11 Swahili
  // replica), and which of their unread pairs are invitations cardCandidate tells by place.
  unreadPairs: isReceivedInvitations(url) || isSuggestionPage(url) ? ('request' as const) : undefined,
  unreadMost: 3 as const,
  // Half-read pairs too: LinkedIn ships some 36 UI languages, and a word one of them shares with
  // another's table reads on one control and not the other (the round-8 Urdu replica).
  halfRead: true as const,
});

/**
 * On the profile of someone whose invitation to the clinician is pending, the top card shows
 * their Ignore and Accept where Connect would be (round-9 Czech replica [G]: remembered from the
 * Ember profile). It links no one (the profile is the address's), so no card reading finds it:
 * the one control reading as accept and the one reading as turning away, in the top card and
 * outside any suggestion slid into it, are the owner's invitation, named as the profile is. The
 * candidate is the smallest box around the pair, whose Ignore decline presses.
 */
function profileInvitation(root: ParentNode, url: URL): Candidate[] {
  const doc = documentOf(root);
  const topCard = queryFirst(doc, PROFILE_TOP_CARD_SELECTORS);
  if (!topCard || !(root === doc || (root as Node).contains(topCard))) return [];
  const box = ownRequestBox(topCard, MARKUP.controls, PROFILE_CARD, MARKUP.words);
  const profile = box && linkedinAdapter.profileOf(doc, url);
  return box && profile ? [candidate('request', box, profile.identities, profile.name)] : [];
}

/** A card's candidate, `element` the card or the list item it is alone in; null for no person's (a page's invitation, a profile's own). */
export function cardCandidate(card: FoundCard, element: Element, url: URL, also: People['also'], profile: ProfileContext | null, network: boolean): Candidate | null {
  if (isPageInvitation(element, card.negative) || isAboutSomeoneElse(element, card.identities, profile)) return null;
  // A lone "Follow back" is offered to a follower (a "started following you" row), on any page;
  // so is one beside a ✕ no table reads (a half-read pair, which My Network's pages find now too).
  if ((card.negative === null || !card.labelsRead) && labelHasWord(controlLabel(card.positive), FOLLOW_BACK_WORDS)) return null;
  // Two controls read as nothing: an invitation only where the screen's invitations are, a
  // [role=listitem] of its column (site-evidence.md item 1 [E]); the suggestions sharing that
  // column are plain boxes (C1), and their Connect and ✕ are a pair too.
  if (!card.labelsRead && !element.closest(INVITATION_ITEM)) return null;
  // A request is only what the invitation pages and notifications list; on a profile a pair is a suggestion's.
  if (card.kind === 'request' && !network) return null;
  const identities = withIds(withAlso(card.identities, also), composeMemberIds(element, url));
  return candidate(card.labelsRead ? card.kind : unreadKind(card, element, url), element, identities, card.name || leadName(element, card));
}

const NOTICE_ITEM = any(NOTICE_ITEM_SELECTORS);

/**
 * A notification's person when no link to them shows a name: its headline leads with the name in
 * <strong> (ref 21796466012 [S]) and may link elsewhere (the invitation manager), the photo being
 * its only link to them (round-11 Croatian replica [G]). Taken only when the pair's own Ignore
 * label names the same person too ("… od korisnika Ivana Babić"), so that a headline naming
 * someone else (a company, a second person) never names the card.
 */
function leadName(element: Element, card: FoundCard): string {
  const label = card.negative ? controlLabel(card.negative) : '';
  const item = element.closest(NOTICE_ITEM) ?? element;
  const lead = item.querySelector(NOTICE_LEAD);
  // With no <strong> (a rebuilt page's headline may set its bold by a hashed class on a <span>,
  // round-12 German replica [G]), the first text of its own, outside the controls, that the
  // Ignore label names: the label's check is what keeps a company's or a second person's name out.
  for (const at of lead ? [lead] : item.querySelectorAll('*')) {
    if (!lead && (at.childElementCount > 0 || at.closest(MARKUP.controls))) continue;
    const name = normalise(at.textContent);
    if (name.length >= 3 && label.includes(name)) return name;
    if (lead) break;
  }
  return '';
}

/** Whether a control shows words of its own, not only an icon (an svg ✕, a checkmark). */
const showsText = (control: Element) => /[\p{L}\p{N}]/u.test(control.textContent ?? '');

/**
 * An unread pair is an invitation's Ignore and Accept, which LinkedIn writes out both ("Ignore",
 * "Accept", snippet C1 [E]) or draws as icons both (the Finnish replica's ✕ and ✓ [G]); a
 * suggestion sharing the invitations' column pairs an icon-only ✕ with a worded Connect (the grow
 * pages, C1's "Suggestions for you" [S]). One of each is a suggestion, whatever the language: a
 * Bulgarian suggestion read as a request while no table held Bulgarian (round-8 replica).
 */
function unreadKind(card: FoundCard, element: Element, url: URL): CandidateKind {
  if (card.kind !== 'request' || !card.negative) return card.kind;
  if (showsText(card.positive) !== showsText(card.negative)) return 'suggestion';
  // Off the received screen, an unread pair is an invitation's only in My Network's invitations
  // preview (site-evidence.md B, [componentkey="MyNetwork_InvitationsPreview"] [E]); below it, a
  // worded Connect beside a worded dismiss is a suggestion's.
  return isReceivedInvitations(url) || element.closest(INVITATIONS_PREVIEW) ? 'request' : 'suggestion';
}

/**
 * The list item each card sits in, when it is that card's alone: the smallest box around the
 * pair and the person may be a wrapper inside the item (classic `li.invitation-card`), and the
 * item is what a reader sees as the card, and what goes away when it is answered.
 */
function listItemsOf(cards: readonly FoundCard[], url: URL): Map<Element, Element> {
  const byItem = new Map<Element, FoundCard[]>();
  for (const card of cards) {
    const item = itemOf(card);
    if (item) byItem.set(item, [...(byItem.get(item) ?? []), card]);
  }
  const lifted = new Map<Element, Element>();
  for (const [item, inside] of byItem) {
    if (liftsTo(item, inside, url)) lifted.set(inside[0]!.card, item);
  }
  return lifted;
}

/** The list item a card sits in (the card may be one itself: then none). */
export const itemOf = (card: FoundCard) => (card.card.matches(LIST_ITEM) ? null : card.card.parentElement?.closest(LIST_ITEM));

/** Whether the one card among `inside` is read as its list item: it is alone there, and the item links no one else. */
export const liftsTo = (item: Element, inside: readonly FoundCard[], url: URL) =>
  inside.length === 1 && identitiesIn(item, url).every((identity) => inside[0]!.identities.includes(identity));

/**
 * Groups of candidates, each already in page order, merged into page order, as a reader meets
 * them. The page's elements are numbered once, and only when two groups have to be interleaved.
 */
function inPageOrder(root: ParentNode, groups: readonly Candidate[][]): Candidate[] {
  const filled = groups.filter((group) => group.length > 0);
  if (filled.length < 2) return filled[0] ?? [];
  const position = new Map<Element, number>();
  let at = 0;
  for (const element of root.querySelectorAll('*')) position.set(element, at++);
  const rank = (c: Candidate) => position.get(c.element) ?? -1;
  return filled.flat().sort((a, b) => rank(a) - rank(b));
}

// ---------------------------------------------------------------- the clinician's own lists

/** The outermost list containers under `root`, by the first selector that finds any; `root` itself without one. */
function listScopes(root: ParentNode): ParentNode[] {
  for (const selector of CONNECTION_LIST_SELECTORS) {
    const lists = [...root.querySelectorAll(selector)].filter((list) => !list.closest(OWN_NAVIGATION));
    const outermost = lists.filter((list) => !lists.some((other) => other !== list && other.contains(list)));
    if (outermost.length > 0) return outermost;
  }
  return [root];
}

/**
 * One candidate per person on the clinician's connections, followers or following page: each
 * row is the largest box in the list that holds one person, and shows a control (Message, "…",
 * Follow back, Following). A row that turns someone away or invites them to connect is a
 * suggestion shown beside the list, not a connection.
 */
function connectionsIn(root: ParentNode, url: URL): Candidate[] {
  const own = ownIdentities(root, url);
  const found: Candidate[] = [];
  for (const scope of listScopes(root)) {
    const { marks, also } = personMarks(scope, url, own);
    for (const { row, identities, name } of personRows(scope, marks)) {
      if (!isConnectionRow(row)) continue;
      const all = withIds(withAlso(identities, also), composeMemberIds(row, url));
      found.push(candidate('connection', row, all, shownName(row) || name));
    }
  }
  return found;
}

/**
 * The name a profile link in `row` shows when LinkedIn splits it in two (search-result cards):
 * the visible name hidden from screen readers, beside a visually hidden "View …’s profile" that
 * would otherwise be read as the name. '' when no link does.
 */
function shownName(row: Element): string {
  for (const hidden of row.querySelectorAll(`${PROFILE_LINK} [aria-hidden="true"]`)) {
    const text = normalise(hidden.textContent);
    if (text) return text;
  }
  return '';
}

function isConnectionRow(row: Element): boolean {
  let controls = 0;
  for (const control of row.querySelectorAll(MARKUP.controls)) {
    if (control.matches(PROFILE_LINK) && !control.hasAttribute('aria-label')) continue;
    const role = roleOf(control, MARKUP.words);
    if (role === 'negative' || role === 'accept') return false;
    if (role === 'add' && labelHasWord(controlLabel(control), CONTACT_WORDS.connect)) return false;
    controls++;
  }
  return controls > 0;
}

/** The card's own "…" menu button: the one control that opens a menu, or reads "More actions" / "…". */
function moreActionsControl(card: Element): HTMLElement | null {
  const menus: HTMLElement[] = [];
  for (const control of card.querySelectorAll<HTMLElement>(MARKUP.controls)) {
    if (control.matches(`${PROFILE_LINK}, ${COMPOSE_LINK}, :disabled, [aria-disabled="true"]`)) continue;
    const label = controlLabel(control);
    const opensMenu = control.hasAttribute('aria-haspopup') || /^(?:…|\.\.\.)$/.test(label) || labelHasWord(label, MORE_ACTIONS_WORDS);
    if (opensMenu && roleOf(control, MARKUP.words) !== 'add') menus.push(control);
  }
  const innermost = menus.filter((menu) => !menus.some((other) => other !== menu && menu.contains(other)));
  return innermost.length === 1 ? innermost[0]! : null;
}

/** The card's one "Following" control, which opens LinkedIn's unfollow confirmation. */
function followingControl(card: Element): HTMLElement | null {
  const found = [...card.querySelectorAll<HTMLElement>(MARKUP.controls)].filter(
    (control) => !control.matches(':disabled, [aria-disabled="true"]') && labelHasWord(controlLabel(control), FOLLOWING_WORDS),
  );
  return found.length === 1 ? found[0]! : null;
}

function press(control: HTMLElement): ActionResult {
  const label = controlLabel(control) || '…';
  control.click();
  return { ok: true, done: `Pressed “${label}” on the page` };
}

// ---------------------------------------------------------------- conversations

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

const THREAD_PATH = /^\/messaging\/thread\/([^/]+)/;

/** A thread's key, `/messaging/thread/<id>/`, from a path; the id decoded so that links and the address agree. */
function threadKey(pathname: string): string | null {
  const id = THREAD_PATH.exec(pathname)?.[1];
  if (!id) return null;
  let decoded = id;
  try {
    decoded = decodeURIComponent(id);
  } catch {
    // Kept as written: the address shows it the same way.
  }
  return `/messaging/thread/${decoded}/`;
}

/** The thread a link inside `element` opens, in threadOf's form. */
function threadLinkedIn(element: Element, url: URL): string | undefined {
  const link = element.querySelector(THREAD_LINK);
  if (!link) return undefined;
  try {
    return threadKey(new URL(link.getAttribute('href') ?? '', url.href).pathname) ?? undefined;
  } catch {
    return undefined;
  }
}

function conversation(element: Element, identities: string[], name: string, extra: Pick<Candidate, 'thread' | 'open'>): Candidate {
  const found = candidate('message', element, identities, name);
  if (extra.thread !== undefined) found.thread = extra.thread;
  if (extra.open) found.open = true;
  return found;
}

/**
 * Conversations under one root: list items (names and thread keys; they link threads, not
 * people), the open thread's header (its thread is the address's) and overlay bubbles. `box` is
 * the message box a reply would go into (findComposer's): the header, or the one bubble holding
 * it, is the open conversation, so that with several bubbles open a reply meant for one never
 * lands in another's box.
 */
export function conversations(root: ParentNode, url: URL, box: HTMLElement | null): Candidate[] {
  return [...conversationItems(root).map((item) => conversationItem(item, url)), ...conversationHeads(root, url, box)];
}

export const CONVERSATION_ITEM = any(CONVERSATION_ITEM_SELECTORS);

/**
 * The conversation list items under `root` (or `root` itself), each once: the outermost of the
 * nested item marks (the overlay's item wraps its card container, which wraps the card).
 */
export function conversationItems(root: ParentNode): Element[] {
  const all = [...(root instanceof Element && root.matches(CONVERSATION_ITEM) ? [root] : []), ...root.querySelectorAll(CONVERSATION_ITEM)];
  return all.filter((item) => !item.parentElement?.closest(CONVERSATION_ITEM));
}

const ACTIVE_CONVERSATION = any(ACTIVE_CONVERSATION_SELECTORS);

/**
 * A conversation list's item: its name and thread key. An item that links its thread gives it;
 * one that links nothing (the 2026 list) has a thread only while it is the open one, and that is
 * the address's. Never a person: items link threads, not profiles.
 */
export function conversationItem(item: Element, url: URL): Candidate {
  // A group's names come as one line.
  const name = nameIn(item, CONVERSATION_NAME_SELECTORS);
  return conversation(item, [], name, { thread: threadLinkedIn(item, url) ?? openItemThread(item, name, url) });
}

/**
 * The address's thread for the item marked open, when the open thread's header names the same
 * people. The mark is a class, which the page's observer does not watch: just after the clinician
 * opens another conversation, the old item can still carry it while the address and the header
 * are the new one's, and tying the old item to the new thread would put two people together.
 */
function openItemThread(item: Element, name: string, url: URL): string | undefined {
  if (!item.matches(ACTIVE_CONVERSATION) && !item.querySelector(ACTIVE_CONVERSATION)) return undefined;
  const thread = threadKey(url.pathname);
  const root = item.getRootNode() as ParentNode;
  const header = root.querySelector?.(any(THREAD_HEADER_SELECTORS));
  if (!thread || !header || name === '') return undefined;
  return nameIn(header, THREAD_NAME_SELECTORS).toLowerCase() === name.toLowerCase() ? thread : undefined;
}

/** The open thread's header and the overlay's bubbles under `root`. */
export function conversationHeads(root: ParentNode, url: URL, box: HTMLElement | null): Candidate[] {
  const found: Candidate[] = [];
  const open = threadKey(url.pathname) ?? undefined;
  for (const header of root.querySelectorAll(any(THREAD_HEADER_SELECTORS))) {
    const inBubble = !!box && box.getRootNode() !== header.getRootNode();
    found.push(conversation(header, identitiesIn(header, url), nameIn(header, THREAD_NAME_SELECTORS), { thread: open, open: !inBubble }));
  }
  for (const bubble of root.querySelectorAll(any(BUBBLE_SELECTORS))) {
    // Identities from the header only: the messages below link the clinician's own profile too.
    const header = queryFirst(bubble, BUBBLE_HEADER_SELECTORS);
    const [identities, name] = header ? [identitiesIn(header, url), nameIn(header, BUBBLE_NAME_SELECTORS)] : [[], ''];
    found.push(conversation(bubble, identities, name, { thread: threadLinkedIn(bubble, url), open: !!box && bubble.contains(box) }));
  }
  return found;
}

/** The open shadow roots LinkedIn's messaging overlay lives in; no other shadow root is searched. */
export function overlayRoots(root: ParentNode): ShadowRoot[] {
  const hosts = [...root.querySelectorAll(any(OVERLAY_HOST_SELECTORS))];
  return hosts.flatMap((host) => (host.shadowRoot ? [host.shadowRoot] : []));
}

/** The element holding focus, looking into shadow roots. */
function focused(doc: Document): Element | null {
  let active = doc.activeElement;
  while (active?.shadowRoot?.activeElement) active = active.shadowRoot.activeElement;
  return active;
}

/**
 * The message box a reply goes into: the one being typed in, else the active bubble's (LinkedIn
 * marks it --is-active), else the first. Conversations are marked open by it, so the two agree.
 */
export function composerIn(doc: Document): HTMLElement | null {
  const selector = any(COMPOSER_SELECTORS);
  const boxes = [doc, ...overlayRoots(doc)].flatMap((root) => [...root.querySelectorAll<HTMLElement>(selector)]);
  const active = focused(doc);
  return (
    boxes.find((box) => box.contains(active)) ??
    boxes.find((box) => box.closest(any(ACTIVE_BUBBLE_SELECTORS))) ??
    boxes[0] ??
    null
  );
}

// ---------------------------------------------------------------- comments and mentions

const COMMENT = any(COMMENT_SELECTORS);

/** The notifications of the notifications page, innermost. */
export function noticeItems(root: ParentNode, url: URL): Element[] {
  const items = isNotificationsPage(url) ? [...root.querySelectorAll(any(NOTICE_ITEM_SELECTORS))] : [];
  return items.filter((item) => !items.some((other) => other !== item && item.contains(other)));
}

/**
 * A notification of a comment, reply or mention addressed to the clinician ("Ana commented on
 * your post", not "Ana commented on Jonah's post", which LinkedIn notifies of too), by the person
 * its headline names first, linked by their picture (a company's or a page's names no person).
 * Read only up to the quotation.
 */
export function noticeOf(item: Element, url: URL): Candidate[] {
  const lead = item.querySelector(NOTICE_LEAD);
  const identities = identitiesIn(item, url).slice(0, 1);
  if (!identities.length && item.querySelector(PAGE_LINK)) return [];
  if (lead) return addressedToClinician(framing(item, lead)) ? [candidate('mention', item, identities, normalise(lead.textContent))] : [];
  // A headline with no <strong> ("Camille Fontaine vous a mentionnée dans un commentaire", the
  // round-13 French replica [G]): its sentence is the first text of its own that says the mention
  // (not a visually-hidden "unread" before it), and its person is named by the words before the
  // first said or addressed word, as the <strong> would hold them. Only with a person's link, the
  // photo's, so a page's headline is never read so.
  if (!identities.length) return [];
  for (const at of item.querySelectorAll('*')) {
    if (at.childElementCount > 0) continue;
    const words = framing(at);
    if (!addressedToClinician(words)) continue;
    const name = nameBefore(words);
    return name ? [candidate('mention', item, identities, name)] : [];
  }
  return [];
}

/** Whether a notification's framing says a comment, reply or mention addressed to the clinician. */
const addressedToClinician = (words: string) =>
  saysMention(words, ADDRESSED_WORDS) || (labelHasWord(words, ADDRESSED_NOTICE_PHRASES) && !labelHasWord(words, REACTED_WORDS));

/** The words of a sentence before its first said or addressed word ("Ana Perez" of "Ana Perez mentioned you"); '' when it starts with one. */
function nameBefore(sentence: string): string {
  const words = normalise(sentence).split(' ');
  const at = words.findIndex((word) => labelHasWord(word, SAID_WORDS) || labelHasWord(word, ADDRESSED_WORDS));
  return at > 0 ? words.slice(0, at).join(' ') : '';
}

/**
 * Comments and replies on the clinician's own posts: the post around a comment (or, on a post's
 * own page, its main column) links its author before any comment, and that is the clinician. The
 * comment is by its first /in/ link outside the replies nested in it (a comment marked twice, a
 * componentkey box around its article, is read from the inner box, which holds its links).
 */
export function commentsIn(root: ParentNode, url: URL, own: ReadonlySet<string>): Candidate[] {
  const found: Candidate[] = [];
  const read = (link: Element | null | undefined) => (link ? identityFromHref('linkedin', link.getAttribute('href') ?? '', url.href) : null);
  for (const comment of root.querySelectorAll(COMMENT)) {
    const post = comment.closest(any(THREAD_POST_SELECTORS)) ?? comment.closest('main');
    if (!own.has(read(post && [...post.querySelectorAll(PROFILE_LINK)].find((link) => !link.closest(COMMENT))) ?? '')) continue;
    const links = [...comment.querySelectorAll(PROFILE_LINK)].filter((link) => link.closest(COMMENT) === comment);
    const identity = read(links[0]);
    if (!identity || own.has(identity)) continue;
    const names = links.filter((link) => read(link) === identity).map((link) => normalise((link.querySelector('[aria-hidden="true"], h3') ?? link).textContent));
    found.push(candidate('mention', comment, [identity], names.find(Boolean) ?? ''));
  }
  return found;
}

// ---------------------------------------------------------------- profiles

const PROFILE: ProfileMarkup = {
  platform: 'linkedin',
  headers: [...PROFILE_TOP_CARD_SELECTORS, ...PROFILE_STICKY_HEADER_SELECTORS],
  headings: PROFILE_HEADING_SELECTORS,
  controls: PROFILE_CONTROL_SELECTORS,
  cards: PROFILE_CARD_SELECTORS,
  own: OWN_PROFILE_SELECTORS,
  // An Ignore that names what it turns away ("Ignore an invitation to connect from Ana", the
  // pending invitation a requester's top card shows, round-13 en-US replica [G]) starts nothing:
  // a label that reads as a decline (labels.ts actionOf, whatever word follows) is no Connect.
  actionOf: (...labels) => (labels.some((label) => actionOf(label) === 'decline') ? null : contactActionOf(...labels)),
  namedCopies: [...POST_SELECTORS, '[role="menu"]'],
};

/**
 * Whose profile `url` is: the slug (or member id) of /in/<…>/ and its sub-pages, [] for one
 * lib/identity refuses, null for every other page (company, school, feed, network, messaging …).
 */
function profileIdentities(url: URL): string[] | null {
  const host = url.hostname;
  if (host !== 'linkedin.com' && !host.endsWith('.linkedin.com')) return null;
  if (!isProfilePath(url)) return null;
  const identity = identityFromHref('linkedin', url.href);
  return identity ? [identity] : [];
}

/**
 * The profile's identities: from the address, and the member id its top card names (in its
 * componentkey, or in its Message link's profileUrn), so that a client listed by either matches.
 */
function profileOwner(doc: Document, url: URL): string[] | null {
  const identities = profileIdentities(url);
  if (!identities) return identities;
  const topCard = queryFirst(doc, PROFILE_TOP_CARD_SELECTORS);
  if (!topCard) return identities;
  const fromKey = TOP_CARD_MEMBER_ID.exec(topCard.getAttribute('componentkey') ?? '')?.[1];
  const member = fromKey ? linkedinMemberId(fromKey) : null;
  return withIds(identities, [...(member ? [member] : []), ...composeMemberIds(topCard, url)]);
}

// ---------------------------------------------------------------- the adapter

export const linkedinAdapter: SiteAdapter = {
  platform: 'linkedin',

  pageKindOf(url): PageKind | null {
    const path = url.pathname;
    if (path.startsWith('/messaging/')) return 'messages';
    if (isNotificationsPage(url)) return 'notifications';
    if (isConnectionsPage(url)) return 'connections';
    if (path.startsWith('/mynetwork/invitation-manager/') && isNetworkPage(url)) return 'requests';
    return SUGGESTION_PATHS.some((pattern) => pattern.test(path)) ? 'suggestions' : null;
  },

  findCandidates(root, url) {
    const box = composerIn(documentOf(root));
    const people = [
      ...(requestsShownAt(url) || isConnectionsPage(url) || isProfilePath(url) ? cardsIn(root, url) : []),
      ...(isConnectionsPage(url) ? [connectionsIn(root, url)] : []),
      ...(isProfilePath(url) ? [profileInvitation(root, url)] : []),
    ];
    const own = ownIdentities(root, url);
    return [
      ...inPageOrder(root, people),
      // The overlay can be open on any page, and the /messaging/ page's own list and thread need
      // no URL check: their markup appears nowhere else.
      ...conversations(root, url, box),
      ...overlayRoots(root).flatMap((shadow) => conversations(shadow, url, box)),
      ...noticeItems(root, url).flatMap((item) => noticeOf(item, url)),
      ...commentsIn(root, url, own),
    ];
  },

  scanner: (doc) => linkedinScanner(doc),

  mentionStep(card) {
    // A notification's own menu deletes the notification, never the comment: only a comment's is pressed.
    return card.matches(COMMENT) ? pressItemMenu(card, COMMENT) : NO_MENU;
  },

  noticesOn(root, url) {
    return noticeItems(root, url).filter((item) => item.querySelector(NOTICE_LEAD)).length;
  },

  decline(card) {
    return pressRole(card, 'negative', MARKUP);
  },

  removeSuggestion(card) {
    // A card that can accept someone is a request: its Ignore is decline's, asked for as such.
    if (controlToPress(card, 'accept', MARKUP)) return { ok: false, reason: 'This card is a request, not a suggestion' };
    return pressRole(card, 'negative', MARKUP);
  },

  connectionStep(card) {
    const control = moreActionsControl(card) ?? followingControl(card);
    return control ? press(control) : { ok: false, reason: 'Could not find the site’s own menu on this card' };
  },

  blockStep(card) {
    return pressBlockStep(card, BLOCK);
  },

  threadOf(url) {
    return threadKey(url.pathname);
  },

  profileOf(doc, url) {
    const identities = profileOwner(doc, url);
    return identities ? profileCandidate(doc, identities, PROFILE) : null;
  },

  guardedActionAt(target, url) {
    return profileIdentities(url) ? guardedControlAt(target, PROFILE) : null;
  },

  findComposer(doc) {
    return composerIn(doc);
  },

  shadowRoots(doc) {
    return overlayRoots(doc);
  },
};
