import { createContext } from 'preact';
import type { DetectionView } from '@/lib/messaging/messages';

/**
 * How an item tells the popup that the clinician has acted on it: from then on the popup keeps
 * the item on screen until it closes, whatever the page's detections say next.
 *
 * Why: a decline makes the page drop the card, and the page's report of that can reach the popup
 * before the decline's own answer does. Were the item dropped with it, its state (busy, the
 * result, "declined") would go too, and the answer, arriving after, would bring it back fresh,
 * with its Decline button and no result: the clinician would not see what their click did.
 */
export const HoldItem = createContext<(detection: DetectionView) => void>(() => undefined);
