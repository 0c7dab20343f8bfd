import type { CDPSession, Page } from '@playwright/test';
import { LINKEDIN_SDUI_PROFILE, LINKEDIN_URN_THREAD } from '../fixtures/linkedin/pages';
import { closedShadowHosts, guardDialog } from './support/guard';
import { expect, replicaState, shownDetections, test } from './support/test';

// LinkedIn's 2026 markup: the rebuilt invitation manager and its 2025 variant, conversation
// headers that link member ids, and the new profile page (site-evidence.md items 1–5, 14).

const INVITATIONS = 'https://www.linkedin.com/mynetwork/invitation-manager/received/';
const MUTUAL = 'https://www.linkedin.com/mynetwork/invitation-manager/received/PEOPLE_WITH_MUTUAL_CONNECTION/';
const FR_INVITATIONS = 'https://fr.linkedin.com/mynetwork/invitation-manager/received/';
const PRIYA_ID = 'ACoAAB7qR2sTuVwXy9Z0aBcDeFgHiJkLmNoPqRs';
const ODILE_ID = 'ACoAAH3oDiLeBrEnNaNvOs0123456789AbCdEfG';

const csv = (...rows: string[]) => ['name,status,aliases,facebook,instagram,linkedin', ...rows].join('\n');

/** A client's detection of a kind in the popup, found by the name on the client list. */
const item = (popup: Page, clientName: string, kind: string, match?: 'exact' | 'name') =>
  popup.locator(`[data-testid="detection"][data-kind="${kind}"]${match ? `[data-match="${match}"]` : ''}`).filter({ hasText: clientName });

test('rebuilt invitation manager: clients found as the lazy column loads, a page invitation’s inviter and an acknowledged connection are not requests, and decline presses the Ignore button itself', async ({
  boundary,
  context,
  replicas,
}) => {
  const { imported } = await boundary.importCsv(
    csv(
      'Rowan Achebe-Lind,current,,,,https://www.linkedin.com/in/rowan-achebe-lind-2c4f81/',
      'Ilse Navarro,former,,,,ilse-navarro-4d2c7b',
      // Invites the clinician to follow a company, and later to a newsletter: never a request.
      'Casey Marlow,current,,,,casey-marlow-7d1e02',
      // Already a connection: the row only acknowledges it.
      'Helga Brun,current,,,,helga-brun-61c0f3',
    ),
  );
  expect(imported).toBe(4);
  const site = await context.newPage();
  await site.goto(replicas.serve(INVITATIONS, 'linkedin/invitations-sdui.en.html'));
  const popup = await boundary.openPopup(site);

  await expect(item(popup, 'Rowan Achebe-Lind', 'request', 'exact')).toHaveCount(1);
  await expect(item(popup, 'Ilse Navarro', 'request', 'exact')).toHaveCount(1);
  const shown = await shownDetections(popup);
  expect(shown.map((d) => [d.kind, d.match])).toEqual([
    ['request', 'exact'],
    ['request', 'exact'],
  ]);
  expect(shown.some((d) => d.text.includes('Casey Marlow') || d.text.includes('Helga Brun'))).toBe(false);
  expect((await replicaState(site)).foreignMutations).toEqual([]);

  await item(popup, 'Rowan Achebe-Lind', 'request').getByTestId('decline').click();
  await expect(item(popup, 'Rowan Achebe-Lind', 'request').getByTestId('action-result')).toHaveAttribute('data-ok', 'true');
  // The button, and nothing else: not its wrapper div, not the Accept link, not Message.
  expect((await replicaState(site)).actions).toEqual([{ action: 'decline', person: 'rowan-achebe-lind' }]);
  expect(replicas.unexpected.filter((u) => !u.includes('favicon'))).toEqual([]);
});

test('2025 variant (German): decline presses the button inside the invitation-action wrapper; the group inviter is not a request', async ({
  boundary,
  context,
  replicas,
}) => {
  await boundary.importCsv(csv('Katrin Oberle,current,,,,katrin-oberle-8d4f21', 'Jonas Keller,current,,,,jonas-keller-1b2c3d'));
  const site = await context.newPage();
  await site.goto(replicas.serve(MUTUAL, 'linkedin/invitations-inner.de.html'));
  const popup = await boundary.openPopup(site);
  const katrin = item(popup, 'Katrin Oberle', 'request', 'exact');
  await expect(katrin).toHaveCount(1);
  await expect(popup.getByTestId('detection')).toHaveCount(1);

  await katrin.getByTestId('decline').click();
  await expect(katrin.getByTestId('action-result')).toHaveAttribute('data-ok', 'true');
  expect((await replicaState(site)).actions).toEqual([{ action: 'decline', person: 'katrin-oberle' }]);
});

test('rebuilt manager in French: a page invitation reads like a person’s, and its link still tells it apart', async ({ boundary, context, replicas }) => {
  await boundary.importCsv(csv('Élodie Marchand,current,,,,', 'Bastien Roux,current,,,,bastien-roux-2e8f10'));
  const site = await context.newPage();
  await site.goto(replicas.serve(FR_INVITATIONS, 'linkedin/invitations-sdui.fr.html'));
  const popup = await boundary.openPopup(site);
  const elodie = item(popup, 'Élodie Marchand', 'request', 'name');
  await expect(elodie).toHaveCount(1);
  // The event invitation arrives later; still nobody but Élodie.
  await site.waitForFunction(() => document.querySelectorAll('[role="listitem"]').length >= 6);
  await expect(popup.getByTestId('detection')).toHaveCount(1);
  await elodie.getByTestId('decline').click();
  await expect.poll(async () => (await replicaState(site)).actions).toEqual([{ action: 'decline', person: 'elodie-marchand' }]);
});

