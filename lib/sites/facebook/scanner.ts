import { CardIndex, type FoundCard } from '../cards';
import { insertInOrder } from '../card-index';
import { keepSame, scannerOf, sortedInPage, touches, within, type PageReading } from '../scan-parts';
import type { Candidate, PageScanner } from '../types';
import {
  cardCandidate,
  cardOptions,
  chatRowAt,
  chatsOutsideMessenger,
  facebookAdapter,
  isCard,
  keepsCard,
  MARKUP,
  mentionsIn,
  noticeItems,
  openConversation,
  ownIdentities,
  pageOf,
  cardMarks,
  type ChatRow,
} from './adapter';
import {
  FACEBOOK_BANNER,
  FACEBOOK_CHAT_POPUP,
  FACEBOOK_COMMENT,
  FACEBOOK_COMMENT_LINK,
  FACEBOOK_CONVERSATION,
  FACEBOOK_FRIENDS_PREVIEW_LINK,
  FACEBOOK_NOTICE_ITEM,
  FACEBOOK_NOTICE_LINK,
  FACEBOOK_NOTICE_LISTS,
  FACEBOOK_POST_AUTHOR,
  FACEBOOK_PROFILE_HEADER_MARKS,
  FACEBOOK_ROW_NAME,
  FACEBOOK_THREAD_LINKS,
} from './selectors';

/**
 * Facebook's scans of one page, which read elements added to the friends pages and Messenger
 * alone (PageScanner). What a card is depends on the boxes around it, so the cards are kept in a
 * CardIndex, which walks again only what an insertion's ancestors may have changed; a chat row
 * depends on its own thread link alone. Whatever could change what is known of the page as a
 * whole (the top bar, whose links are the clinician's own; notifications and comments, the open
 * conversation's pane) asks for a full scan instead.
 */
export function facebookScanner(doc: Document): PageScanner {
  return scannerOf(
    (url) => {
      const page = pageOf(url);
      if (page === 'requests' || page === 'suggestions' || page === 'friends-home' || page === 'search') return cardsScanner(doc, url, page);
      return page === 'messages' ? chatsScanner(doc, url) : null;
    },
    (url) => facebookAdapter.findCandidates(doc, url),
  );
}

/**
 * Whether an added element could change the notifications or comments found (or the top bar's
 * links), or the chats of the Messenger flyout and chat tabs, which live in popups alone.
 */
const MENTION_PARTS = `${FACEBOOK_NOTICE_LINK}, ${FACEBOOK_NOTICE_LISTS}, ${FACEBOOK_COMMENT}, ${FACEBOOK_COMMENT_LINK}, ${FACEBOOK_BANNER}, ${FACEBOOK_CHAT_POPUP}`;

