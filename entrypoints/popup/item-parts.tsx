import { useState } from 'preact/hooks';
import { database } from '@/lib/db';
import type { DiscussEvent } from '@/lib/discuss/model';
import { addDiscussEntry } from '@/lib/discuss/store';
import { orList } from '@/lib/i18n/lists';
import { t } from '@/lib/i18n/t';
import type { DetectionView } from '@/lib/messaging/messages';
import { siteName } from '@/lib/policy/suggestions';
import type { ActionResult } from '@/lib/sites/types';
import { statusLabel } from './use-action';

/** Who a detection is on the list, and where and how the page shows them. */
export function ItemHeading({ detection, kind }: { detection: DetectionView; kind: string }) {
  return (
    <>
      <h2>
        {orList(detection.clients.map((c) => c.name))}
        <span class="tag">{statusLabel(detection.clients)}</span>
      </h2>
      <div class="meta muted">
        {siteName(detection.platform)} · {kind} ·{' '}
        {detection.match === 'exact' ? t('detection_match_exact') : t('detection_match_name', detection.pageName)}
      </div>
    </>
  );
}

/** What the last action did, or why it did not: said as the page answered it. */
export function ActionResultLine({ result }: { result: ActionResult | null }) {
  if (!result) return null;
  return (
    <p role="status" data-testid="action-result" data-ok={String(result.ok)} class={result.ok ? 'ok' : 'warn'}>
      {result.ok ? result.done : result.reason}
    </p>
  );
}

/** After a decline, a removed suggestion or a redirect: keep a note of it for the client's next session, if wanted. */
export function RememberForSession({ detection, event }: { detection: DetectionView; event: DiscussEvent }) {
  const [added, setAdded] = useState<number[]>([]);
  const [error, setError] = useState('');
  const add = async (clientId: number) => {
    try {
      await addDiscussEntry(database(), { clientId, platform: detection.platform, event, at: Date.now() });
      setAdded((ids) => [...ids, clientId]);
    } catch {
      setError(t('discuss_add_failed'));
    }
  };
  const several = detection.clients.length > 1;
  return (
    <div class="remember" data-testid="discuss-offer">
      <span class="muted">{t('discuss_offer')}</span>
      {detection.clients.map((client) =>
        added.includes(client.id) ? (
          <span key={client.id} class="ok" data-testid="discuss-added" data-client-id={String(client.id)}>
            {several ? t('discuss_added_for', client.name) : t('discuss_added')}
          </span>
        ) : (
          <button key={client.id} data-testid="discuss-add" data-client-id={String(client.id)} onClick={() => void add(client.id)}>
            {several ? t('discuss_add_for', client.name) : t('discuss_add')}
          </button>
        ),
      )}
      {error && <span class="warn">{error}</span>}
    </div>
  );
}
