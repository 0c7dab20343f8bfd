import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Client } from '@/lib/clients/model';
import { identityKey } from '@/lib/identity';
import { PLATFORMS, type Platform } from '@/lib/identity/platform';
import { Matcher, type MatchQuery } from '@/lib/matching/matcher';


type ValueOf<A> = A extends fc.Arbitrary<infer T> ? T : never;
/**
 * The matcher's index changes in place as the list does (put, remove, "not them" added and
 * taken back). After any sequence of those it must be the index a build from scratch of the
 * list as it then is would give: the same maps, and the same answer to every query.
 */

// Small pools, so that clients share names, aliases and profiles, and edits collide.
const NAMES = ['Ana Souza', 'Souza, Ana', 'Chidi Okoro', 'Zoë Dubois', 'Sam Lee', 'Sam', 'Inês Duarte Lima', 'ana  SOUZA'];
const IDS: Record<Platform, string[]> = {
  facebook: ['100012345678901', 'janedoe71', 'samlee9'],
  instagram: ['ana.souza_', 'chidi.o', 'sam_lee'],
  linkedin: ['zoë-dubois', 'urn:ACoAAB1x2YzQabc', 'sam-lee'],
};

const record = fc.record({
  name: fc.constantFrom(...NAMES),
  aliases: fc.array(fc.constantFrom(...NAMES), { maxLength: 2 }),
  identities: fc.record({
    facebook: fc.subarray(IDS.facebook, { maxLength: 2 }),
    instagram: fc.subarray(IDS.instagram, { maxLength: 2 }),
    linkedin: fc.subarray(IDS.linkedin, { maxLength: 2 }),
  }),
});
const notThemPair = fc.record({ platform: fc.constantFrom(...PLATFORMS), which: fc.nat(2), clientId: fc.integer({ min: 1, max: 8 }) });

type Step =
  | { kind: 'add'; record: ValueOf<typeof record> }
  | { kind: 'edit'; pick: number; record: ValueOf<typeof record> }
  | { kind: 'delete'; pick: number }
  | { kind: 'not-them' | 'undo-not-them'; pair: ValueOf<typeof notThemPair> };

const step: fc.Arbitrary<Step> = fc.oneof(
  fc.record({ kind: fc.constant('add' as const), record }),
  fc.record({ kind: fc.constant('edit' as const), pick: fc.nat(), record }),
  fc.record({ kind: fc.constant('delete' as const), pick: fc.nat() }),
  fc.record({ kind: fc.constantFrom('not-them' as const, 'undo-not-them' as const), pair: notThemPair }),
);

const client = (id: number, r: ValueOf<typeof record>): Client => ({ id, status: 'current', createdAt: 0, updatedAt: 0, ...r });
const pairOf = ({ platform, which, clientId }: ValueOf<typeof notThemPair>) => `${identityKey(platform, IDS[platform][which]!)}|${clientId}`;

/** Every query the pools allow: each profile with each name, and each name alone. */
const QUERIES: MatchQuery[] = PLATFORMS.flatMap((platform) => [
  ...NAMES.flatMap((name) => [{ platform, identities: [], name }, ...IDS[platform].map((id) => ({ platform, identities: [id], name }))]),
  ...IDS[platform].map((id) => ({ platform, identities: [id, 'someone.else'], name: 'Nobody Here' })),
]);

