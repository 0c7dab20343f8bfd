import { t, type MessageKey } from '@/lib/i18n/t';
import type { Platform } from '@/lib/identity/platform';
import { siteName } from '@/lib/policy/suggestions';
import type { PageKind } from '@/lib/sites/types';
import { useSaveOutline } from './later-parts';

/** What the clinician can look for by hand on each kind of page, until Boundary reads it again. */
const CHECK_BY_HAND: Record<PageKind, MessageKey> = {
  requests: 'unreadable_check_requests',
  messages: 'unreadable_check_messages',
  suggestions: 'unreadable_check_suggestions',
  connections: 'unreadable_check_connections',
  notifications: 'unreadable_check_notifications',
};

/**
 * A page that should hold requests or conversations, on which Boundary recognises nobody although
 * it shows people and their buttons: said plainly, with what to check by hand, because a blank
 * popup here would read as "none of your clients".
 */
export function PageUnreadable({ tabId, platform, pageKind }: { tabId: number; platform?: Platform; pageKind?: PageKind | null }) {
  const site = platform ? siteName(platform) : '';
  const SaveOutline = useSaveOutline();
  return (
    <div class="unreadable card" data-testid="page-unreadable">
      <h2>{t('unreadable_heading')}</h2>
      <p>{t('unreadable_site_changed', site)}</p>
      <p>{t(CHECK_BY_HAND[pageKind ?? 'requests'])}</p>
      {SaveOutline && <SaveOutline tabId={tabId} />}
    </div>
  );
}
