import { browser } from 'wxt/browser';
import { installProfileGuard } from '@/lib/guard/profile-guard';
import {
  isBackgroundToContent,
  type BackgroundToContent,
  type CandidatesReply,
  type CardAction,
  type ContentReply,
  type GuardDecision,
  type PageCandidates,
  type WireCandidate,
} from '@/lib/messaging/messages';
import { blockOffersIn } from '@/lib/sites/block';
import { typeInto } from '@/lib/sites/compose';
import { looksUnreadable, pageSignals } from '@/lib/sites/page-signals';
import type { ActionResult, Candidate, CandidateKind, PageScanner, SiteAdapter, StepResult } from '@/lib/sites/types';
import { insertRefusal } from './insert-target';
import { diffReport } from './report-diff';
import { lookOf, openedNow, pageReacted, pageShows, REACTION_TIMEOUT_MS, somethingOpened } from './page-reaction';
import type { QuietContext } from './quiet-context';
import { ElementTokens } from './tokens';
import { watch } from './watcher';

/**
 * Everything a site's content script does, for any adapter: watch the page, report candidates
 * to the background, and carry out the popup's commands on a token. It reads the page and
 * writes nothing to it while the clinician only browses; it learns nothing about the list.
 */
export function runContentScript(ctx: QuietContext, adapter: SiteAdapter): void {
  const tokens = new ElementTokens();
  const scanner = adapter.scanner?.(document) ?? wholePageOnly(adapter);
  let current: Entry[] = [];
  // The entries of `current`, by candidate: after a partial scan, the cards already reported keep
  // their token and wire form, so reporting costs the new cards rather than every card again.
  let entries = new WeakMap<Candidate, Entry>();
  let tracked = new WeakSet<Element>();
  // The last report sent, and its JSON, made only when a full scan has something to compare.
  let lastMessage: PageCandidates | undefined;
  let lastReport: string | undefined = '';

  const entryFor = (candidate: Candidate, url: URL): Entry => {
    const { kind, platform, identities, name, open } = candidate;
    // Bound to the person too: a row the site reuses for someone else is a new card (tokens.ts).
    const token = tokens.tokenFor(candidate.element, whoOf(candidate));
    // The open conversation's thread is the one the address names, when the adapter did not say:
    // the background then sees that the inbox row with this thread is the same conversation.
    const thread = candidate.thread ?? (open ? adapter.threadOf(url) ?? undefined : undefined);
    const wire: WireCandidate = { token, kind, platform, identities, name, ...(thread && { thread }), ...(open && { open }) };
    return { candidate, token, wire };
  };

  // The person whose profile this page is, if it is one. Kept apart from the cards: it comes from
  // the address and heading, not from scanning, and a new person gets a new token, so the
  // background's answer about one profile never arms the guard on the next.
  let profile: { key: string; wire: WireCandidate } | undefined;
  let guarded = new Set<string>();
  const readProfile = (url: URL): boolean => {
    const found = adapter.profileOf?.(document, url) ?? null;
    const key = found ? JSON.stringify([found.identities, found.name]) : undefined;
    if (key === profile?.key) return false;
    profile = found && key
      ? { key, wire: { token: crypto.randomUUID(), kind: 'profile', platform: found.platform, identities: found.identities, name: found.name } }
      : undefined;
    return true;
  };

  const messageFor = (url: URL): PageCandidates => {
    const candidates = current.map((entry) => entry.wire);
    if (profile) candidates.push(profile.wire);
    const pageKind = adapter.pageKindOf(url);
    // Nobody recognised on a page that shows people and their controls: the site has likely
    // changed, and the popup must say so rather than look like "no clients here".
    // On a notifications page, notifications read (likes too) are the page read.
    const recognised =
      candidates.length > 0 ||
      pageKind === null ||
      (pageKind === 'notifications' && (adapter.noticesOn?.(document, url) ?? 0) > 0) ||
      !looksUnreadable(pageSignals(document, adapter.platform, url), pageKind);
    return {
      type: 'page-candidates',
      url: url.href,
      platform: adapter.platform,
      candidates,
      pageKind,
      recognised,
      connectionSteps: adapter.connectionStep !== undefined,
      // The site's own language for the page (which the clinician chose on the site), not the browser's.
      ...(pageLanguage() && { lang: pageLanguage() }),
    };
  };

  // Reports are kept to a share of the page's time. Sending one copies every candidate on the
  // page, on the page's own thread: nothing much for a page of a few hundred people, a few
  // milliseconds for one of thousands that is still growing. Large reports are charged to a
  // budget, by size (timing a single send is too noisy to go by), that refills at REPORT_SHARE
  // of the time passing: on ordinary pages every report goes at once; a long list streaming in
  // gets its reports spaced out, each carrying the latest state.
  let queued: PageCandidates | undefined;
  let budget = REPORT_BUDGET_MS;
  let budgetAt = performance.now();
  let reportTimer = 0;
  // What the background was last sent, so the next report carries only the change from it; a full
  // report goes first, after a navigation or a resend, and whenever the background asks for one.
  let sent: { seq: number; candidates: WireCandidate[] } | undefined;
  let fullNext = true;
  let seq = 0;

  const refill = () => {
    const now = performance.now();
    budget = Math.min(REPORT_BUDGET_MS, budget + (now - budgetAt) * REPORT_SHARE);
    budgetAt = now;
  };
  const chargeFor = (message: PageCandidates) =>
    message.candidates.length > FREE_CANDIDATES ? message.candidates.length * CANDIDATE_COST_MS : 0;

  const flush = () => {
    clearTimeout(reportTimer);
    reportTimer = 0;
    const message = queued;
    queued = undefined;
    if (!message) return;
    if (!message.recognised && import.meta.env.DEV) {
      console.warn(`[Boundary] ${adapter.platform}: nothing recognisable on ${new URL(message.url).pathname}; the markup may have changed`);
    }
    // The change since the last report sent: it is computed here, when sending, so a report that
    // a newer one replaced in the queue is never a step the background misses.
    const delta = !fullNext && sent ? diffReport(sent.candidates, message.candidates) : undefined;
    seq++;
    const outgoing: PageCandidates = delta ? { ...message, candidates: delta.candidates, removed: delta.removed, seq } : { ...message, seq };
    sent = { seq, candidates: message.candidates };
    fullNext = false;
    refill();
    budget = Math.max(budget - chargeFor(outgoing), -REPORT_DEBT_MS);
    browser.runtime.sendMessage(outgoing).then(
      (reply: CandidatesReply | undefined) => {
        if (reply?.resend) {
          fullNext = true;
          scan(true);
          return;
        }
        guarded = new Set(reply?.guard ?? []);
      },
      () => {
        // The extension was reloaded or updated: this script is orphaned and will be replaced.
      },
    );
  };

  const post = (message: PageCandidates) => {
    queued = message;
    refill();
    if (budget >= 0 || chargeFor(message) === 0) flush();
    else reportTimer ||= window.setTimeout(flush, -budget / REPORT_SHARE);
  };
  ctx.onInvalidated(() => clearTimeout(reportTimer));

  /** A scan of the whole page; reported when it differs from the last report, or when forced. */
  const scan = (force = false) => {
    const url = new URL(location.href);
    readProfile(url);
    const found = scanner.scan(url);
    current = found.map((candidate) => entryFor(candidate, url));
    entries = new WeakMap(current.map((entry) => [entry.candidate, entry]));
    tracked = new WeakSet(found.map((candidate) => candidate.element));
    tokens.retainOnly(new Set(current.map((c) => c.token)));
    const message = messageFor(url);
    const report = JSON.stringify(message);
    lastReport ??= JSON.stringify(lastMessage);
    if (!force && report === lastReport) return;
    lastReport = report;
    lastMessage = message;
    post(message);
  };

  /**
   * After elements were only added: the scanner looks at them alone when it can, and the report
   * goes out when someone is new.
   */
  const scanAdded = (added: readonly Element[]) => {
    const url = new URL(location.href);
    const found = scanner.update(outermost(added), url);
    partialsCheap = found !== null;
    if (found === null) return scan();
    const profileChanged = readProfile(url);
    // Usually the cards reported stay as they were, in front, and any new ones follow.
    let same = 0;
    while (same < current.length && same < found.length && found[same] === current[same]!.candidate) same++;
    if (same === current.length && same === found.length && !profileChanged) return;
    if (same === current.length) {
      for (let i = same; i < found.length; i++) {
        const entry = entryFor(found[i]!, url);
        entries.set(entry.candidate, entry);
        tracked.add(entry.candidate.element);
        current.push(entry);
      }
    } else {
      const before = current.length;
      let kept = 0;
      current = found.map((candidate) => {
        let entry = entries.get(candidate);
        if (entry) {
          kept++;
        } else {
          entry = entryFor(candidate, url);
          entries.set(candidate, entry);
          tracked.add(candidate.element);
        }
        return entry;
      });
      if (kept < before) {
        // Someone left as well: forget them, as a full scan would.
        entries = new WeakMap(current.map((entry) => [entry.candidate, entry]));
        tracked = new WeakSet(found.map((candidate) => candidate.element));
        tokens.retainOnly(new Set(current.map((c) => c.token)));
      }
    }
    const message = messageFor(url);
    lastMessage = message;
    lastReport = undefined;
    post(message);
  };

  // Whether the scanner read the last added elements alone: then the next ones are scanned at once.
  let partialsCheap = adapter.scanner !== undefined;
  const watcher = watch(document.documentElement, {
    scan: (change) => (change.full ? scan() : scanAdded(change.added)),
    partialsCheap: () => partialsCheap,
    isTracked: (element) => tracked.has(element),
    signal: ctx.signal,
    shadowRoots: () => adapter.shadowRoots?.(document) ?? [],
  });
  ctx.onLocationChange(() => {
    // Single-page navigation: report the new page even if it shows the same people, in full.
    fullNext = true;
    lastReport = '';
    lastMessage = undefined;
    watcher.schedule();
  });

  installProfileGuard(
    ctx,
    adapter,
    () => (profile && guarded.has(profile.wire.token) ? profile.wire.token : undefined),
    (token, action, confirmed) => {
      const decision: GuardDecision = { type: 'guard-decision', token, action, confirmed };
      browser.runtime.sendMessage(decision).catch(() => undefined);
    },
  );

  // Answered through sendResponse, and `true` keeps the channel open for it: without the polyfill
  // (lib/browser/native.ts) Chrome ignores a promise a listener returns. A failed action
  // answers nothing, which the background reads as the page gone.
  const onMessage = (message: unknown, _sender: unknown, sendResponse: (reply?: ContentReply) => void): boolean => {
    if (!isBackgroundToContent(message)) return false;
    handle(message).then(sendResponse, () => sendResponse());
    return true;
  };
  browser.runtime.onMessage.addListener(onMessage);
  ctx.onInvalidated(() => browser.runtime.onMessage.removeListener(onMessage));

  /**
   * The card a retired token's person has now, when the page shows exactly one such card: a list
   * that gives each row the next person (as after a decline above it) moves people to other
   * elements, and "Decline all" still means the people the clinician saw. Never a guess between two.
   */
  function sameCardNow(token: string): Entry | undefined {
    const who = tokens.retiredAs(token);
    if (who === undefined) return undefined;
    const same = current.filter((entry) => whoOf(entry.candidate) === who);
    return same.length === 1 ? same[0] : undefined;
  }

  async function handle(message: BackgroundToContent): Promise<ContentReply> {
    if (message.type === 'resend') {
      fullNext = true;
      scan(true);
      return { ok: true, done: 'Reported again' };
    }
    // The page as it is now, not as the last batched scan saw it: a row the site gave someone
    // else since then has a new token (tokens.ts), so a command meant for the person it showed
    // before goes to that person's card now (sameCardNow), or to none; never to the row's new
    // person. One scan of the page per command the clinician gave, none while browsing.
    scan();
    const entry = current.find((c) => c.token === message.token) ?? sameCardNow(message.token);
    const element = entry && tokens.elementFor(entry.token);
    if (!entry || !element) return { ok: false, refusal: 'card-gone' };
    if (message.type === 'insert-text') return insertReply(entry.candidate, element, message.text);
    return pressOnCard(message.type, entry.candidate.kind, element);
  }

  /**
   * One of the site's own controls on a card, pressed only for the kind of card it belongs to,
   * and reported done only once the page answered (the card went, or its buttons or text
   * changed): a click that reached nothing must not read as success.
   */
  async function pressOnCard(action: CardAction, kind: CandidateKind, card: Element): Promise<ContentReply> {
    if (!KIND_OF_ACTION[action].includes(kind)) return { ok: false, refusal: 'wrong-kind' };
    const press = ACTIONS[action](adapter);
    if (!press) return { ok: false, refusal: 'no-step' };
    const before = lookOf(card);
    // A connection's next step is usually a confirmation or a menu that opens beside the card.
    const root = card.getRootNode() as Document | ShadowRoot;
    const opened = openedNow(root);
    const offers = action === 'block' ? blockOffersIn(root) : 0;
    const pressed = press(card);
    // The adapter's reason is for developers, in English; the clinician hears it in their own
    // language from the background. An empty reason is a mention's "no menu of its own".
    if (!pressed.ok) return pressed.reason ? { ok: false, refusal: 'no-control' } : pressed;
    if ('then' in pressed) return pressInMenu(card, root, opened, pressed.then);
    // The next step of a connection, the menu of a comment and Block's first step open beside the
    // card: a menu, a details pane or the site's confirmation; Block's shows a Block control that
    // was not there before.
    const elsewhere =
      action === 'connection-step' || action === 'mention-step' || action === 'block'
        ? () => somethingOpened(root, opened) || (action === 'block' && blockOffersIn(root) > offers)
        : undefined;
    return (await pageReacted(card, before, REACTION_TIMEOUT_MS, elsewhere)) ? pressed : { ok: false, refusal: 'unconfirmed' };
  }

  /**
   * The second step of a press that opened the site's own menu (Facebook's Respond): once a menu
   * has opened, the item `then` presses, done only once the card changed after it. A menu that
   * never opens is the page not answering: nothing more is pressed.
   */
  async function pressInMenu(card: Element, root: Document | ShadowRoot, before: ReadonlySet<Element>, then: () => ActionResult): Promise<ContentReply> {
    if (!(await pageShows(root, () => somethingOpened(root, before), REACTION_TIMEOUT_MS))) return { ok: false, refusal: 'unconfirmed' };
    const look = lookOf(card);
    const pressed = then();
    if (!pressed.ok) return { ok: false, refusal: 'no-control' };
    return (await pageReacted(card, look, REACTION_TIMEOUT_MS)) ? pressed : { ok: false, refusal: 'unconfirmed' };
  }

  /**
   * Puts a reply into the open conversation's box, but only when this detection is that
   * conversation itself: a reply must never land in someone else's thread.
   */
  function insertReply(target: Candidate, element: Element, text: string): ContentReply {
    const refusal = insertRefusal(target, adapter.threadOf(new URL(location.href)));
    if (refusal === 'not-a-conversation') return { ok: false, refusal: 'wrong-kind' };
    const box = adapter.findComposer(document, element);
    if (!box) return { ok: false, refusal: 'no-box' };
    if (refusal) return { ok: false, refusal };
    // As with card actions, the editor's own reason is for developers; the background words it.
    const typed = typeInto(box, text);
    return typed.ok ? typed : { ok: false, refusal: 'not-typed' };
  }

  scan();
}

