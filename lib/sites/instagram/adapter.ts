import { identityFromHref, usernameWord } from '@/lib/identity/instagram';
import { pressBlockStep, type BlockMarkup } from '../block';
import { MENU_WORDS, REACTED_WORDS } from '../card-words';
import { inPageOrder, insertInOrder } from '../card-index';
import { PRESSABLE, controlLabel, controlToPress, findCards, personRows, pressRole, roleOf, type CardMarkup, type FoundCard, type PersonMark } from '../cards';
import { continuesRun, queryAllDeep, textRun } from '../dom';
import { contactActionIn, FOLLOW_WORDS, labelHasWord, MESSAGE_WORDS } from '../labels';
import { framing, NO_MENU, saysMention } from '../mentions';
// `any`: one querySelectorAll per kind of thing, the browser returning each element once, in page
// order. It and textOf are profile.ts's, which this script carries anyway.
import { any, guardedControlAt, profileCandidate, textOf, type ProfileMarkup } from '../profile';
import type { ActionResult, Candidate, SiteAdapter } from '../types';
import { instagramScanner } from './scanner';
import {
  ACTIVITY_PATH,
  AVATAR_SELECTORS,
  COMMENT_PERMALINK,
  COMPOSER_SELECTORS,
  CONNECTIONS_DIALOG_SELECTORS,
  CONNECTIONS_TABS,
  CONTROL_SELECTORS,
  DIRECT_PATH,
  MESSAGE_LIST_SELECTORS,
  NOT_A_CARD_SELECTORS,
  NOT_COMPOSER_SELECTORS,
  POST_HEADER,
  POST_SELECTORS,
  OWN_PROFILE_SELECTORS,
  PAGE_CONTENT_SELECTORS,
  PROFILE_CARD_SELECTORS,
  PROFILE_HEADER_SELECTORS,
  PROFILE_HEADING_FALLBACK_SELECTORS,
  PROFILE_HEADING_SELECTORS,
  PROFILE_LINK_SELECTORS,
  PROFILE_TABS,
  SEE_ALL,
  SUGGESTED_PEOPLE_PATH,
  THREAD_BUTTON_SELECTORS,
  THREAD_LINK_SELECTORS,
  THREAD_PATH,
  THREAD_ROW_WRAPPER,
  THREADS,
} from './selectors';
import { AVATAR_ALT_FORMS, CONTEXT_LINES, CONVERSATION_DETAILS_WORDS, FOLLOWING_WORDS, INSTAGRAM_WORDS, LIKED_WORDS, OWN_PROFILE_LINK_WORDS } from './words';


export const MARKUP: CardMarkup = { controls: PRESSABLE, words: INSTAGRAM_WORDS };
const FOLLOWING_MARKUP: CardMarkup = { controls: PRESSABLE, words: FOLLOWING_WORDS };
const MESSAGES = any(MESSAGE_LIST_SELECTORS);
const PROFILE_HEADER = any(PROFILE_HEADER_SELECTORS);

/** Block's words on Instagram: the shared tables (card-words.ts) and its conversation details; never a control in the messages. */
const BLOCK: BlockMarkup = { menus: CONVERSATION_DETAILS_WORDS, skip: MESSAGES };

// ---------------------------------------------------------------- people on the page

/** The identity a link's address names, read against `base` (the page's address), or null. */
export const linkIdentity = (link: Element, base: string) => identityFromHref('instagram', link.getAttribute('href') ?? '', base);

/** An alt-text form split at its username: the words before it and after it. */
interface AltForm {
  before: string;
  after: string;
  lowerBefore: string;
  lowerAfter: string;
}

const altForm = (before: string, after: string): AltForm => ({ before, after, lowerBefore: before.toLowerCase(), lowerAfter: after.toLowerCase() });

/**
 * The username an avatar's alt text names, in any language of words.ts or in the wording the page
 * `doc` was seen to use for the clinician's own avatar (learnedAltForm); null for any other alt.
 */
export function usernameFromAlt(alt: string, doc?: Document | null): string | null {
  const text = alt.trim();
  for (const form of altForms()) {
    const name = nameIn(text, form);
    if (name) return name;
  }
  const learned = doc ? LEARNED_FORMS.get(doc) : undefined;
  return learned ? nameIn(text, learned) : null;
}

/** The username `form` reads in `text`, or null. */
function nameIn(text: string, { before, after, lowerBefore, lowerAfter }: AltForm): string | null {
  if (text.length <= before.length + after.length) return null;
  const lower = text.toLowerCase();
  if (!lower.startsWith(lowerBefore) || !lower.endsWith(lowerAfter)) return null;
  const name = text.slice(before.length, text.length - after.length);
  // A username is one word of letters, digits, dots and underscores; anything else is a sentence.
  if (!/^[A-Za-z0-9._]{1,30}$/.test(name)) return null;
  return usernameWord(name);
}

/** AVATAR_ALT_FORMS split at their `*`, made once: every avatar on a page is read against all of them. */
let splitForms: AltForm[] | undefined;
function altForms() {
  return (splitForms ??= AVATAR_ALT_FORMS.map((form) => {
    const [before, after] = form.split('*') as [string, string];
    return altForm(before, after);
  }));
}

/**
 * The alt wording each page was last seen to use, learned from the clinician's own avatar in the
 * navigation (ownIdentity, which every scan calls first and the scanner again whenever a link
 * out there changes): UI languages no list holds ("Фото профілю <user>") read as the listed ones
 * do. Kept per document, never in the page.
 */
const LEARNED_FORMS = new WeakMap<Document, AltForm>();

/**
 * The wording of an alt text that names `username` as a word of its own ("Фото профілю
 * rowan.talks" gives "Фото профілю *"); null when it does not, or when too few letters are left
 * around it to tell an avatar's wording from any one-word alt.
 */
