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

  test('the popup on a search: who it named, the crisis exception, and a welfare check that lands in the log', async ({ boundary, context, replicas }) => {
    await boundary.importCsv(CLIENTS);
    const page = await context.newPage();
    await page.goto(replicas.serve(SEARCHES[1]!.url, SEARCHES[1]!.fixture));
    await expect.poll(() => boundary.badgeText(page)).toBe('1');
    const popup = await boundary.openPopup(page);
    const notice = popup.locator('[data-testid="lookup"][data-kind="search"]');
    await expect(notice).toHaveAttribute('data-engine', 'bing');
    await expect(notice.getByTestId('lookup-client')).toHaveText([/Mia Hart/]);
    await expect(notice).toContainText(/crisis/i);
    await notice.getByTestId('welfare-check-open').click();
    await expect(notice.getByTestId('welfare-looked-at')).toHaveValue('Bing search');
    await notice.getByTestId('welfare-save').click();
    await expect(notice.getByTestId('welfare-error')).toBeVisible();
    await notice.getByTestId('welfare-reason').fill('Her sister called: no word from her for three days.');
    await notice.getByTestId('welfare-save').click();
    await expect(notice.getByTestId('welfare-saved')).toBeVisible();

    const options = await boundary.openOptions('activity');
    const row = options.locator('[data-testid="activity-row"][data-kind="welfare-check"][data-place="bing"]');
    await expect(row).toContainText('Mia Hart');
    await expect(row).toContainText('no word from her');
    // The options page shows the features as on: the browser granted their hosts.
    await boundary.showView(options, 'sites');
    await expect(options.getByTestId('feature-searches')).toBeChecked();
    await expect(options.getByTestId('feature-reviews')).toBeChecked();
  });

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
      const popup = await boundary.openPopup(page);
      const notice = popup.locator('[data-testid="lookup"][data-kind="review"]');
      await expect(notice).toHaveAttribute('data-site', review.site);
      await expect(notice).toContainText(/fine/i);
      await expect(notice.getByTestId('review-reply')).toContainText('never confirm');
    });
  }
});

test('without the permission, searches are not read at all', async ({ boundary, context, replicas }) => {
  await boundary.importCsv(CLIENTS);
  const page = await context.newPage();
  await page.goto(replicas.serve(SEARCHES[0]!.url, SEARCHES[0]!.fixture));
  await page.waitForTimeout(700);
  expect(await boundary.badgeText(page)).toBe('');
  const options = await boundary.openOptions('sites');
  await expect(options.getByTestId('feature-searches')).not.toBeChecked();
  await expect(options.getByTestId('feature-reviews')).not.toBeChecked();
});
