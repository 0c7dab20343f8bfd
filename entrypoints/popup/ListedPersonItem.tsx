import { useState } from 'preact/hooks';
import { t } from '@/lib/i18n/t';
import { ask } from '@/lib/messaging/ask';
import type { DetectionView } from '@/lib/messaging/messages';
import { siteName } from '@/lib/policy/suggestions';
import { ActionResultLine, ItemHeading, RememberForSession } from './item-parts';
import { SamePersonQuestion } from './SamePersonQuestion';
import { useAction } from './use-action';

interface Props {
  tabId: number;
  detection: DetectionView;
  /** Whether the site offers its own next step on a connection's card. */
  connectionSteps: boolean;
  onChanged: () => void;
  /** The suggestion was removed: the popup keeps showing it, marked done. */
  onRemoved: () => void;
}

/**
 * A client the site lists rather than one who wrote: a suggestion (People you may know,
 * Suggested for you), which one click removes with the site's own control, or someone already
 * among the clinician's friends, followers or connections, for whom the site's own next step is
 * offered, and the clinician finishes it on the page. Never Add, Connect or Follow.
 */
export function ListedPersonItem({ tabId, detection, connectionSteps, onChanged, onRemoved }: Props) {
  const { result, busy, run } = useAction(detection);
  const [removed, setRemoved] = useState(false);
  const site = siteName(detection.platform);
  const suggestion = detection.kind === 'suggestion';

  return (
    <li
      class="detection card"
      data-testid="detection"
      data-platform={detection.platform}
      data-kind={detection.kind}
      data-match={detection.match}
    >
      <ItemHeading detection={detection} kind={t(suggestion ? 'detection_kind_suggestion' : 'detection_kind_connection')} />
      <SamePersonQuestion tabId={tabId} detection={detection} busy={busy} run={(action, after) => void run(action, after)} onChanged={onChanged} onKept={onRemoved} />
      {suggestion ? (
        <div class="actions">
          <button
            class="primary"
            data-testid="remove-suggestion"
            disabled={busy || removed}
            onClick={() =>
              run(
                () => ask({ type: 'remove-suggestion', tabId, token: detection.token }),
                () => {
                  setRemoved(true);
                  onRemoved();
                },
              )
            }
          >
            {t('detection_remove_suggestion', site)}
          </button>
        </div>
      ) : (
        connectionSteps && (
          <div class="actions">
            <button
              data-testid="connection-step"
              disabled={busy}
              onClick={() => run(() => ask({ type: 'connection-step', tabId, token: detection.token }))}
            >
              {t('detection_connection_step', site)}
            </button>
          </div>
        )
      )}
      <ActionResultLine result={result} />
      {removed && <RememberForSession detection={detection} event="removed-suggestion" />}
    </li>
  );
}