export function learnedAltForm(alt: string, username: string): AltForm | null {
  const text = alt.trim();
  const at = text.toLowerCase().indexOf(username.toLowerCase());
  if (at < 0 || text.toLowerCase().indexOf(username.toLowerCase(), at + 1) >= 0) return null;
  const before = text.slice(0, at);
  const after = text.slice(at + username.length);
  if (/[A-Za-z0-9._]$/.test(before) || /^[A-Za-z0-9._]/.test(after)) return null;
  if ((`${before}${after}`.match(/\p{L}/gu) ?? []).length < 3) return null;
  return altForm(before, after);
}

/** Every person mark under `root`: profile links (identityFromHref) and avatars naming a username. */
export function personMarks(root: ParentNode, url: URL): PersonMark[] {
  const marks: PersonMark[] = [];
  for (const element of root.querySelectorAll(any(PROFILE_LINK_SELECTORS))) {
    const identity = linkIdentity(element, url.href);
    if (identity) marks.push({ element, identity });
  }
  const doc = documentOf(root);
  for (const element of root.querySelectorAll(any(AVATAR_SELECTORS))) {
    const identity = usernameFromAlt(element.getAttribute('alt') ?? '', doc);
    if (identity) marks.push({ element, identity });
  }
  return marks;
}

/**
 * The clinician's own username: the first profile link outside the page's content (the left
 * navigation) that holds the same person's avatar or reads "Profile". Null when none is shown.
 * An avatar there whose alt names the link's username in a wording words.ts does not list teaches
 * the page's wording (learnedAltForm), which usernameFromAlt then reads everywhere on the page.
 */
export function ownIdentity(doc: Document, url: URL): string | null {
  // Only the page outside its content is walked: the navigation, not a feed of thousands.
  const content = any(PAGE_CONTENT_SELECTORS);
  const walker = doc.createTreeWalker(doc.body ?? doc.documentElement, NodeFilter.SHOW_ELEMENT, {
    acceptNode: (node) =>
      (node as Element).matches(content) ? NodeFilter.FILTER_REJECT : (node as Element).matches('a[href]') ? NodeFilter.FILTER_ACCEPT : NodeFilter.FILTER_SKIP,
  });
  LEARNED_FORMS.delete(doc);
  for (let link = walker.nextNode() as Element | null; link; link = walker.nextNode() as Element | null) {
    const identity = linkIdentity(link, url.href);
    if (!identity) continue;
    const alts = [...link.querySelectorAll(any(AVATAR_SELECTORS))].map((img) => img.getAttribute('alt') ?? '');
    if (alts.some((alt) => usernameFromAlt(alt) === identity)) return identity;
    // An avatar naming the link's own username, in wording no list holds: the page's wording.
    const learned = alts.map((alt) => learnedAltForm(alt, identity)).find((form) => form !== null);
    if (learned) {
      LEARNED_FORMS.set(doc, learned);
      return identity;
    }
    const label = `${link.getAttribute('aria-label') ?? ''} ${textOf(link)}`.toLowerCase().trim();
    if ((OWN_PROFILE_LINK_WORDS as readonly string[]).includes(label)) return identity;
  }
  return null;
}

const documentOf = (root: ParentNode): Document => (root as Node).ownerDocument ?? (root as Document);

// ---------------------------------------------------------------- requests and suggestions

/**
 * Follow requests (Confirm + Delete) and suggestions (Follow + dismiss ✕) anywhere under `root`,
 * by their pairs of controls (cards.ts): the activity page, the notifications drawer whatever its
 * role, suggestions on home, profiles and /explore/people/. A pair around a whole post or overlay
 * is not a card; nor is anything inside `skip` (a connections dialog).
 */
export function pairedCards(root: ParentNode, marks: readonly PersonMark[], skip: readonly Element[], url: URL): Candidate[] {
  const tooBig = tooBigBoxes(root);
  const people = new Set(marks.map((mark) => mark.element));
  const options = pairOptions(url);
  const found = findCards(root, marks, MARKUP, options);
  // Elsewhere (home's right rail), a lone Follow counts only inside a "Suggested for you" block.
  const blocks = options.loneAdds ? [] : suggestionBlocks(root, marks);
  mergeLone(found, blocks.flatMap(blockCards));
  const linked = linkedUsernames(people);
  const boxes = blocks.map(({ block }) => block);
  return found.flatMap((card) => (skip.some((scope) => scope.contains(card.card)) ? [] : cardCandidate(card, tooBig, people, linked, boxes) ?? []));
}

/** The boxes that are, or hold, a post or the page: found once, each card a lookup. */
export function tooBigBoxes(root: ParentNode): Set<Element> {
  const tooBig = new Set<Element>();
  for (const element of root.querySelectorAll(any([...NOT_A_CARD_SELECTORS, ...POST_SELECTORS]))) {
    for (let node: Element | null = element; node && !tooBig.has(node); node = node.parentElement) tooBig.add(node);
  }
  return tooBig;
}

/**
 * How cards are read at `url`: on the pages that exist to list one kind, a person with two
 * controls in a language no word table knows is still that kind (found, though nothing on it is
 * pressed); suggested people with Follow alone (no ✕) only on /explore/people/, which lists nothing
 * else. Not on home: a lone Follow there may be a new follower's "Follow back" in the activity panel.
 */
export function pairOptions(url: URL): { unreadPairs?: 'request' | 'suggestion'; loneAdds: boolean } {
  const kind = instagramAdapter.pageKindOf(url);
  const unreadPairs = kind === 'requests' ? 'request' : kind === 'suggestions' ? 'suggestion' : undefined;
  return { unreadPairs, loneAdds: kind === 'suggestions' };
}

/** A suggestion block's lone Follows (a block holds few: its own marks only, not the page's). */
export const blockCards = ({ block, inside }: { block: Element; inside: PersonMark[] }): FoundCard[] =>
  findCards(block, inside, MARKUP, { loneAdds: true }).filter((card) => card.negative === null);

