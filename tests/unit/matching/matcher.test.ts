import { describe, expect, it } from 'vitest';
import type { Client } from '@/lib/clients/model';
import { identityKey } from '@/lib/identity';
import { Matcher } from '@/lib/matching/matcher';

function client(id: number, name: string, extra: Partial<Client> = {}): Client {
  return {
    id,
    name,
    aliases: [],
    status: 'current',
    identities: { facebook: [], instagram: [], linkedin: [] },
    createdAt: 0,
    updatedAt: 0,
    ...extra,
  };
}

const clients = [
  client(1, 'Ana Souza', { identities: { facebook: ['100012345678901'], instagram: ['ana.souza_'], linkedin: [] } }),
  client(2, 'Okoro, Chidi', { aliases: ['Chi Okoro'], status: 'former' }),
  client(3, 'Zoë Dubois', { identities: { facebook: [], instagram: [], linkedin: ['zoë-dubois'] } }),
  client(4, 'Sam Lee'),
  client(5, 'Sam Lee'),
];
const matcher = new Matcher(clients);

describe('Matcher', () => {
  it.each([
    ['facebook id', { platform: 'facebook', identities: ['100012345678901'], name: 'Someone Else' }, { match: 'exact', clientIds: [1], identity: '100012345678901' }],
    ['instagram username', { platform: 'instagram', identities: ['ana.souza_'], name: '' }, { match: 'exact', clientIds: [1], identity: 'ana.souza_' }],
    ['identity on another platform does not count', { platform: 'linkedin', identities: ['ana.souza_'], name: '' }, { match: 'none' }],
    ['linkedin unicode slug', { platform: 'linkedin', identities: ['zoë-dubois'], name: 'Z D' }, { match: 'exact', clientIds: [3], identity: 'zoë-dubois' }],
    ['name in other order and case', { platform: 'facebook', identities: [], name: 'chidi OKORO' }, { match: 'name', clientIds: [2] }],
    ['alias', { platform: 'instagram', identities: ['chi_ok'], name: 'Chi Okoro' }, { match: 'name', clientIds: [2], identity: 'chi_ok' }],
    ['diacritics folded', { platform: 'linkedin', identities: [], name: 'Zoe Dubois' }, { match: 'name', clientIds: [3] }],
    ['shared name gives every client with it', { platform: 'facebook', identities: [], name: 'Sam Lee' }, { match: 'name', clientIds: [4, 5] }],
    ['a stranger', { platform: 'facebook', identities: ['100000000000001'], name: 'Priya Raman' }, { match: 'none' }],
    ['empty name', { platform: 'facebook', identities: [], name: '' }, { match: 'none' }],
    ['a middle name is not the same person', { platform: 'facebook', identities: [], name: 'Ana Maria Souza' }, { match: 'none' }],
  ] as const)('%s', (_label, query, expected) => {
    expect(matcher.match({ ...query, identities: [...query.identities] })).toEqual(expected);
  });

  it('an exact identity wins over a name that matches someone else', () => {
    expect(matcher.match({ platform: 'facebook', identities: ['100012345678901'], name: 'Sam Lee' })).toMatchObject({
      match: 'exact',
      clientIds: [1],
    });
  });

  it('"not them" hides a name match for that profile and that client only', () => {
    const withNotThem = new Matcher(clients, new Set([`${identityKey('facebook', 'samlee.9')}|4`]));
    expect(withNotThem.match({ platform: 'facebook', identities: ['samlee.9'], name: 'Sam Lee' })).toEqual({
      match: 'name',
      clientIds: [5],
      identity: 'samlee.9',
    });
    expect(withNotThem.match({ platform: 'facebook', identities: ['other.sam'], name: 'Sam Lee' })).toMatchObject({
      clientIds: [4, 5],
    });
  });

  it('looks up ten thousand clients by hash, not by scanning', () => {
    const many = Array.from({ length: 10_000 }, (_, i) =>
      client(i + 1, `Person ${i}`, { identities: { facebook: [`1000${i}`], instagram: [], linkedin: [] } }),
    );
    const big = new Matcher(many);
    expect(big.match({ platform: 'facebook', identities: ['10009999'], name: '' })).toMatchObject({ clientIds: [10_000] });
    expect(big.match({ platform: 'facebook', identities: [], name: 'person 4321' })).toMatchObject({ clientIds: [4322] });
  });
});
