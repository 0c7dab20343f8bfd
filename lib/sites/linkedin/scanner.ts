import { CardIndex, type FoundCard } from '../cards';
import { insertInOrder, precedes } from '../card-index';
import { keepSame, scannerOf, touches, within, type PageReading } from '../scan-parts';
import type { Candidate, PageScanner } from '../types';
import {
  cardCandidate,
  cardOptions,
  commentsIn,
  composerIn,
  conversationHeads,
  conversationItem,
  conversations,
  CONVERSATION_ITEM,
  conversationItems,
  isConnectionsPage,
  isProfilePath,
  itemOf,
  liftsTo,
  linkedinAdapter,
  linkMarks,
  MARKUP,
  noticeItems,
  noticeOf,
  overlayRoots,
  ownIdentities,
  requestsShownAt,
} from './adapter';
import {
  BUBBLE_SELECTORS,
  COMMENT_SELECTORS,
  COMPOSER_SELECTORS,
  NOTICE_ITEM_SELECTORS,
  OVERLAY_HOST_SELECTORS,
  OWN_NAVIGATION_SELECTORS,
  PERSON_ITEM_SELECTORS,
  PROFILE_LINK,
  THREAD_HEADER_SELECTORS,
  THREAD_POST_SELECTORS,
} from './selectors';

/**
 * LinkedIn's scans of one page, which read elements added to the invitation pages, My Network,
 * the notifications page and the messaging list alone (PageScanner). Cards are kept in a CardIndex; a card's candidate
 * also depends on the list item it may be read as (its item's links) and on the member ids a
 * vanity name is linked beside, so an insertion into an item that holds a card, or a person
 * already linked, asks for a full scan; so does anything in the banner and navigation, the open
 * thread's header, the overlay, a message box, a notification or a comment. The clinician's own
 * lists and profiles are always read whole.
 */
export function linkedinScanner(doc: Document): PageScanner {
  return scannerOf(
    (url) => (isConnectionsPage(url) || isProfilePath(url) ? null : pageReading(doc, url)),
    (url) => linkedinAdapter.findCandidates(doc, url),
  );
}

const any = (selectors: readonly string[]) => selectors.join(', ');
/** What only a full scan accounts for (see linkedinScanner). */
const WHOLE = any([...OWN_NAVIGATION_SELECTORS, ...THREAD_HEADER_SELECTORS, ...BUBBLE_SELECTORS, ...OVERLAY_HOST_SELECTORS, ...COMPOSER_SELECTORS, ...COMMENT_SELECTORS]);
const ITEM = any(PERSON_ITEM_SELECTORS);
const LIST_ITEM = 'li, [role="listitem"]';
const POSTS = any([...THREAD_POST_SELECTORS, 'main']);

const byPosition = (a: Candidate, b: Candidate) => (a.element === b.element ? 0 : precedes(a.element, b.element) ? -1 : 1);