/** Puts lone cards among `found` (page order, as findCards gives) where no card of `found` is on their box. */
export function mergeLone(found: FoundCard[], lone: readonly FoundCard[]): void {
  if (lone.length === 0) return;
  const seen = new Set(found.map(({ card }) => card));
  // The few lone cards are put in place, not the whole list sorted again (each comparison of page
  // order walks a long list's rows in the browser).
  for (const card of lone) if (!seen.has(card.card)) insertInOrder(found, card, (a, b) => inPageOrder(a.card, b.card));
}

/**
 * A card's candidate; null for a box around a post or the page. `linked`: the page's linked
 * usernames (see namesSomeoneElse); `blocks`: its suggestion blocks (suggestionBlocks).
 */
export function cardCandidate(
  found: FoundCard,
  tooBig: ReadonlySet<Element>,
  people: ReadonlySet<Element>,
  linked: ReadonlySet<string>,
  blocks: readonly Element[] = [],
): Candidate | null {
  const { identities } = found;
  if (tooBig.has(found.card) || found.card.closest(any(POST_SELECTORS))) return null;
  const card = bannerOf(found);
  if (!card) return null;
  // A pair read from its shape alone (labels in no language of card-words.ts) takes the page's
  // kind: a request on the follow-requests page. Inside a block of suggested people (its "See all"
  // links /explore/people/, in every UI language) it is a suggestion: the requests list ends in
  // "Suggested for you", whose Follow + ✕ is no request to decline (the Bulgarian replica).
  const kind = !found.labelsRead && blocks.some((block) => block.contains(card)) ? 'suggestion' : found.kind;
  // A banner holds no mark, and its words are a sentence about the person: the name is the username.
  const name = card === found.card ? shownName(card, people, linked) : '';
  return { kind, platform: 'instagram', identities, name: name || identities[0] || '', element: card };
}

/**
 * A pair outside a profile's header whose card would hold that header: the profile's own banner
 * ("<user> wants to follow you", Confirm / Delete above the header, the app's layout [G]) names
 * its person only as text, so the nearest box with a mark is the whole profile, Follow and
 * Message with it. The card is then the pair's box up to, not including, the one with the header.
 */
function bannerOf({ card, positive, negative }: FoundCard): Element | null {
  // The card's own headers, each asked whether it is the profile's: a card's subtree is small,
  // and asking the document instead walked all of it once a card on pages with no header (the
  // requests list). `matches` reads the header's ancestors, past the card's edge.
  const header = negative && [...card.getElementsByTagName('header')].find((element) => element.matches(PROFILE_HEADER));
  if (!header) return card;
  // One control in the header and one outside is no card: the header's Follow (Back) with a
  // banner's Delete below it (en-US private profile replica) spans the whole profile. That Follow
  // is the profile's own, guarded as such; the banner is found from its own Confirm / Delete.
  if (header.contains(positive) !== header.contains(negative!)) return null;
  if (header.contains(positive)) return card;
  let box: Element = positive;
  while (!box.contains(negative!) && box.parentElement) box = box.parentElement;
  while (box.parentElement && box.parentElement !== card && !box.parentElement.contains(header)) box = box.parentElement;
  return box;
}

/**
 * The blocks that list suggested people outside /explore/people/: each strip or rail has a "See
 * all" link to /explore/people/ (the same address in every UI language; SUGGESTED_PEOPLE_PATH's
 * source, fairly sure), and the block is the
 * nearest box around that link that also holds someone else. A block that holds a post is not
 * one (the link would then sit in the feed), and neither is the activity panel, which has no
 * such link: there a lone Follow may be a new follower's "Follow back".
 */
export function suggestionBlocks(root: ParentNode, marks: readonly PersonMark[]): { block: Element; inside: PersonMark[] }[] {
  const blocks: Element[] = [];
  const post = any(POST_SELECTORS);
  const body = documentOf(root).body;
  for (const link of root.querySelectorAll(SEE_ALL)) {
    // The link's ancestors below the body, nearest first; each mark walks up once to the first
    // of them it meets (not a mark per box per ancestor: that was rows × depth × rows).
    const up = new Map<Element, number>();
    for (let box = link.parentElement; box && box !== body; box = box.parentElement) up.set(box, up.size);
    let nearest = Infinity;
    for (const mark of marks) {
      if (link.contains(mark.element)) continue;
      for (let at = mark.element.parentElement; at; at = at.parentElement) {
        const depth = up.get(at);
        if (depth === undefined) continue;
        nearest = Math.min(nearest, depth);
        break;
      }
    }
    const box = [...up.keys()][nearest];
    if (box && !box.querySelector(post) && !blocks.some((block) => block.contains(box))) blocks.push(box);
  }
  // Each block with its own marks only: a mark outside it would walk to the top of the page for nothing.
  return blocks.map((block) => ({ block, inside: marks.filter((mark) => block.contains(mark.element)) }));
}

// ---------------------------------------------------------------- connections

/** The username whose followers or following list `url` opens, or null. */
function connectionsOwner(url: URL): string | null {
  const [user, tab, ...rest] = url.pathname.split('/').filter((segment) => segment !== '');
  if (!user || !tab || rest.length > 0 || !(CONNECTIONS_TABS as readonly string[]).includes(tab)) return null;
  return identityFromHref('instagram', `/${user}/`, url.href);
}

/** Whether the profile behind the page is the clinician's own: its header's own-profile marks, or their navigation link. */
function isOwnProfile(doc: Document, owner: string, own: string | null): boolean {
  const header = doc.querySelector(PROFILE_HEADER);
  if (header?.querySelector(any(OWN_PROFILE_SELECTORS))) return true;
  return own !== null && own === owner;
}

