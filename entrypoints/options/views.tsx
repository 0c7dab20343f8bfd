import type { ComponentChildren } from 'preact';
import type { Client } from '@/lib/clients/model';
import { t, type MessageKey } from '@/lib/i18n/t';
import type { ReplyLibrary } from '@/lib/replies/library';
import type { PracticeSettings } from '@/lib/settings/practice';
import type { VaultStatus } from '@/lib/vault/vault';
import { ActivityLog } from './ActivityLog';
import { Backup } from './Backup';
import { CheckUp } from './CheckUp';
import { ClientList } from './ClientList';
import { DiscussList } from './DiscussList';
import { Home } from './Home';
import { ImportExport } from './ImportExport';
import { NotThemDecisions } from './NotThemDecisions';
import { OptionalFeatures } from './OptionalFeatures';
import { PolicyWriter } from './PolicyWriter';
import { StatusPolicySection } from './StatusPolicy';
import { PracticeSettingsForm } from './PracticeSettingsForm';
import { ReplyTemplates } from './ReplyTemplates';
import type { Routable } from './route';
import { SampleCsv } from './SampleCsv';
import { SecuritySettings } from './SecuritySettings';
import { SitesStatus } from './SitesStatus';

/** The first rows of a long list, shown while the whole list is read (the list holds more). */
export interface ClientsPreview {
  clients: Client[];
}

/** What the page has loaded and what a view may do with it; App owns it, views only read it. */
export interface ViewContext {
  /** null until read. */
  vault: VaultStatus | null;
  locked: boolean;
  /** The whole list; null while locked or not yet read whole. */
  clients: Client[] | null;
  /** While a long list is being read: its first rows and its size, for the client list alone. */
  clientsPreview: ClientsPreview | null;
  /** `clients` sorted by name, when the page sorted a long list in slices; null otherwise. */
  clientsByName: Client[] | null;
  /** Goes up with every re-read of the list, so views that read the database read again. */
  clientsRevision: number;
  settings: PracticeSettings | null;
  library: ReplyLibrary | null;
  /** After any write to the list: shows it, and lets open tabs be matched against it. */
  clientsChanged: () => Promise<void>;
  settingsSaved: (settings: PracticeSettings) => void;
  libraryChanged: () => Promise<void>;
  /** After any change of the vault: re-read its state and tell the background. */
  vaultChanged: () => Promise<void>;
  /** Re-read the vault's state (after the passphrase offer is answered). */
  refreshVault: () => Promise<void>;
  /** A restore replaced the list, the settings, the templates and the policy's versions. */
  restored: () => Promise<void>;
  /** Counts restores, so the policy writer starts again from the restored versions. */
  restores: number;
}

/**
 * One view of the options page: its address (`options.html#/<id>`), its name in the navigation
 * and as its heading, and what it shows. `anchors` are the old one-page section ids (`#replies`)
 * and the ids of the sections it holds, so an old link opens this view at that section.
 */
export interface OptionsView extends Routable {
  id: string;
  label: MessageKey;
  /** Its heading, where that says more than the label. */
  title?: MessageKey;
  /** A line under the heading. */
  lead?: MessageKey;
  render: (ctx: ViewContext) => ComponentChildren;
}

const loading = () => <p class="muted">{t('common_loading')}</p>;

/** A view that is one section: its lead and its content in one card, named by the view's heading. */
const card = (id: string, lead: MessageKey, children: ComponentChildren) => (
  <section id={id} class="card" aria-labelledby="view-heading">
    <p class="muted">{t(lead)}</p>
    {children}
  </section>
);

/** The passphrase form for the vault's state: the unlock form while locked. */
const security = (ctx: ViewContext) => ctx.vault && <SecuritySettings status={ctx.vault} onChanged={ctx.vaultChanged} />;

/**
 * A view that shows the client list or anything read with it: while locked, the unlock form
 * stands in its place, and nothing of the list is on the page.
 */
const withList = (ctx: ViewContext, content: () => ComponentChildren) => (ctx.vault === null ? loading() : ctx.locked ? security(ctx) : content());

/**
 * Every view, in the navigation's order. Adding a view is one entry here (and its label in the
 * locales); its address, its place in the navigation and its heading follow from the entry.
 */
