import { isActivityPlace, isTime, LOOKED_AT_MAX, REASON_MAX, type ActivityPlace } from '@/lib/activity/model';
import type { ClientStatus, Relationship } from '@/lib/clients/model';
import type { DiscussEvent } from '@/lib/discuss/model';
import { isPlatform, type Platform } from '@/lib/identity/platform';
import type { ReviewSite } from '@/lib/reviews/sites';
import type { SearchEngine } from '@/lib/searches/engines';
import type { ActionResult, CandidateKind, GuardedAction, PageKind } from '@/lib/sites/types';
import type { ReplyContext } from '@/lib/replies/context';
import type { VaultState } from '@/lib/vault/vault';

/**
 * Every message between the parts of the extension, in one place. What crosses from a content
 * script is untrusted (the page it runs in may be hostile, and a bug there must not reach the
 * list), so the background checks each message's shape here before it acts on it.
 */

/** A candidate as it travels from a content script: page data only, the element replaced by a token. */
export interface WireCandidate {
  token: string;
  kind: CandidateKind;
  platform: Platform;
  identities: string[];
  name: string;
  /** For a conversation: the site's key of its thread (see Candidate.thread). */
  thread?: string;
  /** For a conversation: it is the one open on the page. */
  open?: boolean;
}

// --- content script → background ---------------------------------------------------------------
export interface PageCandidates {
  type: 'page-candidates';
  url: string;
  /** The site whose content script reports (the page's own, whatever it shows). */
  platform: Platform;
  /**
   * A full report (no `removed`): the full set for the page now; it replaces what the tab sent
   * before. A delta (`removed` present): only the candidates added, changed or moved since report
   * `seq - 1`, in the page's order, each run of new ones with the one it comes before
   * (lib/detect/report-diff.ts says how; lib/detections/report-delta.ts applies it).
   */
  candidates: WireCandidate[];
  /** A delta's tokens gone since the report before; absent in a full report. */
  removed?: string[];
  /**
   * The report's number, one more than the last this script sent: a delta that does not follow
   * the last report the background applied is refused, and the page sends a full report.
   */
  seq?: number;
  /** What the page is for, by its address (adapter.pageKindOf); null for any other page. */
  pageKind: PageKind | null;
  /**
   * False when the page is of a kind the adapter should read, it recognised nobody, and the page
   * nevertheless shows people and the controls of requests or suggestions (lib/sites/page-signals).
   */
  recognised: boolean;
  /** Whether the site's adapter offers a next step on a connection's card (adapter.connectionStep). */
  connectionSteps: boolean;
  /**
   * The language the site shows the page in (`<html lang>`, e.g. `es`, `en-GB`), so the popup
   * offers replies in it first; absent when the page declares none.
   */
  lang?: string;
}
/** What the clinician chose when the profile guard stopped a click: it goes to the activity log. */
export interface GuardDecision {
  type: 'guard-decision';
  token: string;
  action: GuardedAction;
  confirmed: boolean;
}
export type ContentToBackground = PageCandidates | GuardDecision;

/**
 * The background's answer to a report: the tokens of profiles on the page that are people on
 * the list, so the content script guards their Follow / Add friend / Connect / Message controls.
 * It says which profile to guard and nothing about who is on the list.
 */
export interface CandidatesReply {
  ok: true;
  guard: string[];
  /** The report was a delta the background could not apply: send a full one. */
  resend?: true;
}

// --- background → content script ---------------------------------------------------------------
/**
 * The one-click actions on a card, each pressing one of the site's own controls. `block` starts the
 * site's own Block flow for a request or conversation (its menu, or a Block control on it), never
 * its final confirmation, which stays the clinician's click.
 */
export type CardAction = 'decline' | 'remove-suggestion' | 'connection-step' | 'mention-step' | 'block';

export type BackgroundToContent =
  | { type: CardAction; token: string }
  | { type: 'insert-text'; token: string; text: string }
  | { type: 'resend' };

/**
 * Why a content script did not act, or could not confirm that the page took its click: the
 * background words it for the popup (content scripts carry no message catalogue).
 */
export type ContentRefusal = 'card-gone' | 'wrong-kind' | 'no-step' | 'no-control' | 'no-box' | 'not-open' | 'not-typed' | 'unconfirmed';

/** A content script's answer to a command on a card: done, refused by the adapter, or one of ours. */
export type ContentReply = ActionResult | { ok: false; refusal: ContentRefusal };

