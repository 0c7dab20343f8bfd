import { browser } from 'wxt/browser';
import { database } from '@/lib/db';
import { ClientWriteRefused } from '@/lib/clients/limits';
import { versionOf, type Client } from '@/lib/clients/model';
import { forgetNotThem, linkIdentity, rememberNotThem, unlinkIdentity } from '@/lib/clients/store';
import { t, type MessageKey } from '@/lib/i18n/t';
import { currentMatcher, dropMatcher, invalidateMatcher, matcherReady, vaultLocked, type PeopleIndex } from '@/lib/matching/matcher-cache';
import { logActivity, logOncePerDay } from '@/lib/activity/store';
import type { ActivityEntry } from '@/lib/activity/model';
import type {
  BackgroundToContent,
  CandidatesReply,
  CardAction,
  ContentRefusal,
  ContentReply,
  DetectionClient,
  DetectionView,
  GuardDecision,
  LookupView,
  OutlineResult,
  PageCandidates,
  PageToBackground,
  PopupState,
  SiteTab,
  TabDetections,
} from '@/lib/messaging/messages';
import { siteName } from '@/lib/policy/suggestions';
import { lintReply, ownTexts } from '@/lib/policy/confidentiality';
import { checkLength } from '@/lib/replies/limits';
import { isMessageRequestsPage } from '@/lib/replies/situations';
import { loadSettings } from '@/lib/settings/store';
import type { ActionResult } from '@/lib/sites/types';
import { currentCipher, VaultChangedError, VaultLockedError, type Cipher } from '@/lib/vault/cipher';
import { heldCipher } from '@/lib/vault/held-cipher';
import { noticeLocked } from '@/lib/vault/locked-notice';
import type { VaultState } from '@/lib/vault/vault';
import { clearLocked, showChecking, showCount, showLocked, showNotice, showUnreadable } from './badge';
import { cachedClientsById, forgetOnLock } from './popup-cache';
import { addDiscussFromPopup, lockFromPopup, popupState, unlockFromPopup, welfareCheckFromPopup } from './popup-requests';
import { applyReport, type PageCandidatesState } from './report-delta';
import { recordSiteRead } from './site-reads';
import { detect, lookupOf, peopleCount, type Detection, type Lookup } from './tab-detections';
import { forgetTab, heldTab, holdTab, knownTabIds, persistTab, readTab, writeTab } from './tab-store';

/** Work for one tab, one piece after another in the order asked: an older report never overwrites a newer. */
function orderedBy(queues: Map<number, Promise<unknown>>) {
  return <T>(tabId: number, work: () => Promise<T>): Promise<T> => {
    const next = (queues.get(tabId) ?? Promise.resolve()).then(work, work);
    queues.set(tabId, next.catch(() => undefined));
    return next;
  };
}

/** Reading a report: matching it, the badge, the tab's state in memory. */
const inTabOrder = orderedBy(new Map());

/**
 * What follows a report (storage.session, the logs, the locked notice), in the same order but in a
 * line of its own: the next report's badge does not wait for the last one's writes. Everything else
 * that changes a tab's state waits for this line first (`keptFor`).
 */
const keeping = new Map<number, Promise<unknown>>();
const afterReport = orderedBy(keeping);
const keptFor = (tabId: number): Promise<unknown> => keeping.get(tabId) ?? Promise.resolve();

/**
 * Each tab's candidates as its reports built them, in memory: pages report what changed, and this
 * is what it changed from. A restarted service worker has none, and asks for a full report.
 */
const pages = new Map<number, PageCandidatesState>();

/** How long a report waits for the matcher before the badge says the page is being checked. */
const CHECKING_AFTER_MS = 400;

