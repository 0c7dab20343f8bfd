import { describe, expect, it } from 'vitest';
import { detect, peopleCount } from '@/lib/detections/tab-detections';
import { Matcher } from '@/lib/matching/matcher';
import type { WireCandidate } from '@/lib/messaging/messages';

const matcher = new Matcher([
  { id: 1, name: 'Ana Souza', aliases: [], status: 'current', identities: { facebook: ['100012345678901'], instagram: [], linkedin: [] }, createdAt: 0, updatedAt: 0 },
  { id: 2, name: 'Chidi Okoro', aliases: [], status: 'former', identities: { facebook: [], instagram: [], linkedin: [] }, createdAt: 0, updatedAt: 0 },
]);

const candidate = (
  token: string,
  identities: string[],
  name: string,
  kind: WireCandidate['kind'] = 'request',
  extra: Pick<WireCandidate, 'thread' | 'open'> = {},
): WireCandidate => ({ token, kind, platform: 'facebook', identities, name, ...extra });

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
    // Her conversation's row (a name, nothing else) and its header (exact) are one item.
    expect(detections.map((d) => `${d.kind}/${d.match}/${d.token}`)).toEqual(['request/exact/t1', 'message/exact/t3', 'message/name/t4']);
    // Ana: her request and her conversation are one person.
    expect(peopleCount(detections)).toBe(2);
    expect(peopleCount([])).toBe(0);
  });
});

describe('one item per person and kind', () => {
  const shown = (candidates: WireCandidate[]) => detect(matcher, candidates).map((d) => `${d.kind}/${d.match}/${d.token}/${d.clientIds.join(',')}`);

  it('a conversation listed and open is one detection: the exact match, with the open header’s token', () => {
    const detections = detect(matcher, [
      // The inbox row links Ana's profile (exact); the open header shows only her name.
      candidate('row', ['100012345678901'], 'Ana Souza (work)', 'message', { thread: '/messages/t/100012345678901/' }),
      candidate('head', [], 'Ana Souza', 'message', { thread: '/messages/t/100012345678901/', open: true }),
    ]);
    expect(detections).toEqual([
      { token: 'head', kind: 'message', platform: 'facebook', match: 'exact', clientIds: [1], identity: '100012345678901', pageName: 'Ana Souza' },
    ]);
    expect(peopleCount(detections)).toBe(1);
  });

  it('a same-name row with a thread of its own is another conversation, kept apart', () => {
    const detections = detect(matcher, [
      candidate('head', ['100012345678901'], 'Ana Souza', 'message', { thread: '/messages/t/100012345678901/', open: true }),
      candidate('row', [], 'Ana Souza', 'message', { thread: '/messages/t/100000000000077/' }),
    ]);
    expect(detections.map((d) => `${d.match}/${d.token}`)).toEqual(['exact/head', 'name/row']);
  });

  it('a name match linking another profile is someone else: two items, and the badge counts two', () => {
    const detections = detect(matcher, [
      candidate('ana', ['100012345678901'], 'Ana Souza'),
      candidate('namesake', ['100000000000099'], 'Ana Souza'),
    ]);
    expect(detections.map((d) => `${d.match}/${d.token}/${d.identity}`)).toEqual(['exact/ana/100012345678901', 'name/namesake/100000000000099']);
    expect(peopleCount(detections)).toBe(2);
  });

  it('the same profile twice on a page is one item; name matches keep the profile seen, for “this is them”', () => {
    const detections = detect(matcher, [
      candidate('a', ['100000000000055'], 'Chidi Okoro', 'message'),
      candidate('b', ['100000000000055'], 'Chidi Okoro', 'message', { open: true }),
    ]);
    expect(detections).toEqual([
      { token: 'b', kind: 'message', platform: 'facebook', match: 'name', clientIds: [2], identity: '100000000000055', pageName: 'Chidi Okoro' },
    ]);
    expect(peopleCount(detections)).toBe(1);
  });

  it('identities of any canonical form flow through untouched (member ids, usernames)', () => {
    const linkedin = new Matcher([
      { id: 5, name: 'Rowan Example', aliases: [], status: 'current', identities: { facebook: [], instagram: [], linkedin: [] }, createdAt: 0, updatedAt: 0 },
    ]);
    const [only] = detect(linkedin, [
      { token: 'r', kind: 'message', platform: 'linkedin', identities: ['ACoAAB1x2YzQ'], name: 'Rowan Example', open: true },
    ]);
    expect(only).toMatchObject({ match: 'name', identity: 'ACoAAB1x2YzQ', clientIds: [5] });
  });

  it('kinds stay apart: a request and a suggestion for one person are two items, one person on the badge', () => {
    const detections = detect(matcher, [candidate('req', ['100012345678901'], 'Ana Souza'), candidate('sug', ['100012345678901'], 'Ana Souza', 'suggestion')]);
    expect(detections.map((d) => `${d.kind}/${d.token}`)).toEqual(['request/req', 'suggestion/sug']);
    expect(peopleCount(detections)).toBe(1);
  });

  it('two name-only rows that say nothing more are not merged by name alone', () => {
    expect(shown([candidate('x', [], 'Chidi Okoro', 'message'), candidate('y', [], 'Chidi Okoro', 'message')])).toEqual([
      'message/name/x/2',
      'message/name/y/2',
    ]);
  });

  it('keeps page order, a merged item standing where its first card was', () => {
    expect(
      shown([
        candidate('chidi', [], 'Chidi Okoro', 'message'),
        candidate('row', [], 'Ana Souza', 'message', { thread: '/t/1/' }),
        candidate('stranger', ['100000000000042'], 'Someone', 'message'),
        candidate('head', ['100012345678901'], 'Ana Souza', 'message', { thread: '/t/1/', open: true }),
      ]),
    ).toEqual(['message/name/chidi/2', 'message/exact/head/1']);
  });
});