/**
 * The followers / following dialogs open over the page at `url`: dialogs that link people (an
 * unfollow or remove confirmation shows at most an avatar).
 */
function connectionDialogs(root: ParentNode, url: URL, marks: readonly PersonMark[]): Element[] {
  if (!connectionsOwner(url)) return [];
  const dialogs = [...root.querySelectorAll(any(CONNECTIONS_DIALOG_SELECTORS))];
  if (root instanceof Element && root.closest(any(CONNECTIONS_DIALOG_SELECTORS))) dialogs.push(root);
  const linking = new Set<Element>();
  for (const mark of marks) {
    if (!mark.element.matches('a')) continue;
    const dialog = mark.element.closest(any(CONNECTIONS_DIALOG_SELECTORS));
    if (dialog) linking.add(dialog);
  }
  return dialogs.filter((dialog) => linking.has(dialog));
}

/**
 * One connection per person in the clinician's own followers / following dialog: the row is the
 * largest box around the person's marks that holds no one else, and holds a control of its own
 * (Remove, Following, Follow), unlike a heading's link. Long lists grow as they scroll; every
 * scan reads what is there.
 */
function connectionRows(dialog: Element, marks: readonly PersonMark[], url: URL): Candidate[] {
  const inside = marks.filter((mark) => dialog.contains(mark.element));
  const people = new Set(inside.map((mark) => mark.element));
  const following = url.pathname.split('/').filter(Boolean)[1] === 'following';
  const linked = linkedUsernames(people);
  return personRows(dialog, inside)
    .map(({ row, identities }) => ({ row: ownBox(row, people), identities }))
    .filter(({ row }) => row.querySelector(any(CONTROL_SELECTORS)))
    .map(({ row, identities }) => ({
      // Everyone on the Following list is followed already (their button reads Following): a row
      // offering Follow there is one of the suggestions Instagram slips under the list.
      kind: following && suggestedIn(row) ? 'suggestion' : 'connection',
      platform: 'instagram',
      identities,
      name: shownName(row, people, linked) || identities[0] || '',
      element: row,
    }));
}

/** Whether a row's controls offer Follow and show no follow already there. */
function suggestedIn(row: Element): boolean {
  const roles = [...row.querySelectorAll(any(CONTROL_SELECTORS))].map((control) => roleOf(control, MARKUP.words));
  return roles.includes('add') && !roles.includes('state');
}

/** What a list's own furniture is: its title and section headings, its search box. A person's row holds none of it. */
const LIST_FURNITURE = 'h1, h2, h3, h4, [role="heading"], input';

/**
 * The person's own box in `row`: the row itself, unless it grew past the list's title and search
 * box (a list of one person, whose row reaches the dialog's ✕ too); then the largest box around
 * the person's first mark that holds none of that.
 */
function ownBox(row: Element, people: ReadonlySet<Element>): Element {
  if (!row.querySelector(LIST_FURNITURE)) return row;
  const mark = [...row.querySelectorAll('a, img')].find((element) => people.has(element));
  if (!mark) return row;
  let box = mark;
  while (box.parentElement && box.parentElement !== row && !box.parentElement.querySelector(LIST_FURNITURE)) box = box.parentElement;
  return box;
}

/**
 * A person's displayed name on a card or row: the first line of text that is not a control, an
 * icon, a time, a link to someone, a sentence around a link ("caio.b_ pediu para seguir você.")
 * or a line of context ("Followed by …", words.ts); else the text of their username link.
 */
export function shownName(row: Element, people: ReadonlySet<Element>, linked: ReadonlySet<string>): string {
  let username = '';
  for (const node of textNodes(row)) {
    const parent = node.parentElement!;
    const text = lineOf(node);
    if (parent.closest('svg, time, abbr, [aria-hidden="true"]')) continue;
    const link = parent.closest('a');
    if (link && people.has(link) && !besideUsername(text, link)) {
      username ||= text;
      continue;
    }
    const control = parent.closest(PRESSABLE);
    if ((link && !people.has(link)) || (control && control !== row && control !== link && row.contains(control)) || inSentenceWithLink(parent)) continue;
    if (text === '·' || isContextLine(text) || namesSomeoneElse(text, row, linked)) continue;
    return text;
  }
  return username;
}

/** Elements that stay within a line of text: a text in them is part of the sentence around it. */
const PHRASING = new Set(['SPAN', 'B', 'STRONG', 'EM', 'I', 'BDI', 'BDO', 'SMALL', 'MARK', 'U', 'S']);

/**
 * Whether a text (in `parent`) is part of a sentence with a link in it ("<a>caio.b_</a> pediu para
 * seguir você."), however many spans each part of the sentence is wrapped in: the outermost of
 * the spans around it holds the link. A text in a block of its own beside a link is a line of its own.
 */
function inSentenceWithLink(parent: Element): boolean {
  if (parent.querySelector('a')) return true;
  let line = parent;
  while (PHRASING.has(line.tagName) && line.parentElement && PHRASING.has(line.parentElement.tagName)) line = line.parentElement;
  return line !== parent && line.querySelector('a') !== null;
}

/**
 * Whether `text` is a line of its own beside the username in a person's link that shows both (the
 * whole text column one link: username, then full name), so the name it may be; not the username
 * itself, nor a link that shows no username (its text is the name only if nothing else is).
 */
const INSTAGRAM_HOME = 'https://www.instagram.com/';

function besideUsername(text: string, link: Element): boolean {
  const username = linkIdentity(link, INSTAGRAM_HOME);
  const plain = (line: string) => line.replace(/^@/, '').toLowerCase();
  if (plain(text) === username) return false;
  for (const node of textNodes(link)) if (plain(lineOf(node)) === username) return true;
  return false;
}