export async function onPageCandidates(tabId: number, message: PageCandidates): Promise<CandidatesReply> {
  let kept: Promise<void> = Promise.resolve();
  const reply = await inTabOrder(tabId, async (): Promise<CandidatesReply> => {
    const page = applyReport(pages.get(tabId), message);
    // A delta lost, out of order, or from before a restart: nothing changes until the full report.
    if (!page) return { ok: true, guard: [], resend: true };
    pages.set(tabId, page);
    const { candidates } = page;
    // A matcher still to be built (a restarted worker, a long list: seconds) says so on the badge
    // if it takes long enough to notice; the count replaces it, asked for after it.
    const checking = matcherReady() ? 0 : setTimeout(() => void showChecking(tabId), CHECKING_AFTER_MS);
    const { matcher, locked, people } = await currentMatcher().finally(() => clearTimeout(checking));
    // Locked: nothing is matched, but the tab is remembered so that unlocking matches it again.
    const detections = locked ? [] : detect(matcher, candidates);
    const { url, platform, pageKind, recognised, connectionSteps, lang } = message;
    const before = await readTab(tabId);
    // Held in memory before the badge changes, so a popup opened on the new count reads the new
    // state; what was already logged for this page comes from the latest held state, read and
    // replaced in this one step.
    const safetyLogged = heldTab(tabId)?.safetyLogged ?? before?.safetyLogged ?? [];
    holdTab(tabId, {
      url,
      platform,
      pageKind,
      recognised,
      connectionSteps,
      ...(lang && { lang }),
      detections,
      ...(safetyLogged.length > 0 && { safetyLogged }),
    });
    // The badge next: it is what the clinician sees, and nothing below changes what it says.
    if (locked) await showLocked([tabId]);
    else if (!recognised) await showUnreadable(tabId);
    else await showCount(tabId, peopleCount(detections));
    kept = afterReport(tabId, async () => {
      await persistTab(tabId);
      // Logged by an earlier report of this page while this one was read: not logged again.
      const logged = await logSafetySightings(detections, people.safety, message, heldTab(tabId)?.safetyLogged ?? safetyLogged);
      const now = heldTab(tabId);
      if (now && logged.length > 0) {
        holdTab(tabId, { ...now, safetyLogged: [...new Set([...(now.safetyLogged ?? []), ...logged])] });
        await persistTab(tabId);
      }
      // A site's page opened while locked (not one reporting again because the vault just
      // locked): say so where the clinician will see it without the icon pinned, once per lock period.
      if (locked && before?.url !== url) await noticeLocked(tabId);
      // Read, and someone recognised on it: reading still works on this site's pages of this kind.
      if (pageKind && candidates.some((c) => c.kind !== 'profile')) await recordSiteRead(platform, pageKind);
      await logSightings(detections);
    });
    // Only a profile the clinician linked to a client arms the guard; a shared name alone is shown
    // in the popup but not guarded, since every real click the guard holds back is seen by the page.
    return { ok: true, guard: detections.filter((d) => d.kind === 'profile' && d.match === 'exact').map((d) => d.token) };
  });
  // The page hears back once this report is kept too: a reply means it is all done.
  await kept;
  return reply;
}

/** The activity kind a client seen among suggestions or connections is logged as, for the check-up page. */
const SIGHTINGS: Partial<Record<Detection['kind'], ActivityEntry['kind']>> = { suggestion: 'suggestion-seen', connection: 'connection-seen' };

/**
 * Logs the clients a page showed among its suggestions or the clinician's own connections, once a
 * client, kind and site a day. Locked meanwhile or re-keyed: nothing is written, and the next
 * report (the page reports again on unlocking) writes it.
 */
async function logSightings(detections: readonly Detection[]): Promise<void> {
  const at = Date.now();
  const seen = detections.flatMap((d) => {
    const kind = SIGHTINGS[d.kind];
    return kind ? d.clientIds.map((clientId) => ({ at, kind, place: d.platform, clientId })) : [];
  });
  try {
    await logOncePerDay(database(), seen);
  } catch (error) {
    if (!(error instanceof VaultLockedError || error instanceof VaultChangedError)) throw error;
  }
}

/**
 * Logs every sighting of a person with a safety concern: when, on which site and which kind of page
 * (never the address, which names people), once a client and page load (`logged` holds those
 * already written; the new list is returned). Nothing is kept while the vault is locked or re-keyed.
 */
async function logSafetySightings(
  detections: readonly Detection[],
  safety: ReadonlySet<number>,
  report: PageCandidates,
  logged: readonly string[],
): Promise<string[]> {
  if (safety.size === 0) return [];
  let path: string;
  try {
    path = new URL(report.url).pathname;
  } catch {
    return [...logged];
  }
  const at = Date.now();
  const held = new Set(logged);
  const fresh: ActivityEntry[] = [];
  for (const detection of detections) {
    for (const clientId of detection.clientIds) {
      const key = `${path}|${clientId}`;
      if (!safety.has(clientId) || held.has(key)) continue;
      held.add(key);
      const page = report.pageKind ?? (detection.kind === 'profile' ? 'profile' : 'other');
      fresh.push({ at, kind: 'safety-seen', place: detection.platform, clientId, page });
    }
  }
  if (fresh.length === 0) return [...held];
  try {
    // A page reported; nobody clicked: asking for the key does not count as the clinician's use.
    const cipher = await currentCipher(database(), { touch: false });
    for (const entry of fresh) await logActivity(database(), entry, cipher);
  } catch (error) {
    if (!(error instanceof VaultLockedError || error instanceof VaultChangedError)) throw error;
    return [...logged];
  }
  return [...held];
}