test('a conversation whose header links a member id matches exactly the client stored with that id, and the reply goes into that thread', async ({
  boundary,
  context,
  replicas,
}) => {
  // Listed under another spelling of her name, so that only the member id can make it exact.
  await boundary.importCsv(csv(`Priya N.,current,,,,https://www.linkedin.com/in/${PRIYA_ID}/`));
  const options = await boundary.openOptions('clients');
  // Kept as LinkedIn writes it: case and all.
  await expect(options.locator('[data-testid="client-row"][data-client-name="Priya N."]')).toContainText(`linkedin.com/in/${PRIYA_ID}/`);

  const site = await context.newPage();
  await site.goto(replicas.serve(LINKEDIN_URN_THREAD, 'linkedin/messaging-urn.es.html'));
  const popup = await boundary.openPopup(site);
  const priya = item(popup, 'Priya N.', 'message', 'exact');
  await expect(priya).toHaveCount(1);
  expect((await replicaState(site)).foreignMutations).toEqual([]);

  await priya.getByTestId('insert-reply').click();
  await expect(priya.getByTestId('action-result')).toHaveAttribute('data-ok', 'true');
  const state = await replicaState(site);
  // The page is in Spanish (<html lang="es">): the reply offered first is the Spanish one.
  expect(state.editors['thread-priya-natarajan']).toContain('no responderé por aquí');
  expect(state.sent).toEqual([]);
});

test('two people of the same name, one open and one in the list: the reply goes in only for the open conversation', async ({
  boundary,
  context,
  replicas,
}) => {
  await boundary.importCsv(csv('Priya Natarajan,current,,,,'));
  const site = await context.newPage();
  await site.goto(replicas.serve(LINKEDIN_URN_THREAD, 'linkedin/messaging-urn.es.html'));
  const popup = await boundary.openPopup(site);
  // The open thread (its header and its row) is one item; the other Priya's thread another.
  const both = item(popup, 'Priya Natarajan', 'message', 'name');
  await expect(both).toHaveCount(2);
  for (const one of await both.all()) await one.getByTestId('insert-reply').click();
  const results = popup.locator('[data-testid="detection"] [data-testid="action-result"]');
  await expect(results).toHaveCount(2);
  expect((await results.evaluateAll((nodes) => nodes.map((n) => n.getAttribute('data-ok')))).sort()).toEqual(['false', 'true']);
  const state = await replicaState(site);
  expect(state.editors['thread-priya-natarajan']?.match(/no responderé por aquí/g)).toHaveLength(1);
  expect(state.sent).toEqual([]);
});

test.describe('the new profile page', () => {
  const connect = (page: Page) => page.locator('[data-replica-action="connect"]:not([data-replica-person] *)');
  /** How many guard questions the page holds: elements with a closed shadow root (there is no other kind). */
  const questions = async (cdp: CDPSession) => (await closedShadowHosts(cdp)).length;

  for (const [how, row] of [
    ['by profile link', 'Odile Brennan-Vos,current,,,,https://www.linkedin.com/in/odile-brennan-vos-3a7c2e/'],
    ['by member id alone, under another name', `O. Brennan,current,,,,https://www.linkedin.com/in/${ODILE_ID}/`],
  ] as const) {
    test(`a client listed ${how}: Connect (a link to the invitation form) waits for a confirmation, and goes through after it`, async ({
      boundary,
      context,
      replicas,
    }) => {
      await boundary.importCsv(csv(row));
      const page = await context.newPage();
      await page.goto(replicas.serve(LINKEDIN_SDUI_PROFILE, 'linkedin/profile-sdui.en.html'));
      await expect.poll(() => boundary.badgeText(page)).toBe('1');
      expect((await replicaState(page)).foreignMutations).toEqual([]);

      const cdp = await context.newCDPSession(page);
      await connect(page).click();
      await expect.poll(() => questions(cdp)).toBe(1);
      expect((await guardDialog(cdp))?.name).toMatch(/client list/i);
      expect((await replicaState(page)).actions).toEqual([]);
      // "Go back" is focused first.
      await page.keyboard.press('Enter');
      await expect.poll(() => questions(cdp)).toBe(0);
      expect((await replicaState(page)).actions).toEqual([]);

      await connect(page).click();
      await expect.poll(() => questions(cdp)).toBe(1);
      await page.keyboard.press('Tab');
      await page.keyboard.press('Enter');
      await expect.poll(() => questions(cdp)).toBe(0);
      await expect.poll(async () => (await replicaState(page)).actions).toEqual([{ action: 'connect', person: null }]);

      // A suggested person's Connect beside the profile is not held back.
      await page.locator('[data-replica-person="chidi-okafor"] [data-replica-action="connect"]').click();
      expect(await questions(cdp)).toBe(0);
      expect((await replicaState(page)).actions).toEqual([
        { action: 'connect', person: null },
        { action: 'connect', person: 'chidi-okafor' },
      ]);
    });
  }

  test('someone else’s profile: Connect goes through at once', async ({ boundary, context, replicas }) => {
    await boundary.importCsv(csv('Wren Adeyemi-Falk,former,,,,'));
    const page = await context.newPage();
    await page.goto(replicas.serve(LINKEDIN_SDUI_PROFILE, 'linkedin/profile-sdui.en.html'));
    await page.waitForTimeout(600);
    await connect(page).click();
    expect(await questions(await context.newCDPSession(page))).toBe(0);
    expect((await replicaState(page)).actions).toEqual([{ action: 'connect', person: null }]);
    expect(await boundary.badgeText(page)).toBe('');
  });
});
