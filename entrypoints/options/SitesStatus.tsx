import { useEffect, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { SaveOutline } from '@/components/SaveOutline';
import { readSiteReads, PAGE_KINDS, type SiteReads } from '@/lib/detections/site-reads';
import { t, type MessageKey } from '@/lib/i18n/t';
import { PLATFORMS } from '@/lib/identity/platform';
import { ask } from '@/lib/messaging/ask';
import type { SiteTab } from '@/lib/messaging/messages';
import { siteName } from '@/lib/policy/suggestions';
import type { PageKind } from '@/lib/sites/types';

const KIND_NAMES: Record<PageKind, MessageKey> = {
  requests: 'sites_kind_requests',
  messages: 'sites_kind_messages',
  suggestions: 'sites_kind_suggestions',
  connections: 'sites_kind_connections',
  notifications: 'sites_kind_notifications',
};

const when = (at: number) => new Date(at).toLocaleString(undefined, { day: 'numeric', month: 'short', year: 'numeric', hour: 'numeric', minute: '2-digit' });

/**
 * Whether Boundary still reads each site: per site and kind of page, when it last recognised
 * people on one (a site's redesign shows as a date that stops moving), and the site pages open
 * now, each with its outline to save for a report.
 */
export function SitesStatus() {
  const [reads, setReads] = useState<SiteReads | null>(null);
  const [tabs, setTabs] = useState<SiteTab[]>([]);

  useEffect(() => {
    const refresh = () => {
      void readSiteReads().then(setReads);
      void ask({ type: 'site-tabs' }).then(setTabs, () => setTabs([]));
    };
    refresh();
    const onChanged = (_changes: unknown, area: string) => {
      if (area === 'local' || area === 'session') refresh();
    };
    browser.storage.onChanged.addListener(onChanged);
    return () => browser.storage.onChanged.removeListener(onChanged);
  }, []);

  if (!reads) return <p class="muted">{t('common_loading')}</p>;
  return (
    <div class="sites" data-testid="sites-status">
      {/* Wider than a narrow window: it scrolls in its own box, which the keyboard can scroll too. */}
      <div class="table-wrap" tabIndex={0} role="region" aria-labelledby="sites-caption">
        <table>
          <caption id="sites-caption" class="muted">{t('sites_table_caption')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('sites_site')}</th>
              {PAGE_KINDS.map((kind) => (
                <th key={kind} scope="col">
                  {t(KIND_NAMES[kind])}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {PLATFORMS.map((platform) => (
              <tr key={platform}>
                <th scope="row">{siteName(platform)}</th>
                {PAGE_KINDS.map((kind) => {
                  const at = reads[`${platform}:${kind}`];
                  return (
                    <td key={kind} data-testid="site-read" data-site={platform} data-kind={kind} data-read-at={at === undefined ? '' : String(at)}>
                      {at === undefined ? <span class="muted">{t('sites_never')}</span> : when(at)}
                    </td>
                  );
                })}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <h2>{t('sites_open_heading')}</h2>
      {tabs.length === 0 ? (
        <p class="muted">{t('sites_open_none')}</p>
      ) : (
        <ul class="site-tabs">
          {tabs.map((tab) => (
            <li key={tab.tabId} data-testid="site-tab" data-site={tab.platform} data-kind={tab.pageKind ?? ''} data-recognised={String(tab.recognised)}>
              <span>
                {siteName(tab.platform)} · {tab.pageKind ? t(KIND_NAMES[tab.pageKind]) : t('sites_other_page')}
                {!tab.recognised && <strong class="warn"> · {t('sites_unreadable')}</strong>}
              </span>
              <SaveOutline tabId={tab.tabId} />
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
