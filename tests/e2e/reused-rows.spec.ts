import { readFileSync } from 'node:fs';
import { detectionFor, expect, replicaState, test } from './support/test';

const DEMO_CLIENTS = readFileSync('tests/fixtures/clients/demo.csv', 'utf8');

/*
 * The sites' lists reuse their rows: when a request above goes, React gives the same element the
 * next person. A command the popup sent for the person a row showed before must then find no
 * card, not press a control on the person the row shows now (lib/detect/tokens.ts).
 */
test('a row the page reuses for someone else: a Decline sent for the person it showed before presses nothing', async ({
  boundary,
  context,
  replicas,
}) => {
  await boundary.importCsv(DEMO_CLIENTS);
  const site = await context.newPage();
  await site.goto(replicas.serve('https://www.facebook.com/friends/requests/', 'facebook/friend-requests.en.html'));
  const tabId = await boundary.tabIdOf(site);
  const popup = await boundary.openPopup(site);
  await expect(detectionFor(popup, 'Lena Fischbach', 'request')).toHaveCount(1);
  const tokenOf = (name: string) =>
    popup.evaluate(
      async ([tab, pageName]) => {
        const state = (await chrome.runtime.sendMessage({ type: 'get-detections', tabId: tab })) as { detections: { token: string; pageName: string }[] };
        return state.detections.find((d) => d.pageName === pageName)?.token;
      },
      [tabId, name] as const,
    );
  const lenaToken = await tokenOf('Lena Fischbach');
  expect(lenaToken).toBeTruthy();

  // The page gives Lena's row to Priya, another client on the list: same element, new person.
  await site.evaluate(() => {
    const row = document.querySelector('[data-replica-person="lena"]')!;
    row.setAttribute('data-replica-person', 'priya');
    for (const link of row.querySelectorAll('a[href]')) link.setAttribute('href', 'https://www.facebook.com/profile.php?id=100089412300005');
    row.querySelector('a span')!.textContent = 'Priya Natarajan-Holt';
  });
  await expect(detectionFor(popup, 'Priya Natarajan-Holt', 'request')).toHaveCount(1);
  await expect(detectionFor(popup, 'Lena Fischbach', 'request')).toHaveCount(0);
  const priyaToken = await tokenOf('Priya Natarajan-Holt');
  expect(priyaToken).toBeTruthy();
  expect(priyaToken).not.toBe(lenaToken);

  // The Decline meant for Lena, arriving now: refused, and nothing on the page is pressed.
  const stale = await popup.evaluate(
    ([tab, token]) => chrome.runtime.sendMessage({ type: 'decline', tabId: tab, token }),
    [tabId, lenaToken!] as const,
  );
  expect(stale).toMatchObject({ ok: false });
  await site.waitForTimeout(300);
  expect((await replicaState(site)).actions).toEqual([]);

  // Priya's own Decline, from her item, presses her row's Delete.
  await detectionFor(popup, 'Priya Natarajan-Holt', 'request').getByTestId('decline').click();
  await expect.poll(async () => (await replicaState(site)).actions).toEqual([{ action: 'decline', person: 'priya' }]);
});
