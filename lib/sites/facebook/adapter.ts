import { identityFromHref, parseIdentity } from '@/lib/identity/facebook';
import { pressBlockStep, type BlockMarkup } from '../block';
import { ADDRESSED_WORDS, NOTIFICATIONS_WORDS, roleOfLabel } from '../card-words';
import { controlLabel, findCards, firstText, personRows, pressRole, roleOf, type CardMarkup, type FoundCard, type PersonMark, PRESSABLE } from '../cards';
import { queryAllDeep } from '../dom';
import { contactActionOf, labelHasWord, lowerLabel } from '../labels';
import { framing, NO_MENU, saysMention } from '../mentions';
import { guardedControlAt, isOwnProfile, ownRequestBox, profileCandidate, profileHeader, type ProfileMarkup } from '../profile';
import { headerAroundHeading } from '../profile-heading';
import type { ActionResult, Candidate, PageKind, SiteAdapter, StepResult } from '../types';
import { facebookScanner } from './scanner';
import {
  FACEBOOK_AVATAR_LABEL,
  FACEBOOK_BANNER,
  FACEBOOK_BLOCK_PANE,
  FACEBOOK_CHAT_POPUP,
  FACEBOOK_CHAT_ROW,
  FACEBOOK_COMMENT,
  FACEBOOK_COMMENT_LINK,
  FACEBOOK_COMPOSER,
  FACEBOOK_COMPOSER_MARKS,
  FACEBOOK_CONVERSATION,
  FACEBOOK_CURRENT_ROW_LINK,
  FACEBOOK_FEED_UNIT,
  FACEBOOK_FRIENDS_PAGES,
  FACEBOOK_FRIENDS_POPUP,
  FACEBOOK_FRIENDS_PREVIEW_LINK,
  FACEBOOK_FRIENDS_TAB,
  FACEBOOK_HEADER_CONTROLS,
  FACEBOOK_HEADING,
  FACEBOOK_MENU_BUTTON,
  FACEBOOK_MESSAGE_LOG,
  FACEBOOK_MESSAGES_PATH,
  FACEBOOK_NOTICE_CONTROLS,
  FACEBOOK_NOTICE_ITEM,
  FACEBOOK_NOTICE_LEAD,
  FACEBOOK_NOTICE_LINK,
  FACEBOOK_NOTICE_LISTS,
  FACEBOOK_NOTICE_REQUEST_LINK,
  FACEBOOK_NOTICE_TYPE,
  FACEBOOK_NOTICE_TYPES,
  FACEBOOK_NOTIFICATIONS_PATH,
  FACEBOOK_OWN_PROFILE,
  FACEBOOK_POST_AUTHOR,
  FACEBOOK_PROFILE_CARDS,
  FACEBOOK_PROFILE_CONTROLS,
  FACEBOOK_PROFILE_HEADER,
  FACEBOOK_PROFILE_HEADER_MARKS,
  FACEBOOK_PROFILE_HEADING,
  FACEBOOK_PROFILE_PATHS,
  FACEBOOK_RESPOND,
  FACEBOOK_ROW_NAME,
  FACEBOOK_ROW_STOPS,
  FACEBOOK_SEARCH_PATH,
  FACEBOOK_SUGGESTION_PREVIEW_LINK,
  FACEBOOK_FRIENDS_UNIT_LINK,
  FACEBOOK_SIDE_RAIL,
  FACEBOOK_THREAD_LINKS,
  FACEBOOK_THREAD_PATH,
} from './selectors';
import { FACEBOOK_WORDS } from './words';

/**
 * Facebook (www.facebook.com). Friends pages are read as cards (lib/sites/cards.ts): one person
 * linked, a pair of controls, wherever on the page they sit — the two-pane lists keep theirs in
 * the left navigation column, Friends home may have no sections at all — with the pair saying
 * whether it is a request (Confirm + Delete) or a suggestion (Add friend + Remove). The
 * clinician's own friends lists are read as rows of people, each with its menu. Messenger is read
 * from its chat-list rows (thread links) and the open conversation's pane.
 */

export const MARKUP: CardMarkup = { controls: PRESSABLE, words: FACEBOOK_WORDS.card };

const textOf = (element: Element) => (element.textContent ?? '').replace(/\s+/g, ' ').trim();

function isFacebook(url: URL): boolean {
  return url.hostname === 'facebook.com' || url.hostname.endsWith('.facebook.com');
}

export type Page = 'friends-home' | 'requests' | 'suggestions' | 'friends-list' | 'profile-friends' | 'messages' | 'notifications' | 'search';

/** `path` is `prefix` or below it. */
const under = (path: string, prefix: string) => path === prefix || path.startsWith(`${prefix}/`);

export function pageOf(url: URL): Page | null {
  if (!isFacebook(url)) return null;
  // m.facebook.com's touch app keeps its friends pages under /friends/center/ (requests,
  // suggestions) [G: touch markup unverified]: read as www's there. mbasic, which used the same
  // addresses, is gone (site-evidence item 6) and stays unread.
  const path = url.hostname === 'm.facebook.com' ? url.pathname.replace(/^\/friends\/center(?=\/|$)/, '/friends') : url.pathname;
  if (under(path, FACEBOOK_MESSAGES_PATH.slice(0, -1))) return 'messages';
  if (under(path, FACEBOOK_NOTIFICATIONS_PATH)) return 'notifications';
  if (under(path, FACEBOOK_SEARCH_PATH)) return 'search';
  if (path === FACEBOOK_FRIENDS_PAGES.home || path === `${FACEBOOK_FRIENDS_PAGES.home}/`) return 'friends-home';
  if (under(path, FACEBOOK_FRIENDS_PAGES.requests)) return 'requests';
  if (under(path, FACEBOOK_FRIENDS_PAGES.suggestions)) return 'suggestions';
  if (under(path, FACEBOOK_FRIENDS_PAGES.list)) return 'friends-list';
  if (friendsTabOwner(url)) return 'profile-friends';
  return null;
}