/** A page's anonymised outline, or why there is none. */
export type OutlineResult = { ok: true; html: string; platform: Platform; pageKind: PageKind | null } | { ok: false; reason: string };

// --- extension pages (popup, options) → background --------------------------------------------
export type PageToBackground =
  | { type: 'get-detections'; tabId: number }
  /**
   * Everything the popup shows, in one answer (PopupState): it reads no database of its own, so
   * it loads neither Dexie nor the stores, and opens about as fast as any extension page.
   */
  | { type: 'popup-state'; tabId: number }
  /**
   * The popup's unlock form: the passphrase goes to the background over the extension's own
   * runtime channel (never a page's), which unlocks, keeps the key in session storage and matches
   * open tabs again. A wrong passphrase is refused with the reason.
   */
  | { type: 'unlock-vault'; passphrase: string }
  /** The popup's Lock: the key is forgotten and what was matched with it goes. */
  | { type: 'lock-vault' }
  /** A note "to discuss" for a client, after a decline, a removed suggestion or a redirect. */
  | { type: 'add-discuss'; clientId: number; platform: ActivityPlace; event: DiscussEvent }
  /** A welfare check from the popup: it goes to the activity log and the "to discuss" list. */
  | { type: 'welfare-check'; clientId: number; place: ActivityPlace; at: number; reason: string; lookedAt: string }
  | { type: CardAction; tabId: number; token: string }
  /**
   * `confirmed`: the clinician clicked a second time to insert a reply the confidentiality check
   * flagged; without it the background refuses flagged text.
   */
  | { type: 'insert-reply'; tabId: number; token: string; text: string; confirmed?: boolean }
  /** `version`: the client record's version the popup showed (Client.version); a changed record is not linked. */
  | { type: 'this-is-them'; tabId: number; token: string; clientId: number; version?: number }
  | { type: 'not-them'; tabId: number; token: string; clientId: number }
  /**
   * Undo, from the popup right after the decision or from the options page's list of decisions:
   * the identity comes off the client's record again, or the "not them" decision is forgotten.
   * They name the profile itself (the card may have left the page since); open tabs are matched again.
   */
  | { type: 'undo-this-is-them'; clientId: number; platform: Platform; identity: string }
  | { type: 'undo-not-them'; clientId: number; platform: Platform; identity: string }
  | { type: 'clients-changed' }
  /** "Leave page" on a profile: back in the tab's history, or to the site's start page when there is none. */
  | { type: 'leave-page'; tabId: number }
  /** The anonymised outline of the page in that tab. */
  | { type: 'outline'; tabId: number }
  /** The tabs whose pages Boundary reads now, for the options page's Sites view. */
  | { type: 'site-tabs' }
  /**
   * A page locked, unlocked, turned on or off, or re-keyed the passphrase vault: the background
   * drops what it matched with, shows the lock or matches open tabs again. It carries no key and
   * no passphrase; the background reads the key, if any, from session storage itself.
   */
  | { type: 'vault-changed' };

/** A client (or related person) a detection matched, as the popup shows it. */
export interface DetectionClient {
  id: number;
  name: string;
  status: ClientStatus;
  /** The record's version, for "this is them". */
  version?: number;
  endDate?: string;
  minor?: boolean;
  safety?: boolean;
  /** For a related person: the client they are related to, by the name in the list, and how. */
  related?: { clientId: number; name: string; relationship: Relationship };
  /** For a young person: the parents and guardians on the list, shown with them. */
  guardians?: { clientId: number; name: string; relationship: Relationship }[];
}

/** One matched person on a tab, as the popup shows it. Only extension pages ever receive this. */
export interface DetectionView {
  token: string;
  kind: CandidateKind;
  platform: Platform;
  match: 'exact' | 'name';
  /** The clients on the list this person matched (several only for a shared name). */
  clients: DetectionClient[];
  /** The name as the page shows it. */
  pageName: string;
  /** The profile identity the page linked, when it did; needed for "this is them". */
  identity?: string;
}

/** A search for listed people on an optional search engine, or a review-reply screen. */
export type LookupView =
  | { kind: 'search'; engine: SearchEngine; clients: DetectionView['clients'] }
  | { kind: 'review'; site: ReviewSite };