/** The profile guard stopped a click and the clinician chose: the log keeps which, for whom. */
export async function onGuardDecision(tabId: number, message: GuardDecision): Promise<void> {
  const detection = await findDetection(tabId, message.token);
  if (detection?.kind !== 'profile') return;
  await logFor(detection, { kind: message.confirmed ? 'guard-confirmed' : 'guard-cancelled', action: message.action });
}

/** One activity entry per client a detection matched (several only for a shared name). */
async function logFor(detection: Detection, entry: Pick<ActivityEntry, 'kind' | 'action'>): Promise<void> {
  const at = Date.now();
  for (const clientId of detection.clientIds) {
    await logActivity(database(), { at, place: detection.platform, clientId, ...entry });
  }
}

/**
 * A tab's address changed. Search and review pages have no content script: their address is
 * all Boundary reads, and only once the clinician granted those hosts (without the permission
 * the browser does not tell the background their address at all).
 */
export function onTabAddress(tabId: number, href: string): Promise<void> {
  return inTabOrder(tabId, async () => {
    await keptFor(tabId);
    const found = lookupOf(href);
    if (!found) {
      // Left a search for another page of the same site: what the search showed goes.
      const state = await readTab(tabId);
      if (state?.lookup) {
        await forgetTab(tabId);
        await showCount(tabId, 0);
      }
      return;
    }
    // Only a search needs the list, and nothing is matched while the vault is locked.
    const { matcher, locked } = await currentMatcher();
    // The query stays out of what is kept: it is the one thing on these pages that names anyone.
    const lookup: Lookup =
      found.kind === 'review' ? found : { kind: 'search', engine: found.engine, clientIds: locked ? [] : matcher.namesIn(found.query) };
    const url = new URL(href);
    await writeTab(tabId, { url: `${url.origin}${url.pathname}`, recognised: true, detections: [], lookup });
    if (locked) await showLocked([tabId]);
    else if (lookup.kind === 'review') await showNotice(tabId);
    else await showCount(tabId, peopleCount([], lookup));
  });
}

export function onTabGone(tabId: number): Promise<void> {
  return inTabOrder(tabId, async () => {
    await keptFor(tabId);
    pages.delete(tabId);
    await forgetTab(tabId);
    if (await vaultLocked()) await showLocked([tabId]);
    else await showCount(tabId, 0);
  });
}

/**
 * The vault was locked, unlocked, turned on or off, or re-keyed, by a page or by going idle.
 * Locked: whatever was matched with the key is dropped and the icon shows the lock. Otherwise
 * open tabs report again and are matched with the list as it now reads.
 */
export async function onVaultChanged(): Promise<void> {
  dropMatcher();
  forgetOnLock();
  const tabIds = await knownTabIds();
  if (await vaultLocked()) {
    await Promise.all(
      tabIds.map(async (tabId) => {
        const state = await readTab(tabId);
        if (state && state.detections.length > 0) await writeTab(tabId, { ...state, detections: [] });
        if (state?.lookup?.kind === 'search') await writeTab(tabId, { ...state, lookup: { ...state.lookup, clientIds: [] } });
      }),
    );
    await showLocked(tabIds);
    // Pages report again and hear that nothing is matched while locked: their guards stand down.
    await Promise.all(tabIds.map((tabId) => sendToTab(tabId, { type: 'resend' })));
  } else {
    await clearLocked(tabIds);
    await rematch(tabIds);
  }
}

/** At start-up: a browser that was closed comes back locked (session storage is empty), so say so. */
export async function showVaultState(): Promise<void> {
  if (await vaultLocked()) await showLocked(await knownTabIds());
}

