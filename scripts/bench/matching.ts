import { performance } from 'node:perf_hooks';
import { readClientCsv } from '../../lib/clients/client-csv';
import type { Client } from '../../lib/clients/model';
import { Matcher, type MatchQuery } from '../../lib/matching/matcher';
import type { HeavyFacebook } from '../../tests/fixtures/heavy/facebook';
import { median, round } from './stats';

/**
 * Matching, measured in Node on lib/matching/matcher.ts itself: the background runs the same
 * code, and in Node nothing else (messaging, storage) is timed with it. The client list is the
 * bench's 10,000-row CSV read by the import's own parser; the candidates are what pages would
 * report: some of those clients by profile, some by name only, most strangers.
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
  matched: { exact: number; name: number; none: number };
}

export function benchMatching(heavy: HeavyFacebook, candidateCount: number, passes: number): MatchingResult {
  const parsed = readClientCsv(heavy.csv);
  if (!parsed.ok) throw new Error(`bench CSV refused: ${parsed.error}`);
  const clients: Client[] = parsed.rows.map((row, i) => ({ ...row.draft, id: i + 1, createdAt: 0, updatedAt: 0 }));

  const candidates = candidatesFor(clients, heavy, candidateCount);

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
  return {
    clients: clients.length,
    candidates: candidates.length,
    indexMs: round(indexMs, 1),
    firstPassNsPerCandidate: round(times[0]!, 0),
    repeatNsPerCandidate: round(median(times.slice(1)), 0),
    matched,
  };
}

/** A number spelled in letters, as a made-up middle name ("Bc"). */
function lettersOf(n: number): string {
  let text = '';
  for (let rest = n + 26; rest > 0; rest = Math.floor(rest / 26) - 1) text = String.fromCharCode(97 + (rest % 26)) + text;
  return text[0]!.toUpperCase() + text.slice(1);
}

/** 10% clients by a profile they are known by, 5% clients by name alone, the rest strangers. */
function candidatesFor(clients: readonly Client[], heavy: HeavyFacebook, count: number): MatchQuery[] {
  const withFacebook = clients.filter((c) => c.identities.facebook.length > 0);
  const onList = new Set(heavy.clientPeople);
  const strangers = heavy.people.filter((_, index) => !onList.has(index));
  const candidates: MatchQuery[] = [];
  for (let i = 0; i < count; i++) {
    const roll = i % 20;
    if (roll < 2) {
      const client = withFacebook[(i * 7) % withFacebook.length]!;
      candidates.push({ platform: 'facebook', identities: [client.identities.facebook[0]!], name: client.name });
    } else if (roll === 2) {
      const client = clients[(i * 13) % clients.length]!;
      candidates.push({ platform: 'facebook', identities: [String(200000000000000 + i)], name: client.name });
    } else {
      // Strangers, each a different person: a profile the list does not hold, and a name made
      // unique with a middle name spelled from the candidate's number.
      const [, name] = strangers[i % strangers.length]!;
      const [first, last] = [name.split(' ')[0], name.split(' ').at(-1)];
      candidates.push({ platform: 'facebook', identities: [String(300000000000000 + i)], name: `${first} ${lettersOf(i)} ${last}` });
    }
  }
  return candidates;
}
