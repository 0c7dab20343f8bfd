import type { Platform } from '@/lib/identity/platform';

/**
 * What a card, conversation or page is, in the policy's terms: a pending request, a
 * conversation, a person the site suggests (People you may know, Suggested for you), a person
 * already among the clinician's friends / followers / following / connections, a person's own
 * profile page (the clinician is looking at them), or a comment, reply, mention, tag or wall post
 * by the person addressed to the clinician in public (their notifications, their own posts).
 */
export type CandidateKind = 'request' | 'message' | 'suggestion' | 'connection' | 'profile' | 'mention';

/**
 * What a page is for, by its address: where requests, conversations, suggestions, the
 * clinician's own connections or their notifications are listed. A page of one of these kinds on
 * which nothing is recognised although it shows people and controls is reported as unreadable.
 */
export type PageKind = 'requests' | 'messages' | 'suggestions' | 'connections' | 'notifications';

/** The controls on a profile that start a relationship the policy rules out with clients. */
export type GuardedAction = 'follow' | 'add-friend' | 'connect' | 'message';

/**
 * One person the page shows in a place the policy cares about: a pending request, or a
 * conversation. Built by an adapter from the page's markup; never holds anything from the
 * client list.
 */
export interface Candidate {
  kind: CandidateKind;
  platform: Platform;
  /** Canonical identities (see lib/identity) read from the person's profile links; may be empty. */
  identities: string[];
  /** The name as the page displays it; '' when the page shows none. */
  name: string;
  /** The card, list item or conversation header that actions work on. */
  element: Element;
  /**
   * For a conversation: the site's own key for the thread (e.g. `/messages/t/1000…/`,
   * `/direct/t/1182…/`, `/messaging/thread/2-…/`) when the page links or shows it, so that a
   * reply goes in only when this thread is the one open (adapter.threadOf(url)).
   */
  thread?: string;
  /** For a conversation: true when this candidate is the open conversation itself (its header). */
  open?: boolean;
}

/** What a one-click action did on the page, said plainly for the popup. */
export type ActionResult =
  | { ok: true; done: string }
  | { ok: false; reason: string };

/**
 * A press that opened the site's own menu on the way (Facebook's Respond holds Delete request):
 * `then` presses the item in it, called once the menu has opened. One action the clinician asked
 * for, in the two visible steps the site itself takes.
 */
export type StepResult = ActionResult | { ok: true; done: string; then: () => ActionResult };

/**
 * A site's scans of one document, remembering what the last one found, so that on pages that
 * grow (infinite lists) a scan can look at the new elements instead of the whole page again.
 */
export interface PageScanner {
  /** Every candidate on the page at `url`, from scratch: what findCandidates(document, url) returns. */
  scan(url: URL): Candidate[];
  /**
   * Every candidate, when the only changes since the last scan or update are `added`: elements
   * inserted into the page, none inside another. The answer must be exactly what `scan` would
   * return now, the candidates found before being the same objects; null when the scanner cannot
   * be sure of that without a scan of the whole page.
   */
  update(added: readonly Element[], url: URL): Candidate[] | null;
}

/**
 * One adapter per site, all with this shape. Everything here is a pure function of the DOM it is
 * given (no globals, no timers; a scanner keeps only what its own scans found), so unit tests run
 * it on the replicas in tests/fixtures.
 */
export interface SiteAdapter {
  platform: Platform;
  /**
   * What `url` is for (requests, conversations, suggestions, the clinician's connections), null
   * for every other page. A page of a kind where nothing is recognised is reported unreadable.
   */
  pageKindOf(url: URL): PageKind | null;
  /** Every candidate under `root` (a document, or an element of it) on the page at `url`. */
  findCandidates(root: ParentNode, url: URL): Candidate[];
  /**
   * Clicks the site's own decline control (Delete / Ignore / Remove) inside a request card.
   * Never clicks anything that accepts. Refuses, with a reason, when it is not sure.
   */
  decline(card: Element): StepResult;
  /**
   * Clicks the site's own remove / dismiss / ✕ on a suggestion card. Never Add, Connect or
   * Follow. Refuses, with a reason, when it is not sure.
   */
  removeSuggestion(card: Element): ActionResult;
  /**
   * For a connection (a friend, follower, followed account or connection): presses the one
   * control on that card that starts the site's own next step (Instagram's Remove on a follower,
   * Following, which opens the site's unfollow confirmation, or the card's own menu), never a
   * chain of clicks. Refuses, with a reason, when the card has no such control.
   */
  connectionStep?(card: Element): ActionResult;
  /**
   * For a mention (a comment, reply or tag by the person): presses the item's own options menu,
   * the one that offers to hide or delete the comment or remove the tag, and nothing else; never
   * a chain of clicks, never anything that posts or reacts. Refuses, with a reason, when the item
   * has no such menu (a notification's own menu offers none of these).
   */
  mentionStep?(card: Element): ActionResult;
  /**
   * How many notification items under `root` this adapter can read, whatever they announce (a
   * like, a birthday, a comment): on a notifications page they show the page was read although
   * no one on it was a candidate. Omitted by sites whose notifications it cannot read.
   */
  noticesOn?(root: ParentNode, url: URL): number;
  /**
   * For a person with a safety concern, on their request card or conversation: presses the ONE
   * control that starts the site's own Block flow there (a Block control, or the card's or
   * conversation's own menu or details where Block is), never the site's final confirmation,
   * which stays the clinician's click. Refuses, with a reason, when there is no such control.
   */
  blockStep?(card: Element): ActionResult;
  /** The site's key for the conversation open at `url` (compare Candidate.thread); null when none. */
  threadOf(url: URL): string | null;
  /**
   * The open conversation's message box, looking through open shadow roots; null when none.
   * `conversation`: the element of the open conversation the reply is for (its candidate's). A
   * site that shows several conversations at once (Facebook's chat tabs) gives only that one's box.
   */
  findComposer(doc: Document, conversation?: Element): HTMLElement | null;
  /**
   * Open shadow roots where this site renders people (LinkedIn's messaging overlay), so the
   * watcher observes them too; omitted by sites that render none.
   */
  shadowRoots?(doc: Document): ShadowRoot[];
  /** A scanner for `doc` that can scan added elements alone; without one, every scan is of the whole page. */
  scanner?(doc: Document): PageScanner;
  /**
   * The person whose own profile page `url` is, as a candidate of kind 'profile': identities
   * from the URL (which does not depend on the UI language), the name from the page's main
   * heading ('' until it renders), `element` that heading or the profile's main section. Null on
   * every other page (feeds, inboxes, groups, pages, the clinician's own settings), and on the
   * clinician's own profile once its header shows it is theirs.
   */
  profileOf(doc: Document, url: URL): Candidate | null;
  /**
   * When `target` (what was clicked) is inside one of a profile's controls that would follow,
   * add as a friend, connect with or message that person: which one, and the control itself.
   * Null for anything else, including the same words elsewhere on the page (a feed post's
   * Follow button, a "People you may know" card).
   */
  guardedActionAt(target: Element, url: URL): { action: GuardedAction; control: Element } | null;
}