async function sendToTab(tabId: number, message: BackgroundToContent, platform?: Detection['platform']): Promise<ActionResult> {
  let reply: ContentReply;
  try {
    reply = (await browser.tabs.sendMessage(tabId, message)) as ContentReply;
    // A content script whose action failed answers nothing (lib/detect/content-main.ts).
    if (!reply) throw new Error('No answer');
  } catch {
    return { ok: false, reason: t('action_page_gone') };
  }
  if (reply.ok || !('refusal' in reply)) return reply;
  return { ok: false, reason: refusalWords(reply.refusal, message.type, platform) };
}

/** A content script's refusal, in words for the popup. */
function refusalWords(refusal: ContentRefusal, action: BackgroundToContent['type'], platform: Detection['platform'] | undefined): string {
  const site = platform ? siteName(platform) : '';
  switch (refusal) {
    case 'card-gone':
      return t('action_card_gone');
    case 'wrong-kind':
      return t('action_wrong_kind');
    case 'no-step':
      return t('action_no_step', site);
    case 'no-control':
      return t('action_no_control', site);
    case 'no-box':
      return t('action_no_box');
    case 'not-open':
      return t('action_not_open');
    case 'not-typed':
      return t('action_not_typed');
    case 'unconfirmed':
      return t(UNCONFIRMED[action as CardAction] ?? 'action_unconfirmed_decline', site);
  }
}

/** Why a press on a card is not said done, when the page did not visibly answer it. */
const UNCONFIRMED: Record<CardAction, MessageKey> = {
  decline: 'action_unconfirmed_decline',
  'remove-suggestion': 'action_unconfirmed_suggestion',
  'connection-step': 'action_unconfirmed_step',
  block: 'action_unconfirmed_block',
  'mention-step': 'action_unconfirmed_step',
};

/** What a card action did, once the page answered, and the activity it is logged as (if any). */
const CARD_ACTION_DONE: Record<CardAction, { done: MessageKey; log?: ActivityEntry['kind'] }> = {
  decline: { done: 'result_declined', log: 'declined' },
  'remove-suggestion': { done: 'result_suggestion_removed', log: 'suggestion-removed' },
  'connection-step': { done: 'result_step_opened' },
  block: { done: 'result_block_opened', log: 'block-opened' },
  'mention-step': { done: 'result_mention_menu_opened' },
};

/** One of the site's own controls on a card, for the popup: said done only when the page reacted. */
async function cardAction(type: CardAction, tabId: number, token: string): Promise<ActionResult> {
  const detection = await findDetection(tabId, token);
  const result = await sendToTab(tabId, { type, token }, detection?.platform);
  // An item without a menu of its own (a notification): its adapter says so without words.
  if (!result.ok && type === 'mention-step' && !result.reason) return { ok: false, reason: t('action_no_mention_menu', detection ? siteName(detection.platform) : '') };
  if (!result.ok) return result;
  const { done, log } = CARD_ACTION_DONE[type];
  if (detection && log) await logFor(detection, { kind: log });
  return { ok: true, done: t(done, detection ? siteName(detection.platform) : '') };
}

/**
 * The anonymised outline of a tab's page. Its code is injected for this one request
 * (entrypoints/outline.ts) rather than carried by every content script on every page; the tab
 * must be one a content script reads, so the site and page kind are known.
 */
async function outline(tabId: number): Promise<OutlineResult> {
  const state = await readTab(tabId);
  if (!state?.platform) return { ok: false, reason: t('action_page_gone') };
  try {
    const html = await injectOutline(tabId);
    return typeof html === 'string' ? { ok: true, html, platform: state.platform, pageKind: state.pageKind ?? null } : { ok: false, reason: t('action_page_gone') };
  } catch {
    return { ok: false, reason: t('action_page_gone') };
  }
}

/** Runs the outline script in the tab's page and hands back what it made. */
async function injectOutline(tabId: number): Promise<unknown> {
  if (import.meta.env.MANIFEST_VERSION === 2) {
    const [html] = (await browser.tabs.executeScript(tabId, { file: '/outline.js' })) ?? [];
    return html;
  }
  const [injection] = await browser.scripting.executeScript({ target: { tabId }, files: ['/outline.js'] });
  return injection?.result;
}

/** The tabs whose pages a content script reads now: site, kind and whether it could read them. */
async function siteTabs(): Promise<SiteTab[]> {
  const tabs = await Promise.all(
    (await knownTabIds()).map(async (tabId): Promise<SiteTab | []> => {
      const state = await readTab(tabId);
      if (!state?.platform) return [];
      return { tabId, platform: state.platform, pageKind: state.pageKind ?? null, recognised: state.recognised };
    }),
  );
  return tabs.flat();
}