function cardsScanner(doc: Document, url: URL, page: 'requests' | 'suggestions' | 'friends-home' | 'search'): PageReading {
  const own = ownIdentities(doc, url, page);
  const index = new CardIndex(doc, cardMarks(doc.querySelectorAll('a[href]'), url, own), MARKUP, cardOptions(page));
  const mentions = mentionsIn(doc, url, own, page);
  const chats = chatsOutsideMessenger(doc, url, own);
  const items = new Set(noticeItems(doc, page));
  const articles = doc.querySelector(FACEBOOK_COMMENT) !== null;
  // Each card's candidate (null: not a card, the profile header's preview), made once: a card
  // found again is judged again only if an insertion could change the answer, which asks for a
  // full scan instead (below). Judging every card on every insertion walked each one's ancestors,
  // about a millisecond per row inserted on a long list. A card found again that reads the same
  // keeps its candidate.
  const candidates = new WeakMap<FoundCard, Candidate | null>();
  const onCard = new Map<Element, Candidate>();
  const asCandidates = () => [
    ...index.cards().flatMap((card) => {
      let candidate = candidates.get(card);
      if (candidate === undefined) {
        const read = isCard(card) ? cardCandidate(card) : null;
        candidate = read && keepsCard(page, read) ? keepSame(onCard.get(card.card), read) : null;
        candidates.set(card, candidate);
        if (candidate) onCard.set(card.card, candidate);
      }
      return candidate ? [candidate] : [];
    }),
    ...mentions,
    ...chats,
  ];
  const insideItem = (element: Element) => {
    for (let item = element.closest(FACEBOOK_NOTICE_ITEM); item; item = item.parentElement?.closest(FACEBOOK_NOTICE_ITEM) ?? null) if (items.has(item)) return true;
    return false;
  };
  const insideCard = (element: Element) => {
    for (let at = element.parentElement; at; at = at.parentElement) if (onCard.has(at)) return true;
    return false;
  };
  return {
    found: asCandidates(),
    update(added) {
      for (const root of added) {
        if (touches(root, MENTION_PARTS) || insideItem(root)) return null;
        // A heading arriving inside a card may make it the profile header's preview (isCard).
        if (within(root, FACEBOOK_PROFILE_HEADER_MARKS.inside).length > 0) return null;
        // A post's heading names whose post it is, for comments outside any post.
        if (articles && within(root, FACEBOOK_POST_AUTHOR).length > 0) return null;
        // Words (or a control) arriving in a text block beside a link may put it in a sentence or out of one (cardMarks).
        if (root.parentElement?.closest(FACEBOOK_ROW_NAME)?.querySelector('a[href]')) return null;
        // A preview link arriving in a card already judged may change its unread pair's kind (unreadKind).
        if (within(root, FACEBOOK_FRIENDS_PREVIEW_LINK).length > 0 && insideCard(root)) return null;
      }
      for (const root of added) if (!index.insert(root, cardMarks(within(root, 'a[href]'), url, own))) return null;
      index.settle();
      return asCandidates();
    },
  };
}

function chatsScanner(doc: Document, url: URL): PageReading {
  const own = ownIdentities(doc, url, 'messages');
  const pane = doc.querySelector(FACEBOOK_CONVERSATION);
  // The rows, in the order of their first thread links, then the open conversation: findCandidates' own.
  const rows: { row: ChatRow; link: Element }[] = [];
  const byRow = new Map<Element, ChatRow>();
  for (const link of doc.querySelectorAll(FACEBOOK_THREAD_LINKS)) {
    const row = chatRowAt(link, url);
    if (!row || byRow.has(row.candidate.element)) continue;
    byRow.set(row.candidate.element, row);
    rows.push({ row, link });
  }
  let open = openConversation(doc, url, rows.map(({ row }) => row), own);
  const urlThread = facebookAdapter.threadOf(url);
  const insideRow = (element: Element) => {
    for (let at: Element | null = element; at; at = at.parentElement) if (byRow.has(at)) return true;
    return false;
  };
  const asCandidates = () => [...rows.map(({ row }) => row.candidate), ...(open ? [open] : [])];
  return {
    found: asCandidates(),
    update(added) {
      for (const root of added) {
        // The top bar, the open conversation, a row already read (its name, its first link).
        if (touches(root, `${FACEBOOK_BANNER}, ${FACEBOOK_CONVERSATION}`) || (pane && pane.contains(root))) return null;
        if (root.closest(FACEBOOK_THREAD_LINKS) || insideRow(root)) return null;
      }
      let reopen = false;
      const order = (a: { link: Element }, b: { link: Element }) => (a.link.compareDocumentPosition(b.link) & Node.DOCUMENT_POSITION_FOLLOWING ? -1 : 1);
      for (const root of sortedInPage(added)) {
        for (const link of within(root, FACEBOOK_THREAD_LINKS)) {
          const row = chatRowAt(link, url);
          if (!row || byRow.has(row.candidate.element)) continue;
          byRow.set(row.candidate.element, row);
          insertInOrder(rows, { row, link }, order);
          if (row.current || row.thread === urlThread) reopen = true;
        }
      }
      // The open conversation reads the rows only for the one of its thread, or the current one.
      if (reopen) open = keepSame(open ?? undefined, openConversation(doc, url, rows.map(({ row }) => row), own));
      return asCandidates();
    },
  };
}
