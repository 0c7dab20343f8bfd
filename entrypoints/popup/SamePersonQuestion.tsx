import { useState } from 'preact/hooks';
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
  /**
   * After "not them" the person leaves the tab's detections; the popup keeps showing the item
   * (marked decided) so that Undo stays one click away until the popup closes.
   */
  onKept?: () => void;
}

/** What the clinician answered, kept by the item so Undo can take it back. */
type Decision = { kind: 'linked'; clientId: number } | { kind: 'not-them'; clientIds: number[] };

/**
 * Only the name matched: "this is them" saves the profile to the client, "not them" hides this
 * profile for good. Either way the list, not a guess, decides next time. Each answer offers
 * Undo right after, which puts things back as they were (the options page lists "not them"
 * decisions too, each with its own Undo).
 */
export function SamePersonQuestion({ tabId, detection, busy, run, onChanged, onKept }: Props) {
  const [decision, setDecision] = useState<Decision | null>(null);
  const { identity, platform } = detection;
  if (!identity) return null;

  if (decision) {
    const undo = () =>
      run(
        async () => {
          const ids = decision.kind === 'linked' ? [decision.clientId] : decision.clientIds;
          for (const clientId of ids) {
            const outcome = await ask({ type: decision.kind === 'linked' ? 'undo-this-is-them' : 'undo-not-them', clientId, platform, identity });
            if (!outcome.ok) return outcome;
          }
          return { ok: true, done: t(decision.kind === 'linked' ? 'result_link_undone' : 'result_not_them_undone') };
        },
        () => {
          setDecision(null);
          onChanged();
        },
      );
    return (
      <div class="actions decision" data-testid="decision-made" data-decision={decision.kind}>
        <span>{t(decision.kind === 'linked' ? 'decision_linked' : 'decision_not_them')}</span>
        <button data-testid="undo-decision" disabled={busy} onClick={undo}>
          {t('decision_undo')}
        </button>
      </div>
    );
  }
  if (detection.match !== 'name') return null;

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
            onClick={() =>
              run(
                () => linkShown(client),
                () => {
                  setDecision({ kind: 'linked', clientId: client.id });
                  onChanged();
                },
              )
            }
          >
            {detection.clients.length > 1 ? t('detection_this_is_named', client.name) : t('detection_this_is_them')}
          </button>
        ))}
        <button
          data-testid="not-them"
          disabled={busy}
          onClick={() => {
            const clientIds = detection.clients.map((client) => client.id);
            run(
              async () => {
                for (const clientId of clientIds) {
                  const outcome = await ask({ type: 'not-them', tabId, token: detection.token, clientId });
                  if (!outcome.ok) return outcome;
                }
                return { ok: true, done: t('result_not_shown_again') };
              },
              () => {
                setDecision({ kind: 'not-them', clientIds });
                onKept?.();
                onChanged();
              },
            );
          }}
        >
          {t('detection_not_them')}
        </button>
      </div>
    </>
  );
}