/**
 * Asks tabs to report their candidates again, after the list or a decision about a profile
 * changed; a search tab, which has no content script, is read again from its address.
 */
async function rematch(tabIds: readonly number[]): Promise<void> {
  invalidateMatcher();
  await reportAgain(tabIds);
}

/**
 * A write to the list committed, here or in an extension page (lib/matching/matcher-cache.ts,
 * onListChange): the matcher is already being brought up to date, and every open tab reports
 * again, so its badge is counted against the list as it now is once that is done.
 */
export async function onListChanged(): Promise<void> {
  await reportAgain(await knownTabIds());
}

async function reportAgain(tabIds: readonly number[]): Promise<void> {
  await Promise.all(
    tabIds.map(async (tabId) => {
      if (!(await readTab(tabId))?.lookup) return sendToTab(tabId, { type: 'resend' });
      const url = await browser.tabs.get(tabId).then((tab) => tab.url, () => undefined);
      if (url) await onTabAddress(tabId, url);
    }),
  );
}

async function findDetection(tabId: number, token: string): Promise<Detection | undefined> {
  return (await readTab(tabId))?.detections.find((d) => d.token === token);
}

/**
 * A matched record as the popup is told of it: name, status, version, the dates and flags that
 * change what it suggests, and for a related person their client's name and the relationship
 * (for the clinician's eyes; replies never say it). Only extension pages receive this.
 */
export function detectionClient(id: number, clients: ReadonlyMap<number, Client>, people?: PeopleIndex): DetectionClient[] {
  const client = clients.get(id);
  if (!client) return [];
  const relatedTo = client.relatedTo === undefined ? undefined : clients.get(client.relatedTo);
  // A young person's guardians are shown with them.
  const guardians = (people?.guardians.get(id) ?? []).flatMap(({ id: guardianId, relationship }) => {
    const guardian = clients.get(guardianId);
    return guardian ? [{ clientId: guardianId, name: guardian.name, relationship }] : [];
  });
  return [
    {
      id,
      name: client.name,
      status: client.status,
      version: versionOf(client),
      ...(client.endDate !== undefined && { endDate: client.endDate }),
      ...(client.minor === true && { minor: true }),
      ...(client.safety === true && { safety: true }),
      ...(relatedTo && client.relationship && { related: { clientId: relatedTo.id, name: relatedTo.name, relationship: client.relationship } }),
      ...(guardians.length > 0 && { guardians }),
    },
  ];
}

async function tabDetections(tabId: number): Promise<TabDetections> {
  return (await tabAnswer(tabId)).detections;
}