describe('the matcher changed in place', () => {
  it('equals a build from scratch after any sequence of adds, edits, deletes and "not them" (randomised)', () => {
    fc.assert(
      fc.property(fc.array(step, { maxLength: 25 }), (steps) => {
        const list = new Map<number, Client>();
        const notThem = new Set<string>();
        const live = new Matcher();
        let nextId = 1;
        for (const s of steps) {
          const ids = [...list.keys()];
          if (s.kind === 'add') {
            const c = client(nextId++, s.record);
            list.set(c.id, c);
            live.put(c);
          } else if (s.kind === 'edit' && ids.length > 0) {
            const c = client(ids[s.pick % ids.length]!, s.record);
            list.set(c.id, c);
            live.put(c);
          } else if (s.kind === 'delete' && ids.length > 0) {
            const id = ids[s.pick % ids.length]!;
            list.delete(id);
            live.remove(id);
          } else if (s.kind === 'not-them') {
            notThem.add(pairOf(s.pair));
            live.addNotThem(pairOf(s.pair));
          } else if (s.kind === 'undo-not-them') {
            notThem.delete(pairOf(s.pair));
            live.removeNotThem(pairOf(s.pair));
          }
          // In the order the database keeps them (by id), as the background builds it.
          const scratch = new Matcher([...list.values()].sort((a, b) => a.id - b.id), notThem);
          expect(live.contents()).toEqual(scratch.contents());
          expect(live.size).toBe(scratch.size);
          for (const query of QUERIES) expect(live.match(query)).toEqual(scratch.match(query));
          for (const name of NAMES) expect(live.namesIn(`${name} therapist`).sort()).toEqual(scratch.namesIn(`${name} therapist`).sort());
        }
      }),
      { numRuns: 150 },
    );
  });

  it('a name seen before is looked up again once the list has changed', () => {
    const matcher = new Matcher([client(1, { name: 'Ana Souza', aliases: [], identities: { facebook: [], instagram: [], linkedin: [] } })]);
    const query = { platform: 'facebook' as const, identities: [], name: 'Souza, Ana' };
    expect(matcher.match(query)).toEqual({ match: 'name', clientIds: [1] });
    matcher.put(client(2, { name: 'Ana Souza', aliases: [], identities: { facebook: [], instagram: [], linkedin: [] } }));
    expect(matcher.match(query)).toEqual({ match: 'name', clientIds: [1, 2] });
    matcher.remove(1);
    matcher.remove(2);
    expect(matcher.match(query)).toEqual({ match: 'none' });
  });

  it('a profile seen before is answered again from the index as it now is, after every kind of change', () => {
    const ana = client(1, { name: 'Ana Souza', aliases: [], identities: { facebook: ['100089412300001'], instagram: [], linkedin: [] } });
    const matcher = new Matcher([ana]);
    const byProfile = { platform: 'facebook' as const, identities: ['100089412300001'], name: 'Ana Souza' };
    const namesake = { platform: 'facebook' as const, identities: ['100089412300777'], name: 'Ana Souza' };
    for (let i = 0; i < 2; i++) expect(matcher.match(byProfile)).toEqual({ match: 'exact', clientIds: [1], identity: '100089412300001' });
    for (let i = 0; i < 2; i++) expect(matcher.match(namesake)).toEqual({ match: 'name', clientIds: [1], identity: '100089412300777' });
    matcher.addNotThem('facebook:100089412300777|1');
    expect(matcher.match(namesake)).toEqual({ match: 'none' });
    matcher.removeNotThem('facebook:100089412300777|1');
    expect(matcher.match(namesake)).toEqual({ match: 'name', clientIds: [1], identity: '100089412300777' });
    matcher.remove(1);
    expect(matcher.match(byProfile)).toEqual({ match: 'none' });
    expect(matcher.match(namesake)).toEqual({ match: 'none' });
    matcher.put(ana);
    expect(matcher.match(byProfile)).toEqual({ match: 'exact', clientIds: [1], identity: '100089412300001' });
    // The same profile shown with another name is looked up again, not answered for the first.
    expect(matcher.match({ ...namesake, name: 'Someone Else' })).toEqual({ match: 'none' });
  });

  it('answers handed out again are frozen: one caller cannot change what the next is told', () => {
    const matcher = new Matcher([client(1, { name: 'Sam Lee', aliases: [], identities: { facebook: ['100089412300002'], instagram: [], linkedin: [] } })]);
    const first = matcher.match({ platform: 'facebook', identities: ['100089412300002'], name: 'Sam Lee' });
    expect(() => (first as { clientIds: number[] }).clientIds.push(9)).toThrow();
    expect(matcher.match({ platform: 'facebook', identities: ['100089412300002'], name: 'Sam Lee' })).toEqual({ match: 'exact', clientIds: [1], identity: '100089412300002' });
  });

  it('what a match hands back is a copy: changing the list later does not change it', () => {
    const matcher = new Matcher([client(1, { name: 'Sam Lee', aliases: [], identities: { facebook: [], instagram: [], linkedin: [] } })]);
    const result = matcher.match({ platform: 'facebook', identities: [], name: 'Sam Lee' });
    matcher.put(client(2, { name: 'Sam Lee', aliases: [], identities: { facebook: [], instagram: [], linkedin: [] } }));
    expect(result).toEqual({ match: 'name', clientIds: [1] });
  });
});
