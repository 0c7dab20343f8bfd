import { CardIndex, type FoundCard, type PersonMark } from '../cards';
import { insertInOrder, precedes } from '../card-index';
import { any } from '../profile';
import { keepSame, scannerOf, touches, within, type PageReading } from '../scan-parts';
import type { Candidate, PageScanner } from '../types';
import {
  blockCards,
  buttonRowOf,
  cardCandidate,
  commentsIn,
  inboxTabs,
  instagramAdapter,
  isAvatar,
  isNoticeRow,
  linkedUsername,
  linkedUsernames,
  linkIdentity,
  linkRowOf,
  markIdentity,
  MARKUP,
  mentionRow,
  mergeLone,
  openPaneAnchor,
  ownIdentity,
  pairOptions,
  personMarks,
  suggestionBlocks,
  threadCandidate,
  tooBigBoxes,
  usernameWords,
  withMentions,
} from './adapter';
import {
  ACTIVITY_PATH,
  AVATAR_SELECTORS,
  COMPOSER_SELECTORS,
  DIRECT_PATH,
  MESSAGE_LIST_SELECTORS,
  NOT_A_CARD_SELECTORS,
  PAGE_CONTENT_SELECTORS,
  POST_HEADER,
  POST_SELECTORS,
  PROFILE_LINK_SELECTORS,
  SEE_ALL,
  THREAD_LINK_SELECTORS,
  THREADS,
} from './selectors';

/**
 * Instagram's scans of one page, which read elements added to the activity page (follow
 * requests) and the Direct thread list alone (PageScanner). Instagram reads the page as a whole
 * in three ways, and each is kept or refused here:
 * - who the clinician is, from links outside the page's content: an added profile link out there
 *   asks for a full scan;
 * - a card's name is read against every username linked on the page ("Followed by alex_r"): the
 *   cards whose names hold a username newly linked are read again;
 * - a notification's row is the largest box around an avatar that holds no one else: an insertion
 *   into a row already read asks for a full scan, and elsewhere it changes no row but its own.
 * Suggestion blocks ("See all"), posts, dialogs, comments, the inbox's tabs, the messages and an
 * open conversation are read at the first scan only: anything added to them, or that adds one,
 * asks for a full scan; so does every other Instagram page.
 */
export function instagramScanner(doc: Document): PageScanner {
  return scannerOf(
    (url) => (url.pathname.startsWith(DIRECT_PATH) ? inboxReading(doc, url) : url.pathname.startsWith(ACTIVITY_PATH) ? requestsReading(doc, url) : null),
    (url) => instagramAdapter.findCandidates(doc, url),
  );
}

const CONTENT = any(PAGE_CONTENT_SELECTORS);
const PROFILE_LINKS = any(PROFILE_LINK_SELECTORS);
const AVATARS = any(AVATAR_SELECTORS);
/** What a requests page reads at its first scan only (see instagramScanner). */
const WHOLE = any([...NOT_A_CARD_SELECTORS, ...POST_SELECTORS, THREADS, POST_HEADER, SEE_ALL]);
const byPosition = (a: Candidate, b: Candidate) => (a.element === b.element ? 0 : precedes(a.element, b.element) ? -1 : 1);

/** Whether `root` could change who the clinician is: a profile link outside the page's content (ownIdentity). */
const namesOwn = (root: Element, url: URL) =>
  !root.closest(CONTENT) && within(root, 'a[href]').some((link) => linkIdentity(link, url.href));

/** Whether `root` sits inside one of `boxes`. */
function insideAny(root: Element, boxes: ReadonlySet<Element> | ReadonlyMap<Element, unknown>): boolean {
  for (let at = root.parentElement; at; at = at.parentElement) if (boxes.has(at)) return true;
  return false;
}

/** The marks on or inside `root`, as personMarks reads them: links, then avatars. */
function marksWithin(root: Element, url: URL): PersonMark[] {
  const marks: PersonMark[] = [];
  for (const selector of [PROFILE_LINKS, AVATARS]) {
    for (const element of within(root, selector)) {
      const identity = selector === AVATARS ? markIdentity(element, url) : linkIdentity(element, url.href);
      if (identity) marks.push({ element, identity });
    }
  }
  return marks;
}


/**
 * The people whose avatars are in a box, counted up to two: a box holds avatars of two people or
 * more once it answers true. A box's avatars are its own (a link holding a picture is one, around
 * whatever was put inside it) and those of its children, so walking up from a mark each box adds
 * only what its other children hold to what the box below held, and stops at the second person:
 * asking of a long list costs its first rows, and a row's boxes are read once, not once per level.
 */