/** Whose profile's friends tab `url` is (/<user>/friends, /profile.php?id=…&sk=friends), else null. */
function friendsTabOwner(url: URL): string | null {
  const segments = url.pathname.split('/').filter(Boolean);
  const tab = segments[0] === 'profile.php' ? url.searchParams.get('sk') : segments.length === 2 ? segments[1] : null;
  if (!tab || !FACEBOOK_FRIENDS_TAB.test(tab.toLowerCase())) return null;
  return identityFromHref('facebook', url.href);
}

const PAGE_KINDS: Record<Page, PageKind | null> = {
  'friends-home': 'requests',
  requests: 'requests',
  suggestions: 'suggestions',
  'friends-list': 'connections',
  // Anyone's profile has a friends tab; only the clinician's own holds their connections, and the
  // address cannot tell whose it is, so it is no page that must be readable.
  'profile-friends': null,
  messages: 'messages',
  notifications: 'notifications',
  // A search shows whoever matches the words typed: no page that must hold requests.
  search: null,
};

/** The document `root` belongs to (a document is its own; realms differ, so no instanceof). */
const documentOf = (root: ParentNode): Document => (root as Node).ownerDocument ?? (root as Document);

/**
 * The clinician's own identities: whoever the top bar links to (their profile), and on their own
 * profile the profile's owner. Never a person on a card or a list.
 */
export function ownIdentities(doc: Document, url: URL, page: Page | null): Set<string> {
  const own = new Set<string>();
  for (const link of doc.querySelectorAll(`${FACEBOOK_BANNER} a[href]`)) {
    const identity = identityFromHref('facebook', link.getAttribute('href') ?? '', url.href);
    if (identity) own.add(identity);
  }
  if (page === 'profile-friends') own.add(friendsTabOwner(url)!);
  return own;
}

/**
 * Every link to a person under `root` outside the top bar, the clinician's own left out; a link
 * that wraps an avatar labelled with a name carries that name (the two-pane rows often show it
 * nowhere else).
 */
function personMarks(root: ParentNode, url: URL, own: ReadonlySet<string>): PersonMark[] {
  return linkMarks(root.querySelectorAll('a[href]'), url, own);
}

/** The marks of those of `links` that link a person (see personMarks). */
export function linkMarks(links: Iterable<Element>, url: URL, own: ReadonlySet<string>): PersonMark[] {
  const marks: PersonMark[] = [];
  for (const link of links) {
    const identity = identityFromHref('facebook', link.getAttribute('href') ?? '', url.href);
    if (!identity || own.has(identity) || link.closest(FACEBOOK_BANNER)) continue;
    const name = link.querySelector(FACEBOOK_AVATAR_LABEL)?.getAttribute('aria-label')?.trim() || avatarAlt(link);
    marks.push(name ? { element: link, identity, name } : { element: link, identity });
  }
  return marks;
}

/** Whether text beside a link carries on from it, its words spaced from the link's (see inSentence). */
const runsOn = (link: Element) =>
  link.querySelector(FACEBOOK_ROW_NAME) !== null && (/^\s+\S/.test(link.nextSibling?.textContent ?? '') || /\S\s+$/.test(link.previousSibling?.textContent ?? ''));

/**
 * Whether a link sits inside a sentence: the text block around it (Facebook marks each one
 * dir="auto" [S, site-evidence C6, FACEBOOK_ROW_NAME]) says more than the link ("Mutual friend:
 * <a>Name</a>", a mutual friend named on a request's line, round-11 Bulgarian probe page [G]). A
 * card's own person is linked by the avatar and the name, each link holding its text block
 * rather than sitting in one; a name inside someone's line is another person, whom the card is
 * not about. A block holding a control is no sentence (a box Facebook marked as a whole). Read
 * from the link up to its block and the block's text: no walk over the page.
 */
function inSentence(link: Element): boolean {
  // A link holding its own text block beside a block that runs on from it, its words spaced
  // from the link's ("<a>June</a><span dir="auto"> is a mutual friend</span>", round-14 US
  // English probe page [G]), has its sentence in its parent; a separate line beside a name
  // ("12 mutual friends · 3 w") starts no such run-on and is no sentence with it.
  const line = link.parentElement?.closest(FACEBOOK_ROW_NAME) ?? (runsOn(link) ? link.parentElement : null);
  if (!line || line.querySelector(FACEBOOK_HEADER_CONTROLS)) return false;
  return /\p{L}/u.test((line.textContent ?? '').replace(link.textContent ?? '', ''));
}

/** The marks cards are read with: every person's link (linkMarks) but those inside a sentence. */
export const cardMarks = (links: Iterable<Element>, url: URL, own: ReadonlySet<string>): PersonMark[] =>
  linkMarks(links, url, own).filter((mark) => !inSentence(mark.element));

/**
 * The alt of the avatar in a link that shows no text: m.facebook.com's touch app draws avatars as
 * <img alt="Name"> where www has svg[aria-label] [G: touch markup unverified], and a row that
 * writes its name as plain text beside that link has no other named mark. A link with text of its
 * own is named by that text instead, and an empty alt names nobody.
 */
function avatarAlt(link: Element): string | undefined {
  if (link.textContent?.trim()) return undefined;
  return link.querySelector('img[alt]')?.getAttribute('alt')?.trim() || undefined;
}

/**
 * Requests and suggestions: every card with one person and a pair of controls. On the pages that
 * exist to list one kind, a person with two controls in a language no word table knows is still
 * that kind (`unreadPairs`): found, though nothing on it is pressed.
 */
