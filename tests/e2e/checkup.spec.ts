import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { expect, test } from './support/test';

// The options page's check-up: a client Facebook suggested, as Boundary logged it, and the
// sites' own settings ticked off. Who is who on the replica: tests/fixtures/facebook/pages.ts and
// tests/e2e/facebook-lists.spec.ts (Caio Monteiro is one of its People you may know).

const CLIENTS = ['name,status,facebook', 'Caio Monteiro,current,https://www.facebook.com/profile.php?id=100089412300342', ''].join('\n');

async function violations(page: Page) {
  const results = await new AxeBuilder({ page }).include('#checkup').analyze();
  return results.violations.map((v) => ({ id: v.id, impact: v.impact, nodes: v.nodes.map((n) => n.target.join(' ')).slice(0, 5) }));
}

test.afterEach(async ({ replicas }) => {
  expect(replicas.unexpected.filter((u) => !u.includes('favicon'))).toEqual([]);
});

test('a client seen among Facebook suggestions is listed; a ticked setting stays ticked; axe passes light and dark', async ({
  boundary,
  context,
  replicas,
}) => {
  const { page: options, imported } = await boundary.importCsv(CLIENTS);
  expect(imported).toBe(1);
  await boundary.showView(options, 'checkup');
  const checkup = options.locator('#checkup');
  await expect(checkup.getByTestId('checkup-seen-none')).toBeVisible();

  const site = await context.newPage();
  await site.goto(replicas.serve('https://www.facebook.com/friends/suggestions/', 'facebook/friend-suggestions.pt.html'));
  const popup = await boundary.openPopup(site);
  await expect(popup.locator('[data-testid="detection"][data-kind="suggestion"]').filter({ hasText: 'Caio Monteiro' })).toHaveCount(1);
  await popup.close();

  await options.reload();
  const seen = checkup.locator('[data-testid="checkup-seen"][data-platform="facebook"][data-kind="suggestion-seen"]');
  await expect(seen.getByTestId('checkup-seen-client')).toHaveText([/Caio Monteiro/]);
  await expect(checkup.locator('[data-testid="checkup-seen"]')).toHaveCount(1);
  // Only the suggestion was logged, once, whatever the page reported meanwhile.
  await site.reload();
  const again = await boundary.openPopup(site);
  await expect(again.locator('[data-testid="detection"][data-kind="suggestion"]').filter({ hasText: 'Caio Monteiro' })).toHaveCount(1);
  await again.close();
  await options.reload();
  await expect(seen.getByTestId('checkup-seen-client')).toHaveCount(1);

  // The settings' links go to the sites themselves, in a new tab.
  const items = checkup.getByTestId('checkup-item');
  await expect(items).toHaveCount(8);
  for (const link of await checkup.locator('[data-testid="checkup-item"] a').all()) {
    expect(await link.getAttribute('target')).toBe('_blank');
    expect(new URL((await link.getAttribute('href'))!).hostname).toMatch(/^www\.(facebook|instagram|linkedin)\.com$/);
  }

  const requests = checkup.locator('[data-testid="checkup-item"][data-item="facebook-friend-requests"]');
  await expect(requests).toHaveAttribute('data-state', 'todo');
  await requests.getByRole('checkbox').check();
  await expect(requests).toHaveAttribute('data-state', 'done');
  await expect(requests.getByTestId('checkup-item-state')).toBeVisible();
  await options.reload();
  await expect(requests).toHaveAttribute('data-state', 'done');
  await expect(requests.getByRole('checkbox')).toBeChecked();
  await expect(checkup.locator('[data-testid="checkup-item"][data-state="done"]')).toHaveCount(1);

  for (const colorScheme of ['light', 'dark'] as const) {
    await options.emulateMedia({ colorScheme });
    const background = await options.evaluate(() => getComputedStyle(document.body).backgroundColor);
    expect(background).toBe(colorScheme === 'dark' ? 'rgb(23, 25, 28)' : 'rgb(251, 250, 248)');
    expect(await violations(options)).toEqual([]);
  }
});
