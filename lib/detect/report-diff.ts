import type { WireCandidate } from '@/lib/messaging/messages';

/**
 * What changed between the candidates last reported and the page's now, as a delta report
 * carries it: the tokens gone, and the candidates added or changed (the background applies it in
 * lib/detections/report-delta.ts: it drops those gone, replaces those changed where they stand,
 * and puts what is left after everyone, in the report's order). Someone new placed before people
 * already reported (a list growing above the open conversation) is said the same way: the people
 * after the newcomer go and come back, so the delta costs the list's tail, not the whole list.
 * Undefined when the change is a reordering, or comes before everyone: a full report says it.
 */
export function diffReport(
  before: readonly WireCandidate[],
  after: readonly WireCandidate[],
): { removed: string[]; candidates: WireCandidate[] } | undefined {
  const previous = new Map(before.map((c) => [c.token, c]));
  const present = new Set(after.map((c) => c.token));
  if (present.size !== after.length || previous.size !== before.length) return undefined;
  const removed = before.filter((c) => !present.has(c.token)).map((c) => c.token);
  const candidates: WireCandidate[] = [];
  // The people reported before, still there, in their order: `after` must start with them, until someone new.
  let at = 0;
  let next = 0;
  for (; at < after.length && previous.has(after[at]!.token); at++) {
    while (next < before.length && !present.has(before[next]!.token)) next++;
    const old = before[next++]!;
    const now = after[at]!;
    if (now.token !== old.token) return undefined;
    if (now !== old && !sameWire(now, old)) candidates.push(now);
  }
  // From the first newcomer on, everyone is sent again, in order: those reported before go first.
  // Unless that is everyone: then it is a full report.
  if (at === 0 && after.some((c) => previous.has(c.token))) return undefined;
  for (let i = at; i < after.length; i++) {
    if (previous.has(after[i]!.token)) removed.push(after[i]!.token);
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