export interface TabDetections {
  /** Whether a Boundary content script has reported from this tab's page. */
  supported: boolean;
  /** False when Boundary cannot read a page that should hold requests or conversations. */
  recognised: boolean;
  /** The site of the tab's page, when a content script reported from it. */
  platform?: Platform;
  /** What the page is for, by its address; null (or absent) for any other page. */
  pageKind?: PageKind | null;
  /** Whether the site offers a next step on a connection's card. */
  connectionSteps?: boolean;
  /** The page's own language (`<html lang>`, as reported), for choosing a reply's language. */
  pageLanguage?: string;
  listSize: number;
  detections: DetectionView[];
  /** The page is a folder of message requests, so its conversations are requests, not chats. */
  messageRequests?: boolean;
  /** The passphrase vault is locked: nothing was matched, and the popup offers to unlock. */
  locked?: boolean;
  /** The page is a search that named listed people, or a review-reply screen. */
  lookup?: LookupView;
}

/**
 * What the popup shows, from one message: the tab's detections (names resolved in the
 * background), what it needs to offer replies, and the vault's state (without counting as use).
 */
export interface PopupState {
  detections: TabDetections;
  replies: ReplyContext;
  vault: VaultState;
}

/** A tab whose page Boundary reads, as the options page's Sites view lists it: no address, no names. */
export interface SiteTab {
  tabId: number;
  platform: Platform;
  pageKind: PageKind | null;
  recognised: boolean;
}

export type Reply<M> = M extends { type: 'get-detections' }
  ? TabDetections
  : M extends { type: 'popup-state' }
    ? PopupState
  : M extends { type: 'outline' }
    ? OutlineResult
  : M extends { type: 'site-tabs' }
    ? SiteTab[]
  : M extends { type: CardAction | 'insert-reply' | 'insert-text' }
    ? ActionResult
    : M extends { type: 'this-is-them' | 'not-them' | 'undo-this-is-them' | 'undo-not-them' | 'clients-changed' | 'vault-changed' | 'leave-page' | 'unlock-vault' | 'lock-vault' | 'add-discuss' | 'welfare-check' }
      ? ActionResult
      : unknown;

// --- validation --------------------------------------------------------------------------------
const LIMITS = { candidates: 5000, identities: 20, text: 300, token: 64, reply: 5000 };
/** Longer than any passphrase anyone types; kept apart from LIMITS so content scripts do not carry it. */
const MAX_PASSPHRASE = 1024;
/** The longest reply Boundary will type into a page; lib/replies/limits.ts checks against it. */
export const MAX_REPLY_CHARS = LIMITS.reply;

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null;
const isShortString = (v: unknown, max: number): v is string => typeof v === 'string' && v.length <= max;
const isTabId = (v: unknown): v is number => Number.isInteger(v) && (v as number) >= 0;
const isToken = (v: unknown): v is string => isShortString(v, LIMITS.token) && v.length > 0;

const CANDIDATE_KINDS: readonly unknown[] = ['request', 'message', 'suggestion', 'connection', 'profile', 'mention'] satisfies CandidateKind[];
const PAGE_KINDS: readonly unknown[] = ['requests', 'messages', 'suggestions', 'connections', 'notifications'] satisfies PageKind[];
const isOptional = <T>(v: unknown, check: (v: unknown) => v is T): boolean => v === undefined || check(v);
const isBoolean = (v: unknown): v is boolean => typeof v === 'boolean';
/** A BCP 47 tag as pages write them in `<html lang>`: `es`, `pt-BR`, `zh-Hant-TW`. */
const isLanguageTag = (v: unknown): v is string => isShortString(v, 35) && /^[a-z]{2,3}(?:-[a-z0-9]{2,8})*$/i.test(v);
const isThread = (v: unknown): v is string => isShortString(v, LIMITS.text) && v.length > 0;

function isWireCandidate(v: unknown): v is WireCandidate {
  return (
    isRecord(v) &&
    isToken(v.token) &&
    CANDIDATE_KINDS.includes(v.kind) &&
    isPlatform(v.platform) &&
    Array.isArray(v.identities) &&
    v.identities.length <= LIMITS.identities &&
    v.identities.every((id) => isShortString(id, LIMITS.text)) &&
    isShortString(v.name, LIMITS.text) &&
    isOptional(v.thread, isThread) &&
    isOptional(v.open, isBoolean)
  );
}

/**
 * The events the popup notes "to discuss" (lib/discuss/model.ts DISCUSS_EVENTS), kept here so
 * content scripts need not load that model. A record of every event, so that one added there and
 * not here does not compile.
 */
const DISCUSS_EVENTS: Record<DiscussEvent, true> = {
  'declined-request': true,
  'removed-suggestion': true,
  'redirected-message': true,
  'welfare-check': true,
  'public-mention': true,
  'left-pending': true,
  'unanswered-message': true,
};
const isDiscussEvent = (v: unknown): v is DiscussEvent => typeof v === 'string' && Object.hasOwn(DISCUSS_EVENTS, v);
const isClientId = (v: unknown): v is number => Number.isSafeInteger(v) && (v as number) > 0;

