import type { Page } from '@playwright/test';
import { LINKEDIN_SDUI_PROFILE } from '../fixtures/linkedin/pages';
import { expect, replicaState, test } from './support/test';

// Suggestions and the clinician's own connections on LinkedIn (issue 14): the popup's items for
// them, with Remove suggestion and the site's own next step.

const csv = (...rows: string[]) => ['name,status,aliases,facebook,instagram,linkedin', ...rows].join('\n');

const item = (popup: Page, clientName: string, kind: string, match?: 'exact' | 'name') =>
  popup.locator(`[data-testid="detection"][data-kind="${kind}"]${match ? `[data-match="${match}"]` : ''}`).filter({ hasText: clientName });

test('grow page (Italian): a client suggested there, also one loading later, is removed with the card’s own ✕, never Collegati', async ({
  boundary,
  context,
  replicas,
}) => {
  await boundary.importCsv(csv('Teodor Marsh,current,,,,teodor-marsh-6a5b4c', 'Marco Vitale,former,,,,https://www.linkedin.com/in/marco-vitale-2b6e18/'));
  const site = await context.newPage();
  await site.goto(replicas.serve('https://www.linkedin.com/mynetwork/grow/', 'linkedin/grow.it.html'));
  const popup = await boundary.openPopup(site);
  const teodor = item(popup, 'Teodor Marsh', 'suggestion', 'exact');
  await expect(teodor).toHaveCount(1);
  await expect(item(popup, 'Marco Vitale', 'suggestion', 'exact')).toHaveCount(1);
  await expect(popup.getByTestId('detection')).toHaveCount(2);
  expect((await replicaState(site)).foreignMutations).toEqual([]);

  await teodor.getByTestId('remove-suggestion').click();
  await expect.poll(async () => (await replicaState(site)).actions).toEqual([{ action: 'dismiss', person: 'teodor-marsh' }]);
});

test('rebuilt invitation manager: a request and a suggestion on one page are two items, and Remove suggestion presses Dismiss', async ({
  boundary,
  context,
  replicas,
}) => {
  await boundary.importCsv(csv('Greta Hollmann,current,,,,greta-hollmann-3e7a10', 'Sam Okafor-Reyes,current,,,,sam-okafor-reyes-5f2e91'));
  const site = await context.newPage();
  await site.goto(replicas.serve('https://www.linkedin.com/mynetwork/invitation-manager/received/', 'linkedin/invitations-sdui.en.html'));
  const popup = await boundary.openPopup(site);
  await expect(item(popup, 'Greta Hollmann', 'request', 'exact')).toHaveCount(1);
  const sam = item(popup, 'Sam Okafor-Reyes', 'suggestion', 'exact');
  await expect(sam).toHaveCount(1);
  await expect(sam.getByTestId('decline')).toHaveCount(0);

  await sam.getByTestId('remove-suggestion').click();
  await expect.poll(async () => (await replicaState(site)).actions).toEqual([{ action: 'dismiss', person: 'sam-okafor-reyes' }]);
});

test('connections (Portuguese): a client among them, matched by the member id in the Message link, gets the card’s own "…" menu', async ({
  boundary,
  context,
  replicas,
}) => {
  await boundary.importCsv(
    csv(
      // Under another spelling of the name, so only the member id can make it exact.
      'R. Tavares,former,,,,https://www.linkedin.com/in/ACoAAF9rUiTaVaReS7xYz0AbCdEfGhIjKlMnOpQ/',
      // Arrives as the list scrolls.
      'Beatriz Lobo,former,,,,beatriz-lobo-6e2a31',
    ),
  );
  const site = await context.newPage();
  await site.goto(replicas.serve('https://www.linkedin.com/mynetwork/invite-connect/connections/', 'linkedin/connections.pt.html'));
  const popup = await boundary.openPopup(site);
  const rui = item(popup, 'R. Tavares', 'connection', 'exact');
  await expect(rui).toHaveCount(1);
  await expect(item(popup, 'Beatriz Lobo', 'connection', 'exact')).toHaveCount(1);
  expect((await replicaState(site)).foreignMutations).toEqual([]);

  await rui.getByTestId('connection-step').click();
  await expect.poll(async () => (await replicaState(site)).actions).toEqual([{ action: 'more', person: 'rui-tavares' }]);
});

test('the new profile: suggestions beside it; one without a ✕ is not removed by anything else', async ({ boundary, context, replicas }) => {
  await boundary.importCsv(csv('Chidi Okafor,former,,,,chidi-okafor-b81e44', 'Arlo Pennington,current,,,,arlo-pennington-1c3e5a'));
  const site = await context.newPage();
  await site.goto(replicas.serve(LINKEDIN_SDUI_PROFILE, 'linkedin/profile-sdui.en.html'));
  const popup = await boundary.openPopup(site);
  const chidi = item(popup, 'Chidi Okafor', 'suggestion', 'exact');
  const arlo = item(popup, 'Arlo Pennington', 'suggestion', 'exact');
  await expect(chidi).toHaveCount(1);
  await expect(arlo).toHaveCount(1);

  await chidi.getByTestId('remove-suggestion').click();
  await expect(chidi.getByTestId('action-result')).toHaveAttribute('data-ok', 'false');
  await arlo.getByTestId('remove-suggestion').click();
  await expect.poll(async () => (await replicaState(site)).actions).toEqual([{ action: 'dismiss', person: 'arlo-pennington' }]);
});
