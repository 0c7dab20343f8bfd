import { useCallback, useEffect, useRef, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { database } from '@/lib/clients/db';
import { t } from '@/lib/i18n/t';
import type { Client } from '@/lib/clients/model';
import { listClients } from '@/lib/clients/store';
import { ask } from '@/lib/messaging/ask';
import type { ReplyLibrary } from '@/lib/replies/library';
import { loadLibrary } from '@/lib/replies/store';
import type { PracticeSettings } from '@/lib/settings/practice';
import { loadSettings } from '@/lib/settings/store';
import { noteUse } from '@/lib/vault/cipher';
import { KEY_ITEM } from '@/lib/vault/session';
import { vaultStatus, type VaultState, type VaultStatus } from '@/lib/vault/vault';
import { ActivityLog } from './ActivityLog';
import { Backup } from './Backup';
import { CheckUp } from './CheckUp';
import { ClientList } from './ClientList';
import { DiscussList } from './DiscussList';
import { ImportExport } from './ImportExport';
import { OptionalFeatures } from './OptionalFeatures';
import { PolicyWriter } from './PolicyWriter';
import { PracticeSettingsForm } from './PracticeSettingsForm';
import { ReplyTemplates } from './ReplyTemplates';
import { SecuritySettings, VaultOffer } from './SecuritySettings';
import { SitesStatus } from './SitesStatus';
import { StatusPolicySection } from './StatusPolicy';

/** How often an open page checks whether the vault has gone idle, so the list does not stay on screen. */
const IDLE_CHECK_MS = 15_000;
/** Key presses and clicks count as use at most this often. */
const USE_EVERY_MS = 10_000;

export function App() {
  const [clients, setClients] = useState<Client[] | null>(null);
  const [settings, setSettings] = useState<PracticeSettings | null>(null);
  const [library, setLibrary] = useState<ReplyLibrary | null>(null);
  const [clientsRevision, setClientsRevision] = useState(0);
  const [vault, setVault] = useState<VaultStatus | null>(null);

  const reload = useCallback(async () => {
    setClients(await listClients(database()));
    setClientsRevision((n) => n + 1);
  }, []);
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
      if (status.state === 'locked') setClients(null);
      else if (was === null || was === 'locked') await reload();
    },
    [reload],
  );
  /** After any write: show it, and let open tabs be matched against the new list. */
  const changed = useCallback(async () => {
    await reload();
    await ask({ type: 'clients-changed' }).catch(() => undefined);
  }, [reload]);
  const reloadLibrary = useCallback(async () => setLibrary(await loadLibrary(database())), []);
  const vaultChanged = useCallback(async () => {
    await refreshVault();
    await ask({ type: 'vault-changed' }).catch(() => undefined);
  }, [refreshVault]);
  /** A restore replaced the list, the settings and the templates. */
  const restored = useCallback(async () => {
    await Promise.all([changed(), reloadLibrary(), loadSettings(database()).then(setSettings)]);
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

  // The popup links to a section (#replies); it exists only once its data has loaded.
  const ready = settings !== null && library !== null;
  useEffect(() => {
    if (ready && location.hash) document.getElementById(location.hash.slice(1))?.scrollIntoView();
  }, [ready]);

  const locked = vault?.state === 'locked';
  const security = vault && <SecuritySettings status={vault} onChanged={vaultChanged} />;

  return (
    <main>
      <header>
        <h1>{t('ext_name')}</h1>
        <nav class="sections" aria-label={t('options_sections')}>
          <a href="#clients">{t('nav_clients')}</a>
          <a href="#practice">{t('nav_practice')}</a>
          <a href="#replies">{t('nav_replies')}</a>
          <a href="#policy">{t('nav_policy')}</a>
          <a href="#discuss">{t('nav_discuss')}</a>
          <a href="#activity">{t('nav_activity')}</a>
          <a href="#checkup">{t('nav_checkup')}</a>
          <a href="#features">{t('nav_features')}</a>
          <a href="#sites">{t('nav_sites')}</a>
          <a href="#security">{t('nav_security')}</a>
          {!locked && <a href="#backup">{t('nav_backup')}</a>}
        </nav>
        <p class="muted">{t('options_intro')}</p>
      </header>
      {vault?.state === 'off' && !vault.offerDismissed && <VaultOffer onDismissed={() => refreshVault()} />}
      {vault === null ? (
        <p class="muted">{t('common_loading')}</p>
      ) : locked ? (
        // Locked: the unlock form stands where the list was; nothing of the list is on the page.
        <div id="clients" class="section-group">
          {security}
        </div>
      ) : (
        <div id="clients" class="section-group">
          <ImportExport clients={clients ?? []} onImported={changed} />
          {clients === null ? <p class="muted">{t('common_loading')}</p> : <ClientList clients={clients} onChanged={changed} />}
        </div>
      )}
      <section id="practice" class="card" aria-labelledby="practice-heading">
        <h2 id="practice-heading">{t('practice_heading')}</h2>
        <p class="muted">{t('practice_intro')}</p>
        {ready ? (
          <PracticeSettingsForm settings={settings} library={library} onSaved={setSettings} />
        ) : (
          <p class="muted">{t('common_loading')}</p>
        )}
      </section>
      <section id="replies" class="card" aria-labelledby="replies-heading">
        <h2 id="replies-heading">{t('nav_replies')}</h2>
        <p class="muted">{t('replies_intro')}</p>
        {ready ? <ReplyTemplates library={library} settings={settings} onChanged={reloadLibrary} /> : <p class="muted">{t('common_loading')}</p>}
      </section>
      <section id="policy" class="card" aria-labelledby="policy-heading">
        <h2 id="policy-heading">{t('policy_heading')}</h2>
        <p class="muted">{t('policy_intro')}</p>
        {settings ? <PolicyWriter settings={settings} /> : <p class="muted">{t('common_loading')}</p>}
      </section>
      <StatusPolicySection />
      <section id="discuss" class="card" aria-labelledby="discuss-heading">
        <h2 id="discuss-heading">{t('nav_discuss')}</h2>
        <p class="muted">{t('discuss_intro')}</p>
        {vault === null || locked ? (
          <p class="muted" data-testid="discuss-locked">
            {locked ? t('discuss_locked') : t('common_loading')}
          </p>
        ) : (
          <DiscussList revision={clientsRevision} />
        )}
      </section>
      <section id="activity" class="card" aria-labelledby="activity-heading">
        <h2 id="activity-heading">{t('activity_heading')}</h2>
        <p class="muted">{t('activity_lead')}</p>
        {vault === null || locked || clients === null ? (
          <p class="muted" data-testid="activity-locked">
            {locked ? t('activity_locked') : t('common_loading')}
          </p>
        ) : (
          <ActivityLog clients={clients} revision={clientsRevision} />
        )}
      </section>
      <section id="checkup" class="card" aria-labelledby="checkup-heading">
        <h2 id="checkup-heading">{t('nav_checkup')}</h2>
        <p class="muted">{t('checkup_lead')}</p>
        <CheckUp readable={vault !== null && !locked && clients !== null} revision={clientsRevision} />
      </section>
      <section id="features" class="card" aria-labelledby="features-heading">
        <h2 id="features-heading">{t('features_heading')}</h2>
        <p class="muted">{t('features_lead')}</p>
        <OptionalFeatures />
      </section>
      <section id="sites" class="card" aria-labelledby="sites-heading">
        <h2 id="sites-heading">{t('nav_sites')}</h2>
        <p class="muted">{t('sites_lead')}</p>
        <SitesStatus />
      </section>
      {!locked && security}
      {vault && !locked && <Backup onRestored={restored} />}
    </main>
  );
}
