import AxeBuilder from '@axe-core/playwright';
import { existsSync, readFileSync } from 'node:fs';
import type { Page } from '@playwright/test';
import { detectionFor, expect, replicaState, test, type Boundary } from './support/test';

// The detection surface around the adapters: what the popup says when a page cannot be read,
// whether a decline is said done only when the page took it, one item per person, and replies
// only into the open conversation. Replicas: tests/fixtures/surface/ and tests/fixtures/facebook/.

const REQUESTS = 'https://www.facebook.com/friends/requests/';
const MARTA_THREAD = 'https://www.facebook.com/messages/t/100089412300031/';
/** A phrase of the default reply (lib/replies/default-replies.ts). */
const REPLY_PHRASE = 'Please contact the practice by phone or through its secure channels instead.';

async function importClients(boundary: Boundary, csv: string, count: number): Promise<void> {
  const { imported, rejected } = await boundary.importCsv(csv);
  expect({ imported, rejected }).toEqual({ imported: count, rejected: 0 });
}

async function violations(page: Page) {
  const results = await new AxeBuilder({ page }).analyze();
  return results.violations.map((v) => ({ id: v.id, nodes: v.nodes.map((n) => n.target.join(' ')).slice(0, 5) }));
}

test.afterEach(async ({ replicas }) => {
  expect(replicas.unexpected.filter((u) => !u.includes('favicon'))).toEqual([]);
});

