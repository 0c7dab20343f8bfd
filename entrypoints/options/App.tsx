import { useCallback, useEffect, useRef, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { database } from '@/lib/db';
import { t } from '@/lib/i18n/t';
import type { Client } from '@/lib/clients/model';
import { firstClients, listClientsInSlices } from '@/lib/clients/store';
import { sortInSlices } from '@/lib/clients/slices';
import { ask } from '@/lib/messaging/ask';
import type { ReplyLibrary } from '@/lib/replies/library';
import { loadLibrary } from '@/lib/replies/store';
import type { PracticeSettings } from '@/lib/settings/practice';
import { loadSettings } from '@/lib/settings/store';
import { noteUse } from '@/lib/vault/cipher';
import { KEY_ITEM } from '@/lib/vault/session';
import { vaultStatus, type VaultState, type VaultStatus } from '@/lib/vault/vault';
import { AppNav } from './AppNav';
import { compareByName } from './ClientList';
import { parseRoute, type Route } from './route';
import { VIEWS, type ClientsPreview, type ViewContext } from './views';

/** How often an open page checks whether the vault has gone idle, so the list does not stay on screen. */
const IDLE_CHECK_MS = 15_000;
/** Key presses and clicks count as use at most this often. */
const USE_EVERY_MS = 10_000;
/**
 * Clients read at once when the page opens: a list this long or shorter is shown whole at once;
 * a longer one shows these first while the rest is read (a few milliseconds' read, far more
 * than the list's first page).
 */
const FIRST_READ = 2000;

export function App() {
  const [clients, setClients] = useState<Client[] | null>(null);
  /** The same list sorted by name, for a list read in slices (sorted in slices too); null for one read at once. */
  const [clientsByName, setClientsByName] = useState<Client[] | null>(null);
  const [settings, setSettings] = useState<PracticeSettings | null>(null);
  const [library, setLibrary] = useState<ReplyLibrary | null>(null);
  const [clientsRevision, setClientsRevision] = useState(0);
  const [vault, setVault] = useState<VaultStatus | null>(null);

  /** While a long list is first read: its first rows, shown at once (its size comes with the whole list). */
  const [preview, setPreview] = useState<ClientsPreview | null>(null);
  /** Counts loads of the list: a load that a newer one (or a lock) has overtaken stops, and shows nothing. */
  const loads = useRef(0);
  const shown = useRef<Client[] | null>(null);
  const showClients = useCallback((list: Client[] | null, byName: Client[] | null = null) => {
    shown.current = list;
    setClients(list);
    setClientsByName(byName);
    setPreview(null);
  }, []);
  const forgetClients = useCallback(() => {
    loads.current++;
    showClients(null);
  }, [showClients]);

  /**
   * Reads the list. Opening the page, the first rows come from a bounded read and are shown at
   * once; the whole list (which the sorted list, search, duplicates and the other views need) is
   * read after, in slices that leave the page answering. Once a list is on screen, it stays there
   * until the new one is read, so an edit never shows the partial view.
   */
  const reload = useCallback(async () => {
    const load = ++loads.current;
    const current = () => load === loads.current;
    const db = database();
    if (shown.current === null) {
      const first = await firstClients(db, FIRST_READ);
      if (!current()) return;
      if (!first.more) {
        showClients(first.clients);
        setClientsRevision((n) => n + 1);
        return;
      }
      setPreview({ clients: first.clients });
    }
    const all = await listClientsInSlices(db, () => !current());
    if (all === undefined || !current()) return;
    // Sorted here in slices, not in one long task when the list first renders (about half a
    // second at 100,000, during which no key would be handled).
    const byName = await sortInSlices(all, compareByName, () => !current());
    if (byName === undefined || !current()) return;
    showClients(all, byName);
    setClientsRevision((n) => n + 1);
  }, [showClients]);
  /**
   * The vault's state decides what this page may show: locked, the list leaves the page; open
   * again (or for the first time), it is read. Otherwise the list on screen stays as it is.
   */
  const shownState = useRef<VaultState | null>(null);
  const refreshVault = useCallback(
    async (touch = true) => {
      const status = await vaultStatus(database(), { touch });
      const was = shownState.current;
      shownState.current = status.state;
      setVault(status);
      if (status.state === 'locked') forgetClients();
      else if (was === null || was === 'locked') await reload();
    },
    [reload, forgetClients],
  );
  /**
   * After any write: show it. The background hears the write itself as it commits and matches
   * open tabs again (lib/matching/matcher-cache.ts), even when this page is closed right after.
   */
  const changed = useCallback(async () => {
    await reload();
  }, [reload]);
  const reloadLibrary = useCallback(async () => setLibrary(await loadLibrary(database())), []);
  const vaultChanged = useCallback(async () => {
    await refreshVault();
    await ask({ type: 'vault-changed' }).catch(() => undefined);
  }, [refreshVault]);
  /** Counts restores: the policy writer starts again from the restored versions. */
  const [restores, setRestores] = useState(0);
  /** A restore replaced the list, the settings, the templates and the policy's versions. */
  const restored = useCallback(async () => {
    await Promise.all([changed(), reloadLibrary(), loadSettings(database()).then(setSettings)]);
    setRestores((n) => n + 1);
  }, [changed, reloadLibrary]);

  useEffect(() => {
    void refreshVault();
    void reloadLibrary();
    void loadSettings(database()).then(setSettings);
  }, [refreshVault, reloadLibrary]);

  useEffect(() => {
    // Locked or unlocked elsewhere (the popup, another options tab, the background going idle).
    const onStorage = (changes: Record<string, unknown>, area: string) => {
      if (area === 'session' && KEY_ITEM in changes) void refreshVault(false);
    };
    browser.storage.onChanged.addListener(onStorage);
    // The background's timer wipes the key when the idle time passes (the storage listener above
    // hears it); an open page also checks now and then, and counts the clinician's own key presses
    // and clicks as use.
    const timer = setInterval(() => void refreshVault(false), IDLE_CHECK_MS);
    let lastUse = 0;
    const onUse = () => {
      if (Date.now() - lastUse < USE_EVERY_MS) return;
      lastUse = Date.now();
      void noteUse(database());
    };
    document.addEventListener('keydown', onUse, true);
    document.addEventListener('pointerdown', onUse, true);
    return () => {
      browser.storage.onChanged.removeListener(onStorage);
      clearInterval(timer);
      document.removeEventListener('keydown', onUse, true);
      document.removeEventListener('pointerdown', onUse, true);
    };
  }, [refreshVault]);

  const [route, setRoute] = useState(() => currentRoute());
  /** Whether the view on screen was reached by following a link (not by opening the page). */
  const followed = useRef(false);
  useEffect(() => {
    const onHash = () => {
      followed.current = true;
      setRoute(currentRoute());
    };
    window.addEventListener('hashchange', onHash);
    return () => window.removeEventListener('hashchange', onHash);
  }, []);

  const view = VIEWS.find((v) => v.id === route.view) ?? VIEWS[0]!;
  useEffect(() => {
    document.title = `${t(view.title ?? view.label)} · ${t('page_title_options')}`;
  }, [view]);

  // A view's sections exist once its data has loaded; then the page goes to the section asked
  // for, or to the top of a view just opened, and a followed link moves focus to the new view's
  // heading, so a screen reader says where the clinician now is.
  const ready = settings !== null && library !== null && vault !== null;
  useEffect(() => {
    if (!ready) return;
    const section = route.section ? document.getElementById(route.section) : null;
    if (section) section.scrollIntoView();
    else if (followed.current) window.scrollTo(0, 0);
    if (followed.current) document.getElementById('view-heading')?.focus({ preventScroll: true });
  }, [ready, route]);

  const ctx: ViewContext = {
    vault,
    locked: vault?.state === 'locked',
    clients,
    clientsPreview: preview,
    clientsByName,
    clientsRevision,
    settings,
    library,
    clientsChanged: changed,
    settingsSaved: setSettings,
    libraryChanged: reloadLibrary,
    vaultChanged,
    refreshVault: () => refreshVault(),
    restored,
    restores,
  };

  return (
    <div class="app">
      <a
        class="skip-link"
        href="#view-heading"
        onClick={(event) => {
          // Not a change of address: the hash names views here.
          event.preventDefault();
          document.getElementById('view-heading')?.focus();
        }}
      >
        {t('options_skip')}
      </a>
      <AppNav views={VIEWS} current={view.id} />
      <main class="app-main" data-testid="options-view" data-view={view.id} aria-labelledby="view-heading">
        <h1 id="view-heading" tabIndex={-1}>
          {t(view.title ?? view.label)}
        </h1>
        {view.lead && <p class="muted">{t(view.lead)}</p>}
        {view.render(ctx)}
      </main>
    </div>
  );
}

/** The route in the address bar now; an old section anchor is rewritten to its view's address. */
function currentRoute(): Route {
  const { route, canonical } = parseRoute(location.hash, VIEWS);
  if (canonical) history.replaceState(history.state, '', canonical);
  return route;
}
