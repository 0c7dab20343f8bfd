import AxeBuilder from '@axe-core/playwright';
import { readFileSync } from 'node:fs';
import type { BrowserContext, Page } from '@playwright/test';
import { declineLenaAndNote, LENA_ROW } from './support/activity';
import { expect, test, type Boundary } from './support/test';
import type { OptionsViewId } from './support/boundary';
import type { Replicas } from './support/replicas';

// The options page as an app: a view per area, each at its own address, a first-run checklist
// ticked from real state, and every page readable from 320 px up (WCAG 1.4.10) at a real text size.

const DEMO_CLIENTS = readFileSync('tests/fixtures/clients/demo.csv', 'utf8');

/** Every view in the navigation's order, with its heading in English. */
const VIEWS: { id: OptionsViewId; heading: string }[] = [
  { id: 'home', heading: 'Home' },
  { id: 'clients', heading: 'Client list' },
  { id: 'import', heading: 'Import and export' },
  { id: 'replies', heading: 'Replies' },
  { id: 'practice', heading: 'Practice' },
  { id: 'discuss', heading: 'To discuss' },
  { id: 'activity', heading: 'Activity log' },
  { id: 'checkup', heading: 'Check-up' },
  { id: 'security', heading: 'Security and backup' },
  { id: 'sites', heading: 'Sites' },
];

const shown = (page: Page, view: string) => page.locator(`[data-testid="options-view"][data-view="${view}"]`);
const navLink = (page: Page, view: string) => page.locator(`[data-testid="options-nav"] a[data-view="${view}"]`);
const setupItem = (page: Page, item: string) => page.locator(`[data-testid="setup-item"][data-item="${item}"]`);

async function goTo(boundary: Boundary, page: Page, view: string) {
  await page.goto(boundary.url(`options.html#/${view}`));
  await shown(page, view).waitFor();
  // Each view's content loads after it is shown; none of them is still loading once measured.
  await expect(page.getByTestId('options-view').getByText('Loading…', { exact: true })).toHaveCount(0);
}

/** How far the document scrolls sideways, and the text sizes: body's and the smallest on screen. */
function layout(page: Page) {
  return page.evaluate(() => {
    const scroller = document.scrollingElement!;
    let smallest = { size: Infinity, text: '' };
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const text = node.textContent?.trim();
      const element = node.parentElement;
      if (!text || !element || element.closest('option, script, style')) continue;
      const box = element.getBoundingClientRect();
      if (box.width === 0 || box.height === 0 || getComputedStyle(element).visibility === 'hidden') continue;
      const size = parseFloat(getComputedStyle(element).fontSize);
      if (size < smallest.size) smallest = { size, text: text.slice(0, 40) };
    }
    return { scrollWidth: scroller.scrollWidth, clientWidth: scroller.clientWidth, body: parseFloat(getComputedStyle(document.body).fontSize), smallest };
  });
}

async function violations(page: Page) {
  const results = await new AxeBuilder({ page }).analyze();
  return results.violations.map((v) => ({ id: v.id, impact: v.impact, nodes: v.nodes.map((n) => n.target.join(' ')).slice(0, 5) }));
}

test.afterEach(async ({ replicas }) => {
  expect(replicas.unexpected.filter((u) => !u.includes('favicon'))).toEqual([]);
});