export const VIEWS: readonly OptionsView[] = [
  { id: 'home', label: 'nav_home', anchors: ['setup', 'today'], render: (ctx) => <Home ctx={ctx} /> },
  {
    id: 'clients',
    label: 'nav_clients',
    lead: 'options_intro',
    anchors: ['clients', 'decisions'],
    render: (ctx) =>
      withList(ctx, () => {
        // A long list's first rows show, usable, while the whole list is read: the same list
        // component all along, so a search typed meanwhile stays and then covers everyone.
        const list = ctx.clients ?? ctx.clientsPreview?.clients;
        if (list === undefined) return loading();
        return (
          <>
            <ClientList clients={list} sortedClients={(ctx.clients && ctx.clientsByName) ?? undefined} reading={ctx.clients === null} onChanged={ctx.clientsChanged} />
            {ctx.clients && <NotThemDecisions clients={ctx.clients} revision={ctx.clientsRevision} />}
          </>
        );
      }),
  },
  {
    id: 'import',
    label: 'nav_import',
    lead: 'options_intro',
    anchors: ['import', 'sample'],
    render: (ctx) =>
      withList(ctx, () => (
        <>
          <ImportExport clients={ctx.clients} onImported={ctx.clientsChanged} />
          <SampleCsv />
        </>
      )),
  },
  {
    id: 'replies',
    label: 'nav_replies',
    anchors: ['replies'],
    render: (ctx) =>
      card(
        'replies',
        'replies_intro',
        ctx.settings && ctx.library ? <ReplyTemplates library={ctx.library} settings={ctx.settings} onChanged={ctx.libraryChanged} /> : loading(),
      ),
  },
  {
    id: 'practice',
    label: 'nav_practice',
    anchors: ['practice', 'policy', 'status-policy'],
    render: (ctx) => (
      <>
        <section id="practice" class="card" aria-labelledby="practice-heading">
          <h2 id="practice-heading">{t('practice_heading')}</h2>
          <p class="muted">{t('practice_intro')}</p>
          {ctx.settings && ctx.library ? (
            <PracticeSettingsForm settings={ctx.settings} library={ctx.library} onSaved={ctx.settingsSaved} />
          ) : (
            loading()
          )}
        </section>
        <section id="policy" class="card" aria-labelledby="policy-heading">
          <h2 id="policy-heading">{t('policy_heading')}</h2>
          <p class="muted">{t('policy_intro')}</p>
          {ctx.settings ? <PolicyWriter key={ctx.restores} settings={ctx.settings} /> : loading()}
        </section>
        {/* What the popup suggests per status: beside the written policy it follows by default. */}
        <StatusPolicySection key={ctx.restores} />
      </>
    ),
  },
  {
    id: 'discuss',
    label: 'nav_discuss',
    anchors: ['discuss'],
    render: (ctx) => (
      <>
        {card(
          'discuss',
          'discuss_intro',
          ctx.vault === null || ctx.locked ? (
            <p class="muted" data-testid="discuss-locked">
              {ctx.locked ? t('discuss_locked') : t('common_loading')}
            </p>
          ) : (
            <DiscussList revision={ctx.clientsRevision} />
          ),
        )}
        {ctx.locked && security(ctx)}
      </>
    ),
  },
  {
    id: 'activity',
    label: 'nav_activity',
    title: 'activity_heading',
    anchors: ['activity'],
    render: (ctx) => (
      <>
        {card(
          'activity',
          'activity_lead',
          ctx.vault === null || ctx.locked || ctx.clients === null ? (
            <p class="muted" data-testid="activity-locked">
              {ctx.locked ? t('activity_locked') : t('common_loading')}
            </p>
          ) : (
            <ActivityLog clients={ctx.clients} revision={ctx.clientsRevision} />
          ),
        )}
        {ctx.locked && security(ctx)}
      </>
    ),
  },
  {
    id: 'checkup',
    label: 'nav_checkup',
    anchors: ['checkup'],
    render: (ctx) => card('checkup', 'checkup_lead', <CheckUp readable={ctx.vault !== null && !ctx.locked && ctx.clients !== null} revision={ctx.clientsRevision} />),
  },
  {
    id: 'security',
    label: 'nav_security_backup',
    anchors: ['security', 'backup'],
    render: (ctx) =>
      ctx.vault === null ? (
        loading()
      ) : (
        <>
          {security(ctx)}
          {!ctx.locked && <Backup onRestored={ctx.restored} />}
        </>
      ),
  },
  {
    id: 'sites',
    label: 'nav_sites',
    anchors: ['sites', 'features'],
    render: () => (
      <>
        {card('sites', 'sites_lead', <SitesStatus />)}
        <section id="features" class="card" aria-labelledby="features-heading">
          <h2 id="features-heading">{t('features_heading')}</h2>
          <p class="muted">{t('features_lead')}</p>
          <OptionalFeatures />
        </section>
      </>
    ),
  },
];