/**
 * A line that names another account by its username ("Segue anche matteo.gallo.88 + 2", "Followed
 * by alex_r") is about mutual followers, in whatever language: it is not this person's name.
 * Only usernames with a dot or underscore count, so that a one-word display name never does.
 */
function namesSomeoneElse(text: string, row: Element, linked: ReadonlySet<string>): boolean {
  const words = usernameWords(text);
  if (words.length === 0) return false;
  const own = new Set([...row.querySelectorAll('a[href^="/"]')].map(linkedUsername));
  return words.some((word) => linked.has(word) && !own.has(word));
}

/** The words of a line that may be usernames: with a dot or underscore, and a letter. */
export const usernameWords = (text: string) => text.toLowerCase().split(/[\s,;:()]+/).filter((word) => /[._]/.test(word) && /[a-z]/.test(word));

export const linkedUsername = (link: Element) => (link.getAttribute('href') ?? '').split('/')[1]?.toLowerCase() ?? '';

/** The usernames profile links among `people` name (each card's name is read against them: build once per scan). */
export const linkedUsernames = (people: Iterable<Element>): Set<string> => new Set([...people].filter((element) => element.tagName === 'A').map(linkedUsername));

const isContextLine = (text: string) => {
  const lower = text.toLowerCase();
  return CONTEXT_LINES.some((line) => lower.startsWith(line));
};

/** The text a run of text (textRun) shows, from its first node, its white space as one space. */
const lineOf = (node: Text) => textRun(node).replace(/\s+/g, ' ').trim();

/** A conversation's candidate: a thread-list row, or the open one's header (`open`). */
const conversation = (identities: string[], name: string, element: Element, thread: string | null | undefined, open?: true): Candidate => ({
  kind: 'message',
  platform: 'instagram',
  identities,
  name,
  element,
  ...(open && { open }),
  ...(thread ? { thread } : {}),
});

/** The first text node of each run of text (textRun) in `element` that shows something. */
function* textNodes(element: Element): Generator<Text> {
  const walker = element.ownerDocument.createTreeWalker(element, NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    if (!continuesRun(node) && textRun(node).trim()) yield node as Text;
  }
}

// ---------------------------------------------------------------- Direct

/** The thread key in a /direct/t/<id>/ path or link, in one form: `/direct/t/<id>/`. */
function threadKey(href: string, base: string): string | null {
  let path: string;
  try {
    path = new URL(href, base).pathname;
  } catch {
    return null;
  }
  const match = THREAD_PATH.exec(path);
  return match ? `/direct/t/${match[1]}/` : null;
}

const NOT_TEXT = 'svg, time, abbr, [aria-hidden="true"], script, style';

/**
 * A row's first text after its avatar, when the avatar comes first (null when text comes before
 * it, as a note's does in the notes tray).
 */
function textAfterAvatar(row: Element, avatar: Element): Text | null {
  const walker = row.ownerDocument.createTreeWalker(row, NodeFilter.SHOW_ELEMENT | NodeFilter.SHOW_TEXT);
  let seen = false;
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    if (node === avatar) seen = true;
    else if (node.nodeType === Node.TEXT_NODE && !continuesRun(node) && textRun(node).trim() && !node.parentElement!.closest(NOT_TEXT)) {
      return seen ? (node as Text) : null;
    }
  }
  return null;
}

/** The identities of the marks on or inside `box`, each once, in page order. */
function identitiesIn(box: Element, identityOf: (element: Element) => string | undefined): string[] {
  const found = new Set<string>();
  const own = identityOf(box);
  if (own) found.add(own);
  for (const element of box.querySelectorAll('a, img')) {
    const identity = identityOf(element);
    if (identity) found.add(identity);
  }
  return [...found];
}

/** The first text in `element` outside icons, times and hidden text, as a text node. */
function firstTextNode(element: Element): Text | null {
  for (const node of textNodes(element)) {
    if (!node.parentElement!.closest(NOT_TEXT)) return node;
  }
  return null;
}

/**
 * What the open conversation is found from: its message box, else its list of messages (a message
 * request has no box until it is accepted; its pane ends in Accept / Delete instead). Null when
 * no conversation is open.
 */
export function openPaneAnchor(root: ParentNode): Element | null {
  return messageBox((selector) => [...root.querySelectorAll<HTMLElement>(selector)]) ?? root.querySelector(MESSAGES);
}

/** The first box, over the composer selectors in order, that is not a post's comment field. */
export function messageBox(matches: (selector: string) => HTMLElement[]): HTMLElement | null {
  for (const selector of COMPOSER_SELECTORS) {
    const box = matches(selector).find((element) => !element.closest(any(NOT_COMPOSER_SELECTORS)));
    if (box) return box;
  }
  return null;
}

/** The ancestors of `element`, nearest first, each with its distance. */
function ancestorDepths(element: Element): Map<Element, number> {
  const depths = new Map<Element, number>();
  let depth = 0;
  for (let node = element.parentElement; node; node = node.parentElement) depths.set(node, depth++);
  return depths;
}

/** How far up from `element` its nearest ancestor among `depths` is (that ancestor's distance from the box). */
function sharedDepth(element: Element, depths: ReadonlyMap<Element, number>): number {
  for (let node: Element | null = element; node; node = node.parentElement) {
    const depth = depths.get(node);
    if (depth !== undefined) return depth;
  }
  return Infinity;
}

/**
 * The thread list's tabs (Primary, General, Requests: two or more `role=tab`), outside any open
 * conversation; null on layouts without them. Roles, not words, so any UI language. Source:
 * site-evidence B (Safari_Automations docs/INSTAGRAM_DM_SELECTORS.md, 2026-01-31: `role=tab`
 * "Primary / General / Requests (N)" above the "Thread list"). Fairly sure; that the notes tray
 * sits above them is from the replicas and the holdout pages, unsure.
 */
