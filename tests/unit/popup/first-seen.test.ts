import { describe, expect, it } from 'vitest';
import type { DetectionView } from '@/lib/messaging/messages';
import { firstSeenOrder } from '@/entrypoints/popup/first-seen';

const person = (token: string, pageName = token): DetectionView => ({
  token,
  kind: 'request',
  platform: 'facebook',
  match: 'exact',
  clients: [],
  pageName,
});

describe('popup items stay where they were first seen', () => {
  it('a declined card keeps its place; the cards after it keep theirs', () => {
    const [a, b, c] = [person('a'), person('b'), person('c')];
    const first = firstSeenOrder([], [a, b, c], {});
    expect(first.shown.map((d) => d.token)).toEqual(['a', 'b', 'c']);
    // b was declined: it left the page, and the popup keeps it.
    const after = firstSeenOrder(first.seen, [a, c], { b });
    expect(after.shown.map((d) => d.token)).toEqual(['a', 'b', 'c']);
  });

  it('people new to the page come after those already shown; someone gone and not kept is not shown', () => {
    const first = firstSeenOrder([], [person('a'), person('b')], {});
    const next = firstSeenOrder(first.seen, [person('d'), person('b')], {});
    expect(next.shown.map((d) => d.token)).toEqual(['b', 'd']);
    expect(next.seen).toEqual(['a', 'b', 'd']);
  });

  it('the page’s current view of a person is shown rather than the kept one', () => {
    const first = firstSeenOrder([], [person('a', 'Old')], {});
    const next = firstSeenOrder(first.seen, [person('a', 'New')], { a: person('a', 'Old') });
    expect(next.shown).toEqual([person('a', 'New')]);
  });
});
