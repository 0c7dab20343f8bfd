import type { WireCandidate } from '@/lib/messaging/messages';

/**
 * What changed between the candidates last reported and the page's now, as a delta report
 * carries it (the background applies it in lib/detections/report-delta.ts):
 * - `removed`: the tokens gone, and those of people who moved (they are placed again);
 * - `candidates`, in the page's order: those changed, those new or moved, and, after each run of
 *   new or moved people, the one already reported that they come before (sent again unchanged if
 *   need be, so the background knows where they go). A run with nobody after it goes at the end.
 * So a delta costs what changed plus one neighbour per place something arrived, wherever on the
 * page: cards arriving above a list of conversations do not send the conversations again.
 * Undefined when a full report is no bigger (or tokens repeat): the full report says it.
 */
export function diffReport(
  before: readonly WireCandidate[],
  after: readonly WireCandidate[],
): { removed: string[]; candidates: WireCandidate[] } | undefined {
  const inserted = insertedInto(before, after);
  if (inserted !== null) {
    if (!inserted.ok) return undefined;
    // The run and, when someone already reported follows it, that one: what the whole diff gives.
    const candidates = after.slice(inserted.at, inserted.at + inserted.count + (inserted.followed ? 1 : 0));
    return candidates.length < after.length ? { removed: [], candidates } : undefined;
  }
  const at = new Map(before.map((c, i) => [c.token, i]));
  const present = new Set(after.map((c) => c.token));
  if (present.size !== after.length || at.size !== before.length) return undefined;
  uniqueTokens.set(after, present);
  const removed = before.filter((c) => !present.has(c.token)).map((c) => c.token);
  const old = after.map((c) => at.get(c.token) ?? -1);
  const stays = staying(old);
  const candidates: WireCandidate[] = [];
  let placing = false;
  after.forEach((now, i) => {
    const was = old[i]!;
    if (!stays.has(i)) {
      if (was >= 0) removed.push(now.token);
      candidates.push(now);
      placing = true;
    } else if (placing || (now !== before[was] && !sameWire(now, before[was]!))) {
      candidates.push(now);
      placing = false;
    }
  });
  return candidates.length < after.length ? { removed, candidates } : undefined;
}

/**
 * Which of the people now on the page (by position; `old`: their positions in the last report,
 * -1 for newcomers) keep their place: the most of them whose old positions still rise in the new
 * order (a longest increasing subsequence, in n log n). Everyone else reported before has moved.
 */
function staying(old: readonly number[]): Set<number> {
  // tails[k]: the position ending the best rising run of length k + 1 so far; back: each one's predecessor.
  const tails: number[] = [];
  const back: number[] = [];
  old.forEach((was, i) => {
    if (was < 0) return;
    let low = 0;
    let high = tails.length;
    while (low < high) {
      const mid = (low + high) >> 1;
      if (old[tails[mid]!]! < was) low = mid + 1;
      else high = mid;
    }
    back[i] = tails[low - 1] ?? -1;
    tails[low] = i;
  });
  const stays = new Set<number>();
  for (let i = tails[tails.length - 1] ?? -1; i >= 0; i = back[i]!) stays.add(i);
  return stays;
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

/**
 * The tokens of reports whose tokens were found all different, by report; a report is in here
 * only while the set holds exactly its tokens. A list streaming in is reported as the last report
 * with one run of rows added (at its end, or before what follows the list): the delta is that run
 * and its neighbour, found by comparing the two reports' entries as objects from both ends
 * (reported cards keep theirs) and looking the new tokens up, without building a map of the
 * whole page's tokens for every report.
 */
const uniqueTokens = new WeakMap<readonly WireCandidate[], Set<string>>();

/**
 * When `after` is `before` (whose tokens are known all different) with one run of entries put in
 * at `at`, everything else the same objects in the same order: where, how many, whether someone
 * follows them, and whether their tokens are all new and all different (`ok`; false means a token
 * repeats, and the full report says it). Null when it is not so, or not known: the whole diff is made.
 */
function insertedInto(before: readonly WireCandidate[], after: readonly WireCandidate[]): { ok: boolean; at: number; count: number; followed: boolean } | null {
  const tokens = uniqueTokens.get(before);
  if (!tokens || tokens.size !== before.length || after.length < before.length) return null;
  let at = 0;
  while (at < before.length && after[at] === before[at]) at++;
  const count = after.length - before.length;
  for (let i = at; i < before.length; i++) if (after[i + count] !== before[i]) return null;
  const added = new Set<string>();
  for (let i = at; i < at + count; i++) {
    const token = after[i]!.token;
    if (tokens.has(token) || added.has(token)) return { ok: false, at, count, followed: false };
    added.add(token);
  }
  // The set moves on to `after`: `before` is read again (if ever) by the whole diff.
  uniqueTokens.delete(before);
  for (const token of added) tokens.add(token);
  uniqueTokens.set(after, tokens);
  return { ok: true, at, count, followed: at < before.length };
}