test('every view is reached through the navigation and by its address; Back, Forward and reload keep the place; old anchors open their view', async ({
  boundary,
}) => {
  const page = await boundary.openOptions();
  // options.html alone is home, and takes a CSV at once.
  await expect(shown(page, 'home')).toBeVisible();
  await expect(page.getByTestId('import-clients')).toBeVisible();
  await expect(page.locator('[data-testid="options-nav"] a')).toHaveCount(VIEWS.length);

  for (const view of VIEWS) {
    await navLink(page, view.id).click();
    await expect(shown(page, view.id)).toBeVisible();
    await expect(page).toHaveURL(boundary.url(`options.html#/${view.id}`));
    await expect(page.locator('#view-heading')).toHaveText(view.heading);
    await expect(page).toHaveTitle(`${view.heading} · Boundary · Options`);
    await expect(navLink(page, view.id)).toHaveAttribute('aria-current', 'page');
    await expect(page.locator('[data-testid="options-nav"] a[aria-current]')).toHaveCount(1);
    // Followed, a link puts the focus on the view's heading, so a screen reader says where it is.
    await expect(page.locator('#view-heading')).toBeFocused();
  }

  // Back and Forward go through the views followed; reload stays on the view.
  await page.goBack();
  await expect(shown(page, 'security')).toBeVisible();
  await page.goBack();
  await expect(shown(page, 'checkup')).toBeVisible();
  await page.goForward();
  await expect(shown(page, 'security')).toBeVisible();
  await page.reload();
  await expect(shown(page, 'security')).toBeVisible();
  await expect(page.getByTestId('vault-status')).toBeVisible();

  // Each view at its own address, typed or bookmarked.
  for (const view of VIEWS) {
    const tab = await boundary.openOptions(view.id);
    await expect(tab.locator('#view-heading')).toHaveText(view.heading);
    await tab.close();
  }

  // The old one-page anchors (the popup links to #replies) open the view that holds the section,
  // under its new address; a section inside a view is scrolled to.
  for (const [anchor, view, address] of [
    ['replies', 'replies', '#/replies'],
    ['policy', 'practice', '#/practice/policy'],
    ['backup', 'security', '#/security/backup'],
    ['features', 'sites', '#/sites/features'],
    ['activity', 'activity', '#/activity'],
    ['checkup', 'checkup', '#/checkup'],
  ] as const) {
    const tab = await boundary.context.newPage();
    await tab.goto(boundary.url(`options.html#${anchor}`));
    await expect(shown(tab, view)).toBeVisible();
    await expect(tab).toHaveURL(boundary.url(`options.html${address}`));
    await expect(tab.locator(`#${anchor}`)).toBeInViewport();
    await tab.close();
  }
  await page.goto(boundary.url('options.html#/nowhere'));
  await expect(shown(page, 'home')).toBeVisible();

  // Narrow: the navigation folds into a menu button, which opens it, and closes once a link is followed.
  await page.setViewportSize({ width: 320, height: 640 });
  const toggle = page.getByTestId('options-nav-toggle');
  await expect(toggle).toBeVisible();
  await expect(toggle).toHaveAttribute('aria-expanded', 'false');
  await expect(navLink(page, 'clients')).toBeHidden();
  await toggle.click();
  await expect(toggle).toHaveAttribute('aria-expanded', 'true');
  await navLink(page, 'clients').click();
  await expect(shown(page, 'clients')).toBeVisible();
  await expect(navLink(page, 'clients')).toBeHidden();
  await expect(toggle).toContainText('Client list');
  // Escape closes the menu and gives the focus back to its button.
  await toggle.click();
  await page.keyboard.press('Escape');
  await expect(navLink(page, 'home')).toBeHidden();
  await expect(toggle).toBeFocused();
});

/** Every view with something to show: clients, a declined request and a note, a saved policy. */
async function filledOptions(boundary: Boundary, context: BrowserContext, replicas: Replicas): Promise<Page> {
  const { page } = await boundary.importCsv(DEMO_CLIENTS);
  // Something in the log, on the "to discuss" list and in the Sites table, so their tables show.
  await declineLenaAndNote(boundary, context, replicas);
  await boundary.showView(page, 'practice');
  await page.getByTestId('policy-save').click();
  await expect(page.getByTestId('policy-status')).toContainText('1');
  return page;
}

