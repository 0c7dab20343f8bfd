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

// Worker-side chrome.* (the commands the browser assigned).
declare const chrome: any; // eslint-disable-line @typescript-eslint/no-explicit-any

test('keys in the popup: D declines and I inserts for the item in focus, never while typing; a shortcut opens the popup', async ({
  boundary,
  context,
  replicas,
  worker,
}) => {
  const { imported } = await boundary.importCsv(
    'name,facebook\nAna Ruiz-Calder,100089412300001\nMarta Quell,https://www.facebook.com/marta.quell/\n',
  );
  expect(imported).toBe(2);

  // The browser gave the toolbar button its suggested key (nothing else had taken it).
  const commands: { name: string; shortcut: string }[] = await worker.evaluate(() => chrome.commands.getAll());
  expect(commands.find((c) => c.name === '_execute_action')?.shortcut).toBe('Alt+Shift+Y');

  // Requests: D on the focused item declines it, through the same button a click presses.
  const requests = await context.newPage();
  await requests.goto(replicas.serve('https://www.facebook.com/friends/requests/', 'facebook/friend-requests.en.html'));
  const popup = await boundary.openPopup(requests);
  const ana = detectionFor(popup, 'Ana Ruiz-Calder', 'request', 'exact');
  await expect(ana).toHaveCount(1);
  await expect(ana.getByTestId('decline')).toHaveAttribute('aria-keyshortcuts', 'D');
  await expect(popup.getByTestId('key-hint')).toHaveText(
    'Keys: D declines and I inserts the reply, for the item you are on. Alt+Shift+Y opens Boundary from any page.',
  );
  // Nothing has the focus yet: a key means nothing.
  await popup.keyboard.press('d');
  // Inside the item, but in its reply menu: the letter is the menu's.
  await ana.locator('summary').click();
  await ana.getByTestId('reply-picker').focus();
  await popup.keyboard.press('d');
  await popup.waitForTimeout(300);
  expect((await replicaState(requests)).actions).toEqual([]);
  await ana.locator('summary').focus();
  await popup.keyboard.press('i'); // a request has nothing to insert
  await popup.keyboard.press('d');
  await expect.poll(async () => (await replicaState(requests)).actions).toEqual([{ action: 'decline', person: 'ana' }]);
  await expect(ana.getByTestId('action-result')).toHaveAttribute('data-ok', 'true');

  // Conversations: I on the focused item inserts the reply into the open conversation, unsent.
  const thread = await context.newPage();
  await thread.goto(replicas.serve('https://www.facebook.com/messages/t/100089412300031/', 'facebook/messages.en.html'));
  const chat = await boundary.openPopup(thread);
  const marta = detectionFor(chat, 'Marta Quell', 'message');
  await expect(marta).toHaveCount(1);
  await expect(marta.getByTestId('insert-reply')).toHaveAttribute('aria-keyshortcuts', 'I');
  await marta.getByTestId('reply-picker').focus();
  await chat.keyboard.press('i');
  await chat.waitForTimeout(300);
  expect((await replicaState(thread)).editors.marta ?? '').toBe('');
  await marta.getByTestId('copy-reply').focus();
  await chat.keyboard.press('i');
  await expect(marta.getByTestId('action-result')).toHaveAttribute('data-ok', 'true');
  const state = await replicaState(thread);
  expect(state.editors.marta).toContain('Please contact the practice by phone or through its secure channels instead.');
  expect(state.sent).toEqual([]);
});

test.describe('in Spanish', () => {
  test.use({ uiLanguage: 'es' });
  test('the keys line', async ({ boundary, context, replicas }) => {
    await boundary.importCsv('name,facebook\nValentina Soler,@valentina.soler.88\n');
    const site = await context.newPage();
    await site.goto(replicas.serve('https://www.facebook.com/friends/requests/', 'facebook/friend-requests.es.html'));
    const popup = await boundary.openPopup(site);
    await expect(popup.getByTestId('detection')).not.toHaveCount(0);
    // The shortcut as the browser names it, in its own language.
    await expect(popup.getByTestId('key-hint')).toHaveText(
      'Teclas: D rechaza e I inserta la respuesta, en el elemento en el que esté. Alt+Mayús+Y abre Boundary desde cualquier página.',
    );
  });
});