function twoPeople(url: URL): (element: Element, shallow?: boolean) => boolean {
  let first: string | undefined;
  let second = false;
  const link = (link: Element): boolean => {
    if (second || !link.querySelector('img')) return second;
    const identity = link.matches(PROFILE_LINKS) ? linkIdentity(link, url.href) : null;
    if (!identity) return false;
    if (first === undefined) first = identity;
    else if (identity !== first) second = true;
    return second;
  };
  // Adds `element`'s own avatar and, unless `shallow`, those inside it; true once two are held.
  return (element, shallow = false) => {
    if (element.localName === 'a') link(element);
    if (!shallow) for (const inside of element.getElementsByTagName('a')) if (link(inside)) break;
    return second;
  };
}

/**
 * The largest box around `element` below the body that holds no one else's avatar: the nearest
 * ancestor holding avatars of two people or more stops it (what asking each ancestor in turn
 * whether it holds two gives, each ancestor's other children read once).
 */
function loneBox(element: Element, body: HTMLElement | null, url: URL, holdTwo: Set<Element>): Element {
  const add = twoPeople(url);
  add(element);
  let row = element;
  for (let box = row.parentElement; box && box !== body; row = box, box = box.parentElement) {
    if (holdTwo.has(box)) return row;
    let two = add(box, true);
    for (let child = box.firstElementChild; child && !two; child = child.nextElementSibling) if (child !== row) two = add(child);
    if (two) {
      holdTwo.add(box);
      return row;
    }
  }
  return row;
}

function requestsReading(doc: Document, url: URL): PageReading | null {
  const own = ownIdentity(doc, url);
  const marks = personMarks(doc, url).filter((mark) => mark.identity !== own);
  const index = new CardIndex(doc, marks, MARKUP, pairOptions(url));
  const tooBig = tooBigBoxes(doc);
  const people = new Set(marks.map((mark) => mark.element));
  const linked = linkedUsernames(people);
  const blocks = suggestionBlocks(doc, marks);
  const lone = blocks.flatMap(blockCards);
  const blockBoxes = new Set(blocks.map(({ block }) => block));
  const blockList = [...blockBoxes];
  // Where a mark added would make a nearer box a "See all" link's block: the boxes on the way up
  // from each such link, below its block (all the way up when it has none).
  const belowBlock = new Set<Element>();
  for (const link of doc.querySelectorAll(SEE_ALL)) {
    for (let box = link.parentElement; box && box !== doc.body && !blockBoxes.has(box); box = box.parentElement) belowBlock.add(box);
  }
  const comments = commentsIn(doc, url, own);

  // Every avatar row, to refuse insertions into one (a notification's row is the largest box around an avatar that holds no one else).
  const rows = new Set<Element>();
  /** Adds the rows of avatars added; false when one is a notification (read with the page's). */
  // `holdTwo`: boxes found to hold two people's avatars, while the page is as it was (one call):
  // a list's new rows all stop at the list, which is read for it once, not once a row.
  const addRows = (found: readonly PersonMark[], holdTwo = new Set<Element>()) => {
    for (const mark of found) {
      const row = loneBox(mark.element, doc.body, url, holdTwo);
      if (rows.has(row)) continue;
      rows.add(row);
      if (mentionRow(row, mark.identity, own, isNoticeRow)) return false;
    }
    return true;
  };
  // Notifications are read with the whole page: an activity page that shows any is scanned whole.
  if (!addRows(personMarks(doc.body, url).filter(isAvatar))) return null;

  // Each card's candidate (null: not a card), and the cards whose names hold a word that may be a username.
  const read = new Map<FoundCard, Candidate | null>();
  const byWord = new Map<string, Set<FoundCard>>();
  let onElement = new Map<Element, Candidate>();
  const candidateOf = (card: FoundCard) => {
    if (read.has(card)) return read.get(card)!;
    const candidate = cardCandidate(card, tooBig, people, linked, blockList);
    const kept = candidate && keepSame(onElement.get(card.card), candidate);
    read.set(card, kept);
    if (kept) for (const word of usernameWords(kept.name)) byWord.set(word, (byWord.get(word) ?? new Set()).add(card));
    return kept;
  };
  const asCandidates = () => {
    const found = index.cards();
    mergeLone(found, lone);
    const cards = found.flatMap((card) => candidateOf(card) ?? []);
    // Cards the index no longer has are forgotten: what is kept stays the size of the page.
    if (read.size > found.length) {
      const now = new Set(found);
      for (const card of read.keys()) if (!now.has(card)) read.delete(card);
    }
    onElement = new Map(cards.map((candidate) => [candidate.element, candidate]));
    return withMentions(cards, comments);
  };

  return {
    found: asCandidates(),
    update(added) {
      for (const root of added) {
        if (root.getRootNode() !== doc || namesOwn(root, url) || root.matches(WHOLE) || root.querySelector(WHOLE) || root.closest(THREADS)) return null;
        if (insideAny(root, blockBoxes) || (root.parentElement && belowBlock.has(root.parentElement)) || insideAny(root, rows)) return null;
      }
      const dirty = new Set<FoundCard>();
      // The page does not change while this runs: what holds two people holds them for every root.
      const holdTwo = new Set<Element>();
      const cardsOn = new Map([...read.keys()].map((card) => [card.card, card]));
      for (const root of added) {
        const found = marksWithin(root, url);
        const others = found.filter((mark) => mark.identity !== own);
        for (const mark of others) {
          people.add(mark.element);
          if (mark.element.tagName !== 'A') continue;
          const username = linkedUsername(mark.element);
          if (linked.has(username)) continue;
          linked.add(username);
          for (const card of byWord.get(username) ?? []) dirty.add(card);
        }
        // A card around the insertion reads its name again: its text changed.
        for (let at = root.parentElement; at; at = at.parentElement) {
          const card = cardsOn.get(at);
          if (card) dirty.add(card);
        }
        if (!index.insert(root, others)) return null;
        if (!addRows(found.filter(isAvatar), holdTwo)) return null;
      }
      index.settle();
      for (const card of dirty) read.delete(card);
      return asCandidates();
    },
  };
}

