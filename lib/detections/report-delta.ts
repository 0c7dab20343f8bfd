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

/** The state after a report, or undefined when the report cannot be applied and a full one is needed. */
export function applyReport(
  state: PageCandidatesState | undefined,
  report: Pick<PageCandidates, 'seq' | 'removed' | 'candidates'>,
): PageCandidatesState | undefined {
  const seq = report.seq ?? 0;
  if (report.removed === undefined) return { seq, candidates: report.candidates };
  if (!state || seq !== state.seq + 1) return undefined;
  const gone = new Set(report.removed);
  const changed = new Map(report.candidates.map((c) => [c.token, c]));
  const candidates: WireCandidate[] = [];
  for (const candidate of state.candidates) {
    if (gone.has(candidate.token)) continue;
    const next = changed.get(candidate.token);
    candidates.push(next ?? candidate);
    if (next) changed.delete(candidate.token);
  }
  // What is left is new on the page: it follows everyone already there, in the report's order.
  candidates.push(...changed.values());
  return { seq, candidates };
}
