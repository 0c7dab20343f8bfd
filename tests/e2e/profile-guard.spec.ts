import { readFileSync } from 'node:fs';
import type { CDPSession, Page } from '@playwright/test';
import { ACTIVITY_CSV_COLUMNS } from '../../lib/activity/csv';
import { readCsv } from '../../lib/clients/csv';
import { PROFILE_PAGES, type ProfilePage } from '../fixtures/replicas';
import { closedShadowHosts, guardDialog } from './support/guard';
import { expect, replicaState, test, type Boundary } from './support/test';

/** A client list with the profile's person on it (by their profile link), and someone else. */
const listWith = (profile: ProfilePage) =>
  ['name,status,facebook,instagram,linkedin', `${profile.name},current,${['facebook', 'instagram', 'linkedin'].map((p) => (p === profile.platform ? profile.identity : '')).join(',')}`, 'Wren Adeyemi-Falk,former,,,', ''].join('\n');
const OTHERS_ONLY = ['name,status', 'Wren Adeyemi-Falk,former', ''].join('\n');

/** The profile's own control for an action: not one in someone else's card (those carry data-replica-person). */
const ownControl = (page: Page, action: string) => page.locator(`[data-replica-action="${action}"]:not([data-replica-person] *)`).first();

/** How many guard questions the page holds: elements with a closed shadow root (there is no other kind). */
const questions = async (cdp: CDPSession) => (await closedShadowHosts(cdp)).length;

async function openProfile(boundary: Boundary, page: Page, url: string, expectGuard: boolean) {
  await page.goto(url);
  // The background has matched the page: the icon counts the person, or stays empty.
  if (expectGuard) await expect.poll(() => boundary.badgeText(page)).toBe('1');
  else await page.waitForTimeout(600);
}

for (const profile of PROFILE_PAGES) {
  const where = `${profile.platform} (${profile.fixture})`;

  test(`on a client's profile, ${where}: every contact control waits for a confirmation, and goes through after it`, async ({ boundary, context, replicas }) => {
    await boundary.importCsv(listWith(profile));
    const page = await context.newPage();
    await openProfile(boundary, page, replicas.serve(profile.url, profile.fixture), true);
    const cdp = await context.newCDPSession(page);

    for (const action of profile.actions) {
      // Looking changed nothing: no node, attribute or class of Boundary's in the page.
      expect((await replicaState(page)).foreignMutations).toEqual([]);
      expect(await questions(cdp)).toBe(0);

      // A click is held back and the question appears, naming the policy.
      await ownControl(page, action).click();
      await expect.poll(() => questions(cdp)).toBe(1);
      const dialog = await guardDialog(cdp);
      expect(dialog?.name).toMatch(/^Boundary: .*client list/i);
      expect(dialog?.description).toMatch(/policy/i);
      expect(dialog?.buttons).toHaveLength(2);
      expect((await replicaState(page)).actions).toEqual([]);

      // "Go back" (focused first; Enter) leaves the site's action undone and the page as it was.
      await page.keyboard.press('Enter');
      await expect.poll(() => questions(cdp)).toBe(0);
      expect((await replicaState(page)).actions).toEqual([]);

      // Again, and this time the clinician goes ahead: the site's own control acts, once.
      await ownControl(page, action).click();
      await expect.poll(() => questions(cdp)).toBe(1);
      await page.keyboard.press('Tab');
      await page.keyboard.press('Enter');
      await expect.poll(() => questions(cdp)).toBe(0);
      await expect.poll(async () => (await replicaState(page)).actions).toEqual([{ action, person: null }]);
      await page.evaluate(() => {
        (window as unknown as { __replica: { actions: unknown[]; foreignMutations: unknown[] } }).__replica.actions.length = 0;
        // The dialog's host came and went: that was the click's doing, not the browsing's.
        (window as unknown as { __replica: { foreignMutations: unknown[] } }).__replica.foreignMutations.length = 0;
      });
    }

    // Other people's controls on the same page (suggestions, posts) are never held back.
    const others = page.locator('[data-replica-person] [data-replica-action]');
    if ((await others.count()) > 0) {
      await others.first().click();
      expect(await questions(cdp)).toBe(0);
      expect((await replicaState(page)).actions).toHaveLength(1);
    }

    // Each answer is in the activity log, for this client.
    const options = await boundary.openOptions();
    await boundary.showView(options, 'activity');
    const rows = options.getByTestId('activity-row');
    await expect(rows.filter({ hasText: profile.name })).toHaveCount(profile.actions.length * 2);
    await expect(options.locator('[data-testid="activity-row"][data-kind="guard-confirmed"]')).toHaveCount(profile.actions.length);
    await expect(options.locator('[data-testid="activity-row"][data-kind="guard-cancelled"]')).toHaveCount(profile.actions.length);
  });

  test(`on someone else's profile, ${where}: the guard does nothing`, async ({ boundary, context, replicas }) => {
    await boundary.importCsv(OTHERS_ONLY);
    const page = await context.newPage();
    await openProfile(boundary, page, replicas.serve(profile.url, profile.fixture), false);
    expect(await boundary.badgeText(page)).toBe('');
    const cdp = await context.newCDPSession(page);
    for (const action of profile.actions) await ownControl(page, action).click();
    expect(await questions(cdp)).toBe(0);
    const state = await replicaState(page);
    expect(state.actions.map((a) => a.action)).toEqual(profile.actions);
    expect(state.foreignMutations).toEqual([]);
  });
}