test('a requests page Boundary cannot read: “?” on the badge, said plainly, an outline to save, and the Sites view', async ({
  boundary,
  context,
  replicas,
}) => {
  await importClients(boundary, 'name,facebook\nAna Ruiz-Calder,100089412300001\n', 1);
  const site = await context.newPage();
  await site.goto(replicas.serve(REQUESTS, 'surface/requests-split.en.html'));
  await expect.poll(() => boundary.badgeText(site)).toBe('?');

  const popup = await boundary.openPopup(site);
  const unreadable = popup.getByTestId('page-unreadable');
  await expect(unreadable).toBeVisible();
  await expect(unreadable).toContainText('Boundary cannot read this page');
  await expect(unreadable).toContainText('Facebook may have changed');
  await expect(unreadable).toContainText('look through the requests yourself');
  await expect(popup.getByTestId('detection')).toHaveCount(0);
  // Only browsing: the page saw nothing of this.
  expect((await replicaState(site)).foreignMutations).toEqual([]);

  await popup.setViewportSize({ width: 400, height: 700 });
  for (const colorScheme of ['light', 'dark'] as const) {
    await popup.emulateMedia({ colorScheme });
    expect(await violations(popup), colorScheme).toEqual([]);
  }
  expect(await popup.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(400);

  await expect(unreadable.getByTestId('save-outline')).toBeVisible();

  // Options: the open page is listed as unreadable, with its outline; no read of Facebook requests has worked yet.
  const options = await boundary.openOptions('sites');
  const tab = options.locator('[data-testid="site-tab"][data-site="facebook"][data-kind="requests"]');
  await expect(tab).toHaveAttribute('data-recognised', 'false');
  await expect(tab.getByTestId('save-outline')).toBeVisible();
  await expect(options.locator('[data-testid="site-read"][data-site="facebook"][data-kind="requests"]')).toHaveAttribute('data-read-at', '');
  expect(await violations(options)).toEqual([]);

  // A requests page that reads: the Sites view now says when.
  const readable = await context.newPage();
  await readable.goto(replicas.serve('https://www.facebook.com/friends/requests/?x=1', 'surface/requests-react.en.html'));
  await expect.poll(() => boundary.badgeText(readable)).toBe('1');
  const cell = options.locator('[data-testid="site-read"][data-site="facebook"][data-kind="requests"]');
  await expect(cell).not.toHaveAttribute('data-read-at', '');
  const at = Number(await cell.getAttribute('data-read-at'));
  expect(Math.abs(Date.now() - at)).toBeLessThan(60_000);
  // Nothing but a site, a kind and a time is kept.
  const stored = await boundary.worker.evaluate(() => (globalThis as unknown as { chrome: any }).chrome.storage.local.get('site-reads')); // eslint-disable-line @typescript-eslint/no-explicit-any
  expect(Object.keys(stored['site-reads'])).toEqual(['facebook:requests']);
});

test('the unreadable page’s outline is saved as a file named for the site and kind, without the page’s people', async ({
  boundary,
  context,
  replicas,
}) => {
  // lib/outline/outline.ts (outlineOf) is written apart from this wiring; without it there is nothing to save.
  test.skip(!existsSync('lib/outline/outline.ts'), 'lib/outline/outline.ts is not there yet');
  await importClients(boundary, 'name,facebook\nAna Ruiz-Calder,100089412300001\n', 1);
  const site = await context.newPage();
  await site.goto(replicas.serve(REQUESTS, 'surface/requests-split.en.html'));
  await expect.poll(() => boundary.badgeText(site)).toBe('?');
  const popup = await boundary.openPopup(site);
  const [download] = await Promise.all([popup.waitForEvent('download'), popup.getByTestId('page-unreadable').getByTestId('save-outline').click()]);
  expect(download.suggestedFilename()).toBe('boundary-outline-facebook-requests.html');
  const outline = readFileSync((await download.path())!, 'utf8');
  expect(outline).toMatch(/<html/i);
  for (const secret of ['Ana Ruiz-Calder', 'Jonah Petrakis', '100089412300001', 'jonah.petrakis.5', 'riley.moss']) expect(outline).not.toContain(secret);
  await expect(popup.getByTestId('outline-result')).toHaveAttribute('data-ok', 'true');
  // Made from the page without touching it.
  expect((await replicaState(site)).foreignMutations).toEqual([]);

  // The same from the options page's Sites view.
  const options = await boundary.openOptions('sites');
  const tab = options.locator('[data-testid="site-tab"][data-site="facebook"][data-kind="requests"]');
  const [again] = await Promise.all([options.waitForEvent('download'), tab.getByTestId('save-outline').click()]);
  expect(again.suggestedFilename()).toBe('boundary-outline-facebook-requests.html');
});

test('decline is said done only when the page took it; a click the page ignores is said plainly', async ({ boundary, context, replicas }) => {
  await importClients(boundary, 'name,facebook\nAna Ruiz-Calder,100089412300001\nNoor Haddad,100089412300903\n', 2);
  const site = await context.newPage();
  await site.goto(replicas.serve(REQUESTS, 'surface/requests-react.en.html'));
  const popup = await boundary.openPopup(site);
  const ana = detectionFor(popup, 'Ana Ruiz-Calder', 'request', 'exact');
  const noor = detectionFor(popup, 'Noor Haddad', 'request', 'exact');
  await expect(ana).toHaveCount(1);
  await expect(noor).toHaveCount(1);
  // The policy line is said once for the requests, not on each card.
  await expect(popup.locator('[data-kind-group="request"] > .policy')).toHaveCount(1);
  await expect(ana.locator('.policy')).toHaveCount(0);

  await noor.getByTestId('decline').click();
  const noorResult = noor.getByTestId('action-result');
  await expect(noorResult).toHaveAttribute('data-ok', 'false');
  await expect(noorResult).toContainText('cannot confirm');
  await expect(noorResult).toContainText('look at the page');
  expect((await replicaState(site)).actions).toEqual([{ action: 'unanswered', person: 'noor' }]);
  // Not declined, so still on offer, and nothing to keep for the session.
  await expect(noor.getByTestId('decline')).toBeEnabled();
  await expect(noor.getByTestId('discuss-offer')).toHaveCount(0);

  await ana.getByTestId('decline').click();
  await expect(ana.getByTestId('action-result')).toHaveAttribute('data-ok', 'true');
  await expect(ana.getByTestId('action-result')).toContainText('Declined on Facebook');
  await expect(site.locator('[data-replica-person="ana"]')).toContainText('Request removed');
  expect((await replicaState(site)).actions).toEqual([
    { action: 'unanswered', person: 'noor' },
    { action: 'decline', person: 'ana' },
  ]);
  await expect(ana.getByTestId('discuss-offer')).toBeVisible();
  expect((await replicaState(site)).sent).toEqual([]);
});

test('Messenger: a conversation listed and open is one item, and the badge agrees', async ({ boundary, context, replicas }) => {
  await importClients(boundary, 'name,facebook\nMarta Quell,https://www.facebook.com/marta.quell/\n', 1);
  const site = await context.newPage();
  await site.goto(replicas.serve(MARTA_THREAD, 'facebook/messages.en.html'));
  const popup = await boundary.openPopup(site);
  await expect(detectionFor(popup, 'Marta Quell', 'message', 'exact')).toHaveCount(1);
  await expect.poll(() => boundary.badgeText(site)).toBe('1');
  // Her row in the list arrived with the header; it is not a second item.
  await expect(popup.getByTestId('detection')).toHaveCount(1);
  await expect(popup.locator('[data-kind-group="message"] > .policy')).toHaveCount(1);
  expect((await replicaState(site)).foreignMutations).toEqual([]);
});

test('two people of the same name: a reply goes into the open conversation only for it, never for the namesake’s row', async ({
  boundary,
  context,
  replicas,
}) => {
  await importClients(boundary, 'name\nMarta Quell\n', 1);
  const site = await context.newPage();
  await site.goto(replicas.serve(MARTA_THREAD, 'surface/messenger-namesakes.en.html'));
  const popup = await boundary.openPopup(site);
  const martas = detectionFor(popup, 'Marta Quell', 'message', 'name');
  // The open conversation (header and its own row) and the namesake's row.
  await expect.poll(() => martas.count()).toBeGreaterThanOrEqual(2);
  const count = await martas.count();
  const outcomes: string[] = [];
  for (let i = 0; i < count; i++) {
    const item = martas.nth(i);
    await item.getByTestId('insert-reply').click();
    const result = item.getByTestId('action-result');
    await expect(result).toHaveAttribute('data-ok', /true|false/);
    outcomes.push((await result.getAttribute('data-ok'))!);
    if (outcomes[i] === 'false') await expect(result).toContainText(/not the one open|open the conversation first/i);
  }
  // The namesake's row is refused; at most the open conversation's own item put the reply in, once.
  expect(outcomes.filter((ok) => ok === 'false').length).toBeGreaterThanOrEqual(1);
  expect(outcomes.filter((ok) => ok === 'true').length).toBeLessThanOrEqual(1);
  const state = await replicaState(site);
  expect(state.editors.open?.split(REPLY_PHRASE).length ?? 1).toBe(outcomes.includes('true') ? 2 : 1);
  expect(state.sent).toEqual([]);
});