function friendCards(root: ParentNode, marks: readonly PersonMark[], page: Page | null): Candidate[] {
  return findCards(root, marks, MARKUP, cardOptions(page)).filter(isCard).map(cardCandidate).filter((card) => keepsCard(page, card));
}

/**
 * Whether a page shows a card of its kind: a search's results are whom the clinician looked for,
 * never people the site suggests, so only a pending request there (Confirm / Delete in a result)
 * is one; a result's Follow beside another control is no suggestion (round-12 Spanish probe page [G]).
 */
export const keepsCard = (page: Page | null, card: Candidate) => page !== 'search' || card.kind === 'request';

/**
 * Whether a pair's box is a card, not a profile's own header (the preview beside a two-pane list,
 * whose Confirm request / Delete request or Add friend / Remove are the previewed person's, who is
 * on the list already): read again at every scan, as an h1 may come later than the pair.
 */
export const isCard = (card: FoundCard) =>
  !card.card.closest(FACEBOOK_PROFILE_HEADER_MARKS.around) && !card.card.querySelector(FACEBOOK_PROFILE_HEADER_MARKS.inside);

export const cardOptions = (page: Page | null) => ({ unreadPairs: page === 'requests' ? 'request' : page === 'suggestions' ? 'suggestion' : undefined }) as const;

/**
 * What a card's unread pair is, from the address its person is linked by: the friends lists'
 * own previews say which list the person is on (/friends/suggestions/?profile_id= or
 * /friends/requests/?profile_id=, site-evidence item 4 and B, utags), whatever page shows them.
 * The requests page may show a People you may know column beside its requests (round-11
 * Bulgarian probe page [G]): its cards' labels unread, the page alone would call them requests.
 * Cards whose labels are read keep what their words say.
 */
function unreadKind(card: FoundCard): FoundCard['kind'] {
  if (card.labelsRead) return card.kind;
  const suggested = card.card.querySelector(FACEBOOK_SUGGESTION_PREVIEW_LINK) !== null;
  const requested = card.card.querySelector(FACEBOOK_NOTICE_REQUEST_LINK) !== null;
  return suggested === requested ? card.kind : suggested ? 'suggestion' : 'request';
}

export const cardCandidate = (card: FoundCard): Candidate => ({
  kind: unreadKind(card),
  platform: 'facebook',
  identities: card.identities,
  name: card.name,
  element: card.card,
});

/**
 * Suggestions and requests in a feed (People you may know between the posts of the home or a
 * group's feed), in the home's right rail (its Friend requests box) and in a popup over the page
 * (a Friend requests dialog): cards read one feed unit (or the rail, or the popup) at a time, in a
 * unit that links the friends pages. Where the unit links people
 * through the friends lists' own preview address, those links are its people; a unit that links
 * only its "See all" to /friends/suggestions/ (cards linking the profiles themselves, round-11
 * Hindi probe page [G]) is read with every person's link in it, as a friends page is. Posts link
 * no friends page, so their authors and Like buttons make no card. Outside a feed only the
 * friends pages' addresses make cards; notifications are read as notifications (their links carry
 * notif_id), never here.
 */
function previewCards(root: ParentNode, url: URL, own: ReadonlySet<string>): Candidate[] {
  // Per unit, its preview links; an empty list while it has none (then all its links are read).
  const units = new Map<Element, Element[]>();
  for (const link of root.querySelectorAll(FACEBOOK_FRIENDS_UNIT_LINK)) {
    if (link.matches(FACEBOOK_NOTICE_LINK)) continue;
    const unit = link.closest(FACEBOOK_FEED_UNIT) ?? link.closest(FACEBOOK_SIDE_RAIL) ?? link.closest(FACEBOOK_FRIENDS_POPUP);
    // A popup holding notifications is the bell's flyout: its requests are read as notifications.
    if (!unit || (unit.matches(FACEBOOK_FRIENDS_POPUP) && unit.querySelector(FACEBOOK_NOTICE_LINK))) continue;
    let links = units.get(unit);
    if (!links) units.set(unit, (links = []));
    if (link.matches(FACEBOOK_FRIENDS_PREVIEW_LINK)) links.push(link);
  }
  // A popup holds no posts: every person's link in it is read, as on a friends page (the English
  // requests dialog mixes preview links with profile links, round-12 probe page [G]).
  const linksOf = (unit: Element, links: Element[]) => (links.length > 0 && !unit.matches(FACEBOOK_FRIENDS_POPUP) ? links : unit.querySelectorAll('a[href]'));
  return [...units].flatMap(([unit, links]) => friendCards(unit, cardMarks(linksOf(unit, links), url, own), null));
}

/** Whether a label opens a menu: it starts with one of the menu words, or is a "…" glyph. */
function readsAsMenu(label: string): boolean {
  const text = lowerLabel(label.trim()).replace(/’/g, "'");
  if ((FACEBOOK_WORDS.menuGlyphs as readonly string[]).includes(text)) return true;
  return FACEBOOK_WORDS.connectionMenu.some((word) => text === word || (text.startsWith(word) && /^[\s,:]/.test(text.slice(word.length))));
}

/** The menu buttons on a friend's row, innermost only (a button inside a button counts once). */
function menuButtons(row: Element): HTMLElement[] {
  const found = [...row.querySelectorAll<HTMLElement>('button, [role="button"]')].filter(
    (control) => control.matches(FACEBOOK_MENU_BUTTON) || readsAsMenu(controlLabel(control)),
  );
  return found.filter((control) => !found.some((other) => other !== control && control.contains(other)));
}

/**
 * The clinician's friends: one row per person, each holding its own menu (the "…" / "Friends"
 * button) or, on the two-pane list, linking to the list's own preview (?profile_id=). People on
 * a request or suggestion card are not rows.
 */
