import { performance } from 'node:perf_hooks';
import { readClientCsv } from '../../lib/clients/client-csv';
import type { Client } from '../../lib/clients/model';
import { PLATFORMS, type Platform } from '../../lib/identity/platform';
import { Matcher, type MatchQuery } from '../../lib/matching/matcher';
import { median, round } from './stats';

/**
 * Matching, measured in Node on lib/matching/matcher.ts itself: the background runs the same
 * code, and in Node nothing else (messaging, storage) is timed with it. The client list is the
 * bench's CSV read by the import's own parser; the candidates are what pages on the three sites
 * would report: some of those clients by profile, some by name only, most strangers.
 *
 * The floor is a bare `Map.get` per identity of each candidate, over the same candidates, in
 * maps of every client's identities (one per site): the least any lookup by identity costs.
 */
export interface MatchingResult {
  clients: number;
  candidates: number;
  /** Building the index from the client list. */
  indexMs: number;
  /** Per candidate, first pass over candidates never seen before. */
  firstPassNsPerCandidate: number;
  /** Per candidate, median of the later passes (pages report the same people again and again). */
  repeatNsPerCandidate: number;
  /** The floor: a bare Map.get per identity, per candidate, median of its passes. */
  floorNsPerCandidate: number;
  /** repeatNsPerCandidate ÷ floorNsPerCandidate. */
  ratio: number;
  matched: { exact: number; name: number; none: number };
}

/** The floor's passes each go over the candidates this many times: one pass alone is too quick to time well. */
const FLOOR_REPEAT = 20;

export function benchMatching(csv: string, candidateCount: number, passes: number): MatchingResult {
  const parsed = readClientCsv(csv);
  if (!parsed.ok) throw new Error(`bench CSV refused: ${parsed.error}`);
  const clients: Client[] = parsed.rows.map((row, i) => ({ ...row.draft, id: i + 1, createdAt: 0, updatedAt: 0 }));

  const candidates = candidatesFor(clients, candidateCount);

  const start = performance.now();
  const matcher = new Matcher(clients);
  const indexMs = performance.now() - start;

  const matched = { exact: 0, name: 0, none: 0 };
  const times: number[] = [];
  for (let pass = 0; pass < passes; pass++) {
    const begin = performance.now();
    for (const candidate of candidates) {
      const result = matcher.match(candidate);
      if (pass === 0) matched[result.match]++;
    }
    times.push(((performance.now() - begin) * 1e6) / candidates.length);
  }

  const maps = Object.fromEntries(PLATFORMS.map((platform) => [platform, new Map<string, number>()])) as Record<Platform, Map<string, number>>;
  for (const client of clients) for (const platform of PLATFORMS) for (const identity of client.identities[platform]) maps[platform].set(identity, client.id);
  const floorTimes: number[] = [];
  let hits = 0;
  for (let pass = 0; pass < passes; pass++) {
    const begin = performance.now();
    for (let repeat = 0; repeat < FLOOR_REPEAT; repeat++) {
      for (const candidate of candidates) {
        const map = maps[candidate.platform];
        for (const identity of candidate.identities) if (map.get(identity) !== undefined) hits++;
      }
    }
    floorTimes.push(((performance.now() - begin) * 1e6) / (candidates.length * FLOOR_REPEAT));
  }
  // The floor found the same people by identity as the matcher did (and its work is not optimised away).
  if (hits !== matched.exact * passes * FLOOR_REPEAT) throw new Error(`matching floor: ${hits} hits, expected ${matched.exact * passes * FLOOR_REPEAT}`);

  const repeat = median(times.slice(1));
  const floor = median(floorTimes.slice(1));
  return {
    clients: clients.length,
    candidates: candidates.length,
    indexMs: round(indexMs, 1),
    firstPassNsPerCandidate: round(times[0]!, 0),
    repeatNsPerCandidate: round(repeat, 0),
    floorNsPerCandidate: round(floor, 1),
    ratio: round(repeat / floor, 2),
    matched,
  };
}

/** A number spelled in letters, as a made-up middle name ("Bc"). */
function lettersOf(n: number): string {
  let text = '';
  for (let rest = n + 26; rest > 0; rest = Math.floor(rest / 26) - 1) text = String.fromCharCode(97 + (rest % 26)) + text;
  return text[0]!.toUpperCase() + text.slice(1);
}

/** A profile on `platform` that no client has: the `i`-th stranger's, or a client's namesake's. */
function unlisted(platform: Platform, kind: 'stranger' | 'namesake', i: number): string {
  const base = kind === 'stranger' ? 300000000000000 : 200000000000000;
  if (platform === 'facebook') return String(base + i);
  return platform === 'instagram' ? `${kind}_${i}` : `${kind}-${i}`;
}

const STRANGER_FIRST = ['Pim', 'Zor', 'Kest', 'Ulv', 'Gant', 'Yor', 'Bix', 'Nemb'];
const STRANGER_LAST = ['Quistelby', 'Undoach', 'Ibaroyle', 'Ezzumba', 'Irthock', 'Trojisk'];

/**
 * Candidates from the three sites in turn: 10% clients by a profile they are known by there, 5%
 * clients by name alone (a profile the list does not hold), the rest strangers, each a different
 * person (a profile the list does not hold, a name made unique with a middle name spelled from
 * the candidate's number).
 */
function candidatesFor(clients: readonly Client[], count: number): MatchQuery[] {
  const withProfile = Object.fromEntries(PLATFORMS.map((p) => [p, clients.filter((c) => c.identities[p].length > 0)])) as Record<Platform, Client[]>;
  const candidates: MatchQuery[] = [];
  for (let i = 0; i < count; i++) {
    const platform = PLATFORMS[i % PLATFORMS.length]!;
    const roll = Math.floor(i / PLATFORMS.length) % 20;
    if (roll < 2) {
      const list = withProfile[platform];
      const client = list[(i * 7) % list.length]!;
      candidates.push({ platform, identities: [client.identities[platform][0]!], name: client.name });
    } else if (roll === 2) {
      const client = clients[(i * 13) % clients.length]!;
      candidates.push({ platform, identities: [unlisted(platform, 'namesake', i)], name: client.name });
    } else {
      const name = `${STRANGER_FIRST[i % STRANGER_FIRST.length]} ${lettersOf(i)} ${STRANGER_LAST[i % STRANGER_LAST.length]}`;
      candidates.push({ platform, identities: [unlisted(platform, 'stranger', i)], name });
    }
  }
  return candidates;
}
