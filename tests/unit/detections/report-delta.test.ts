import { describe, expect, it } from 'vitest';
import { diffReport } from '@/lib/detect/report-diff';
import { applyReport, type PageCandidatesState } from '@/lib/detections/report-delta';
import type { WireCandidate } from '@/lib/messaging/messages';

// Reports carry what changed: the page's diff, applied by the background, must rebuild exactly
// the full list the page would have sent, whatever the page did in between.
let nextToken = 0;
const person = (random: () => number): WireCandidate => {
  const token = `t${nextToken++}`;
  const open = random() < 0.2;
  return { token, kind: random() < 0.5 ? 'request' : 'message', platform: 'facebook', identities: [`id${Math.floor(random() * 50)}`], name: `P ${token}`, ...(open && { open }) };
};

/** A small deterministic generator, so a failure replays. */
function seeded(seed: number): () => number {
  let s = seed >>> 0;
  return () => ((s = (s * 1664525 + 1013904223) >>> 0) / 2 ** 32);
}

/** One page change: people leave, someone's card changes, people arrive (at the end, or sometimes anywhere), someone moves. */
function step(list: WireCandidate[], random: () => number): WireCandidate[] {
  let next = list.filter(() => random() > 0.15);
  next = next.map((c) => (random() < 0.1 ? { ...c, name: `${c.name}'`, identities: [...c.identities, 'x'] } : c));
  const arriving = Array.from({ length: Math.floor(random() * 4) }, () => person(random));
  if (random() < 0.15 && next.length > 0) next.splice(Math.floor(random() * next.length), 0, ...arriving);
  else next.push(...arriving);
  // A conversation with a new message goes to the top.
  if (random() < 0.1 && next.length > 1) next.unshift(...next.splice(Math.floor(random() * next.length), 1));
  if (random() < 0.05) next.reverse();
  return next;
}

describe('delta reports', () => {
  it('applying every delta equals the full state, over many random pages (randomised)', () => {
    let deltas = 0;
    for (let seed = 1; seed <= 200; seed++) {
      const random = seeded(seed);
      let page = Array.from({ length: Math.floor(random() * 8) }, () => person(random));
      let seq = 0;
      let background = applyReport(undefined, { seq, candidates: page });
      let sent = page;
      for (let i = 0; i < 30; i++) {
        page = step(page, random);
        seq++;
        const delta = diffReport(sent, page);
        background = delta ? applyReport(background, { seq, ...delta }) : applyReport(background, { seq, candidates: page });
        if (delta) deltas++;
        sent = page;
        expect(background, `seed ${seed}, step ${i}`).toEqual({ seq, candidates: page });
      }
    }
    // Most changes go as deltas: arrivals at the end, departures, changed cards.
    expect(deltas).toBeGreaterThan(200 * 30 * 0.6);
  });

  it('a list growing by a run, at its end or in it, gives the same delta as a diff of the whole list, a repeated token included (randomised)', () => {
    // Each report's diff against the last report, and against a copy of it: a copy is a list the
    // diff has not met, which it diffs in full.
    for (let seed = 1; seed <= 100; seed++) {
      const random = seeded(seed);
      let sent = Array.from({ length: Math.floor(random() * 5) }, () => person(random));
      diffReport([], sent);
      for (let i = 0; i < 20; i++) {
        const page = [...sent];
        page.splice(random() < 0.5 ? page.length : Math.floor(random() * (page.length + 1)), 0, ...Array.from({ length: Math.floor(random() * 3) }, () => person(random)));
        if (random() < 0.1 && page.length > 0) page.push(page[Math.floor(random() * page.length)]!);
        if (random() < 0.1 && page.length > 0) page[Math.floor(random() * page.length)] = { ...page[0]!, name: 'changed' };
        const whole = diffReport([...sent], page);
        expect(diffReport(sent, page), `seed ${seed}, step ${i}`).toEqual(whole);
        sent = page;
      }
    }
  });

  it('a delta carries only what changed', () => {
    const a: WireCandidate = { token: 'a', kind: 'request', platform: 'facebook', identities: ['1'], name: 'A' };
    const b: WireCandidate = { token: 'b', kind: 'request', platform: 'facebook', identities: ['2'], name: 'B' };
    const c: WireCandidate = { token: 'c', kind: 'request', platform: 'facebook', identities: ['3'], name: 'C' };
    expect(diffReport([a, b], [a, b, c])).toEqual({ removed: [], candidates: [c] });
    expect(diffReport([a, b, c], [a, c])).toEqual({ removed: ['b'], candidates: [] });
    expect(diffReport([a, b], [{ ...a, open: true }, b])).toEqual({ removed: [], candidates: [{ ...a, open: true }] });
    // Someone new before people already reported (a list growing above the open conversation):
    // the newcomer goes with the one it comes before, and nobody after is sent again.
    const open: WireCandidate = { token: 'o', kind: 'message', platform: 'facebook', identities: ['9'], name: 'O', open: true };
    const grown = diffReport([a, b, open], [a, b, c, open]);
    expect(grown).toEqual({ removed: [], candidates: [c, open] });
    expect(applyReport({ seq: 1, candidates: [a, b, open] }, { seq: 2, ...grown! })).toEqual({ seq: 2, candidates: [a, b, c, open] });
    // Before everyone, the same.
    expect(diffReport([a, b], [c, a, b])).toEqual({ removed: [], candidates: [c, a] });
    // A new order that costs as much as the full list: only a full report says it.
    expect(diffReport([a, b], [b, a])).toBeUndefined();
  });

  it('a lost, repeated or out-of-order delta, or one with no state to apply to, asks for a full report', () => {
    const state: PageCandidatesState = { seq: 4, candidates: [] };
    expect(applyReport(state, { seq: 6, removed: [], candidates: [] })).toBeUndefined();
    expect(applyReport(state, { seq: 4, removed: [], candidates: [] })).toBeUndefined();
    expect(applyReport(undefined, { seq: 1, removed: [], candidates: [] })).toBeUndefined();
    expect(applyReport(state, { seq: 5, removed: [], candidates: [] })).toEqual({ seq: 5, candidates: [] });
    // A full report applies whatever came before.
    expect(applyReport(undefined, { seq: 9, candidates: [] })).toEqual({ seq: 9, candidates: [] });
  });
});
