import { detectionFor, expect, replicaState, shownDetections, test } from './support/test';

const CLIENTS = [
  'name,status,aliases,facebook,instagram,linkedin',
  'Ana Souza,current,,,,https://www.linkedin.com/in/ana-souza-7c1d2e/',
  'Chidi Okafor,former,,,,linkedin.com/in/chidi-okafor-b81e44',
  'Zoë Dubois,current,,,,https://fr.linkedin.com/in/zo%C3%AB-dubois-4b2a1c/',
  'Ines Moreau,former,,,,',
  'Lena Vogt,current,,,,lena-vogt-62d1f0',
].join('\n');

const INVITATIONS = 'https://www.linkedin.com/mynetwork/invitation-manager/received/';
const THREAD = 'https://www.linkedin.com/messaging/thread/2-YTk3ZDFlNmUtMGI0Mi00ZjdhLWJmMjktNmM1ZTg4ZDJhMTcwXzAxMA==/';

test.beforeEach(async ({ boundary }) => {
  const { imported } = await boundary.importCsv(CLIENTS);
  expect(imported).toBe(5);
});

test('current invitations markup: detects clients (also ones loading later), declines with Ignore, never Accept', async ({
  boundary,
  context,
  replicas,
}) => {
  const site = await context.newPage();
  await site.goto(replicas.serve(INVITATIONS, 'linkedin/invitations-current.en.html'));
  const popup = await boundary.openPopup(site);

  await expect(detectionFor(popup, 'Ana Souza', 'request', 'exact')).toHaveCount(1);
  // Chidi's card arrives later, like infinite scroll.
  await expect(detectionFor(popup, 'Chidi Okafor', 'request', 'exact')).toHaveCount(1);
  const shown = await shownDetections(popup);
  expect(shown.map((d) => [d.platform, d.kind, d.match])).toEqual([
    ['linkedin', 'request', 'exact'],
    ['linkedin', 'request', 'exact'],
  ]);
  expect(shown.some((d) => d.text.includes('Ben Ortiz'))).toBe(false);
  expect(await boundary.badgeText(site)).toBe('2');

  // Only browsing so far: the page saw no change from the extension.
  expect((await replicaState(site)).foreignMutations).toEqual([]);

  await detectionFor(popup, 'Ana Souza', 'request').getByTestId('decline').click();
  await expect(detectionFor(popup, 'Ana Souza', 'request').getByTestId('action-result')).toHaveAttribute('data-ok', 'true');
  const state = await replicaState(site);
  expect(state.actions).toEqual([{ action: 'decline', person: 'ana-souza' }]);
  expect(replicas.unexpected.filter((u) => !u.includes('favicon'))).toEqual([]);
});

test('classic French markup: a name-only match, confirmed with "this is them"', async ({ boundary, context, replicas }) => {
  const site = await context.newPage();
  await site.goto(replicas.serve(INVITATIONS, 'linkedin/invitations-classic.fr.html'));
  const popup = await boundary.openPopup(site);
  const ines = detectionFor(popup, 'Ines Moreau', 'request', 'name');
  await expect(ines).toHaveCount(1);
  await expect(ines).toContainText('Inès Moreau');
  // The two buttons answer a question the item asks in words, and the group is named by it.
  await expect(ines.getByTestId('same-person-question')).toHaveText(/Only the name matches/);
  await expect(ines.getByRole('group', { name: /Is this profile that person/ })).toHaveCount(1);
  await ines.getByTestId('this-is-them').click();
  await expect(detectionFor(popup, 'Ines Moreau', 'request', 'exact')).toHaveCount(1);

  await detectionFor(popup, 'Ines Moreau', 'request').getByTestId('decline').click();
  await expect.poll(async () => (await replicaState(site)).actions).toEqual([{ action: 'decline', person: 'ines-moreau' }]);
});

test('"not them" hides a name-only match for good', async ({ boundary, context, replicas }) => {
  const site = await context.newPage();
  await site.goto(replicas.serve(INVITATIONS, 'linkedin/invitations-classic.fr.html'));
  const popup = await boundary.openPopup(site);
  const ines = detectionFor(popup, 'Ines Moreau', 'request', 'name');
  await ines.getByTestId('not-them').click();
  // The item stays, saying so, with Undo one click away until the popup closes; then it is gone.
  await expect(ines.locator('[data-testid="decision-made"][data-decision="not-them"]')).toBeVisible();
  await expect(ines.getByTestId('undo-decision')).toBeVisible();
  await popup.close();
  await site.reload();
  const again = await boundary.openPopup(site);
  await expect(again.getByTestId('popup-empty')).toBeVisible();
  await expect(again.getByTestId('detection')).toHaveCount(0);
});

test('German network page: the invitation preview is checked, and suggested strangers are not shown', async ({ boundary, context, replicas }) => {
  const site = await context.newPage();
  await site.goto(replicas.serve('https://www.linkedin.com/mynetwork/', 'linkedin/mynetwork.de.html'));
  const popup = await boundary.openPopup(site);
  await expect(detectionFor(popup, 'Lena Vogt', 'request', 'exact')).toHaveCount(1);
  await expect(popup.getByTestId('detection')).toHaveCount(1);
  await detectionFor(popup, 'Lena Vogt', 'request').getByTestId('decline').click();
  await expect.poll(async () => (await replicaState(site)).actions).toEqual([{ action: 'decline', person: 'lena-vogt' }]);
});

test('messaging: inserts the reply into the composer through its input events, and never sends', async ({
  boundary,
  context,
  replicas,
}) => {
  const site = await context.newPage();
  await site.goto(replicas.serve(THREAD, 'linkedin/messaging.en.html'));
  const popup = await boundary.openPopup(site);
  await expect(detectionFor(popup, 'Ana Souza', 'message', 'exact')).toHaveCount(1);
  // Her row in the list links the thread that is open: one conversation, one item.
  await expect(detectionFor(popup, 'Ana Souza', 'message')).toHaveCount(1);
  expect((await replicaState(site)).foreignMutations).toEqual([]);

  await detectionFor(popup, 'Ana Souza', 'message', 'exact').getByTestId('insert-reply').click();
  await expect(detectionFor(popup, 'Ana Souza', 'message', 'exact').getByTestId('action-result')).toHaveAttribute('data-ok', 'true');
  const state = await replicaState(site);
  expect(state.editors['thread-ana-souza']).toContain('secure channels');
  expect(state.editors['thread-ana-souza']?.split('\n').length).toBeGreaterThan(2);
  expect(state.sent).toEqual([]);
});

test('messaging overlay inside a shadow root, Spanish UI, unicode profile slug', async ({ boundary, context, replicas }) => {
  const site = await context.newPage();
  await site.goto(replicas.serve('https://www.linkedin.com/feed/', 'linkedin/messaging-overlay.es.html'));
  const popup = await boundary.openPopup(site);
  const zoe = detectionFor(popup, 'Zoë Dubois', 'message', 'exact');
  await expect(zoe).toHaveCount(1);
  await expect(popup.getByTestId('detection')).toHaveCount(1);
  await zoe.getByTestId('insert-reply').click();
  await expect(zoe.getByTestId('action-result')).toHaveAttribute('data-ok', 'true');
  const state = await replicaState(site);
  // A Spanish page (<html lang="es">) gets the Spanish reply first.
  expect(state.editors['bubble-zoe-dubois']).toContain('no responderé por aquí');
  expect(state.sent).toEqual([]);
});