function connectionRows(root: ParentNode, marks: readonly PersonMark[], cards: readonly Candidate[]): Candidate[] {
  const onCards = new Set(cards.map((card) => card.element));
  const onCard = (element: Element) => {
    for (let at: Element | null = element; at; at = at.parentElement) if (onCards.has(at)) return true;
    return false;
  };
  const listPreview = `a[href*="${FACEBOOK_FRIENDS_PAGES.list}/"]`;
  const found: Candidate[] = [];
  for (const { row, identities, name } of personRows(root, marks.filter((mark) => !onCard(mark.element)), FACEBOOK_ROW_STOPS)) {
    const linksToList = row.matches(listPreview) || row.querySelector(listPreview) !== null;
    if (identities.length === 0 || (!linksToList && menuButtons(row).length === 0)) continue;
    found.push({ kind: 'connection', platform: 'facebook', identities, name, element: row });
  }
  return found;
}

// ---------------------------------------------------------------- Messenger

/** The canonical key of a thread path (/messages/t/<id>/ or /messages/e2ee/t/<id>/), else null. */
function threadOfPath(path: string): string | null {
  const match = FACEBOOK_THREAD_PATH.exec(path);
  return match ? `/messages/${match[1] ?? ''}t/${match[2]}/` : null;
}

function threadOfHref(href: string, base: string): string | null {
  try {
    const url = new URL(href, base);
    return isFacebook(url) ? threadOfPath(url.pathname) : null;
  } catch {
    return null;
  }
}

/**
 * The person a thread names: for a chat that is not end-to-end encrypted, its number is a
 * Facebook id (the other person's in a one-to-one chat; a group's own id otherwise, which is no
 * person's, as Facebook's ids are unique across kinds of object [G]). Encrypted ids are not ids.
 */
function threadIdentities(thread: string | null | undefined): string[] {
  const match = thread ? /^\/messages\/t\/(\d+)\/$/.exec(thread) : null;
  const parsed = match ? parseIdentity('facebook', match[1]!) : null;
  return parsed?.ok ? [parsed.identity] : [];
}

export interface ChatRow {
  candidate: Candidate;
  thread: string;
  current: boolean;
}

/** Each conversation in the chat list (or the message requests list), outside the open conversation. */
function chatRows(root: ParentNode, url: URL): ChatRow[] {
  const rows = new Map<Element, ChatRow>();
  for (const link of root.querySelectorAll(FACEBOOK_THREAD_LINKS)) {
    const row = chatRowAt(link, url);
    if (row && !rows.has(row.candidate.element)) rows.set(row.candidate.element, row);
  }
  return [...rows.values()];
}

/** The conversation a thread link is the row of (a row's first link is the one read); null for a link in a message. */
export function chatRowAt(link: Element, url: URL): ChatRow | null {
  // In the open conversation or its messages, a thread link is one pasted into a message.
  if (link.closest(FACEBOOK_CONVERSATION) || link.closest(FACEBOOK_MESSAGE_LOG) || link.closest(FACEBOOK_BANNER)) return null;
  const thread = threadOfHref(link.getAttribute('href') ?? '', url.href);
  if (!thread) return null;
  const row = link.closest(FACEBOOK_CHAT_ROW) ?? link;
  const nameBox = link.querySelector(FACEBOOK_ROW_NAME);
  const name = (nameBox && textOf(nameBox)) || firstText(link);
  const candidate: Candidate = { kind: 'message', platform: 'facebook', identities: threadIdentities(thread), name, element: row, thread };
  return { candidate, thread, current: link.matches(FACEBOOK_CURRENT_ROW_LINK) || link.closest(FACEBOOK_CURRENT_ROW_LINK) !== null };
}

/** Outside the conversation's messages (a link or heading in a message is not the header). */
const outsideLog = (element: Element) => !element.closest(FACEBOOK_MESSAGE_LOG);

/** The header block around `from`: the nearest box that also holds the header's buttons (call, info). */
function headerAround(from: Element, pane: Element): Element {
  let header = from;
  while (header !== pane && !header.querySelector(FACEBOOK_HEADER_CONTROLS)) header = header.parentElement ?? pane;
  return header;
}

/** Where the pane shows `name` outside its messages (a header without link or heading), if it does. */
function nameShown(pane: Element, name: string | undefined): Element | undefined {
  if (!name) return undefined;
  return [...pane.querySelectorAll(FACEBOOK_ROW_NAME)].find((text) => outsideLog(text) && textOf(text) === name);
}

/**
 * The open conversation, as a candidate of its own (`open: true`): its header's profile link when
 * there is one (with or without a heading), else its title, else the pane; named by the heading,
 * the link's label or text, or the chat-list row of the thread open (marked aria-current, or the
 * thread the address names). Thread and identities come from the address or that row.
 */
