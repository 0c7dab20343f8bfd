import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { detectionFor, expect, replicaState, test, type Boundary } from './support/test';
import type { Replicas } from './support/replicas';

// Everyone here is invented, like the replicas.
const HEADER = 'name,status,aliases,facebook,instagram,linkedin';
const REQUESTS = 'https://www.facebook.com/friends/requests/';
const CARMEN_THREAD = 'https://www.instagram.com/direct/t/118273645501928/';
const CLIENTS = [
  HEADER,
  'Ana Ruiz-Calder,current,,100089412300001,,',
  'Lena Fischbach,former,,https://www.facebook.com/lena.fischbach.77,,',
  'Kofi Mensah-Baird,current,,https://m.facebook.com/Kofi.MensahBaird/?ref=bookmarks,,',
  `"O'Donnell, Samir",current,,,,`, // by name only: the popup asks whether it is them
  'Carmen Ruiz,current,,,@carmen.ruiz.m,',
].join('\n');

async function violations(page: Page, include?: string) {
  const builder = new AxeBuilder({ page });
  const results = await (include ? builder.include(include) : builder).analyze();
  return results.violations.map((v) => ({ id: v.id, impact: v.impact, nodes: v.nodes.map((n) => n.target.join(' ')).slice(0, 5) }));
}

async function axeBothSchemes(page: Page, include?: string) {
  for (const colorScheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme });
    expect(await violations(page, include), colorScheme).toEqual([]);
  }
}

/** The popup's request items' names, top to bottom, by the names on the list. */
async function requestOrder(popup: Page): Promise<string[]> {
  const texts = await popup.locator('[data-testid="detection"][data-kind="request"]').allInnerTexts();
  const names = ['Ana Ruiz-Calder', 'Lena Fischbach', 'Kofi Mensah-Baird', "O'Donnell, Samir"];
  return texts.map((text) => names.find((name) => text.includes(name)) ?? '?');
}

async function openRequests(boundary: Boundary, replicas: Replicas): Promise<{ site: Page; popup: Page }> {
  const site = await boundary.context.newPage();
  await site.goto(replicas.serve(REQUESTS, 'facebook/friend-requests.en.html'));
  const popup = await boundary.openPopup(site);
  // Kofi's card loads later, like infinite scroll.
  await expect(detectionFor(popup, 'Kofi Mensah-Baird', 'request', 'exact')).toHaveCount(1);
  return { site, popup };
}

test.beforeEach(async ({ boundary }) => {
  const { imported } = await boundary.importCsv(CLIENTS);
  expect(imported).toBe(5);
});

test.afterEach(async ({ replicas }) => {
  expect(replicas.unexpected.filter((u) => !u.includes('favicon'))).toEqual([]);
});

