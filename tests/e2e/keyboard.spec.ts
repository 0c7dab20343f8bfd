import type { Page } from '@playwright/test';
import { detectionFor, expect, replicaState, test } from './support/test';

interface Stop {
  tag: string;
  testId: string | null;
  text: string;
  /** An outline or a shadow drawn around it: what shows a keyboard user where they are. */
  ring: boolean;
}

/** The focused element, and whether it shows that it has focus. */
function focused(page: Page): Promise<Stop> {
  return page.evaluate(() => {
    const element = document.activeElement as HTMLElement;
    const style = getComputedStyle(element);
    const outline = style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) > 0;
    return {
      tag: element.tagName.toLowerCase(),
      testId: element.getAttribute('data-testid'),
      text: (element.getAttribute('aria-label') ?? element.textContent ?? '').trim().slice(0, 40),
      ring: outline || style.boxShadow !== 'none',
    };
  });
}

/** Presses Tab until the element with `testId` has focus; every stop on the way must show its focus. */
async function tabTo(page: Page, testId: string, key: 'Tab' | 'Shift+Tab' = 'Tab'): Promise<Stop[]> {
  const stops: Stop[] = [];
  for (let presses = 0; presses < 60; presses++) {
    await page.keyboard.press(key);
    const stop = await focused(page);
    expect(stop.tag, `focus left the page after ${JSON.stringify(stops.map((s) => s.testId ?? s.text))}`).not.toBe('body');
    expect(stop.ring, `no visible focus on ${JSON.stringify(stop)}`).toBe(true);
    stops.push(stop);
    if (stop.testId === testId) return stops;
  }
  throw new Error(`${testId} never took focus; stops: ${JSON.stringify(stops.map((s) => s.testId ?? s.text))}`);
}

test('keyboard only: add a client in the options page, then decline their request from the popup', async ({ boundary, context, replicas }) => {
  const options = await boundary.openOptions('clients');
  await expect(options.getByTestId('add-client')).toBeVisible();

  await tabTo(options, 'add-client');
  await options.keyboard.press('Enter');
  await tabTo(options, 'client-name');
  await options.keyboard.type('Ana Ruiz-Calder');
  const facebook = await tabTo(options, 'client-facebook');
  // On the way: the status menu and the aliases field.
  expect(facebook.map((s) => s.testId)).toEqual(['client-status', 'client-aliases', 'client-facebook']);
  await options.keyboard.type('https://www.facebook.com/profile.php?id=100089412300001');
  // Back to the status menu and forth again, to show both directions keep a visible focus.
  await tabTo(options, 'client-status', 'Shift+Tab');
  await tabTo(options, 'save-client');
  await options.keyboard.press('Enter');
  await expect(options.locator('[data-testid="client-row"][data-client-name="Ana Ruiz-Calder"]')).toContainText('facebook.com');

  const site = await context.newPage();
  await site.goto(replicas.serve('https://www.facebook.com/friends/requests/', 'facebook/friend-requests.en.html'));
  const popup = await boundary.openPopup(site);
  const ana = detectionFor(popup, 'Ana Ruiz-Calder', 'request', 'exact');
  await expect(ana).toHaveCount(1);

  await tabTo(popup, 'decline');
  await popup.keyboard.press('Space');
  await expect.poll(async () => (await replicaState(site)).actions).toEqual([{ action: 'decline', person: 'ana' }]);
  await expect(ana.getByTestId('action-result')).toHaveAttribute('data-ok', 'true');

  // What follows a decline is reachable too: the offer to keep a note for the next session.
  await tabTo(popup, 'discuss-add');
  await popup.keyboard.press('Enter');
  await expect(ana.getByTestId('discuss-added')).toBeVisible();
});
