import { useEffect, useLayoutEffect, useRef, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { RichMessage } from '@/components/RichMessage';
import { DeclineAll } from './DeclineAll';
import { declineAllList } from './decline-all';
import { DetectionItem } from './DetectionItem';
import { firstSeenOrder } from './first-seen';
import { HoldItem } from './held';
import { KeyHint } from './KeyHint';
import { ListedPersonItem } from './ListedPersonItem';
import { LookupNotice } from './LookupNotice';
import { MentionItem } from './MentionItem';
import { PageUnreadable } from './PageUnreadable';
import { ProfileItem } from './ProfileItem';
import { t } from '@/lib/i18n/t';
import { ask } from '@/lib/messaging/ask';
import type { DetectionView, TabDetections } from '@/lib/messaging/messages';
import type { ActionResult } from '@/lib/sites/types';
import { policySuggestion } from '@/lib/policy/suggestions';
import type { CandidateKind } from '@/lib/sites/types';
import type { ReplyContext } from '@/lib/replies/context';
import { USED_ITEM } from '@/lib/vault/session-items';
import type { VaultState } from '@/lib/vault/vault';
import { Unlock } from './Unlock';
import { answerOf, takeFirstAsk, targetTabId, type Answer, type FirstAsk } from './first-ask';

/** popup.html's first script's question, sent before this bundle loaded; taken by the first refresh. */
const firstAsk: Promise<FirstAsk> | undefined = takeFirstAsk();
let firstTaken = false;

/**
 * The tab and the background's answer for it: the first time, the first script's; every time
 * after, and if that script did not run or its question failed, asked now. One message: the
 * background holds the tab's detections and reads the database for the popup, which loads no
 * Dexie of its own (issue 16).
 */
function askState(): Promise<Answer> {
  const first = firstTaken ? undefined : firstAsk;
  firstTaken = true;
  return answerOf(first, async () => {
    const tabId = await targetTabId(browser);
    return tabId === undefined ? { tabId } : { tabId, state: await ask({ type: 'popup-state', tabId }) };
  });
}

/** A change to session storage that is more than a note of use (the popup's own request writes one). */
const worthRefreshing = (keys: readonly string[]) => keys.some((key) => key !== USED_ITEM);

type Load =
  | { state: 'loading' }
  | { state: 'error'; message: string }
  | { state: 'ready'; tabId: number; data: TabDetections; replies: ReplyContext; vault: VaultState };

/** Kept from the first answer: the practice changes its settings and templates in the options page. */
let replyContext: ReplyContext | undefined;

export function App() {
  const [load, setLoad] = useState<Load>({ state: 'loading' });

  const refresh = async () => {
    try {
      const { tabId, state } = await askState();
      if (tabId === undefined || !state) return setLoad({ state: 'error', message: t('popup_no_tab') });
      const { detections: data, replies, vault } = state;
      replyContext ??= replies;
      setLoad({ state: 'ready', tabId, data, replies: replyContext, vault });
    } catch {
      setLoad({ state: 'error', message: t('popup_tab_unreadable') });
    }
  };
  // A layout effect, run as the first render is committed, not after the next frame as an
  // effect is: an answer already here is shown at once.
  useLayoutEffect(() => void refresh(), []);
  useEffect(() => {
    // Live: the background rewrites a tab's entry in session storage whenever the page changes.
    const onChanged = (changes: Record<string, unknown>, area: string) => {
      if (area === 'session' && worthRefreshing(Object.keys(changes))) void refresh();
    };
    browser.storage.onChanged.addListener(onChanged);
    // What changed between the first script's question and now: this listener was not there to hear it.
    void firstAsk
      ?.then(({ changed, stopNoting }) => {
        stopNoting();
        if (worthRefreshing(changed)) void refresh();
      })
      .catch(() => undefined);
    return () => browser.storage.onChanged.removeListener(onChanged);
  }, []);

  return (
    <main>
      <header>
        <h1>{t('ext_name')}</h1>
        <nav class="links">
          <a href={browser.runtime.getURL('/options.html#/clients')} target="_blank" rel="noreferrer">
            {t('nav_clients')}
          </a>
          <a href={browser.runtime.getURL('/options.html#/replies')} target="_blank" rel="noreferrer">
            {t('nav_replies')}
          </a>
          {load.state === 'ready' && load.vault === 'unlocked' && (
            <button
              class="link"
              data-testid="popup-lock"
              title={t('popup_lock_title')}
              onClick={() => void ask({ type: 'lock-vault' }).finally(() => void refresh())}
            >
              {t('popup_lock')}
            </button>
          )}
        </nav>
      </header>
      <Body load={load} onChanged={() => void refresh()} />
    </main>
  );
}

export function Body({ load, onChanged }: { load: Load; onChanged: () => void }) {
  // A declined card leaves the page's list, and so the tab's detections; it stays here, marked
  // done, until the popup closes, so the clinician sees what happened.
  const [done, setDone] = useState<Record<string, DetectionView>>({});
  const seen = useRef<string[]>([]);
  // Each card's outcome in "Decline all", by token, shown on its own item.
  const [bulk, setBulk] = useState<Record<string, ActionResult>>({});
  // Every item the clinician acted on in this popup, kept shown until it closes (see HoldItem).
  const [held, setHeld] = useState<Record<string, DetectionView>>({});
  const hold = (detection: DetectionView) => setHeld((items) => (detection.token in items ? items : { ...items, [detection.token]: detection }));
  if (load.state === 'loading') return <p class="muted">{t('popup_looking')}</p>;
  if (load.state === 'error') return <p class="warn">{load.message}</p>;
  const { tabId, data, replies } = load;
  if (data.locked) return <Unlock onUnlocked={onChanged} />;
  if (data.listSize === 0) {
    return (
      <p data-testid="popup-empty" data-reason="no-clients">
        <RichMessage message="popup_empty_list" parts={[<strong>{t('nav_clients')}</strong>]} />
      </p>
    );
  }
  if (!data.supported) {
    return (
      <p data-testid="popup-empty" data-reason="unsupported" class="muted">
        {t('popup_unsupported')}
      </p>
    );
  }
  if (data.lookup) return <LookupNotice lookup={data.lookup} language={replies.settings.language} />;
  if (data.detections.length === 0 && Object.keys(done).length === 0 && Object.keys(held).length === 0) {
    return (
      <div data-testid="popup-empty" data-reason={data.recognised ? 'no-matches' : 'unrecognised'}>
        {data.recognised ? (
          <p>{t('popup_no_matches')}</p>
        ) : (
          <PageUnreadable tabId={tabId} platform={data.platform} pageKind={data.pageKind} />
        )}
      </div>
    );
  }
  const ordered = firstSeenOrder(seen.current, data.detections, { ...held, ...done });
  seen.current = ordered.seen;
  const { shown } = ordered;
  const keep = (detection: DetectionView) => () => setDone((kept) => ({ ...kept, [detection.token]: detection }));
  const item = (detection: DetectionView) => {
    switch (detection.kind) {
      case 'profile':
        return <ProfileItem key={detection.token} tabId={tabId} detection={detection} onChanged={onChanged} onKept={keep(detection)} />;
      case 'mention':
        return <MentionItem key={detection.token} tabId={tabId} detection={detection} replies={replies} pageLanguage={data.pageLanguage} onChanged={onChanged} />;
      case 'suggestion':
      case 'connection':
        return (
          <ListedPersonItem
            key={detection.token}
            tabId={tabId}
            detection={detection}
            connectionSteps={data.connectionSteps === true}
            onChanged={onChanged}
            onRemoved={keep(detection)}
          />
        );
      default:
        return (
          <DetectionItem
            key={detection.token}
            tabId={tabId}
            detection={detection}
            replies={replies}
            pageLanguage={data.pageLanguage}
            messageRequests={data.messageRequests === true}
            bulkResult={bulk[detection.token]}
            onChanged={onChanged}
            onKept={keep(detection)}
          />
        );
    }
  };
  // People with a safety concern come first, whatever the kind: the clinician sees them before anyone else.
  const feared = (d: DetectionView) => d.clients.some((c) => c.safety);
  const safety = shown.filter(feared);
  // Only cards still on the page: one held here after its own Decline is not declined twice.
  const onPage = new Set(data.detections.map((d) => d.token));
  const declinable = declineAllList(
    shown.filter((d) => onPage.has(d.token)),
    done,
    replies.status,
  );
  const declinedByAll = (detection: DetectionView, result: ActionResult) => {
    setBulk((results) => ({ ...results, [detection.token]: result }));
    if (result.ok) keep(detection)();
  };
  // One list per kind, the policy's line for that kind said once above it rather than on every card.
  return (
    <HoldItem.Provider value={hold}>
      {/* Kept mounted while it runs, as the list it took shrinks card by card. */}
      {shown.some((d) => d.kind === 'request') && <DeclineAll tabId={tabId} list={declinable} onResult={declinedByAll} />}
      {safety.length > 0 && (
        <section class="kind-group safety" data-kind-group="safety" aria-label={t('popup_group_safety')}>
          <p class="policy">{t('popup_safety_lead')}</p>
          <ul class="detections">{safety.map(item)}</ul>
        </section>
      )}
      {KIND_ORDER.map((kind) => {
        const ofKind = shown.filter((d) => d.kind === kind && !feared(d));
        const [first] = ofKind;
        if (!first) return null;
        return (
          <section key={kind} class="kind-group" data-kind-group={kind} aria-label={t(GROUP_LABELS[kind])}>
            {kind !== 'profile' && <p class="policy">{policySuggestion(kind, first.platform)}</p>}
            <ul class="detections">{ofKind.map(item)}</ul>
          </section>
        );
      })}
      {shown.some((d) => d.kind === 'request' || d.kind === 'message') && <KeyHint />}
    </HoldItem.Provider>
  );
}

/** The order the popup shows kinds in: the page's own person first, then what asks for an answer. */
const KIND_ORDER: readonly CandidateKind[] = ['profile', 'request', 'message', 'mention', 'suggestion', 'connection'];

const GROUP_LABELS = {
  profile: 'popup_group_profile',
  request: 'popup_group_requests',
  message: 'popup_group_messages',
  suggestion: 'popup_group_suggestions',
  connection: 'popup_group_connections',
  mention: 'popup_group_mentions',
} as const satisfies Record<CandidateKind, string>;
