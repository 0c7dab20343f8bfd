import { browser } from 'wxt/browser';
import { database } from '@/lib/clients/db';
import { ClientWriteRefused } from '@/lib/clients/limits';
import { versionOf } from '@/lib/clients/model';
import { clientsById, linkIdentity, rememberNotThem } from '@/lib/clients/store';
import { t } from '@/lib/i18n/t';
import { currentMatcher, invalidateMatcher, vaultLocked } from '@/lib/matching/matcher-cache';
import { logActivity, logOncePerDay } from '@/lib/activity/store';
import type { ActivityEntry } from '@/lib/activity/model';
import type {
  BackgroundToContent,
  CandidatesReply,
  CardAction,
  ContentRefusal,
  ContentReply,
  DetectionView,
  GuardDecision,
  LookupView,
  OutlineResult,
  PageCandidates,
  PageToBackground,
  SiteTab,
  TabDetections,
} from '@/lib/messaging/messages';
import { siteName } from '@/lib/policy/suggestions';
import { lintReply } from '@/lib/policy/confidentiality';
import { checkLength } from '@/lib/replies/limits';
import { isMessageRequestsPage } from '@/lib/replies/situations';
import type { ActionResult } from '@/lib/sites/types';
import { currentCipher, VaultChangedError, VaultLockedError, type Cipher } from '@/lib/vault/cipher';
import { clearLocked, showCount, showLocked, showNotice, showUnreadable } from './badge';
import { recordSiteRead } from './site-reads';
import { detect, lookupOf, peopleCount, type Detection, type Lookup } from './tab-detections';
import { forgetTab, knownTabIds, readTab, writeTab } from './tab-store';

/** Reports from one tab are handled one after another, so an older one never overwrites a newer. */
const queues = new Map<number, Promise<unknown>>();
function inTabOrder<T>(tabId: number, work: () => Promise<T>): Promise<T> {
  const next = (queues.get(tabId) ?? Promise.resolve()).then(work, work);
  queues.set(tabId, next.catch(() => undefined));
  return next;
}

export function onPageCandidates(tabId: number, message: PageCandidates): Promise<CandidatesReply> {
  return inTabOrder(tabId, async () => {
    const { matcher, locked } = await currentMatcher();
    // Locked: nothing is matched, but the tab is remembered so that unlocking matches it again.
    const detections = locked ? [] : detect(matcher, message.candidates);
    const { url, platform, pageKind, recognised, connectionSteps } = message;
    await writeTab(tabId, { url, platform, pageKind, recognised, connectionSteps, detections });
    if (locked) await showLocked([tabId]);
    else if (!recognised) await showUnreadable(tabId);
    else await showCount(tabId, peopleCount(detections));
    // Read, and someone recognised on it: reading still works on this site's pages of this kind.
    if (pageKind && message.candidates.some((c) => c.kind !== 'profile')) await recordSiteRead(platform, pageKind);
    await logSightings(detections);
    // Only a profile the clinician linked to a client arms the guard; a shared name alone is shown
    // in the popup but not guarded, since every real click the guard holds back is seen by the page.
    return { ok: true, guard: detections.filter((d) => d.kind === 'profile' && d.match === 'exact').map((d) => d.token) };
  });
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
  invalidateMatcher();
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
    case 'no-box':
      return t('action_no_box');
    case 'not-open':
      return t('action_not_open');
    case 'unconfirmed':
      return t(
        action === 'remove-suggestion'
          ? 'action_unconfirmed_suggestion'
          : action === 'connection-step' || action === 'mention-step'
            ? 'action_unconfirmed_step'
            : 'action_unconfirmed_decline',
        site,
      );
  }
}

/** What a card action did, once the page answered, and the activity it is logged as (if any). */
const CARD_ACTION_DONE: Record<
  CardAction,
  { done: 'result_declined' | 'result_suggestion_removed' | 'result_step_opened' | 'result_mention_menu_opened'; log?: ActivityEntry['kind'] }