/** Who a candidate is, as its token is bound to: the same kind of card, for the same person. */
const whoOf = (candidate: Candidate) => JSON.stringify([candidate.kind, candidate.identities, candidate.name]);

/** Reports of up to this many candidates are not charged: they go at once, whatever came before. */
const FREE_CANDIDATES = 200;
/** What a candidate costs to send, roughly (npm run bench traces about 1 µs on the page's thread). */
const CANDIDATE_COST_MS = 0.001;
/** The share of the page's time large reports may take, over time. */
const REPORT_SHARE = 0.0025;
/** What reporting may spend at once (ms), and the most it may owe (ms; owing 2 ms means waiting 800 ms). */
const REPORT_BUDGET_MS = 3;
const REPORT_DEBT_MS = 2;

/** The kinds of card each action is for. */
const KIND_OF_ACTION: Record<CardAction, readonly CandidateKind[]> = {
  decline: ['request'],
  'remove-suggestion': ['suggestion'],
  'connection-step': ['connection'],
  // Someone the clinician fears may ask or write: either way the site's Block is the way out.
  block: ['request', 'message'],
  'mention-step': ['mention'],
};

/** The adapter's press for each action; undefined when the site offers none. */
const ACTIONS: Record<CardAction, (adapter: SiteAdapter) => ((card: Element) => StepResult) | undefined> = {
  decline: (adapter) => (card) => adapter.decline(card),
  'remove-suggestion': (adapter) => (card) => adapter.removeSuggestion(card),
  'connection-step': (adapter) => adapter.connectionStep && ((card) => adapter.connectionStep!(card)),
  'mention-step': (adapter) => adapter.mentionStep && ((card) => adapter.mentionStep!(card)),
  block: (adapter) => adapter.blockStep && ((card) => adapter.blockStep!(card)),
};

/** A reported candidate: its token, and the form it travels in. */
interface Entry {
  candidate: Candidate;
  token: string;
  wire: WireCandidate;
}

/** A scanner for adapters without one of their own: every scan is of the whole page. */
function wholePageOnly(adapter: SiteAdapter): PageScanner {
  return { scan: (url) => adapter.findCandidates(document, url), update: () => null };
}

/** The added elements still on the page, leaving out those inside another (it is scanned with them). */
function outermost(added: readonly Element[]): Element[] {
  const all = new Set(added.filter((element) => element.isConnected));
  return [...all].filter((element) => {
    for (let at = element.parentElement; at; at = at.parentElement) if (all.has(at)) return false;
    return true;
  });
}

/** The page's declared language (`<html lang>`), when it is a plain language tag; '' otherwise. */
function pageLanguage(): string {
  const lang = document.documentElement.lang.trim();
  return /^[a-z]{2,3}(?:-[a-z0-9]{2,8})*$/i.test(lang) && lang.length <= 35 ? lang : '';
}
