import { describe, expect, it } from 'vitest';
import { detect, peopleCount } from '@/lib/detections/tab-detections';
import { Matcher } from '@/lib/matching/matcher';
import type { WireCandidate } from '@/lib/messaging/messages';

const matcher = new Matcher([
  { id: 1, name: 'Ana Souza', aliases: [], status: 'current', identities: { facebook: ['100012345678901'], instagram: [], linkedin: [] }, createdAt: 0, updatedAt: 0 },
  { id: 2, name: 'Chidi Okoro', aliases: [], status: 'former', identities: { facebook: [], instagram: [], linkedin: [] }, createdAt: 0, updatedAt: 0 },
]);

const candidate = (token: string, identities: string[], name: string, kind: 'request' | 'message' = 'request'): WireCandidate => ({
  token,
  kind,
  platform: 'facebook',
  identities,
  name,
});

describe('detect', () => {
  it('keeps only people on the list, and says how each matched', () => {
    const detections = detect(matcher, [
      candidate('t1', ['100012345678901'], 'Ana S.'),
      candidate('t2', ['100000000000042'], 'A Stranger'),
      candidate('t3', [], 'Chidi Okoro', 'message'),
    ]);
    expect(detections).toEqual([
      { token: 't1', kind: 'request', platform: 'facebook', match: 'exact', clientIds: [1], identity: '100012345678901', pageName: 'Ana S.' },
      { token: 't3', kind: 'message', platform: 'facebook', match: 'name', clientIds: [2], pageName: 'Chidi Okoro' },
    ]);
  });

  it('counts each person once for the badge, however many cards show them', () => {
    const detections = detect(matcher, [
      candidate('t1', ['100012345678901'], 'Ana Souza'),
      candidate('t2', [], 'Ana Souza', 'message'),
      candidate('t3', ['100012345678901'], 'Ana Souza', 'message'),
      candidate('t4', [], 'Chidi Okoro', 'message'),
    ]);
    expect(detections).toHaveLength(4);
    // Ana: her request, her conversation row (name) and header (exact) are one person.
    expect(peopleCount(detections)).toBe(2);
    expect(peopleCount([])).toBe(0);
  });
});