test('a Spanish thread offers the Spanish reply first; the reply is edited, checked as typed, and goes in as edited', async ({ boundary, context, replicas }) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  const site = await context.newPage();
  await site.goto(replicas.serve(CARMEN_THREAD, 'instagram/direct-thread.es.html'));
  const popup = await boundary.openPopup(site);
  const carmen = detectionFor(popup, 'Carmen Ruiz', 'message', 'exact');
  const box = carmen.getByTestId('reply-edit');

  // The page says lang="es"; the practice's language is English: Spanish comes first, and is the default.
  await expect(box).toHaveAttribute('data-template-id', 'builtin/es/conversation-short');
  await expect(box).toHaveAttribute('lang', 'es');
  await expect(box).toHaveValue(/canales seguros/);
  const options = await carmen.getByTestId('reply-picker').locator('option').evaluateAll((all) => all.map((o) => (o as HTMLOptionElement).value));
  expect(options[0]).toMatch(/^builtin\/es\//);
  // English stays one choice away, and says which language it is in.
  expect(options).toContain('builtin/en/conversation-short');
  await expect(carmen.locator('option[value="builtin/en/conversation-short"]')).toHaveText(/· EN/);
  await carmen.getByTestId('reply-picker').selectOption('builtin/en/conversation-short');
  await expect(box).toHaveValue(/secure channels/);
  await expect(box).toHaveAttribute('data-edited', 'false');
  await expect(carmen.getByTestId('reply-edit')).toHaveAccessibleName('The reply, as it will go in (you can edit it)');

  // An edit with clinical content is flagged as it is typed, and asks before it goes in.
  await box.fill('Hi Carmen, I hope the new medication is helping with your depression.');
  await expect(carmen.getByTestId('reply-edited')).toBeVisible();
  await expect(carmen.getByTestId('lint-warning')).toBeVisible();
  await expect(carmen.getByTestId('insert-reply')).toHaveAttribute('data-flagged', 'true');
  await carmen.getByTestId('insert-reply').click();
  await expect(carmen.getByTestId('confirm-flagged')).toBeVisible();
  expect((await replicaState(site)).editors.carmen).toBe('');
  await carmen.getByTestId('cancel-flagged').click();

  // Instagram's limit applies to the edit, live.
  await box.fill('x'.repeat(1001));
  await expect(carmen.getByTestId('reply-length')).toHaveAttribute('data-over', 'true');
  await expect(carmen.getByTestId('insert-reply')).toBeDisabled();

  // A clean edit goes in, and is copied, as edited.
  const edited = 'Hola Carmen, gracias por escribir. Por favor, use los canales seguros del centro.';
  await box.fill(edited);
  await expect(carmen.getByTestId('lint-warning')).toHaveCount(0);
  await expect(carmen.getByTestId('reply-length')).toHaveAttribute('data-over', 'false');
  await expect(carmen.getByTestId('reply-length')).toContainText(`${edited.length} / 1,000`);
  await carmen.getByTestId('insert-reply').click();
  await expect(carmen.getByTestId('action-result')).toHaveAttribute('data-ok', 'true');
  const state = await replicaState(site);
  expect(state.editors.carmen).toBe(edited);
  expect(state.sent).toEqual([]);
  await carmen.getByTestId('copy-reply').click();
  await expect(carmen.getByTestId('action-result')).toHaveText('Reply copied: paste it into a message yourself');
  expect(await popup.evaluate(() => navigator.clipboard.readText())).toBe(edited);

  // Another template does not replace an edit without asking; "keep my text" keeps it.
  await carmen.getByTestId('reply-picker').selectOption('builtin/en/conversation-long');
  await expect(carmen.getByTestId('reply-replace-confirm')).toContainText('Replace your edited text with');
  await carmen.getByTestId('reply-keep-edits').click();
  await expect(box).toHaveValue(edited);
  await expect(box).toHaveAttribute('data-template-id', 'builtin/en/conversation-short');
  await carmen.getByTestId('reply-picker').selectOption('builtin/en/conversation-long');
  await carmen.getByTestId('reply-replace').click();
  await expect(box).toHaveAttribute('data-template-id', 'builtin/en/conversation-long');
  await expect(box).toHaveValue(/Hello Carmen,/);
  // "Reset to template" undoes an edit.
  const template = await box.inputValue();
  await box.fill(`${template} Extra words.`);
  await carmen.getByTestId('reply-reset').click();
  await expect(box).toHaveValue(template);
  await expect(carmen.getByTestId('reply-reset')).toHaveCount(0);

  await popup.setViewportSize({ width: 400, height: 800 });
  await box.fill('Hi Carmen, I hope the new medication is helping with your depression.');
  await axeBothSchemes(popup);
});

test('Decline all: one confirmation, each listed card’s own decline reported on it, cards stay in place; Undo for "this is them" and "not them", listed in options', async ({
  boundary,
  replicas,
}) => {
  const { site, popup } = await openRequests(boundary, replicas);
  const before = await requestOrder(popup);
  expect(before).toHaveLength(4);

  // One card declined on its own keeps its place; so do the cards after it.
  const lena = detectionFor(popup, 'Lena Fischbach', 'request', 'exact');
  await lena.getByTestId('decline').click();
  await expect(lena.getByTestId('action-result')).toHaveAttribute('data-ok', 'true');
  await expect.poll(() => boundary.badgeText(site)).toBe('3');
  expect(await requestOrder(popup)).toEqual(before);

  // Two exact matches are left; Samir matched by name only and is not included.
  const all = popup.getByTestId('decline-all');
  await expect(all).toHaveAttribute('data-count', '2');
  await expect(all).toHaveText('Decline all 2');
  await all.click();
  // The first click only asks.
  await expect(popup.getByTestId('decline-all-confirm-area')).toContainText('Decline 2 requests?');
  expect((await replicaState(site)).actions).toHaveLength(1);
  await popup.getByTestId('decline-all-confirm').click();
  await expect(popup.locator('[data-testid="decline-all-status"][data-state="finished"]')).toHaveText('Declined 2 of 2; each card says how it went.');
  const persons = (await replicaState(site)).actions.map((a) => `${a.action}:${a.person}`).sort();
  expect(persons).toEqual(['decline:ana', 'decline:kofi', 'decline:lena']);
  expect((await replicaState(site)).sent).toEqual([]);
  for (const name of ['Ana Ruiz-Calder', 'Lena Fischbach', 'Kofi Mensah-Baird']) {
    const item = detectionFor(popup, name, 'request', 'exact');
    await expect(item.getByTestId('action-result'), name).toHaveAttribute('data-ok', 'true');
    await expect(item.getByTestId('decline'), name).toBeDisabled();
  }
  await expect(site.locator('[data-replica-person="samir"] [data-replica-action="decline"]')).toHaveCount(1);
  await expect(site.locator('[data-replica-person="jonah"] [data-replica-action="decline"]')).toHaveCount(1);
  expect(await requestOrder(popup)).toEqual(before);
  // Nothing left to decline all.
  await expect(popup.getByTestId('decline-all')).toHaveCount(0);

  // "This is them", then Undo: the profile is linked, then matched by name again.
  const samir = popup.locator('[data-testid="detection"][data-kind="request"]').filter({ hasText: "O'Donnell, Samir" });
  await samir.getByTestId('this-is-them').click();
  await expect(samir).toHaveAttribute('data-match', 'exact');
  await expect(samir.locator('[data-testid="decision-made"][data-decision="linked"]')).toContainText('You said this is them');
  await samir.getByTestId('undo-decision').click();
  await expect(samir.getByTestId('action-result')).toHaveText('Undone: the profile is no longer saved to the client');
  await expect(samir).toHaveAttribute('data-match', 'name');
  await expect(samir.getByTestId('same-person-question')).toBeVisible();

  // "Not them", then Undo in the popup: the item stays, in place, and comes back as a question.
  await samir.getByTestId('not-them').click();
  await expect(samir.locator('[data-testid="decision-made"][data-decision="not-them"]')).toBeVisible();
  expect(await requestOrder(popup)).toEqual(before);
  await expect.poll(() => boundary.badgeText(site)).toBe('');
  await axeBothSchemes(popup);
  await samir.getByTestId('undo-decision').click();
  await expect(samir.getByTestId('same-person-question')).toBeVisible();
  await expect.poll(() => boundary.badgeText(site)).toBe('1');

  // "Not them" again: the options page lists it, with its site, client and date, and undoes it.
  await samir.getByTestId('not-them').click();
  await expect(samir.getByTestId('decision-made')).toBeVisible();
  const options = await boundary.openOptions('clients');
  const decision = options.getByTestId('decision');
  await expect(decision).toHaveCount(1);
  await expect(decision).toHaveAttribute('data-platform', 'facebook');
  await expect(decision).toContainText("on Facebook is not O'Donnell, Samir");
  await expect(decision.getByTestId('decision-date')).toContainText(String(new Date().getFullYear()));
  await axeBothSchemes(options, '#decisions');
  await decision.getByTestId('decision-undo').click();
  await expect(options.getByTestId('decisions-result')).toHaveText('Undone: this person is shown again when the name matches');
  await expect(options.getByTestId('decisions-empty')).toBeVisible();
  await expect.poll(() => boundary.badgeText(site)).toBe('1');
  const again = await boundary.openPopup(site);
  await expect(detectionFor(again, "O'Donnell, Samir", 'request', 'name')).toHaveCount(1);
  expect((await replicaState(site)).actions).toHaveLength(3);
});