const GUARDED_ACTIONS: readonly unknown[] = ['follow', 'add-friend', 'connect', 'message'] satisfies GuardedAction[];

export function isContentToBackground(v: unknown): v is ContentToBackground {
  if (isRecord(v) && v.type === 'guard-decision') {
    return isToken(v.token) && GUARDED_ACTIONS.includes(v.action) && typeof v.confirmed === 'boolean';
  }
  return (
    isRecord(v) &&
    v.type === 'page-candidates' &&
    isShortString(v.url, 4096) &&
    isPlatform(v.platform) &&
    (v.pageKind === null || PAGE_KINDS.includes(v.pageKind)) &&
    typeof v.recognised === 'boolean' &&
    typeof v.connectionSteps === 'boolean' &&
    isOptional(v.lang, isLanguageTag) &&
    Array.isArray(v.candidates) &&
    v.candidates.length <= LIMITS.candidates &&
    v.candidates.every(isWireCandidate) &&
    (v.seq === undefined || (Number.isSafeInteger(v.seq) && (v.seq as number) >= 0)) &&
    (v.removed === undefined ||
      (v.seq !== undefined && Array.isArray(v.removed) && v.removed.length <= LIMITS.candidates && v.removed.every(isToken)))
  );
}

export function isPageToBackground(v: unknown): v is PageToBackground {
  if (!isRecord(v)) return false;
  switch (v.type) {
    case 'clients-changed':
    case 'vault-changed':
    case 'site-tabs':
    case 'lock-vault':
      return true;
    case 'unlock-vault':
      return isShortString(v.passphrase, MAX_PASSPHRASE);
    case 'add-discuss':
      return isClientId(v.clientId) && isActivityPlace(v.platform) && isDiscussEvent(v.event);
    case 'welfare-check':
      return (
        isClientId(v.clientId) &&
        isActivityPlace(v.place) &&
        isTime(v.at) &&
        isShortString(v.reason, REASON_MAX) &&
        isShortString(v.lookedAt, LOOKED_AT_MAX)
      );
    case 'get-detections':
    case 'popup-state':
    case 'leave-page':
    case 'outline':
      return isTabId(v.tabId);
    case 'decline':
    case 'remove-suggestion':
    case 'connection-step':
    case 'mention-step':
    case 'block':
      return isTabId(v.tabId) && isToken(v.token);
    case 'insert-reply':
      return (
        isTabId(v.tabId) &&
        isToken(v.token) &&
        isShortString(v.text, LIMITS.reply) &&
        (v.confirmed === undefined || typeof v.confirmed === 'boolean')
      );
    case 'this-is-them':
      return isTabId(v.tabId) && isToken(v.token) && isTabId(v.clientId) && (v.version === undefined || isTabId(v.version));
    case 'not-them':
      return isTabId(v.tabId) && isToken(v.token) && isTabId(v.clientId);
    case 'undo-this-is-them':
    case 'undo-not-them':
      return isTabId(v.clientId) && isPlatform(v.platform) && isShortString(v.identity, LIMITS.text) && v.identity.length > 0;
    default:
      return false;
  }
}

export function isBackgroundToContent(v: unknown): v is BackgroundToContent {
  if (!isRecord(v)) return false;
  switch (v.type) {
    case 'resend':
      return true;
    case 'decline':
    case 'remove-suggestion':
    case 'connection-step':
    case 'mention-step':
    case 'block':
      return isToken(v.token);
    case 'insert-text':
      return isToken(v.token) && isShortString(v.text, LIMITS.reply);
    default:
      return false;
  }
}

/** The parts of a runtime.MessageSender the checks need. */
export interface SenderInfo {
  id?: string;
  url?: string;
  tab?: { id?: number };
}

/** Where a message came from, decided from the sender alone, never from what the message says. */
export type Origin = { from: 'content'; tabId: number } | { from: 'extension-page' } | { from: 'unknown' };

export function originOf(sender: SenderInfo, extensionId: string, extensionOrigin: string): Origin {
  if (sender.id !== extensionId) return { from: 'unknown' };
  if (sender.url?.startsWith(extensionOrigin)) return { from: 'extension-page' };
  const tabId = sender.tab?.id;
  if (tabId !== undefined && tabId >= 0) return { from: 'content', tabId };
  return { from: 'unknown' };
}