interface ThreadRow {
  row: Element;
  /** The link or picture it was found from: rows come in their order. */
  key: Element;
  thread: string | undefined;
  candidate: Candidate | null;
}

function inboxReading(doc: Document, url: URL): PageReading | null {
  // An open conversation's pane reads the list and the page's people as a whole: full scans.
  if (openPaneAnchor(doc)) return null;
  const own = ownIdentity(doc, url);
  const tabs = inboxTabs(doc);
  const identityOf = (element: Element) => markIdentity(element, url);
  const byRow = new Map<Element, ThreadRow>();
  // Rows that link their thread, then rows that are buttons: findCandidates' order.
  const linkRows: ThreadRow[] = [];
  const buttonRows: ThreadRow[] = [];
  const order = (a: ThreadRow, b: ThreadRow) => (precedes(a.key, b.key) ? -1 : 1);
  const add = (list: ThreadRow[], row: Element, key: Element, thread: string | undefined, inOrder: boolean) => {
    if (byRow.has(row)) return;
    const entry = { row, key, thread, candidate: threadCandidate(row, thread, tabs, identityOf, own) };
    byRow.set(row, entry);
    if (inOrder) insertInOrder(list, entry, order);
    else list.push(entry);
  };
  const read = (root: Element | Document, inOrder: boolean) => {
    const links = root.nodeType === Node.DOCUMENT_NODE ? root.querySelectorAll(any(THREAD_LINK_SELECTORS)) : within(root as Element, any(THREAD_LINK_SELECTORS));
    for (const link of links) {
      const found = linkRowOf(link, url);
      if (found) add(linkRows, found.row, link, found.thread, inOrder);
    }
    const imgs = root.nodeType === Node.DOCUMENT_NODE ? root.querySelectorAll('img') : within(root as Element, 'img');
    for (const img of imgs) {
      const row = buttonRowOf(img);
      if (row) add(buttonRows, row, img, undefined, inOrder);
    }
  };
  read(doc, false);
  const whole = any([...MESSAGE_LIST_SELECTORS, ...COMPOSER_SELECTORS, '[role="tablist"]', '[role="tab"]']);
  const asCandidates = () => [...linkRows, ...buttonRows].flatMap(({ candidate }) => candidate ?? []);
  return {
    found: asCandidates(),
    update(added) {
      // A row already read (its name, its people, its thread), the messages, a message box, the tabs.
      for (const root of added) if (root.getRootNode() !== doc || namesOwn(root, url) || touches(root, whole) || insideAny(root, byRow)) return null;
      for (const root of added) read(root, true);
      return asCandidates();
    },
  };
}
