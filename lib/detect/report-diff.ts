import type { WireCandidate } from '@/lib/messaging/messages';

/**
 * What changed between the candidates last reported and the page's now, as a delta report
 * carries it: the tokens gone, and the candidates added or changed (the background applies it in
 * lib/detections/report-delta.ts). Undefined when the change is not one a delta can say: someone
 * new placed before people already reported, or a reordering; a full report goes then.
 */
export function diffReport(
  before: readonly WireCandidate[],
  after: readonly WireCandidate[],
): { removed: string[]; candidates: WireCandidate[] } | undefined {
  const previous = new Map(before.map((c) => [c.token, c]));
  const present = new Set(after.map((c) => c.token));
  if (present.size !== after.length || previous.size !== before.length) return undefined;
  const removed = before.filter((c) => !present.has(c.token)).map((c) => c.token);
  const kept = before.length - removed.length;
  const candidates: WireCandidate[] = [];
  let at = 0;
  for (const old of before) {
    if (!present.has(old.token)) continue;
    const now = after[at++]!;
    if (now.token !== old.token) return undefined;
    if (now !== old && !sameWire(now, old)) candidates.push(now);
  }
  for (let i = kept; i < after.length; i++) {
    if (previous.has(after[i]!.token)) return undefined;
    candidates.push(after[i]!);
  }
  return { removed, candidates };
}

function sameWire(a: WireCandidate, b: WireCandidate): boolean {
  return (
    a.kind === b.kind &&
    a.platform === b.platform &&
    a.name === b.name &&
    a.thread === b.thread &&
    a.open === b.open &&
    a.identities.length === b.identities.length &&
    a.identities.every((id, i) => id === b.identities[i])
  );
}