export function inboxTabs(root: ParentNode): Element | null {
  for (const list of root.querySelectorAll('[role="tablist"]')) {
    if (!list.closest(MESSAGES) && list.querySelectorAll('[role="tab"]').length >= 2) return list;
  }
  return null;
}

/**
 * Each conversation in the Direct thread list, in page order: rows that link their thread
 * (`a[href*="/direct/t/"]`, keyed by it) and rows that are `div[role=button]` with an avatar
 * (keyed by nothing: the page does not say). A row's name is its first text, after its avatar:
 * the notes tray puts a note's text above the avatar, and the clinician's own note is theirs.
 * With a conversation open, buttons inside its pane (the header, a profile card) are not rows:
 * they share a nearer ancestor with the message box than the list does.
 */
function threadRows(root: ParentNode, url: URL, marks: readonly PersonMark[], own: string | null, box: Element | null): Candidate[] {
  const rows = new Map<Element, string | undefined>();
  for (const link of root.querySelectorAll(any(THREAD_LINK_SELECTORS))) {
    const row = linkRowOf(link, url);
    if (row && !rows.has(row.row)) rows.set(row.row, row.thread);
  }
  for (const img of root.querySelectorAll('img')) {
    const row = buttonRowOf(img);
    if (row && !rows.has(row)) rows.set(row, undefined);
  }

  const byElement = new Map(marks.map((mark) => [mark.element, mark.identity!]));
  const tabs = inboxTabs(root);
  const found = [...rows].flatMap(([row, thread]) => threadCandidate(row, thread, tabs, (element) => byElement.get(element), own) ?? []);
  if (!box) return found;
  const depths = ancestorDepths(box);
  const listDepth = Math.max(-1, ...found.map((row) => sharedDepth(row.element, depths)));
  return found.filter((row) => sharedDepth(row.element, depths) >= listDepth);
}

/** The thread-list row of a link to a conversation, keyed by its thread; null inside the messages. */
export function linkRowOf(link: Element, url: URL): { row: Element; thread: string | undefined } | null {
  if (link.closest(MESSAGES)) return null;
  return { row: link.closest(THREAD_ROW_WRAPPER) ?? link, thread: threadKey(link.getAttribute('href') ?? '', url.href) ?? undefined };
}

/** The thread-list row of a button holding a picture; null for a picture in no such button, or in one that links its thread. */
export function buttonRowOf(img: Element): Element | null {
  const threadLinks = any(THREAD_LINK_SELECTORS);
  const button = img.closest(any(THREAD_BUTTON_SELECTORS));
  // A button inside (or around) a row that links its thread belongs to that row.
  if (!button || button.closest(MESSAGES) || button.closest(threadLinks) || button.querySelector(threadLinks)) return null;
  return button.closest(THREAD_ROW_WRAPPER) ?? button;
}

/** A thread-list row's conversation, its people told by `identityOf`; null for a note above the tabs, a row without a name, or the clinician's own. */
export function threadCandidate(row: Element, thread: string | undefined, tabs: Element | null, identityOf: (element: Element) => string | undefined, own: string | null): Candidate | null {
  // Above the inbox's tabs (Primary / General / Requests) sits the notes tray, not conversations.
  if (tabs && !thread && row.compareDocumentPosition(tabs) & Node.DOCUMENT_POSITION_FOLLOWING && !row.contains(tabs)) return null;
  const avatar = row.querySelector('img');
  // A row that links its thread is a conversation whatever comes first in it.
  const name = avatar && !thread ? textAfterAvatar(row, avatar) : firstTextNode(row);
  if (!name) return null;
  const identities = identitiesIn(row, identityOf);
  if (own !== null && identities.includes(own)) return null;
  // A group's row shows several people: none of them is the conversation's one identity.
  return conversation(identities.length === 1 ? identities : [], spansLine(name), row, thread);
}

/**
 * A row name's whole line when a build splits it into sibling spans (`<span><span>First</span>
 * <span>Last</span></span>`, as deploy drift splits and wraps texts; round-14 en-US inbox): the
 * outermost span around the text that holds nothing but spans (and a badge's svg, aria-hidden
 * dots: left out of the text). Any other element in the line (a link, a div) and it is the one
 * text node's line. Bounded by the name's few levels of spans.
 */
function spansLine(node: Text): string {
  let line: Element | null = null;
  for (let span = node.parentElement; span?.tagName === 'SPAN' && !span.matches(NOT_TEXT); span = span.parentElement) {
    if ([...span.querySelectorAll('*')].some((inner) => inner.tagName !== 'SPAN' && !inner.closest(NOT_TEXT))) break;
    line = span;
  }
  if (!line) return lineOf(node);
  let text = '';
  const walker = line.ownerDocument.createTreeWalker(line, NodeFilter.SHOW_TEXT);
  for (let next = walker.nextNode(); next; next = walker.nextNode()) if (!next.parentElement!.closest(NOT_TEXT)) text += next.nodeValue;
  return text.replace(/\s+/g, ' ').trim() || lineOf(node);
}

/**
 * The open conversation's header, found from its message box: of the people marked outside the
 * messages, the header's is the one sharing the deepest ancestor with the box (the clinician's
 * own navigation link shares only the page). That ancestor is the conversation pane, and the
 * header is the pane's child holding the mark.
 */
