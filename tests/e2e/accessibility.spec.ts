import AxeBuilder from '@axe-core/playwright';
import { readFileSync } from 'node:fs';
import type { Page } from '@playwright/test';
import { FACEBOOK_OWN_POST } from '../fixtures/facebook/pages';
import { expect, test } from './support/test';

const DEMO_CLIENTS = readFileSync('tests/fixtures/clients/demo.csv', 'utf8');

async function violations(page: Page) {
  const results = await new AxeBuilder({ page }).analyze();
  return results.violations.map((v) => ({ id: v.id, impact: v.impact, nodes: v.nodes.map((n) => n.target.join(' ')).slice(0, 5) }));
}

for (const colorScheme of ['light', 'dark'] as const) {
  test(`popup and options pass axe in the ${colorScheme} scheme`, async ({ boundary, context, replicas }) => {
    const { page: options } = await boundary.importCsv(DEMO_CLIENTS);
    await options.emulateMedia({ colorScheme });
    // The scheme really applies (the theme's background), so both checks look at what people see.
    const background = await options.evaluate(() => getComputedStyle(document.body).backgroundColor);
    expect(background).toBe(colorScheme === 'dark' ? 'rgb(23, 25, 28)' : 'rgb(251, 250, 248)');
    expect(await violations(options)).toEqual([]);

    const site = await context.newPage();
    await site.goto(replicas.serve('https://www.facebook.com/messages/t/100089412300031/', 'facebook/messages.en.html'));
    const popup = await boundary.openPopup(site);
    await popup.setViewportSize({ width: 400, height: 700 });
    await popup.emulateMedia({ colorScheme });
    await expect(popup.getByTestId('detection').first()).toBeVisible();
    expect(await violations(popup)).toEqual([]);
    // The popup fits 400 px without scrolling sideways.
    expect(await popup.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(400);
  });
}

test('comments, mentions and tags: the popup’s items, a step taken and the to-discuss offer, pass axe in both schemes and fit 400 px', async ({
  boundary,
  context,
  replicas,
}) => {
  await boundary.importCsv(DEMO_CLIENTS);
  const site = await context.newPage();
  await site.goto(replicas.serve(FACEBOOK_OWN_POST, 'facebook/post-comments.de.html'));
  const popup = await boundary.openPopup(site);
  await popup.setViewportSize({ width: 400, height: 700 });
  const ana = popup.locator('[data-testid="detection"][data-kind="mention"]').filter({ hasText: 'Ana Ruiz-Calder' });
  await ana.getByTestId('mention-step').click();
  await expect(ana.getByTestId('discuss-offer')).toBeVisible();
  for (const colorScheme of ['light', 'dark'] as const) {
    await popup.emulateMedia({ colorScheme });
    expect(await violations(popup)).toEqual([]);
  }
  expect(await popup.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(400);
});

test('a fresh install opens the welcome page once; it explains three steps and passes axe', async ({ context, boundary }) => {
  await expect.poll(() => context.pages().some((p) => p.url() === boundary.url('welcome.html'))).toBe(true);
  const welcome = context.pages().find((p) => p.url() === boundary.url('welcome.html'))!;
  await expect(welcome.getByTestId('welcome-steps').locator(':scope > li')).toHaveCount(3);
  for (const colorScheme of ['light', 'dark'] as const) {
    await welcome.emulateMedia({ colorScheme });
    expect(await violations(welcome)).toEqual([]);
  }
  await welcome.getByTestId('welcome-start').click();
  await expect(welcome).toHaveURL(boundary.url('options.html'));
});

test.describe('the guard rails’ popup views', () => {
  test.use({ optionalHostsGranted: true });

  test('a client’s profile (with the welfare-check form open), a search and a review screen pass axe and fit 400 px', async ({ boundary, context, replicas }) => {
    await boundary.importCsv(['name,status,facebook', 'Tessa Lindqvist-Hale,current,tessa.lindqvist.hale', 'Chidi Okoro,former,', ''].join('\n'));
    const views = [
      { url: 'https://www.facebook.com/tessa.lindqvist.hale', fixture: 'facebook/profile.en.html', badge: '1' },
      { url: 'https://www.google.com/search?q=chidi+okoro', fixture: 'search/google.en.html', badge: '1' },
      { url: 'https://business.google.com/reviews', fixture: 'reviews/google-business.en.html', badge: '!' },
    ];
    for (const view of views) {
      const site = await context.newPage();
      await site.goto(replicas.serve(view.url, view.fixture));
      await expect.poll(() => boundary.badgeText(site)).toBe(view.badge);
      const popup = await boundary.openPopup(site);
      await popup.setViewportSize({ width: 400, height: 700 });
      const opener = popup.getByTestId('welfare-check-open');
      await expect(popup.locator('[data-testid="profile-view"], [data-testid="lookup"]').first()).toBeVisible();
      if (await opener.count()) await opener.first().click();
      for (const colorScheme of ['light', 'dark'] as const) {
        await popup.emulateMedia({ colorScheme });
        expect(await violations(popup), view.url).toEqual([]);
      }
      expect(await popup.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(400);
    }
  });
});