export function openConversation(root: ParentNode, url: URL, rows: readonly ChatRow[], own: ReadonlySet<string>): Candidate | null {
  const pane = root.querySelector(FACEBOOK_CONVERSATION);
  if (!pane) return null;
  const urlThread = facebookAdapter.threadOf(url);
  const current = (urlThread ? rows.find((row) => row.thread === urlThread) : undefined) ?? rows.find((row) => row.current);
  const thread = urlThread ?? current?.thread;

  let link: Element | undefined;
  let linked: string | null = null;
  for (const candidate of pane.querySelectorAll('a[href]')) {
    if (!outsideLog(candidate)) continue;
    linked = identityFromHref('facebook', candidate.getAttribute('href') ?? '', url.href);
    if (linked && !own.has(linked)) {
      link = candidate;
      break;
    }
  }
  if (!link && !thread) return null;
  // A header without a link, above a profile card that links the person ("View profile" over the
  // messages of a message request): the header is where the open row's name shows first.
  const shown = nameShown(pane, current?.candidate.name);
  const cardBelow = !!link && !!shown && !link.contains(shown) && !!(shown.compareDocumentPosition(link) & Node.DOCUMENT_POSITION_FOLLOWING);
  const headerLink = cardBelow ? undefined : link;
  const title = headerLink ? undefined : ([...pane.querySelectorAll(FACEBOOK_HEADING)].find(outsideLog) ?? shown);
  const from = headerLink ?? title;
  const header = from ? headerAround(from, pane) : pane;
  const heading = headerLink ? (header.querySelector(FACEBOOK_HEADING) ?? headerLink.closest(FACEBOOK_HEADING)) : title;
  const avatar = headerLink?.querySelector(FACEBOOK_AVATAR_LABEL)?.getAttribute('aria-label');
  const name =
    (heading && outsideLog(heading) ? textOf(heading) : '') ||
    headerLink?.getAttribute('aria-label')?.trim() ||
    (headerLink ? firstText(headerLink) : '') ||
    avatar?.trim() ||
    current?.candidate.name ||
    '';
  const identities = [...new Set([...(link && linked ? [linked] : []), ...threadIdentities(thread)])];
  if (identities.length === 0 && !name) return null;
  return { kind: 'message', platform: 'facebook', identities, name, element: header, open: true, ...(thread ? { thread } : {}) };
}

/**
 * Conversations shown outside Messenger (a friends page, the feed, a group, a profile): the rows
 * of the top bar's Messenger flyout, and each chat tab open at the bottom of the page as an open
 * conversation. Both live in a popup (FACEBOOK_CHAT_POPUP) outside the page's main column; a
 * thread link anywhere else (a profile's "Message" link, a link pasted in a post) is no chat. A
 * tab is told by what only a conversation has: a message box beside its thread link, in the
 * same popup; it is named by its header (the link's name, a heading, the popup's label), and its
 * person by the thread's id and any profile link outside its messages.
 */
export function chatsOutsideMessenger(root: ParentNode, url: URL, own: ReadonlySet<string>): Candidate[] {
  const tabs = new Map<Element, Candidate>();
  for (const box of root.querySelectorAll(FACEBOOK_COMPOSER)) {
    const tab = box.closest(FACEBOOK_CHAT_POPUP);
    if (!tab || tabs.has(tab) || box.closest(FACEBOOK_CONVERSATION)) continue;
    const open = chatTab(tab, url, own);
    if (open) tabs.set(tab, open);
  }
  const rows = new Map<Element, Candidate>();
  for (const link of root.querySelectorAll(FACEBOOK_THREAD_LINKS)) {
    const popup = link.closest(FACEBOOK_CHAT_POPUP);
    if (!popup || tabs.has(popup)) continue;
    const row = chatRowAt(link, url);
    if (row && !rows.has(row.candidate.element)) rows.set(row.candidate.element, row.candidate);
  }
  return [...rows.values(), ...tabs.values()];
}

/** A chat tab's conversation: its thread link outside the messages, else null (a post's comment box in a dialog). */
function chatTab(tab: Element, url: URL, own: ReadonlySet<string>): Candidate | null {
  let thread: string | null = null;
  let link: Element | undefined;
  for (const candidate of tab.querySelectorAll(FACEBOOK_THREAD_LINKS)) {
    if (!outsideLog(candidate)) continue;
    thread = threadOfHref(candidate.getAttribute('href') ?? '', url.href);
    if (thread) {
      link = candidate;
      break;
    }
  }
  if (!link || !thread) return null;
  let profile: string | null = null;
  for (const candidate of tab.querySelectorAll('a[href]')) {
    const identity = outsideLog(candidate) ? identityFromHref('facebook', candidate.getAttribute('href') ?? '', url.href) : null;
    if (identity && !own.has(identity)) {
      profile = identity;
      break;
    }
  }
  const nameBox = link.querySelector(FACEBOOK_ROW_NAME);
  const heading = [...tab.querySelectorAll(FACEBOOK_HEADING)].find(outsideLog);
  const name = (nameBox && textOf(nameBox)) || (heading && textOf(heading)) || tab.getAttribute('aria-label')?.trim() || firstText(link);
  const identities = [...new Set([...(profile ? [profile] : []), ...threadIdentities(thread)])];
  return { kind: 'message', platform: 'facebook', identities, name, element: tab, thread, open: true };
}

// ---------------------------------------------------------------- comments and mentions

/**
 * The notifications under `root`, innermost, in page order: every notification link's row (they
 * carry notif_id and notif_t in any UI language), a link without one, and the rows of the
 * notifications page and of a flyout labelled "Notifications" in a language Boundary knows.
 */
export function noticeItems(root: ParentNode, page: Page | null): Element[] {
  const lists = [...root.querySelectorAll(FACEBOOK_NOTICE_LISTS)].filter((list) => labelHasWord(list.getAttribute('aria-label')!, NOTIFICATIONS_WORDS));
  if (page === 'notifications') lists.push(...root.querySelectorAll(FACEBOOK_CONVERSATION));
  const items = [...root.querySelectorAll(`${FACEBOOK_NOTICE_ITEM}, ${FACEBOOK_NOTICE_LINK}`)].filter((item) =>
    item.matches(FACEBOOK_NOTICE_LINK) ? !item.closest(FACEBOOK_NOTICE_ITEM) : item.querySelector(FACEBOOK_NOTICE_LINK) || lists.some((list) => list.contains(item)),
  );
  return items.filter((item) => !items.some((other) => other !== item && item.contains(other)));
}

/** Who a notification names first: its name in bold. */
const noticeLead = (item: Element) => item.querySelector(FACEBOOK_NOTICE_LEAD);