test.describe('in Spanish', () => {
  test.use({ uiLanguage: 'es' });

  test('Decline all, Undo, the reply box and the decisions list speak Spanish', async ({ boundary, context, replicas }) => {
    const { site, popup } = await openRequests(boundary, replicas);
    await expect(popup.getByTestId('decline-all')).toHaveText('Rechazar todas (3)');
    await popup.getByTestId('decline-all').click();
    await expect(popup.getByTestId('decline-all-confirm-area')).toContainText('¿Rechazar 3 solicitudes?');
    await popup.getByTestId('decline-all-cancel').click();
    expect((await replicaState(site)).actions).toEqual([]);

    const samir = popup.locator('[data-testid="detection"][data-kind="request"]').filter({ hasText: "O'Donnell, Samir" });
    await samir.getByTestId('not-them').click();
    await expect(samir.getByTestId('decision-made')).toContainText('Dijo que no es esta persona');
    await expect(samir.getByTestId('undo-decision')).toHaveText('Deshacer');

    const options = await boundary.openOptions('clients');
    await expect(options.locator('#decisions-heading')).toHaveText('Decisiones de «No es esta persona»');
    await expect(options.getByTestId('decision')).toContainText("en Facebook no es O'Donnell, Samir");
    await axeBothSchemes(options, '#decisions');

    const thread = await context.newPage();
    await thread.goto(replicas.serve(CARMEN_THREAD, 'instagram/direct-thread.es.html'));
    const inbox = await boundary.openPopup(thread);
    const carmen = detectionFor(inbox, 'Carmen Ruiz', 'message', 'exact');
    await expect(carmen.getByTestId('reply-edit')).toHaveAccessibleName('La respuesta, tal como se enviará al cuadro (puede editarla)');
    await carmen.getByTestId('reply-edit').fill('Hola Carmen.');
    await expect(carmen.getByTestId('reply-reset')).toHaveText('Volver a la plantilla');
    await carmen.getByTestId('reply-picker').selectOption('builtin/es/conversation-long');
    await expect(carmen.getByTestId('reply-replace-confirm')).toContainText('¿Sustituir el texto editado por');
    await axeBothSchemes(inbox);
    // What happened is said in Spanish too, not in the page side's English.
    await carmen.getByTestId('reply-keep-edits').click();
    await carmen.getByTestId('insert-reply').click();
    await expect(carmen.getByTestId('action-result')).toHaveText('Respuesta puesta en el cuadro de mensaje. Reléala y luego envíela usted.');
    await expect.poll(async () => (await replicaState(thread)).editors).not.toEqual({});
  });
});