// Thirty axe runs are three tests, which run side by side: one journey of them all took three
// minutes on a loaded 2-core machine.
test('no view scrolls sideways at 320 px or 1,024 px, text is at least 14 px (13 px in the popup), and every view passes axe at 320 px', async ({
  boundary,
  context,
  replicas,
}) => {
  test.setTimeout(120_000);
  const page = await filledOptions(boundary, context, replicas);
  for (const width of [320, 1024]) {
    await page.setViewportSize({ width, height: 800 });
    for (const view of VIEWS) {
      await goTo(boundary, page, view.id);
      const seen = await layout(page);
      expect(seen.scrollWidth, `${view.id} at ${width} px`).toBeLessThanOrEqual(seen.clientWidth);
      expect(seen.body, `${view.id} body text`).toBeGreaterThanOrEqual(14);
      expect(seen.smallest.size, `${view.id}: "${seen.smallest.text}"`).toBeGreaterThanOrEqual(13);
      // Narrow, a table wider than the screen scrolls in its card: still reachable by keyboard.
      if (width === 320) expect(await violations(page), `${view.id} at 320 px`).toEqual([]);
    }
  }

  // The other pages: the welcome page and a saved policy's printable page.
  for (const address of ['welcome.html', 'policy-print.html?version=1&lang=en']) {
    const other = await context.newPage();
    await other.setViewportSize({ width: 320, height: 700 });
    await other.goto(boundary.url(address));
    await other.locator('main').waitFor();
    const seen = await layout(other);
    expect(seen.scrollWidth, address).toBeLessThanOrEqual(seen.clientWidth);
    expect(seen.body, address).toBeGreaterThanOrEqual(14);
    expect(seen.smallest.size, `${address}: "${seen.smallest.text}"`).toBeGreaterThanOrEqual(13);
    await other.close();
  }

  // The popup, at its own width and at 320 px.
  const site = await context.newPage();
  await site.goto(replicas.serve('https://www.facebook.com/friends/requests/', 'facebook/friend-requests.en.html'));
  const popup = await boundary.openPopup(site);
  for (const width of [380, 320]) {
    await popup.setViewportSize({ width, height: 700 });
    await expect(popup.getByTestId('detection').first()).toBeVisible();
    const seen = await layout(popup);
    expect(seen.scrollWidth, `popup at ${width} px`).toBeLessThanOrEqual(seen.clientWidth);
    expect(seen.body).toBeGreaterThanOrEqual(13);
    expect(seen.smallest.size, `popup: "${seen.smallest.text}"`).toBeGreaterThanOrEqual(13);
  }
});

for (const colorScheme of ['light', 'dark'] as const) {
  test(`every view passes axe in the ${colorScheme} scheme`, async ({ boundary, context, replicas }) => {
    const page = await filledOptions(boundary, context, replicas);
    await page.emulateMedia({ colorScheme });
    await page.setViewportSize({ width: 1024, height: 800 });
    for (const view of VIEWS) {
      await goTo(boundary, page, view.id);
      expect(await violations(page), `${view.id}, ${colorScheme}`).toEqual([]);
    }
  });
}

test('a disabled Save looks disabled and says why, naming the field; focus is visible on every kind of control', async ({ boundary }) => {
  const page = await boundary.openOptions('practice');
  const save = page.getByTestId('settings-save');
  const look = () => save.evaluate((button) => {
    const style = getComputedStyle(button);
    return { cursor: style.cursor, background: style.backgroundColor, color: style.color, border: style.borderStyle };
  });

  // Nothing typed yet: off, and it says so.
  await expect(save).toBeDisabled();
  await expect(page.getByTestId('settings-save-reason')).toHaveAttribute('data-reason', 'nothing');
  await expect(save).toHaveAccessibleDescription('Save turns on once you change something.');

  // Three links, one refused: Save is off, and beside it the reason names that field.
  await page.getByTestId('settings-practice').fill('Harbour Lane Practice');
  await page.getByTestId('settings-policy-url').fill('https://harbourlane.example/policy');
  await page.getByTestId('settings-email').fill('secure@harbourlane.example');
  await page.getByTestId('settings-portal').fill('portal.harbourlane.example');
  await expect(save).toBeDisabled();
  const reason = page.getByTestId('settings-save-reason');
  await expect(reason).toBeVisible();
  await expect(reason).toHaveText('Save is off until 1 field is fixed: Secure portal');
  await expect(save).toHaveAccessibleDescription('Save is off until 1 field is fixed: Secure portal');
  await expect(save).toHaveAttribute('title', /Secure portal/);
  const off = await look();
  expect(off.cursor).toBe('not-allowed');
  expect(off.border).toBe('dashed');
  // The field's name takes the clinician to it.
  await reason.getByTestId('settings-save-reason-field').click();
  await expect(page.getByTestId('settings-portal')).toBeFocused();

  await page.getByTestId('settings-portal').fill('https://portal.harbourlane.example');
  await expect(save).toBeEnabled();
  await expect(reason).toHaveCount(0);
  const on = await look();
  expect(on.cursor).toBe('pointer');
  expect(on.background).not.toBe(off.background);
  expect(on.color).not.toBe(off.color);
  await save.click();
  await expect(page.getByTestId('settings-status')).toHaveAttribute('data-state', 'saved');

  // Visible focus, by keyboard, on a link, a text field, a select and a button.
  const ring = () =>
    page.evaluate(() => {
      const element = document.activeElement as HTMLElement;
      const style = getComputedStyle(element);
      return { tag: element.tagName, style: style.outlineStyle, width: parseFloat(style.outlineWidth) };
    });
  await page.reload();
  await shown(page, 'practice').waitFor();
  await page.locator('body').click({ position: { x: 1, y: 1 } });
  const seen = new Set<string>();
  for (let i = 0; i < 40 && seen.size < 4; i++) {
    await page.keyboard.press('Tab');
    const focus = await ring();
    if (['A', 'INPUT', 'SELECT', 'BUTTON'].includes(focus.tag)) {
      expect(focus.style, focus.tag).not.toBe('none');
      expect(focus.width, focus.tag).toBeGreaterThanOrEqual(2);
      seen.add(focus.tag);
    }
  }
  expect([...seen].sort()).toEqual(['A', 'BUTTON', 'INPUT', 'SELECT']);
});

