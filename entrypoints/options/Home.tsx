import type { ComponentChildren } from 'preact';
import { useCallback, useEffect, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { activityWords } from '@/components/activity-words';
import { listActivity, type ActivityItem } from '@/lib/activity/store';
import { database } from '@/lib/db';
import { t, tPlural, type MessageKey } from '@/lib/i18n/t';
import { ask } from '@/lib/messaging/ask';
import type { SiteTab } from '@/lib/messaging/messages';
import { siteName } from '@/lib/policy/suggestions';
import { SETUP_ITEMS, setupComplete, setupStates, type SetupItem, type SetupState } from '@/lib/setup/checklist';
import { onPinChanged, pinSetAside, setPinSetAside, toolbarPinned } from '@/lib/setup/pin';
import { dismissVaultOffer } from '@/lib/vault/vault';
import { ImportExport } from './ImportExport';
import { routeHash } from './route';
import { SecuritySettings } from './SecuritySettings';
import type { ViewContext } from './views';

const view = (id: string) => routeHash({ view: id });

const STATE_LABEL: Record<SetupState, MessageKey> = { done: 'setup_state_done', skipped: 'setup_state_skipped', todo: 'setup_state_todo' };
/** A mark beside each item, for the eye only: the state is said in words beside it. */
const STATE_MARK: Record<SetupState, string> = { done: '✓', skipped: '–', todo: '○' };
const TITLES: Record<SetupItem, MessageKey> = {
  pin: 'setup_pin_title',
  clients: 'setup_clients_title',
  passphrase: 'setup_passphrase_title',
  practice: 'setup_practice_title',
};

/**
 * The home view: the first-run checklist until every item is seen to, then today's activity and
 * any site page Boundary could not read. The import is always here too, so a fresh install's
 * options.html takes a CSV at once, with nothing in the way (test-contract.md).
 */
export function Home({ ctx }: { ctx: ViewContext }) {
  const facts = useSetupFacts(ctx);
  const states = facts && setupStates(facts);
  const complete = states !== null && setupComplete(states);
  return (
    <>
      {ctx.locked && ctx.vault && <SecuritySettings status={ctx.vault} onChanged={ctx.vaultChanged} />}
      {states === null ? (
        <p class="muted">{t('common_loading')}</p>
      ) : complete ? (
        <>
          <Today ctx={ctx} />
          <Unreadable />
        </>
      ) : (
        <Checklist ctx={ctx} states={states} facts={facts!} />
      )}
      {ctx.vault && !ctx.locked && <ImportExport clients={ctx.clients} onImported={ctx.clientsChanged} />}
    </>
  );
}

type Facts = NonNullable<ReturnType<typeof useSetupFacts>>;

/** What the checklist is ticked from, read afresh whenever any of it may have changed. */
function useSetupFacts(ctx: ViewContext) {
  const [pinned, setPinned] = useState<boolean | undefined | null>(null);
  const [setAside, setSetAside] = useState<boolean | null>(null);
  const [count, setCount] = useState<number | null>(null);

  const readPin = useCallback(async () => {
    const [on, aside] = await Promise.all([toolbarPinned(), pinSetAside()]);
    setPinned(on);
    setSetAside(aside);
  }, []);
  useEffect(() => {
    void readPin();
    // Pinning happens in the browser's own toolbar: look again when the page comes back to the fore.
    const again = () => document.visibilityState === 'visible' && void readPin();
    document.addEventListener('visibilitychange', again);
    window.addEventListener('focus', again);
    const stop = onPinChanged(() => void readPin());
    return () => {
      document.removeEventListener('visibilitychange', again);
      window.removeEventListener('focus', again);
      stop();
    };
  }, [readPin]);

  // How many rows the list has, which can be counted while it is locked too (nothing is opened).
  const state = ctx.vault?.state;
  useEffect(() => {
    if (ctx.clients) setCount(ctx.clients.length);
    else void database().clients.count().then(setCount);
  }, [ctx.clients, ctx.clientsRevision, state]);

  if (pinned === null || setAside === null || count === null || !ctx.vault || !ctx.settings) return null;
  return {
    pinned,
    pinSetAside: setAside,
    clientCount: count,
    vault: ctx.vault.state,
    vaultOfferDismissed: ctx.vault.offerDismissed,
    settings: ctx.settings,
    setPinSetAside: async (value: boolean) => {
      await setPinSetAside(value);
      await readPin();
    },
  };
}

function Checklist({ ctx, states, facts }: { ctx: ViewContext; states: Record<SetupItem, SetupState>; facts: Facts }) {
  const done = SETUP_ITEMS.filter((item) => states[item] !== 'todo').length;
  const body: Record<SetupItem, () => ComponentChildren> = {
    pin: () => <PinItem state={states.pin} facts={facts} />,
    clients: () =>
      states.clients === 'done' ? (
        <p>
          {tPlural('setup_clients_done', facts.clientCount)} <a href={view('clients')}>{t('setup_clients_open')}</a>
        </p>
      ) : (
        <>
          <p>{t('setup_clients_why')}</p>
          <p class="row">
            <a class="button primary" href={view('import')}>
              {t('setup_clients_import')}
            </a>
            <a class="button" href={view('clients')}>
              {t('setup_clients_add')}
            </a>
          </p>
        </>
      ),
    passphrase: () =>
      states.passphrase === 'done' ? (
        <p>{t('setup_passphrase_done')}</p>
      ) : states.passphrase === 'skipped' ? (
        <p>
          {t('setup_passphrase_skipped')} <a href={view('security')}>{t('vault_offer_setup')}</a>
        </p>
      ) : (
        <>
          <p>
            {t('vault_offer_body')} {t('setup_passphrase_why')}
          </p>
          {/* The first-run offer of a passphrase: a notice with a way past it, never a step in the way. */}
          <p class="row" data-testid="vault-offer">
            <a class="button primary" href={view('security')} data-testid="vault-offer-setup">
              {t('vault_offer_setup')}
            </a>
            <button type="button" data-testid="vault-offer-dismiss" onClick={() => void dismissVaultOffer(database()).then(ctx.refreshVault)}>
              {t('vault_offer_dismiss')}
            </button>
          </p>
        </>
      ),
    practice: () =>
      states.practice === 'done' ? (
        <p>
          {t('setup_practice_done', facts.settings.practiceName.trim())} <a href={view('practice')}>{t('setup_practice_open')}</a>
        </p>
      ) : (
        <>
          <p>{t('setup_practice_why')}</p>
          <p class="row">
            <a class="button primary" href={view('practice')}>
              {t('setup_practice_open')}
            </a>
          </p>
        </>
      ),
  };
  return (
    <section id="setup" class="card setup" aria-labelledby="setup-heading" data-testid="setup-checklist">
      <h2 id="setup-heading">{t('setup_heading')}</h2>
      <p class="muted" data-testid="setup-progress">
        {t('setup_progress', done, SETUP_ITEMS.length)}
      </p>
      <ol class="setup-list">
        {SETUP_ITEMS.map((item) => (
          <li key={item} data-testid="setup-item" data-item={item} data-state={states[item]} class={`setup-${states[item]}`}>
            <span class="setup-mark" aria-hidden="true">
              {STATE_MARK[states[item]]}
            </span>
            <div class="setup-body">
              <h3>
                {t(TITLES[item])} <span class="setup-state">{t(STATE_LABEL[states[item]])}</span>
              </h3>
              {body[item]()}
            </div>
          </li>
        ))}
      </ol>
    </section>
  );
}

/**
 * Pinning: Chrome hides an extension's icon until it is pinned, and the icon is where Boundary
 * shows what it found and that it is locked. Where the browser says whether it is pinned, the
 * item follows it; elsewhere the clinician says they did it.
 */
function PinItem({ state, facts }: { state: SetupState; facts: Facts }) {
  const how = t(import.meta.env.BROWSER === 'firefox' ? 'setup_pin_how_firefox' : 'setup_pin_how_chrome');
  if (state === 'done') return <p>{t(facts.pinned ? 'setup_pin_done' : 'setup_pin_said_done')}</p>;
  if (state === 'skipped') {
    return (
      <p>
        {t('setup_pin_skipped')}{' '}
        <button type="button" class="small" data-testid="setup-pin-again" onClick={() => void facts.setPinSetAside(false)}>
          {t('setup_pin_again')}
        </button>
      </p>
    );
  }
  return (
    <>
      <p>{t('setup_pin_why')}</p>
      <p data-testid="setup-pin-how">{how}</p>
      <p class="row">
        <button type="button" data-testid="setup-pin-set-aside" onClick={() => void facts.setPinSetAside(true)}>
          {t(facts.pinned === undefined ? 'setup_pin_said' : 'setup_pin_skip')}
        </button>
      </p>
    </>
  );
}

const startOfToday = () => {
  const now = new Date();
  return new Date(now.getFullYear(), now.getMonth(), now.getDate()).getTime();
};
const time = (at: number) => new Date(at).toLocaleTimeString(undefined, { hour: 'numeric', minute: '2-digit' });
/** Today's entries shown here; the log itself has the rest. */
const TODAY_SHOWN = 8;

function Today({ ctx }: { ctx: ViewContext }) {
  const [items, setItems] = useState<ActivityItem[] | null>(null);
  const [error, setError] = useState('');
  const readable = ctx.vault !== null && !ctx.locked;
  useEffect(() => {
    if (!readable) return;
    let current = true;
    const read = () =>
      listActivity(database(), { from: startOfToday() }).then(
        (found) => current && setItems(found),
        (failure: unknown) => current && setError(failure instanceof Error ? failure.message : String(failure)),
      );
    void read();
    // The popup logs while this page stays open in its tab.
    const onVisible = () => document.visibilityState === 'visible' && void read();
    document.addEventListener('visibilitychange', onVisible);
    return () => {
      current = false;
      document.removeEventListener('visibilitychange', onVisible);
    };
  }, [readable, ctx.clientsRevision]);

  return (
    <section id="today" class="card" aria-labelledby="today-heading" data-testid="home-today">
      <h2 id="today-heading">{t('home_today_heading')}</h2>
      {!readable ? (
        <p class="muted">{t('activity_locked')}</p>
      ) : error ? (
        <p role="alert" class="warn">
          {error}
        </p>
      ) : items === null ? (
        <p class="muted">{t('common_loading')}</p>
      ) : items.length === 0 ? (
        <p class="muted" data-testid="home-today-empty">
          {t('home_today_empty')}
        </p>
      ) : (
        <>
          <p>{tPlural('home_today_count', items.length)}</p>
          <ul class="today">
            {items.slice(0, TODAY_SHOWN).map((item) => (
              <li key={item.id} data-testid="home-today-row" data-kind={item.kind} data-place={item.place}>
                <span class="muted">{time(item.at)}</span> {activityWords.kind(item.kind)} · {activityWords.place(item.place)}
                {item.clientId !== undefined && <> · {item.clientName ?? activityWords.removedClient}</>}
              </li>
            ))}
          </ul>
        </>
      )}
      <p>
        <a href={view('activity')}>{t('home_today_all')}</a>
      </p>
    </section>
  );
}

/** Site pages open now that Boundary could not read: the Sites view's own report, in brief. */
function Unreadable() {
  const [tabs, setTabs] = useState<SiteTab[] | null>(null);
  useEffect(() => {
    const refresh = () => void ask({ type: 'site-tabs' }).then(setTabs, () => setTabs([]));
    refresh();
    const onChanged = (_changes: unknown, area: string) => area === 'session' && refresh();
    browser.storage.onChanged.addListener(onChanged);
    return () => browser.storage.onChanged.removeListener(onChanged);
  }, []);
  const unreadable = (tabs ?? []).filter((tab) => !tab.recognised);
  return (
    <section class="card" aria-labelledby="unreadable-heading" data-testid="home-unreadable" data-count={tabs === null ? '' : String(unreadable.length)}>
      <h2 id="unreadable-heading">{t('home_unreadable_heading')}</h2>
      {tabs === null ? (
        <p class="muted">{t('common_loading')}</p>
      ) : unreadable.length === 0 ? (
        <p class="muted">{t('home_unreadable_none')}</p>
      ) : (
        <ul>
          {unreadable.map((tab) => (
            <li key={tab.tabId} data-testid="home-unreadable-page" data-site={tab.platform}>
              <strong class="warn">{siteName(tab.platform)}</strong> · {t('sites_unreadable')}
            </li>
          ))}
        </ul>
      )}
      <p>
        <a href={view('sites')}>{t('home_unreadable_open')}</a>
      </p>
    </section>
  );
}