/**
 * A notification that announces a comment, reply, mention, tag or wall post by the person it names
 * first: its link's notif_t says so when it has one (a like never is, whatever it is a like of),
 * else its words do ("commented on your post"), read only up to the quotation of the comment.
 * Notifications link what they are about, never the person: the name is all there is.
 */
function noticeOf(item: Element): Candidate[] {
  const lead = noticeLead(item);
  const name = lead && textOf(lead);
  if (!name) return [];
  const type = noticeType(item);
  const mention = type ? !FACEBOOK_NOTICE_TYPES.reacted.test(type) && FACEBOOK_NOTICE_TYPES.said.test(type) : saysMention(framing(item, lead), ADDRESSED_WORDS);
  return mention ? [{ kind: 'mention', platform: 'facebook', identities: [], name, element: item }] : [];
}

/** A notification's pairs are read without its own menu (FACEBOOK_NOTICE_CONTROLS). */
const NOTICE_MARKUP: CardMarkup = { controls: FACEBOOK_NOTICE_CONTROLS, words: FACEBOOK_WORDS.card };

/** The type a notification's own link gives it (notif_t), if it has one. */
const noticeType = (item: Element) =>
  FACEBOOK_NOTICE_TYPE.exec((item.matches(FACEBOOK_NOTICE_LINK) ? item : item.querySelector(FACEBOOK_NOTICE_LINK))?.getAttribute('href') ?? '')?.[1];

/**
 * A friend request shown as a notification with its own Confirm / Delete (the bell's flyout, the
 * notifications page): a request card inside the notification's row, one person linked and a
 * pair. A notification that says it is a friend request (its link is the requests list's
 * ?profile_id= preview, or its type friend_request) is one with a pair in any UI language, as on
 * the requests page (`unreadPairs`: found, though nothing on it is pressed unless its labels read).
 * Named by the notification's name in bold, as other notifications are.
 */
function noticeRequest(item: Element, url: URL, own: ReadonlySet<string>): Candidate | null {
  if (item.matches(FACEBOOK_NOTICE_LINK)) return null;
  const marks = linkMarks(item.querySelectorAll('a[href]'), url, own);
  if (marks.length === 0) return null;
  const typed = item.querySelector(FACEBOOK_NOTICE_REQUEST_LINK) !== null || FACEBOOK_NOTICE_TYPES.request.test(noticeType(item) ?? '');
  const [card, ...others] = findCards(item, marks, NOTICE_MARKUP, typed ? { unreadPairs: 'request' } : {}).filter((found) => found.kind === 'request');
  if (!card || others.length > 0) return null;
  const lead = noticeLead(item);
  return { ...cardCandidate(card), name: (lead && textOf(lead)) || card.name };
}

/**
 * Whether an article is a comment or reply: its own permalink, its time, is a comment's
 * (?comment_id=), which holds in every UI language; a post's is the post's. Its label ("Comment
 * by …", "Kommentar von …") says the same in words.
 */
const isComment = (article: Element) => [...article.querySelectorAll(FACEBOOK_COMMENT_LINK)].some((link) => link.closest(FACEBOOK_COMMENT) === article);

/**
 * Comments and replies on the clinician's own posts: the post around a comment (the nearest article
 * that is no comment, else the dialog or main column) links the clinician in its heading, outside
 * every comment. Each is by the person its first link names (links after that are in what they
 * wrote); the clinician's own are not theirs to report.
 */
function commentsIn(root: ParentNode, url: URL, own: ReadonlySet<string>): Candidate[] {
  const found: Candidate[] = [];
  for (const comment of root.querySelectorAll(FACEBOOK_COMMENT)) {
    if (!isComment(comment)) continue;
    let post = comment.parentElement?.closest(FACEBOOK_COMMENT) ?? null;
    while (post && isComment(post)) post = post.parentElement?.closest(FACEBOOK_COMMENT) ?? null;
    const scope = post ?? comment.closest(`[role="dialog"], ${FACEBOOK_CONVERSATION}`);
    const heading = [...(scope?.querySelectorAll(FACEBOOK_POST_AUTHOR) ?? [])].find((link) => link.closest(FACEBOOK_COMMENT) === post);
    if (!heading || !own.has(identityFromHref('facebook', heading.getAttribute('href') ?? '', url.href) ?? '')) continue;
    const marks = personMarks(comment, url, new Set()).filter((mark) => mark.element.closest(FACEBOOK_COMMENT) === comment);
    const author = marks[0]?.identity;
    if (!author || own.has(author)) continue;
    const name = marks.filter((mark) => mark.identity === author).map((mark) => mark.name ?? firstText(mark.element)).find(Boolean) ?? '';
    found.push({ kind: 'mention', platform: 'facebook', identities: [author], name, element: comment });
  }
  return found;
}

/**
 * Comments, mentions and tags addressed to the clinician: their notifications, and comments on
 * their own posts. With `requests` (where no friends page reads the cards already), a
 * notification that is a friend request with its own pair is that request instead.
 */
export const mentionsIn = (root: ParentNode, url: URL, own: ReadonlySet<string>, page: Page | null, requests = false) => [
  ...noticeItems(root, page).flatMap((item) => {
    const request = requests ? noticeRequest(item, url, own) : null;
    return request ? [request] : noticeOf(item);
  }),
  ...commentsIn(root, url, own),
];


// ---------------------------------------------------------------- Block

/** Block's words on Facebook: the shared tables (card-words.ts), its conversation details and "…" glyphs; never a control in the messages. */
const BLOCK: BlockMarkup = { menus: FACEBOOK_WORDS.conversationDetails, glyphs: FACEBOOK_WORDS.menuGlyphs, skip: FACEBOOK_MESSAGE_LOG };