> = {
  decline: { done: 'result_declined', log: 'declined' },
  'remove-suggestion': { done: 'result_suggestion_removed', log: 'suggestion-removed' },
  'connection-step': { done: 'result_step_opened' },
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

async function tabDetections(tabId: number): Promise<TabDetections> {
  const db = database();
  const lockedView = async (): Promise<TabDetections> => {
    const state = await readTab(tabId);
    return { supported: state !== undefined, recognised: state?.recognised ?? true, listSize: 0, detections: [], locked: true };
  };
  let cipher: Cipher;
  try {
    // The popup was opened: the clinician is using Boundary, which keeps an unlocked vault open.
    cipher = await currentCipher(db);
  } catch (error) {
    if (error instanceof VaultLockedError) return lockedView();
    throw error;
  }
  const [state, { listSize, locked }] = await Promise.all([readTab(tabId), currentMatcher()]);
  if (locked) return lockedView();
  if (!state) return { supported: false, recognised: true, listSize, detections: [] };
  const lookupIds = state.lookup?.kind === 'search' ? state.lookup.clientIds : [];
  const ids = [...new Set([...state.detections.flatMap((d) => d.clientIds), ...lookupIds])];
  let clients: Awaited<ReturnType<typeof clientsById>>;
  try {
    clients = await clientsById(db, ids, cipher);
  } catch (error) {
    if (error instanceof VaultLockedError) return lockedView();
    throw error;
  }
  const named = (clientIds: readonly number[]) =>
    clientIds.flatMap((id) => {
      const client = clients.get(id);
      return client ? [{ id, name: client.name, status: client.status, version: versionOf(client) }] : [];
    });
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
  return {
    supported: true,
    recognised: state.recognised,
    ...(state.platform && { platform: state.platform }),
    pageKind: state.pageKind ?? null,
    connectionSteps: state.connectionSteps === true,
    listSize,
    detections,
    ...(isMessageRequestsPage(state.url) && { messageRequests: true }),
    ...(lookup && { lookup }),
  };
}

/**
 * The last check before a reply is typed into a page, whoever asked: text the confidentiality
 * check flags goes in only after the clinician's second click, and text longer than the site
 * takes does not go in at all (the site would cut it or refuse to send it).
 */
async function insertReply(message: Extract<PageToBackground, { type: 'insert-reply' }>): Promise<ActionResult> {
  const lint = lintReply(message.text);
  if (!lint.ok && !message.confirmed) {
    return { ok: false, reason: t('action_flagged', lint.findings.map((f) => `“${f.text}”`).join(', ')) };
  }
  const detection = await findDetection(message.tabId, message.token);
  if (detection) {
    const length = checkLength(message.text, detection.platform);
    if (length.over) return { ok: false, reason: t('action_too_long', length.length, length.limit) };
  }
  return sendToTab(message.tabId, { type: 'insert-text', token: message.token, text: message.text }, detection?.platform);
}

/** Where "Leave page" goes when the tab has no page to go back to: the site's own start page. */
const START_PAGES: Record<Detection['platform'], string> = {
  facebook: 'https://www.facebook.com/',
  instagram: 'https://www.instagram.com/',
  linkedin: 'https://www.linkedin.com/feed/',
};

async function leavePage(tabId: number): Promise<ActionResult> {
  const platform = (await readTab(tabId))?.detections.find((d) => d.kind === 'profile')?.platform;
  try {
    await browser.tabs.goBack(tabId);
  } catch {
    if (!platform) return { ok: false, reason: t('result_no_page_back') };
    await browser.tabs.update(tabId, { url: START_PAGES[platform] });
  }
  return { ok: true, done: t('result_left_page') };
}

export async function onPageRequest(message: PageToBackground): Promise<TabDetections | ActionResult | OutlineResult | SiteTab[]> {
  switch (message.type) {
    case 'get-detections':
      return tabDetections(message.tabId);
    case 'decline':
    case 'remove-suggestion':
    case 'connection-step':
    case 'mention-step':
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
    case 'clients-changed':
      await rematch(await knownTabIds());
      return { ok: true, done: 'Rematched open tabs' };
    case 'vault-changed':
      await onVaultChanged();
      return { ok: true, done: 'Vault state applied' };
  }
}