/** A tab's detections, and the vault's state as the key read for them found it (the popup needs both; one read of the key serves). */
async function tabAnswer(tabId: number): Promise<{ detections: TabDetections; vault: VaultState }> {
  const db = database();
  const lockedView = async (): Promise<{ detections: TabDetections; vault: VaultState }> => {
    // Found locked (an idle vault locks on this very read): no record opened with the key is kept.
    forgetOnLock();
    const state = await readTab(tabId);
    return { detections: { supported: state !== undefined, recognised: state?.recognised ?? true, listSize: 0, detections: [], locked: true }, vault: 'locked' };
  };
  // The key, the tab and the matcher's state at once: each waits on storage, and the popup on them all.
  // The popup was opened: the clinician is using Boundary, which keeps an unlocked vault open.
  const [key, tab, matching] = await Promise.allSettled([heldCipher(db, { touch: true }), readTab(tabId), currentMatcher()]);
  if (key.status === 'rejected') {
    if (key.reason instanceof VaultLockedError) return lockedView();
    throw key.reason;
  }
  const cipher: Cipher = key.value;
  const vault: VaultState = cipher.sealed ? 'unlocked' : 'off';
  if (tab.status === 'rejected') throw tab.reason;
  if (matching.status === 'rejected') throw matching.reason;
  const state = tab.value;
  const { listSize, locked, people } = matching.value;
  if (locked) return lockedView();
  if (!state) return { detections: { supported: false, recognised: true, listSize, detections: [] }, vault };
  const lookupIds = state.lookup?.kind === 'search' ? state.lookup.clientIds : [];
  const ids = [...new Set([...state.detections.flatMap((d) => d.clientIds), ...lookupIds])];
  let clients: Map<number, Client>;
  try {
    // Kept from the last popup until the list changes or the vault locks (popup-cache.ts).
    clients = await cachedClientsById(db, ids, cipher);
  } catch (error) {
    if (error instanceof VaultLockedError) return lockedView();
    throw error;
  }
  // The clients related people are related to, and young people's guardians, named too: read
  // here, in the background, never on the page.
  const linked = [...clients.values()].flatMap((c) => [...(c.relatedTo === undefined ? [] : [c.relatedTo]), ...(people.guardians.get(c.id) ?? []).map((g) => g.id)]);
  if (linked.some((id) => !clients.has(id))) {
    try {
      for (const [id, client] of await cachedClientsById(db, linked.filter((id) => !clients.has(id)), cipher)) clients.set(id, client);
    } catch (error) {
      if (error instanceof VaultLockedError) return lockedView();
      throw error;
    }
  }
  const named = (clientIds: readonly number[]) => clientIds.flatMap((id) => detectionClient(id, clients, people));
  const detections = state.detections.flatMap((d): DetectionView[] => {
    const matched = named(d.clientIds);
    if (matched.length === 0) return [];
    const { clientIds: _ids, ...rest } = d;
    return [{ ...rest, clients: matched }];
  });
  let lookup: LookupView | undefined;
  if (state.lookup?.kind === 'review') lookup = state.lookup;
  else if (state.lookup?.kind === 'search' && state.lookup.clientIds.length > 0) {
    lookup = { kind: 'search', engine: state.lookup.engine, clients: named(state.lookup.clientIds) };
  }
  const view: TabDetections = {
    supported: true,
    recognised: state.recognised,
    ...(state.platform && { platform: state.platform }),
    pageKind: state.pageKind ?? null,
    connectionSteps: state.connectionSteps === true,
    ...(state.lang && { pageLanguage: state.lang }),
    listSize,
    detections,
    ...(isMessageRequestsPage(state.url) && { messageRequests: true }),
    ...(lookup && { lookup }),
  };
  return { detections: view, vault };
}


/**
 * The last check before a reply is typed into a page, whoever asked: text the confidentiality
 * check flags goes in only after the clinician's second click, and text longer than the site
 * takes does not go in at all (the site would cut it or refuse to send it). The practice's own
 * details (its name, channels) never count against the text, as in the popup.
 */
async function insertReply(message: Extract<PageToBackground, { type: 'insert-reply' }>): Promise<ActionResult> {
  const lint = lintReply(message.text, ownTexts(await loadSettings(database())));
  if (!lint.ok && !message.confirmed) {
    return { ok: false, reason: t('action_flagged', lint.findings.map((f) => `“${f.text}”`).join(', ')) };
  }
  const detection = await findDetection(message.tabId, message.token);
  if (detection) {
    const length = checkLength(message.text, detection.platform);
    if (length.over) return { ok: false, reason: t('action_too_long', length.length, length.limit) };
  }
  const reply = await sendToTab(message.tabId, { type: 'insert-text', token: message.token, text: message.text }, detection?.platform);
  // Said in the clinician's language: what the page's side says is for developers.
  return reply.ok ? { ok: true, done: t('result_reply_inserted') } : reply;
}

/** Where "Leave page" goes when the tab has no page to go back to: the site's own start page. */
const START_PAGES: Record<Detection['platform'], string> = {
  facebook: 'https://www.facebook.com/',
  instagram: 'https://www.instagram.com/',
  linkedin: 'https://www.linkedin.com/feed/',
};

/**
 * Back in the tab's history when that stays on the site; else (no history, or back would leave
 * the site for a new-tab page or another site) the site's start page, so the clinician never
 * lands on a blank tab.
 */
async function leavePage(tabId: number): Promise<ActionResult> {
  const platform = (await readTab(tabId))?.detections.find((d) => d.kind === 'profile')?.platform;
  const before = (await browser.tabs.get(tabId).catch(() => undefined))?.url;
  let wentBack = true;
  try {
    await browser.tabs.goBack(tabId);
  } catch {
    wentBack = false;
  }
  if (wentBack && platform && !(await landsOnSite(tabId, before, START_PAGES[platform]))) wentBack = false;
  if (!wentBack) {
    if (!platform) return { ok: false, reason: t('result_no_page_back') };
    await browser.tabs.update(tabId, { url: START_PAGES[platform] });
  }
  return { ok: true, done: t('result_left_page') };
}

