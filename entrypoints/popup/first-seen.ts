import type { DetectionView } from '@/lib/messaging/messages';

/**
 * The items to show, each where it was first seen. A declined card leaves the page, and so the
 * tab's detections, but the popup keeps it (done) until it closes; it stays in its place rather
 * than jumping to the bottom, out of view, and the cards after it stay where they were too.
 * `seen` is every token in the order first seen, as returned last time; people new to the page
 * come after those already shown.
 */
export function firstSeenOrder(
  seen: readonly string[],
  present: readonly DetectionView[],
  kept: Readonly<Record<string, DetectionView>>,
): { seen: string[]; shown: DetectionView[] } {
  const order = [...seen];
  const known = new Set(order);
  for (const detection of present) {
    if (!known.has(detection.token)) {
      known.add(detection.token);
      order.push(detection.token);
    }
  }
  // The page's own view of a person wins over the one kept from before.
  const byToken = new Map<string, DetectionView>();
  for (const detection of Object.values(kept)) byToken.set(detection.token, detection);
  for (const detection of present) byToken.set(detection.token, detection);
  const shown = order.flatMap((token) => {
    const detection = byToken.get(token);
    return detection ? [detection] : [];
  });
  return { seen: order, shown };
}
