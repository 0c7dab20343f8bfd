import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { diffReport } from '@/lib/detect/report-diff';
import { applyReport } from '@/lib/detections/report-delta';
import type { WireCandidate } from '@/lib/messaging/messages';

// Issue #16: a delta carries what changed, wherever on the page it changed. Facebook lists its
// request cards first and the conversations after them; cards arriving above the conversations
// must not send every conversation again.
const card = (token: string, kind: WireCandidate['kind'] = 'request'): WireCandidate => ({
  token,
  kind,
  platform: 'facebook',
  identities: [`id-${token}`],
  name: `N ${token}`,
});

describe('a delta is keyed, not a resent tail', () => {
  it('a card inserted before a long tail sends the card, not the tail', () => {
    const tail = Array.from({ length: 200 }, (_, i) => card(`c${i}`, 'message'));
    const before = [card('r1'), card('r2'), ...tail];
    const after = [card('r1'), card('r2'), card('r3'), ...tail];
    const delta = diffReport(before, after);
    expect(delta).toBeDefined();
    // The newcomer, and at most one already-reported neighbour to say where it goes.
    expect(delta!.removed).toEqual([]);
    expect(delta!.candidates.length).toBeLessThanOrEqual(2);
    expect(delta!.candidates.map((c) => c.token)).toContain('r3');
    expect(applyReport({ seq: 1, candidates: before }, { seq: 2, ...delta! })).toEqual({ seq: 2, candidates: after });
  });

  it('cards arriving before everyone, or one moving, go as a delta of that size', () => {
    const list = Array.from({ length: 100 }, (_, i) => card(`c${i}`, 'message'));
    const first = diffReport(list, [card('new'), ...list]);
    expect(first!.candidates.length).toBeLessThanOrEqual(2);
    expect(applyReport({ seq: 1, candidates: list }, { seq: 2, ...first! })?.candidates).toEqual([card('new'), ...list]);
    // A conversation with a new message goes to the top of the list.
    const moved = [list[70]!, ...list.slice(0, 70), ...list.slice(71)];
    const bump = diffReport(list, moved);
    expect(bump!.candidates.length).toBeLessThanOrEqual(2);
    expect(applyReport({ seq: 1, candidates: list }, { seq: 2, ...bump! })?.candidates).toEqual(moved);
  });

  it('appending costs only what is appended', () => {
    const list = [card('a'), card('b')];
    expect(diffReport(list, [...list, card('c')])).toEqual({ removed: [], candidates: [card('c')] });
  });

  it('applying a delta always equals the full report, whatever the page did (property)', () => {
    // Tokens drawn from a small pool so that lists share people; a changed name stands for a changed card.
    const page = fc
      .uniqueArray(fc.record({ token: fc.integer({ min: 0, max: 30 }), name: fc.integer({ min: 0, max: 2 }) }), { selector: (c) => c.token, maxLength: 25 })
      .map((list) => list.map(({ token, name }) => ({ ...card(`t${token}`), name: `N${name}` })));
    fc.assert(
      fc.property(page, fc.array(page, { minLength: 1, maxLength: 6 }), (start, pages) => {
        let state = applyReport(undefined, { seq: 0, candidates: start });
        let sent = start;
        let seq = 0;
        for (const now of pages) {
          seq++;
          const delta = diffReport(sent, now);
          if (delta) expect(delta.candidates.length).toBeLessThan(Math.max(now.length, 1));
          state = applyReport(state, delta ? { seq, ...delta } : { seq, candidates: now });
          expect(state).toEqual({ seq, candidates: now });
          sent = now;
        }
      }),
      { numRuns: 2000 },
    );
  });

  it('a lost delta still asks for a full report', () => {
    const before = [card('a'), card('b')];
    const delta = diffReport(before, [card('a'), card('x'), card('b')])!;
    expect(applyReport({ seq: 3, candidates: before }, { seq: 5, ...delta })).toBeUndefined();
    expect(applyReport(undefined, { seq: 4, ...delta })).toBeUndefined();
  });
});
