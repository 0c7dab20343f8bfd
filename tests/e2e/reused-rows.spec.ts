import { readFileSync } from 'node:fs';
import type { BrowserContext } from '@playwright/test';
import type { Replicas } from './support/replicas';
import { detectionFor, expect, replicaState, test, type Boundary } from './support/test';

// The popup's own chrome.* API, as seen from inside it in popup.evaluate().
declare const chrome: any; // eslint-disable-line @typescript-eslint/no-explicit-any

const DEMO_CLIENTS = readFileSync('tests/fixtures/clients/demo.csv', 'utf8');

/*
 * The sites' lists reuse their rows: when a request above goes, React may give the same element
 * the next person. A command the popup sent for the person a row showed before must then never
 * press a control on whoever the row shows now; it goes to that person's card where the page
 * shows them now, or to nobody (lib/detect/tokens.ts).
 */
const REQUESTS = 'https://www.facebook.com/friends/requests/';

/** Gives the replica's row `row` the person of `person`: same element, new link, name and marker. */
function giveRow([row, person]: readonly [string, { marker: string; href: string; name: string }]) {
  const element = document.querySelector(`[data-replica-person="${row}"]`)!;
  element.setAttribute('data-replica-person', person.marker);
  for (const link of element.querySelectorAll('a[href]')) link.setAttribute('href', person.href);
  element.querySelector('a span')!.textContent = person.name;
}

test.describe('rows the page reuses', () => {
  test.beforeEach(async ({ boundary }) => {
    await boundary.importCsv(DEMO_CLIENTS);
  });

  const open = async ({ boundary, context, replicas }: { boundary: Boundary; context: BrowserContext; replicas: Replicas }) => {
    const site = await context.newPage();
    await site.goto(replicas.serve(REQUESTS, 'facebook/friend-requests.en.html'));
    const tabId = await boundary.tabIdOf(site);
    const popup = await boundary.openPopup(site);
    await expect(detectionFor(popup, 'Lena Fischbach', 'request')).toHaveCount(1);
    /** The token the background holds for the person the page names `pageName`. */
    const tokenOf = (pageName: string) =>
      popup.evaluate(
        async ([tab, name]) => {
          const state = (await chrome.runtime.sendMessage({ type: 'get-detections', tabId: tab })) as { detections: { token: string; pageName: string }[] };
          return state.detections.find((d) => d.pageName === name)?.token;
        },
        [tabId, pageName] as const,
      );
    /** A Decline sent as the popup sends one, for a token it was given earlier. */
    const decline = (token: string) =>
      popup.evaluate(([tab, card]) => chrome.runtime.sendMessage({ type: 'decline', tabId: tab, token: card }), [tabId, token] as const);
    return { site, popup, tokenOf, decline };
  };

  test('a row given to someone else: a Decline sent for the person it showed before presses nothing', async ({ boundary, context, replicas }) => {
    const { site, popup, tokenOf, decline } = await open({ boundary, context, replicas });
    const lenaToken = await tokenOf('Lena Fischbach');
    expect(lenaToken).toBeTruthy();

    // The page gives Lena's row to Marta, another client on the list, and Lena is gone.
    await site.evaluate(giveRow, ['lena', { marker: 'marta', href: 'https://www.facebook.com/marta.quell', name: 'Marta Quell' }] as const);
    await expect(detectionFor(popup, 'Marta Quell', 'request')).toHaveCount(1);
    await expect(detectionFor(popup, 'Lena Fischbach', 'request')).toHaveCount(0);
    const martaToken = await tokenOf('Marta Quell');
    expect(martaToken).toBeTruthy();
    expect(martaToken).not.toBe(lenaToken);

    // The Decline meant for Lena, arriving now: refused, and nothing on the page is pressed.
    expect(await decline(lenaToken!)).toMatchObject({ ok: false });
    await site.waitForTimeout(300);
    expect((await replicaState(site)).actions).toEqual([]);

    // Marta's own Decline, from her item, presses her row's Delete.
    await detectionFor(popup, 'Marta Quell', 'request').getByTestId('decline').click();
    await expect.poll(async () => (await replicaState(site)).actions).toEqual([{ action: 'decline', person: 'marta' }]);
  });

  test('a list that moves everyone up a row: a Decline sent for Lena presses Lena’s Delete in her new row', async ({ boundary, context, replicas }) => {
    const { site, popup, tokenOf, decline } = await open({ boundary, context, replicas });
    const lenaToken = await tokenOf('Lena Fischbach');
    expect(lenaToken).toBeTruthy();

    // Jonah's request went: his row shows Lena now, and Lena's shows Samir; Samir's row goes.
    const shown = (marker: string) =>
      site.evaluate((row) => {
        const element = document.querySelector(`[data-replica-person="${row}"]`)!;
        return { marker: row, href: element.querySelector('a[href]')!.getAttribute('href')!, name: element.querySelector('a span')!.textContent! };
      }, marker);
    const [lena, samir] = [await shown('lena'), await shown('samir')];
    await site.evaluate(() => document.querySelector('[data-replica-person="samir"]')!.remove());
    await site.evaluate(giveRow, ['lena', samir] as const);
    await site.evaluate(giveRow, ['jonah', lena] as const);
    await expect.poll(() => tokenOf('Lena Fischbach')).not.toBe(lenaToken);

    // The Decline the clinician gave for Lena reaches Lena, and only her.
    expect(await decline(lenaToken!)).toMatchObject({ ok: true });
    await expect.poll(async () => (await replicaState(site)).actions).toEqual([{ action: 'decline', person: 'lena' }]);
  });
});
