import { describe, expect, it } from 'vitest';
import { Matcher } from '@/lib/matching/matcher';
import { draft } from '../clients/draft';

const clients = [
  { ...draft('Chidi Okoro', { aliases: ['Chidi A. Okoro', 'Nessa'] }), id: 1, createdAt: 0, updatedAt: 0 },
  { ...draft('Inês Duarte'), id: 2, createdAt: 0, updatedAt: 0 },
  { ...draft('Madonna'), id: 3, createdAt: 0, updatedAt: 0 },
];
const matcher = new Matcher(clients);

describe('names in free text (search queries)', () => {
  it.each([
    ['chidi okoro', [1]],
    ['"Okoro, Chidi" therapist leeds', [1]],
    ['okoro chidi facebook', [1]],
    ['CHIDI A OKORO', [1]],
    ['ines duarte instagram', [2]],
    ['inês duarte and chidi okoro', [1, 2]],
  ])('%j names %j', (query, ids) => {
    expect(matcher.namesIn(query).sort()).toEqual(ids);
  });

  it.each(['chidi', 'nessa', 'madonna concert', 'chidi smith okoro', 'okoro okoro', 'ines', ''])('%j names nobody', (query) => {
    expect(matcher.namesIn(query)).toEqual([]);
  });
});
