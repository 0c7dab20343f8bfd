import { useState } from 'preact/hooks';
import { t } from '@/lib/i18n/t';
import { ask } from '@/lib/messaging/ask';
import type { DetectionView } from '@/lib/messaging/messages';
import type { ActionResult } from '@/lib/sites/types';
import { DECLINE_ALL_FROM } from './decline-all';

interface Props {
  tabId: number;
  /** The requests to decline, in the order shown (decline-all.ts chose them). */
  list: DetectionView[];
  /** Each card's own outcome, reported on its item as it comes. */
  onResult: (detection: DetectionView, result: ActionResult) => void;
}

type Phase = { step: 'idle' } | { step: 'asking'; list: DetectionView[] } | { step: 'running'; at: number; total: number } | { step: 'finished'; declined: number; total: number };

/**
 * "Decline all N": the site's own decline for each listed request card, one at a time, each
 * reported on its own item. The clinician confirms once, for the list as it stood when asked;
 * anyone who appears meanwhile is not included.
 */
export function DeclineAll({ tabId, list, onResult }: Props) {
  const [phase, setPhase] = useState<Phase>({ step: 'idle' });

  const runAll = async (chosen: DetectionView[]) => {
    let declined = 0;
    for (const [index, detection] of chosen.entries()) {
      setPhase({ step: 'running', at: index + 1, total: chosen.length });
      let result: ActionResult;
      try {
        result = await ask({ type: 'decline', tabId, token: detection.token });
      } catch {
        result = { ok: false, reason: t('popup_tab_unreadable') };
      }
      if (result.ok) declined++;
      onResult(detection, result);
    }
    setPhase({ step: 'finished', declined, total: chosen.length });
  };

  if (phase.step === 'running') {
    return (
      <p class="decline-all muted" role="status" data-testid="decline-all-status" data-state="running">
        {t('decline_all_running', phase.at, phase.total)}
      </p>
    );
  }
  return (
    <div class="decline-all">
      {phase.step === 'asking' ? (
        <div class="confirm" data-testid="decline-all-confirm-area">
          <span>{t('decline_all_question', phase.list.length)}</span>
          <button class="primary" data-testid="decline-all-confirm" onClick={() => void runAll(phase.list)}>
            {t('decline_all_go', phase.list.length)}
          </button>
          <button data-testid="decline-all-cancel" onClick={() => setPhase({ step: 'idle' })}>
            {t('common_cancel')}
          </button>
        </div>
      ) : (
        list.length >= DECLINE_ALL_FROM && (
          <button data-testid="decline-all" data-count={String(list.length)} onClick={() => setPhase({ step: 'asking', list: [...list] })}>
            {t('decline_all', list.length)}
          </button>
        )
      )}
      {phase.step === 'finished' && (
        <span role="status" data-testid="decline-all-status" data-state="finished">
          {t('decline_all_finished', phase.declined, phase.total)}
        </span>
      )}
    </div>
  );
}