/** Whether the tab, once back moved it off `before`, shows a page on the same site as `start` (waits up to 2 s). */
async function landsOnSite(tabId: number, before: string | undefined, start: string): Promise<boolean> {
  const site = new URL(start).hostname;
  for (let waited = 0; waited < 2000; waited += 100) {
    const url = (await browser.tabs.get(tabId).catch(() => undefined))?.url;
    if (url && url !== before) {
      try {
        return new URL(url).hostname === site;
      } catch {
        return false;
      }
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  // Still on the same address (an in-page back), or the address is not ours to read: not the site.
  return false;
}

/** Takes back "this is them" or "not them"; every open tab is matched again, since the profile may be on any. */
async function undoDecision(message: Extract<PageToBackground, { type: 'undo-this-is-them' | 'undo-not-them' }>): Promise<ActionResult> {
  const db = database();
  try {
    if (message.type === 'undo-this-is-them') await unlinkIdentity(db, message.clientId, message.platform, message.identity);
    else await forgetNotThem(db, message.clientId, message.platform, message.identity);
  } catch (error) {
    if (error instanceof VaultLockedError || error instanceof VaultChangedError || error instanceof ClientWriteRefused) {
      return { ok: false, reason: error.message };
    }
    throw error;
  }
  await rematch(await knownTabIds());
  return { ok: true, done: t(message.type === 'undo-this-is-them' ? 'result_link_undone' : 'result_not_them_undone') };
}

export async function onPageRequest(message: PageToBackground): Promise<TabDetections | PopupState | ActionResult | OutlineResult | SiteTab[]> {
  switch (message.type) {
    case 'get-detections':
      return tabDetections(message.tabId);
    case 'popup-state':
      return popupState(tabAnswer(message.tabId));
    case 'unlock-vault': {
      const result = await unlockFromPopup(message.passphrase);
      if (result.ok) await onVaultChanged();
      return result;
    }
    case 'lock-vault': {
      const result = await lockFromPopup();
      await onVaultChanged();
      return result;
    }
    case 'add-discuss':
      return addDiscussFromPopup(message);
    case 'welfare-check':
      return welfareCheckFromPopup(message);
    case 'decline':
    case 'remove-suggestion':
    case 'connection-step':
    case 'mention-step':
    case 'block':
      return cardAction(message.type, message.tabId, message.token);
    case 'insert-reply': {
      const detection = await findDetection(message.tabId, message.token);
      const result = await insertReply(message);
      if (result.ok && detection) await logFor(detection, { kind: 'reply-inserted' });
      return result;
    }
    case 'outline':
      return outline(message.tabId);
    case 'site-tabs':
      return siteTabs();
    case 'leave-page':
      return leavePage(message.tabId);
    case 'this-is-them':
    case 'not-them': {
      const detection = await findDetection(message.tabId, message.token);
      if (!detection?.identity || !detection.clientIds.includes(message.clientId)) {
        return { ok: false, reason: t('action_person_gone') };
      }
      const db = database();
      try {
        if (message.type === 'this-is-them') {
          await linkIdentity(db, message.clientId, detection.platform, detection.identity, message.version);
        } else {
          await rememberNotThem(db, message.clientId, detection.platform, detection.identity);
        }
      } catch (error) {
        // Locked, or re-keyed meanwhile: say so in the popup rather than fail without a word.
        // Changed since the popup showed it, or past a limit: said too, and nothing was written.
        if (error instanceof VaultLockedError || error instanceof VaultChangedError || error instanceof ClientWriteRefused) {
          return { ok: false, reason: error.message };
        }
        throw error;
      }
      await logActivity(db, {
        at: Date.now(),
        kind: message.type === 'this-is-them' ? 'profile-linked' : 'profile-rejected',
        place: detection.platform,
        clientId: message.clientId,
      });
      await rematch([message.tabId]);
      return { ok: true, done: t(message.type === 'this-is-them' ? 'result_profile_saved' : 'result_not_shown_again') };
    }
    case 'undo-this-is-them':
    case 'undo-not-them':
      return undoDecision(message);
    case 'clients-changed':
      await rematch(await knownTabIds());
      return { ok: true, done: 'Rematched open tabs' };
    case 'vault-changed':
      await onVaultChanged();
      return { ok: true, done: 'Vault state applied' };
  }
}
