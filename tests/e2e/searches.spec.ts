import { expect, test } from './support/test';

const CLIENTS = ['name,status', 'Chidi Okoro,current', 'Mia Hart,former', 'Ines Duarte,current', ''].join('\n');

const SEARCHES = [
  { url: 'https://www.google.com/search?q=chidi+okoro&oq=chidi+okoro', fixture: 'search/google.en.html', client: 'Chidi Okoro', engine: 'google' },
  { url: 'https://www.bing.com/search?q=mia+hart+leeds&setlang=es', fixture: 'search/bing.es.html', client: 'Mia Hart', engine: 'bing' },
  { url: 'https://duckduckgo.com/?q=Ines+Duarte&ia=web', fixture: 'search/duckduckgo.en.html', client: 'Ines Duarte', engine: 'duckduckgo' },
];

const REVIEWS = [
  { url: 'https://business.google.com/reviews', fixture: 'reviews/google-business.en.html', site: 'google-business' },
  { url: 'https://biz.yelp.com/reviews/aBcD3fGh1jKl', fixture: 'reviews/yelp-biz.es.html', site: 'yelp' },
];

test.describe('with searches and review sites turned on', () => {
  test.use({ optionalHostsGranted: true });

  for (const search of SEARCHES) {
    test(`a ${search.engine} search for a listed name shows on the icon, and its query is kept nowhere`, async ({ boundary, context, replicas }) => {
      await boundary.importCsv(CLIENTS);
      const page = await context.newPage();
      await page.goto(replicas.serve(search.url, search.fixture));
      await expect.poll(() => boundary.badgeText(page)).toBe('1');
      const session = JSON.stringify(await boundary.sessionStorage());
      const query = new URL(search.url).searchParams.get('q')!.toLowerCase();
      expect(session.toLowerCase()).not.toContain(query.split(' ')[1]);
      expect(session).not.toContain(search.client);
    });
  }

  test('a search for someone not on the list shows nothing', async ({ boundary, context, replicas }) => {
    await boundary.importCsv(CLIENTS);
    const page = await context.newPage();
    await page.goto(replicas.serve('https://www.google.com/search?q=chidi+smith+okoro+bakery', 'search/google.en.html'));
    await page.waitForTimeout(500);
    expect(await boundary.badgeText(page)).toBe('');
  });

  for (const review of REVIEWS) {
    test(`the ${review.site} review-reply screen is flagged on the icon`, async ({ boundary, context, replicas }) => {
      await boundary.importCsv(CLIENTS);
      const page = await context.newPage();
      await page.goto(replicas.serve(review.url, review.fixture));
      await expect.poll(() => boundary.badgeText(page)).toBe('!');
    });
  }
});

test('without the permission, searches are not read at all', async ({ boundary, context, replicas }) => {
  await boundary.importCsv(CLIENTS);
  const page = await context.newPage();
  await page.goto(replicas.serve(SEARCHES[0]!.url, SEARCHES[0]!.fixture));
  await page.waitForTimeout(700);
  expect(await boundary.badgeText(page)).toBe('');
});