test('"Leave page" on a profile opened in a new tab goes to the site’s start page, never back to a blank tab', async ({ boundary, context, replicas }) => {
  const profile = PROFILE_PAGES.find((p) => p.platform === 'instagram')!;
  await boundary.importCsv(listWith(profile));
  replicas.serve('https://www.instagram.com/', 'instagram/home-rail.de.html');
  const page = await context.newPage();
  await openProfile(boundary, page, replicas.serve(profile.url, profile.fixture), true);
  const popup = await boundary.openPopup(await boundary.tabIdOf(page));
  await popup.getByTestId('profile-view').getByTestId('leave-page').click();
  await expect.poll(() => page.url(), { timeout: 6_000 }).toBe('https://www.instagram.com/');
});

test('the popup on a client’s profile: whose it is, the policy, a welfare check with a required reason, and leaving', async ({ boundary, context, replicas }) => {
  const profile = PROFILE_PAGES.find((p) => p.platform === 'facebook')!;
  await boundary.importCsv(listWith(profile));
  const page = await context.newPage();
  await page.goto(replicas.serve('https://www.facebook.com/friends/requests/', 'facebook/friend-requests.en.html'));
  await openProfile(boundary, page, replicas.serve(profile.url, profile.fixture), true);
  const tabId = await boundary.tabIdOf(page);
  const popup = await boundary.openPopup(tabId);

  const item = popup.getByTestId('profile-view');
  await expect(item).toHaveCount(1);
  await expect(item).toContainText(profile.name);
  await expect(item).toHaveAttribute('data-platform', profile.platform);
  await expect(item).toHaveAttribute('data-match', 'exact');
  // A profile is not one of the contract's detections (requests and conversations).
  await expect(popup.getByTestId('detection')).toHaveCount(0);
  await expect(item.locator('.policy')).toContainText(/welfare check/i);

  // An empty reason is refused, and nothing is logged.
  await item.getByTestId('welfare-check-open').click();
  await item.getByTestId('welfare-save').click();
  await expect(item.getByTestId('welfare-error')).toBeVisible();
  await expect(item.getByTestId('welfare-reason')).toHaveAttribute('aria-invalid', 'true');
  await item.getByTestId('welfare-reason').fill('   ');
  await item.getByTestId('welfare-save').click();
  await expect(item.getByTestId('welfare-error')).toBeVisible();
  await expect(item.getByTestId('welfare-saved')).toHaveCount(0);

  await item.getByTestId('welfare-reason').fill('No contact for a week after a crisis call; checking for recent posts.');
  await item.getByTestId('welfare-save').click();
  await expect(item.getByTestId('welfare-saved')).toBeVisible();

  // "Leave page" goes back to where the clinician was, on the site.
  await item.getByTestId('leave-page').click();
  await expect.poll(() => page.url()).toBe('https://www.facebook.com/friends/requests/');

  // The check is in the log (with its reason) and on the "to discuss" list.
  const options = await boundary.openOptions('activity');
  const row = options.locator('[data-testid="activity-row"][data-kind="welfare-check"]');
  await expect(row).toHaveCount(1);
  await expect(row).toContainText(profile.name);
  await expect(row).toContainText('crisis call');
  await boundary.showView(options, 'discuss');
  await expect(options.locator('#discuss')).toContainText(profile.name);
  await boundary.showView(options, 'activity');

  // The export is a CSV a spreadsheet opens as it is: BOM, header, the entry with its reason.
  const [download] = await Promise.all([options.waitForEvent('download'), options.getByTestId('activity-export').click()]);
  const text = readFileSync((await download.path())!, 'utf8');
  expect(text.startsWith('\uFEFF')).toBe(true);
  const records = readCsv(text.slice(1)).map((r) => r.fields);
  expect(records[0]).toEqual([...ACTIVITY_CSV_COLUMNS]);
  const welfare = records.find((r) => r.includes(profile.name) && r.some((cell) => cell.includes('crisis call')));
  expect(welfare?.[7]).toBe('No contact for a week after a crisis call; checking for recent posts.');
});
