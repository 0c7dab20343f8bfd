import type { PageCandidates, WireCandidate } from '@/lib/messaging/messages';

/**
 * The candidates a tab's page shows, as the background rebuilds them from its reports: a full
 * report replaces them, a delta (`removed` present) applies to the report before it. Held in the
 * background's memory only; when it is not there (the service worker restarted) or a delta does
 * not follow the last report applied, the page is asked for a full report instead.
 */
export interface PageCandidatesState {
  /** The sequence number of the last report applied. */
  seq: number;
  candidates: WireCandidate[];
}

/**
 * The state after a report, or undefined when the report cannot be applied and a full one is
 * needed. A delta (made by lib/detect/report-diff.ts) drops the tokens `removed`; of its
 * candidates, in the page's order, one still held replaces itself where it stands, and the others
 * (new, or moved) go just before the next one still held that follows them in the delta, or at
 * the end when none does. One pass over each list: the result is the page's full list, in order.
 */
export function applyReport(
  state: PageCandidatesState | undefined,
  report: Pick<PageCandidates, 'seq' | 'removed' | 'candidates'>,
): PageCandidatesState | undefined {
  const seq = report.seq ?? 0;
  if (report.removed === undefined) return { seq, candidates: report.candidates };
  if (!state || seq !== state.seq + 1) return undefined;
  const gone = new Set(report.removed);
  const held = new Map<string, WireCandidate>();
  for (const candidate of state.candidates) if (!gone.has(candidate.token)) held.set(candidate.token, candidate);
  // The people placed just before each one still held, by that one's token.
  const ahead = new Map<string, WireCandidate[]>();
  let placing: WireCandidate[] = [];
  for (const candidate of report.candidates) {
    if (!held.has(candidate.token)) {
      placing.push(candidate);
      continue;
    }
    held.set(candidate.token, candidate);
    if (placing.length > 0) ahead.set(candidate.token, placing);
    placing = [];
  }
  const candidates: WireCandidate[] = [];
  for (const { token } of state.candidates) {
    const now = held.get(token);
    if (!now) continue;
    for (const placed of ahead.get(token) ?? []) candidates.push(placed);
    candidates.push(now);
  }
  for (const placed of placing) candidates.push(placed);
  return { seq, candidates };
}
