import { describe, expect, it } from 'vitest';
import { searchOf, SEARCH_ORIGINS } from '@/lib/searches/engines';

describe('search result addresses', () => {
  it.each([
    ['https://www.google.com/search?q=chidi+okoro&oq=chidi', 'google', 'chidi okoro'],
    ['https://www.google.co.uk/search?q=%22Ana%20Souza%22&hl=en', 'google', '"Ana Souza"'],
    ['https://www.google.es/search/?q=mia%20hart', 'google', 'mia hart'],
    ['https://www.bing.com/search?q=Mia+Hart+Leeds&form=QBLH', 'bing', 'Mia Hart Leeds'],
    ['https://duckduckgo.com/?q=ines+duarte&t=h_&ia=web', 'duckduckgo', 'ines duarte'],
    ['https://html.duckduckgo.com/html/?q=ines+duarte', 'duckduckgo', 'ines duarte'],
    ['https://duckduckgo.com/html/?q=ines', 'duckduckgo', 'ines'],
  ])('%s is a %s search for %j', (href, engine, query) => {
    expect(searchOf(href)).toEqual({ engine, query });
  });

  it.each([
    'https://www.google.com/',
    'https://www.google.com/search?q=',
    'https://www.google.com/maps?q=chidi+okoro',
    'https://mail.google.com/search?q=chidi',
    'https://www.google.evil.com/search?q=chidi+okoro',
    'https://www.bing.com/images?q=chidi',
    'https://duckduckgo.com/about?q=chidi',
    'https://www.facebook.com/search/top/?q=chidi%20okoro',
    'http://www.google.com/search?q=chidi+okoro',
    'chrome://settings/?q=chidi',
    'not a url',
  ])('%s is not a search Boundary reads', (href) => {
    expect(searchOf(href)).toBeNull();
  });

  it('asks for exactly the hosts it reads, as valid match patterns', () => {
    for (const origin of SEARCH_ORIGINS) expect(origin).toMatch(/^https:\/\/[a-z0-9.-]+\/\*$/);
    for (const origin of SEARCH_ORIGINS) {
      const host = origin.slice('https://'.length, -2);
      const path = host.startsWith('html.') ? '/html/' : host.includes('duckduckgo') ? '/' : '/search';
      expect(searchOf(`https://${host}${path}?q=a+b`), origin).not.toBeNull();
    }
  });
});
