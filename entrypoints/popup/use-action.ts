import { useContext, useState } from 'preact/hooks';
import { statusWord } from '@/components/client-words';
import { t } from '@/lib/i18n/t';
import type { DetectionView } from '@/lib/messaging/messages';
import type { ActionResult } from '@/lib/sites/types';
import { HoldItem } from './held';

/**
 * One click's action for a popup item: busy while it runs (so a second click does not repeat
 * it), its result kept to show, and a follow-up that runs only when it worked. The item is held
 * on screen from its first action on (see `HoldItem`), so neither is lost to a page report that
 * comes first.
 */
export function useAction(detection: DetectionView) {
  const hold = useContext(HoldItem);
  const [result, setResult] = useState<ActionResult | null>(null);
  const [busy, setBusy] = useState(false);
  const run = async (action: () => Promise<ActionResult>, after?: () => void) => {
    hold(detection);
    setBusy(true);
    try {
      const outcome = await action();
      setResult(outcome);
      if (outcome.ok) after?.();
    } finally {
      setBusy(false);
    }
  };
  /** An outcome reached elsewhere for this item (the popup's "Decline all"), shown as its own. */
  const show = (outcome: ActionResult) => setResult(outcome);
  return { result, busy, run, show };
}

/** "current client", "former client", or, for a name several clients share, saying so. */
export function statusLabel(clients: DetectionView['clients']): string {
  const [only] = clients;
  if (clients.length > 1 || !only) return t('detection_several_clients');
  if (only.related) return t('status_related_person');
  return statusWord(only.status);
}

