import { t } from '@/lib/i18n/t';
import { ask } from '@/lib/messaging/ask';
import type { DetectionView } from '@/lib/messaging/messages';
import type { ActionResult } from '@/lib/sites/types';

interface Props {
  tabId: number;
  detection: DetectionView;
  busy: boolean;
  /** The item's own way of running an action and showing its result. */
  run: (action: () => Promise<ActionResult>, after?: () => void) => void;
  onChanged: () => void;
}

/**
 * Only the name matched: "this is them" saves the profile to the client, "not them" hides this
 * profile for good. Either way the list, not a guess, decides next time.
 */
export function SamePersonQuestion({ tabId, detection, busy, run, onChanged }: Props) {
  /**
   * The version shown goes along: if the record changed since (another tab renamed it, say),
   * nothing is linked and the popup says so, then shows the record as it is now.
   */
  const linkShown = async (client: DetectionView['clients'][number]): Promise<ActionResult> => {
    const outcome = await ask({ type: 'this-is-them', tabId, token: detection.token, clientId: client.id, version: client.version });
    if (!outcome.ok) onChanged();
    return outcome;
  };
  const questionId = `same-person-${detection.token}`;
  return (
    <>
      <p class="same-person-question" id={questionId} data-testid="same-person-question">{t('detection_same_person_question')}</p>
      <div class="actions" role="group" aria-labelledby={questionId}>
        {detection.clients.map((client) => (
          <button
            key={client.id}
            data-testid="this-is-them"
            disabled={busy}
            onClick={() => run(() => linkShown(client), onChanged)}
          >
            {detection.clients.length > 1 ? t('detection_this_is_named', client.name) : t('detection_this_is_them')}
          </button>
        ))}
        <button
          data-testid="not-them"
          disabled={busy}
          onClick={() =>
            run(async () => {
              for (const client of detection.clients) {
                const outcome = await ask({ type: 'not-them', tabId, token: detection.token, clientId: client.id });
                if (!outcome.ok) return outcome;
              }
              return { ok: true, done: t('result_not_shown_again') };
            }, onChanged)
          }
        >
          {t('detection_not_them')}
        </button>
      </div>
    </>
  );
}