test('the first-run checklist ticks from real state, then home shows today and the pages Boundary could not read', async ({ boundary, context, replicas }) => {
  const home = await boundary.openOptions();
  const checklist = home.getByTestId('setup-checklist');
  await expect(checklist).toBeVisible();
  for (const item of ['clients', 'passphrase', 'practice']) await expect(setupItem(home, item)).toHaveAttribute('data-state', 'todo');
  // The pin follows what the browser itself says of the toolbar.
  const onToolbar = await boundary.worker.evaluate(async () => {
    const settings = await (globalThis as unknown as { chrome: { action: { getUserSettings(): Promise<{ isOnToolbar: boolean }> } } }).chrome.action.getUserSettings();
    return settings.isOnToolbar;
  });
  await expect(setupItem(home, 'pin')).toHaveAttribute('data-state', onToolbar ? 'done' : 'todo');
  await expect(home.getByTestId('setup-pin-how')).toContainText('puzzle piece');
  await expect(home.getByTestId('setup-progress')).toHaveText('0 of 4 seen to.');

  // Clients: ticked once the list has someone, by the import right here.
  await boundary.importCsv(`name,status,aliases,facebook,instagram,linkedin\n${LENA_ROW}\n`, home);
  await expect(setupItem(home, 'clients')).toHaveAttribute('data-state', 'done');
  await expect(setupItem(home, 'clients')).toContainText('1 client on the list.');

  // Practice: each item links to its view; a name alone is not enough, a channel makes it.
  await setupItem(home, 'practice').getByRole('link', { name: 'Open the practice settings' }).click();
  await expect(shown(home, 'practice')).toBeVisible();
  await home.getByTestId('settings-practice').fill('Harbour Lane Practice');
  await home.getByTestId('settings-save').click();
  await expect(home.getByTestId('settings-status')).toHaveAttribute('data-state', 'saved');
  await home.goBack();
  await expect(setupItem(home, 'practice')).toHaveAttribute('data-state', 'todo');
  await boundary.showView(home, 'practice');
  await home.getByTestId('settings-phone').fill('+44 20 7946 0321');
  await home.getByTestId('settings-save').click();
  await expect(home.getByTestId('settings-status')).toHaveAttribute('data-state', 'saved');
  await boundary.showView(home, 'home');
  await expect(setupItem(home, 'practice')).toHaveAttribute('data-state', 'done');
  await expect(setupItem(home, 'practice')).toContainText('Replies sign as Harbour Lane Practice.');

  // Passphrase: its link opens Security; a vault set there ticks it.
  await home.getByTestId('vault-offer-setup').click();
  await expect(shown(home, 'security')).toBeVisible();
  await boundary.enableVault('quiet harbour lantern 42', home);
  await boundary.showView(home, 'home');
  await expect(setupItem(home, 'passphrase')).toHaveAttribute('data-state', 'done');
  await expect(home.getByTestId('setup-progress')).toHaveText(`${onToolbar ? 4 : 3} of 4 seen to.`);

  // Pinning can be left aside; then every item is seen to and home moves on.
  if (!onToolbar) {
    await home.getByTestId('setup-pin-set-aside').click();
    await expect(checklist).toHaveCount(0);
  }
  await expect(home.getByTestId('home-today-empty')).toBeVisible();
  await expect(home.getByTestId('home-unreadable')).toHaveAttribute('data-count', '0');
  await home.reload();
  await expect(checklist).toHaveCount(0);

  // Today: what Boundary did is here, with the client's name.
  await declineLenaAndNote(boundary, context, replicas);
  await home.reload();
  await expect(home.locator('[data-testid="home-today-row"][data-kind="declined"]')).toContainText('Lena Fischbach');
  // A page Boundary cannot read shows here while it is open.
  const site = await context.newPage();
  await site.goto(replicas.serve('https://www.facebook.com/friends/requests/', 'surface/requests-split.en.html'));
  await expect.poll(() => boundary.badgeText(site)).toBe('?');
  await expect(home.locator('[data-testid="home-unreadable-page"][data-site="facebook"]')).toBeVisible();
  await home.getByRole('link', { name: 'Open Sites' }).click();
  await expect(home.locator('[data-testid="site-tab"][data-site="facebook"]')).toHaveAttribute('data-recognised', 'false');
});