/** The conversation pane a header belongs to, when `card` is an open conversation's header; else null. */
function conversationPaneOf(card: Element): Element | null {
  const pane = card.closest(FACEBOOK_BLOCK_PANE);
  return pane && pane !== card && pane.querySelector(FACEBOOK_MESSAGE_LOG) ? pane : null;
}

// ---------------------------------------------------------------- profiles

/** Whatever a profile control starts: the shared words, and Respond's "Confirm" (accepting their request). */
function profileActionOf(...labels: string[]) {
  const action = contactActionOf(...labels);
  if (action) return action;
  return labels.some((label) => roleOfLabel(label, FACEBOOK_WORDS.card) === 'accept') ? 'add-friend' : null;
}

const PROFILE: ProfileMarkup = {
  platform: 'facebook',
  headers: FACEBOOK_PROFILE_HEADER,
  headings: FACEBOOK_PROFILE_HEADING,
  controls: FACEBOOK_PROFILE_CONTROLS,
  cards: FACEBOOK_PROFILE_CARDS,
  own: FACEBOOK_OWN_PROFILE,
  actionOf: profileActionOf,
  // The header's one mark is a pagelet name (site-evidence item 7): the heading and the action bar
  // beside it find it without that name.
  headerAroundHeading,
};

/**
 * Whose profile `url` is: the person lib/identity reads from it (a vanity name, ?id=, /people/,
 * with a profile tab such as /about), [] for a profile address it cannot read, null for every
 * other page. Friends pages name a person in ?profile_id= only to preview them beside the list.
 */
function profileIdentities(url: URL): string[] | null {
  if (!isFacebook(url) || under(url.pathname, FACEBOOK_FRIENDS_PAGES.home)) return null;
  const identity = identityFromHref('facebook', url.href);
  if (identity) return [identity];
  return FACEBOOK_PROFILE_PATHS.some((prefix) => url.pathname.startsWith(prefix)) ? [] : null;
}

/**
 * On the profile of someone whose friend request to the clinician is pending, the header can show
 * Confirm request and Delete request as two buttons where Add friend would be (round-9 Norwegian
 * probe page [G]: a width-dependent variant of Respond's menu, site-evidence item 13). The header links
 * no one (the profile is the address's), so no card reading finds it: the one control reading as
 * accept and the one reading as turning away, in the header (profileHeader: the pagelet, else the
 * box of the heading and its action bar) and outside any card slid into it,
 * are the owner's request, named and identified as the profile is. The candidate is the smallest
 * box around the pair, whose Delete request decline presses. Never on the clinician's own profile
 * (profileCandidate is null there), nor on the friends pages' previews (no profile address).
 * Respond's form of the same header is respondBox's.
 */
function profileRequest(root: ParentNode, url: URL): Candidate[] {
  const identities = profileIdentities(url);
  if (!identities?.length) return [];
  const doc = documentOf(root);
  const header = profileHeader(doc, PROFILE);
  if (!header || !(root === doc || (root as Node).contains(header))) return [];
  const box = ownRequestBox(header, MARKUP.controls, FACEBOOK_PROFILE_CARDS.join(', '), MARKUP.words) ?? respondBox(header);
  const profile = box && profileCandidate(doc, identities, PROFILE);
  return box && profile ? [{ kind: 'request', platform: 'facebook', identities: profile.identities, name: profile.name, element: box }] : [];
}

/**
 * The commoner form of a requester's header (site-evidence item 13): one Respond button where Add
 * friend would be, opening a menu (aria-haspopup, aria-controls) of Confirm / Delete request that
 * renders apart from the header, and only once pressed. Exactly one such button, outside any card
 * slid into the header, makes the request; its box (the action bar) is what decline is given.
 * With the menu open, it must read as that pair, or nobody's request it is.
 */
function respondBox(header: Element): Element | null {
  const opener = respondOpener(header);
  if (!opener) return null;
  const menu = openMenuOf(opener);
  if (menu && !menuPair(menu)) return null;
  return opener.parentElement;
}

/** The one Respond button in `box`, outside any card about someone else; null for none or several. */
function respondOpener(box: Element): HTMLElement | null {
  const cards = FACEBOOK_PROFILE_CARDS.join(', ');
  const openers = [...box.querySelectorAll<HTMLElement>(MARKUP.controls)].filter((control) => {
    if (!control.matches(FACEBOOK_RESPOND.opener)) return false;
    const card = control.closest(cards);
    if (card && box.contains(card)) return false;
    return FACEBOOK_WORDS.respond.includes(lowerLabel(controlLabel(control).trim()));
  });
  return openers.length === 1 ? openers[0]! : null;
}

/** The menu a button's aria-controls names, when it is in the page (open). */
function openMenuOf(opener: Element): Element | null {
  for (const id of (opener.getAttribute('aria-controls') ?? '').split(/\s+/)) {
    const menu = id ? opener.ownerDocument.getElementById(id) : null;
    if (menu?.matches('[role="menu"]')) return menu;
  }
  return null;
}

/** A menu's items are its controls (role=menuitem), beside whatever else is pressable. */
const MENU_MARKUP: CardMarkup = { controls: `${PRESSABLE}, ${FACEBOOK_RESPOND.item}`, words: FACEBOOK_WORDS.card };

/** Whether an open menu holds exactly one control reading as accept and one as turning away. */
const menuPair = (menu: Element) => ownRequestBox(menu, MENU_MARKUP.controls, FACEBOOK_PROFILE_CARDS.join(', '), MENU_MARKUP.words) !== null;

/**
 * Delete request in a Respond menu: pressed at once when the menu is open; else Respond is
 * pressed, and the item once the menu has opened (content-main's second step), if it reads as
 * the pair.
 */