function openThreadHeader(box: Element, url: URL, marks: readonly PersonMark[], own: string | null, rows: readonly Candidate[]): Candidate | null {
  const depths = ancestorDepths(box);
  const around = [...depths.keys()];
  const outside = marks.filter((mark) => !mark.element.closest(MESSAGES) && mark.identity !== own);
  let best: { mark: PersonMark; depth: number } | null = null;
  for (const mark of outside) {
    const depth = sharedDepth(mark.element, depths);
    // On a tie the earlier mark wins: the header comes before anything else in the pane.
    if (depth !== Infinity && (best === null || depth < best.depth)) best = { mark, depth };
  }
  const pane = best && around[best.depth];
  // Reaching the thread list means this conversation's header names no one (a group, say, or a
  // message request's generic avatar): the profile card atop its messages may still.
  if (!best || !pane || rows.some((row) => pane.contains(row.element))) return headerFromMessages(box, url, marks, own, rows);

  let header = best.mark.element;
  while (header.parentElement && header.parentElement !== pane) header = header.parentElement;
  const identities = [...new Set(outside.filter((mark) => header.contains(mark.element)).map((mark) => mark.identity!))];
  const thread = threadKey(url.pathname, url.href);
  const text = firstTextNode(header);
  return conversation(identities, (text && lineOf(text)) || best.mark.identity!, header, thread, true);
}

/**
 * The open conversation's header when it names no username (a message request shows the generic
 * "user-profile-picture" avatar [G]): the person is who the profile card atop the messages links
 * (its marks, before the first message), when that is one person; a group has no such card and
 * stays unnamed. The pane is the largest box around the messages that holds no thread-list row,
 * and its header the first of the pane's children before the messages that holds text.
 */
function headerFromMessages(box: Element, url: URL, marks: readonly PersonMark[], own: string | null, rows: readonly Candidate[]): Candidate | null {
  if (rows.length === 0) return null;
  let pane: Element | null = null;
  for (let at = box.parentElement; at && !rows.some((row) => at!.contains(row.element)); at = at.parentElement) pane = at;
  const messages = box.matches(MESSAGES) ? box : pane?.querySelector(MESSAGES);
  if (!pane || !messages) return null;
  const first = messages.querySelector('[role="row"]');
  const card = marks.filter(
    (mark) => messages.contains(mark.element) && mark.identity !== own && (!first || mark.element.compareDocumentPosition(first) & Node.DOCUMENT_POSITION_FOLLOWING),
  );
  const identities = [...new Set(card.map((mark) => mark.identity!))];
  if (identities.length !== 1) return null;
  const header = [...pane.children].find(
    (child) => !child.contains(messages) && child.compareDocumentPosition(messages) & Node.DOCUMENT_POSITION_FOLLOWING && firstTextNode(child),
  );
  if (!header) return null;
  return conversation(identities, lineOf(firstTextNode(header)!), header, threadKey(url.pathname, url.href), true);
}

// ---------------------------------------------------------------- comments and mentions

/**
 * `found` (in page order) with `mentions` put where the page shows them: a notification among the
 * follow requests stays between them, as a reader meets it. The few mentions are put in place,
 * not the whole list sorted again.
 */
export function withMentions(found: Candidate[], mentions: readonly Candidate[]): Candidate[] {
  for (const mention of mentions) insertInOrder(found, mention, (a, b) => inPageOrder(a.element, b.element));
  return found;
}

/** A person's avatar, a link to them holding their picture: who a notification or a comment is by. */
export const isAvatar = (mark: PersonMark) => !!mark.element.querySelector('img');

/**
 * Someone else's rows under `scope` as mentions, each row the largest box around a person's avatar
 * that holds no one else's (links in what people wrote are no avatars), when `is(row)` says it is
 * one. The name is the username, which is also the identity.
 */
function avatarRows(scope: Element, url: URL, own: string | null, is: (row: Element) => unknown): Candidate[] {
  return personRows(scope, personMarks(scope, url).filter(isAvatar)).flatMap(({ row, identities: [identity] }) => mentionRow(row, identity, own, is) ?? []);
}

/** Someone else's avatar row as a mention, when `is(row)` says it is one. */
export const mentionRow = (row: Element, identity: string | undefined, own: string | null, is: (row: Element) => unknown): Candidate | null =>
  identity && identity !== own && is(row) ? { kind: 'mention', platform: 'instagram', identities: [identity], name: identity, element: row } : null;

/**
 * Whether an avatar row outside any post is a notification of a comment, reply, mention or tag
 * (see noticesIn): its words say so, or, in a UI language no word table holds, it links the
 * comment itself (COMMENT_PERMALINK, the thumbnail beside the row) and its words say no like.
 */
export const isNoticeRow = (row: Element) => {
  if (row.closest('article')) return false;
  const words = framing(row);
  // A like of the clinician's own comment links that comment too: its words are all that tell it
  // apart, the shared likes or Instagram's further ones (LIKED_WORDS; the Croatian replica's
  // "sviđa se vaš komentar:").
  return saysMention(words) || (linksComment(row) && !labelHasWord(words, REACTED_WORDS) && !labelHasWord(words, LIKED_WORDS));
};

/** Whether `row` links a comment's permalink. */
const linksComment = (row: Element) =>
  [...row.querySelectorAll('a[href*="/c/"]')].some((link) => COMMENT_PERMALINK.test(new URL(link.getAttribute('href') ?? '', INSTAGRAM_HOME).pathname));

/**
 * Notifications of a comment, reply, mention or tag, wherever the page shows them (the drawer,
 * whatever its role or label, the activity page, a story reply in the messages panel): rows around
 * someone's avatar, outside any post, whose words say so ("commented:", "te mencionó en un
 * comentario:"), read only up to the colon that starts the comment. Instagram's activity is all
 * about the clinician's own posts, so "commented" is enough; a row's username is one word no
 * sentence ends in, and stays in the words read.
 */
function noticesIn(root: ParentNode, url: URL, own: string | null): Candidate[] {
  return avatarRows(((root as Document).body ?? root) as Element, url, own, isNoticeRow);
}

/**
 * Comments on the clinician's own posts: in a post (a page, or a dialog over another page) whose
 * header links the clinician, the rows of others that are comments: they have their own options
 * menu ("Comment Options"; a like, a caption or the likes line has none).
 */
