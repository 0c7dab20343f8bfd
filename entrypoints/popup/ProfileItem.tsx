import { useState } from 'preact/hooks';
import { t } from '@/lib/i18n/t';
import { ask } from '@/lib/messaging/ask';
import type { DetectionView } from '@/lib/messaging/messages';
import { siteName } from '@/lib/policy/suggestions';
import { SamePersonQuestion } from './SamePersonQuestion';
import { statusLabel, useAction } from './use-action';
import { useWelfareForm } from './later-parts';

interface Props {
  tabId: number;
  detection: DetectionView;
  onChanged: () => void;
  /** The person left the page's detections ("not them"): the popup keeps showing the item. */
  onKept: () => void;
}

/**
 * Its own hook, `profile-view`, not the test contract's `detection`: those are requests and
 * conversations, and outside checks count on that.
 *
 * The clinician is on the profile of someone on the list. The policy does not make viewing it
 * part of the work, except out of concern for their safety: so the two ways on are logging it as
 * a welfare check, or leaving.
 */
export function ProfileItem({ tabId, detection, onChanged, onKept }: Props) {
  const [logging, setLogging] = useState(false);
  const { result, busy, run } = useAction(detection);
  const WelfareCheckForm = useWelfareForm();
  const site = siteName(detection.platform);
  const names = detection.clients.map((c) => c.name).join(' / ');
  const status = statusLabel(detection.clients);

  // Opened as the toolbar popup, it has done its job once the tab has left; opened as a page (tests), it stays.
  const leave = () =>
    run(
      () => ask({ type: 'leave-page', tabId }),
      () => {
        if (!new URLSearchParams(location.search).has('tab')) window.close();
      },
    );

  return (
    <li class="detection card" data-testid="profile-view" data-platform={detection.platform} data-match={detection.match}>
      <h2>
        {names}
        <span class="tag">{status}</span>
      </h2>
      <div class="meta muted">
        {detection.match === 'exact' ? t('profile_meta_exact', site) : t('profile_meta_name', site, detection.pageName)}
      </div>
      <p class="policy">{t('profile_policy')}</p>
      <SamePersonQuestion tabId={tabId} detection={detection} busy={busy} run={(action, after) => void run(action, after)} onChanged={onChanged} onKept={onKept} />
      <div class="actions">
        <button class="primary" data-testid="leave-page" disabled={busy} onClick={() => void leave()}>
          {t('profile_leave')}
        </button>
        <button data-testid="welfare-check-open" aria-expanded={logging} onClick={() => setLogging(!logging)}>
          {t('welfare_open')}
        </button>
      </div>
      {logging && WelfareCheckForm && (
        <WelfareCheckForm
          clients={detection.clients}
          place={detection.platform}
          lookedAt={t('profile_looked_at', site)}
          onDone={() => setLogging(false)}
        />
      )}
      {result && (
        <p role="status" data-testid="action-result" data-ok={String(result.ok)} class={result.ok ? 'ok' : 'warn'}>
          {result.ok ? result.done : result.reason}
        </p>
      )}
    </li>
  );
}