function declineInMenu(opener: HTMLElement): StepResult {
  const pressItem = (): ActionResult => {
    const menu = openMenuOf(opener);
    const items = menu && menuPair(menu) ? [...menu.querySelectorAll<HTMLElement>(MENU_MARKUP.controls)].filter((item) => roleOf(item, MENU_MARKUP.words) === 'negative') : [];
    if (items.length !== 1) return { ok: false, reason: 'The Respond menu shows no Confirm / Delete request pair' };
    const label = controlLabel(items[0]!);
    items[0]!.click();
    return { ok: true, done: `Pressed “${label}” on the page` };
  };
  if (openMenuOf(opener)) return pressItem();
  const label = controlLabel(opener);
  opener.click();
  return { ok: true, done: `Opened “${label}” on the page`, then: pressItem };
}

export const facebookAdapter: SiteAdapter = {
  platform: 'facebook',

  pageKindOf(url) {
    const page = pageOf(url);
    return page ? PAGE_KINDS[page] : null;
  },

  findCandidates(root, url) {
    if (!isFacebook(url)) return [];
    const page = pageOf(url);
    const own = ownIdentities(documentOf(root), url, page);
    if (!page) return [...profileRequest(root, url), ...mentionsIn(root, url, own, page, true), ...previewCards(root, url, own), ...chatsOutsideMessenger(root, url, own)];
    if (page === 'notifications') return [...mentionsIn(root, url, own, page, true), ...chatsOutsideMessenger(root, url, own)];
    if (page === 'messages') {
      const rows = chatRows(root, url);
      const open = openConversation(root, url, rows, own);
      return [...rows.map((row) => row.candidate), ...(open ? [open] : [])];
    }
    // Someone else's friends tab holds their friends, not the clinician's.
    if (page === 'profile-friends' && !isOwnProfile(documentOf(root), PROFILE)) return [];
    const marks = cardMarks(root.querySelectorAll('a[href]'), url, own);
    const cards = friendCards(root, marks, page);
    const chats = chatsOutsideMessenger(root, url, own);
    if (page !== 'friends-list' && page !== 'profile-friends') return [...cards, ...mentionsIn(root, url, own, page), ...chats];
    return [...cards, ...connectionRows(root, marks, cards), ...mentionsIn(root, url, own, page), ...chats];
  },

  scanner: (doc) => facebookScanner(doc),

  mentionStep(card) {
    // A notification's own menu hides the notification, never the comment: only a comment's own
    // "…" ("Hide or report this") is pressed, not a reply's inside it.
    const [menu, ...others] = card.matches(FACEBOOK_COMMENT) && isComment(card) ? menuButtons(card).filter((control) => control.closest(FACEBOOK_COMMENT) === card) : [];
    if (!menu || others.length > 0) return NO_MENU;
    menu.click();
    return { ok: true, done: '' };
  },

  noticesOn(root) {
    return noticeItems(root, 'notifications').filter(noticeLead).length;
  },

  decline(card) {
    const opener = respondOpener(card);
    return opener ? declineInMenu(opener) : pressRole(card, 'negative', MARKUP);
  },

  removeSuggestion(card) {
    return pressRole(card, 'negative', MARKUP);
  },

  connectionStep(card): ActionResult {
    const [menu, ...others] = menuButtons(card).filter((control) => !control.matches(':disabled, [aria-disabled="true"]'));
    if (!menu || others.length > 0) return { ok: false, reason: 'Could not find this friend’s own menu on the page' };
    const label = controlLabel(menu);
    menu.click();
    return { ok: true, done: `Opened “${label}” on the page` };
  },

  blockStep(card) {
    // A request card on the friends pages has neither Block nor a menu [G]: it refuses, saying so.
    return pressBlockStep(card, BLOCK, conversationPaneOf(card) ?? card);
  },

  threadOf(url) {
    return isFacebook(url) ? threadOfPath(url.pathname) : null;
  },

  findComposer(doc, conversation) {
    const labelled = (box: HTMLElement) => labelHasWord(box.getAttribute('aria-label') ?? '', FACEBOOK_WORDS.messageBox);
    // A chat tab's reply goes into that tab's own box: never another tab's, and never a comment
    // box of the feed around it (the page's main column holds those, not a conversation).
    const tab = conversation?.closest(FACEBOOK_CHAT_POPUP);
    if (tab) {
      const inTab = queryAllDeep<HTMLElement>(tab, FACEBOOK_COMPOSER);
      return inTab.find((box) => labelled(box) || box.matches(FACEBOOK_COMPOSER_MARKS)) ?? null;
    }
    const boxes = queryAllDeep<HTMLElement>(doc, FACEBOOK_COMPOSER);
    const inConversation = boxes.filter((box) => box.closest(FACEBOOK_CONVERSATION));
    // A box outside any conversation (a chat tab's "Write to …") is taken only when its label says
    // so, or when it is Messenger's own box in a chat tab: a popup that links its thread (a label
    // in a language the words lack, "Skriv til …").
    const inChatTab = (box: HTMLElement) => box.matches(FACEBOOK_COMPOSER_MARKS) && box.closest(FACEBOOK_CHAT_POPUP)?.querySelector(FACEBOOK_THREAD_LINKS) != null;
    return (
      inConversation.find((box) => labelled(box) || box.matches(FACEBOOK_COMPOSER_MARKS)) ??
      inConversation[0] ??
      boxes.find(labelled) ??
      boxes.find(inChatTab) ??
      null
    );
  },

  profileOf(doc, url) {
    const identities = profileIdentities(url);
    return identities ? profileCandidate(doc, identities, PROFILE) : null;
  },

  guardedActionAt(target, url) {
    return profileIdentities(url) ? guardedControlAt(target, PROFILE) : null;
  },
};