test('the sample CSV downloads from Import and export and imports whole', async ({ boundary }) => {
  const page = await boundary.openOptions('import');
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('sample-csv').click()]);
  expect(download.suggestedFilename()).toBe('boundary-clients-sample.csv');
  const csv = readFileSync((await download.path())!, 'utf8');
  expect(csv.startsWith('\uFEFFname,status,aliases,facebook,instagram,linkedin\r\n')).toBe(true);
  const { imported, rejected } = await boundary.importCsv(csv, page);
  expect({ imported, rejected }).toEqual({ imported: 4, rejected: 0 });
  await boundary.showView(page, 'clients');
  await expect(page.getByTestId('client-row').filter({ hasText: 'Jordan "Jo" Lee' })).toHaveCount(1);
});

test.describe('with the browser in Spanish', () => {
  test.use({ uiLanguage: 'es' });

  test('the views and the checklist speak Spanish and tick from real state; axe passes light and dark', async ({ boundary }) => {
    const home = await boundary.openOptions();
    await expect(home).toHaveTitle('Inicio · Boundary · Opciones');
    await expect(home.locator('#view-heading')).toHaveText('Inicio');
    await expect(navLink(home, 'import')).toHaveText('Importar y exportar');
    await expect(home.locator('#setup-heading')).toHaveText('Configure Boundary');
    await expect(home.getByTestId('setup-progress')).toHaveText('0 de 4 resueltos.');
    await expect(setupItem(home, 'clients').locator('.setup-state')).toHaveText('Pendiente');

    await boundary.importCsv('name\nAna Ruiz-Calder\n', home);
    await expect(setupItem(home, 'clients')).toHaveAttribute('data-state', 'done');
    await expect(setupItem(home, 'clients').locator('.setup-state')).toHaveText('Hecho');
    await expect(setupItem(home, 'clients')).toContainText('1 cliente en la lista.');
    await home.getByTestId('vault-offer-dismiss').click();
    await expect(setupItem(home, 'passphrase')).toHaveAttribute('data-state', 'skipped');
    await expect(setupItem(home, 'passphrase').locator('.setup-state')).toHaveText('Aplazado');
    await expect(home.getByTestId('setup-progress')).toHaveText('2 de 4 resueltos.');
    for (const colorScheme of ['light', 'dark'] as const) {
      await home.emulateMedia({ colorScheme });
      expect(await violations(home), colorScheme).toEqual([]);
    }

    // The Save reason in Spanish.
    await boundary.showView(home, 'practice');
    await home.getByTestId('settings-portal').fill('portal.ejemplo');
    await expect(home.getByTestId('settings-save-reason')).toHaveText('Guardar está desactivado hasta corregir 1 campo: Portal seguro');
  });
});