function pageReading(doc: Document, url: URL): PageReading {
  // Where a pair around a person is an invitation (My Network, and the notifications page's inline ones).
  const network = requestsShownAt(url);
  const own = ownIdentities(doc, url);
  const box = composerIn(doc);
  const notices = noticeItems(doc, url);
  const whole = notices.length > 0 ? `${WHOLE}, ${any(NOTICE_ITEM_SELECTORS)}` : WHOLE;
  const comments = doc.querySelector(any(COMMENT_SELECTORS)) !== null;
  // Everything after the people and the conversation list, as findCandidates has it.
  const rest = [
    ...conversationHeads(doc, url, box),
    ...overlayRoots(doc).flatMap((shadow) => conversations(shadow, url, box)),
    ...notices.flatMap((item) => noticeOf(item, url)),
    ...commentsIn(doc, url, own),
  ];
  const items = conversationItems(doc).map((item) => conversationItem(item, url));

  // People: the cards, where each paired card sits, and each card's candidate (null: no person's).
  const people = network ? linkMarks(doc.querySelectorAll(PROFILE_LINK), url, own) : null;
  const index = people && new CardIndex(doc, people.marks, MARKUP, cardOptions(url));
  const linked = new Set(people?.marks.map((mark) => mark.identity) ?? []);
  const marked = new Set<Element>();
  for (const mark of people?.marks ?? []) {
    const item = mark.element.closest(ITEM);
    if (item) marked.add(item);
  }
  const inItem = new Map<Element, FoundCard[]>();
  // Each card's list item, and the element it is read as (the item, or the card itself).
  const itemAt = new Map<FoundCard, Element>();
  const itemOfCard = new Map<FoundCard, Element>();
  const read = new Map<FoundCard, Candidate | null>();
  let cards: FoundCard[] = [];
  let ordered: Candidate[] = [];

  /** Reads the cards again: those new, those in an item that changed, those that hold an insertion. */
  // Every element a card was read as (a superset: those of cards gone stay), for readCards' shortcut.
  const readAs = new Set<Element>();
  const readCards = (dirty: ReadonlySet<Element>) => {
    const now = index!.cards();
    // The same cards, and no insertion into one (a loading indicator came or went): nothing to read again.
    if (now.length === cards.length && now.every((card, i) => card === cards[i]) && ![...dirty].some((box) => readAs.has(box))) return;
    const kept = new Set(now);
    const touched = new Set<Element>();
    const place = (card: FoundCard, add: boolean) => {
      if (card.negative === null) return;
      const item = itemOf(card);
      if (!item) return;
      const inside = inItem.get(item) ?? [];
      inItem.set(item, add ? [...inside, card] : inside.filter((other) => other !== card));
      touched.add(item);
    };
    for (const card of cards) if (!kept.has(card)) place(card, false);
    const before = new Set(cards);
    for (const card of now) if (!before.has(card)) place(card, true);
    const previous = new Map([...read].flatMap(([card, candidate]) => (candidate ? [[card.card, candidate] as const] : [])));
    const found: Candidate[] = [];
    const lone: Candidate[] = [];
    for (const card of now) {
      const known = read.has(card);
      const item = card.negative === null ? undefined : (known ? itemAt.get(card) : itemOf(card)) ?? undefined;
      let element = itemOfCard.get(card);
      if (!known || !element || (item && touched.has(item))) element = item && liftsTo(item, inItem.get(item) ?? [], url) ? item : card.card;
      if (!known || itemOfCard.get(card) !== element || dirty.has(element)) {
        if (item) itemAt.set(card, item);
        const candidate = cardCandidate(card, element, url, people!.also, null, network);
        read.set(card, candidate && keepSame(previous.get(card.card) ?? previous.get(element), candidate));
        itemOfCard.set(card, element);
        readAs.add(element);
      }
      const candidate = read.get(card);
      if (candidate) (card.negative === null ? lone : found).push(candidate);
    }
    for (const card of cards) {
      if (kept.has(card)) continue;
      read.delete(card);
      itemAt.delete(card);
      itemOfCard.delete(card);
    }
    cards = now;
    ordered = found.length > 0 && lone.length > 0 ? [...found, ...lone].sort(byPosition) : found.length > 0 ? found : lone;
  };
  if (index) readCards(new Set());

  const asCandidates = () => [...ordered, ...items, ...rest];
  const insideAny = (root: Element, selector: string, within: (element: Element) => boolean) => {
    for (let at = root.parentElement?.closest(selector); at; at = at.parentElement?.closest(selector)) if (within(at)) return true;
    return false;
  };
  return {
    found: asCandidates(),
    update(added) {
      for (const root of added) {
        if (root.getRootNode() !== doc || touches(root, whole)) return null;
        // A post's first link names whose post its comments are on.
        if (comments && root.closest(POSTS) && within(root, PROFILE_LINK).length > 0) return null;
        // Inside a conversation's item: its name or thread may change.
        if (root.parentElement?.closest(CONVERSATION_ITEM)) return null;
        if (index && insideAny(root, LIST_ITEM, (item) => (inItem.get(item)?.length ?? 0) > 0)) return null;
      }
      for (const root of added) {
        // Outermost in `root`: no item is around it (checked above).
        for (const item of conversationItems(root)) insertInOrder(items, conversationItem(item, url), byPosition);
      }
      if (!index) return asCandidates();
      for (const root of added) {
        // Into an item that links someone already (this page's, or an element added just before).
        if (insideAny(root, ITEM, (item) => marked.has(item))) return null;
        // Outside every navigation: `touches(root, whole)` above found none around or inside it.
        const found = linkMarks(within(root, PROFILE_LINK), url, own, true);
        // A vanity name newly linked beside a member id, of someone already linked: their cards change.
        for (const [slug, ids] of found.also) {
          if (linked.has(slug) || people!.also.has(slug)) return null;
          people!.also.set(slug, ids);
        }
        for (const mark of found.marks) {
          linked.add(mark.identity!);
          const item = mark.element.closest(ITEM);
          if (item) marked.add(item);
        }
        if (!index.insert(root, found.marks)) return null;
      }
      readCards(index.settle());
      return asCandidates();
    },
  };
}