export function commentsIn(root: ParentNode, url: URL, own: string | null): Candidate[] {
  const threads = new Set<Element>();
  for (const header of root.querySelectorAll(POST_HEADER)) {
    const thread = header.closest(THREADS);
    if (thread && personMarks(header, url)[0]?.identity === own) threads.add(thread);
  }
  return [...threads].flatMap((thread) => avatarRows(thread, url, own, (row) => menusOf(row).length));
}

/** A row's own options menus ("Comment Options", "Opções de comentário"), found by their labels. */
const menusOf = (row: Element) => [...row.querySelectorAll<HTMLElement>(PRESSABLE)].filter((control) => labelHasWord(controlLabel(control), MENU_WORDS));

// ---------------------------------------------------------------- profiles

const IG_STARTS = { follow: FOLLOW_WORDS, message: MESSAGE_WORDS };

const PROFILE: ProfileMarkup = {
  platform: 'instagram',
  headers: PROFILE_HEADER_SELECTORS,
  headings: PROFILE_HEADING_SELECTORS,
  controls: CONTROL_SELECTORS,
  cards: PROFILE_CARD_SELECTORS,
  own: OWN_PROFILE_SELECTORS,
  // Instagram's profiles offer Follow (Follow back) and Message, never Add friend or Connect: only
  // those words are read (and carried by the content script).
  actionOf: (...labels) => contactActionIn(IG_STARTS, labels),
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

/** A header `h1` that reads as the profile's username, in the layout whose heading it is (elsewhere it holds the bio). */
function usernameHeading(doc: Document, identity: string): Element | null {
  for (const heading of doc.querySelectorAll(any(PROFILE_HEADING_FALLBACK_SELECTORS))) {
    if (textOf(heading).toLowerCase() === identity) return heading;
  }
  return null;
}

// ---------------------------------------------------------------- the adapter

export const instagramAdapter: SiteAdapter = {
  platform: 'instagram',

  pageKindOf(url) {
    if (url.pathname.startsWith(DIRECT_PATH)) return 'messages';
    if (url.pathname.startsWith(ACTIVITY_PATH)) return 'requests';
    if (url.pathname.startsWith(SUGGESTED_PEOPLE_PATH)) return 'suggestions';
    // /<username>/followers/ is a connections page only when the username is the clinician's,
    // which the address alone cannot tell: on anyone else's it is rightly empty, never unreadable.
    return null;
  },

  findCandidates(root, url) {
    const doc = documentOf(root);
    const own = ownIdentity(doc, url);
    const all = personMarks(root, url);
    if (url.pathname.startsWith(DIRECT_PATH)) {
      // Pairs here are a message request's Accept / Delete: conversations, not follow requests.
      const box = openPaneAnchor(root);
      const rows = threadRows(root, url, all, own, box);
      const header = box ? openThreadHeader(box, url, all, own, rows) : null;
      return header ? [...rows, header] : rows;
    }
    const marks = all.filter((mark) => mark.identity !== own);
    const dialogs = connectionDialogs(root, url, marks);
    const found = pairedCards(root, marks, dialogs, url);
    const owner = connectionsOwner(url);
    if (owner && isOwnProfile(doc, owner, own)) {
      for (const dialog of dialogs) found.push(...connectionRows(dialog, marks, url));
    }
    return withMentions(found, [...noticesIn(root, url, own), ...commentsIn(root, url, own)]);
  },

  scanner: (doc) => instagramScanner(doc),

  mentionStep(card) {
    // A comment's own menu, where Instagram offers to delete it; a notification has none.
    const [menu, ...others] = menusOf(card);
    if (!menu || others.length > 0) return NO_MENU;
    menu.click();
    return { ok: true, done: '' };
  },


  decline(card) {
    return pressRole(card, 'negative', MARKUP);
  },

  removeSuggestion(card) {
    return pressRole(card, 'negative', MARKUP);
  },

  connectionStep(card): ActionResult {
    // A follower's Remove, else a followed account's Following: each opens the site's own confirmation.
    if (controlToPress(card, 'negative', MARKUP)) return pressRole(card, 'negative', MARKUP);
    return pressRole(card, 'negative', FOLLOWING_MARKUP);
  },

  blockStep(card) {
    // An open conversation's header holds the (i) "Conversation information" control, whose pane
    // has Block [S, refs 61872605347 and 69881992809 press svg[aria-label="Conversation
    // information"] on /direct/t/; Block in that pane G]; a message request's pane may show Block
    // below the messages [G]. Follow-request and inbox rows have neither: it refuses.
    const pane = card.parentElement;
    const wider = pane?.querySelector(MESSAGES) && !card.querySelector(MESSAGES) ? pane : card;
    return pressBlockStep(card, BLOCK, wider);
  },

  threadOf(url) {
    return threadKey(url.pathname, url.href);
  },

  findComposer(doc) {
    return messageBox((selector) => queryAllDeep<HTMLElement>(doc, selector));
  },

  profileOf(doc, url) {
    const identities = profileIdentities(url);
    if (!identities) return null;
    const found = profileCandidate(doc, identities, PROFILE);
    if (!found || found.name) return found;
    const heading = usernameHeading(doc, identities[0]!);
    return heading ? { ...found, name: textOf(heading), element: heading } : found;
  },

  guardedActionAt(target, url) {
    return profileIdentities(url) ? guardedControlAt(target, PROFILE) : null;
  },
};

/** The identity one element marks, as personMarks reads it (an avatar's alt before a link's address); undefined for none. */
export function markIdentity(element: Element, url: URL): string | undefined {
  const avatar = element.matches(any(AVATAR_SELECTORS)) ? usernameFromAlt(element.getAttribute('alt') ?? '', element.ownerDocument) : null;
  if (avatar) return avatar;
  return (element.matches(any(PROFILE_LINK_SELECTORS)) && linkIdentity(element, url.href)) || undefined;
}
