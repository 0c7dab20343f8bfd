import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { setRecordFields } from './support/records';
import { expect, replicaState, test, type Boundary } from './support/test';

// The per-status policy: related people, young people, a safety concern (Block, logged) and a
// former client past the cut-off, on the replicas, in English and in Spanish.

async function violations(page: Page, include: string) {
  const results = await new AxeBuilder({ page }).include(include).analyze();
  return results.violations.map((v) => ({ id: v.id, impact: v.impact, nodes: v.nodes.map((n) => n.target.join(' ')).slice(0, 5) }));
}

/** A person's item in the popup, by the name their heading starts with (other items may name them too). */
const itemOf = (popup: Page, name: string) =>
  popup.getByTestId('detection').filter({ has: popup.getByRole('heading', { name: new RegExp(`^${name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}`) }) });

/** Turns the cut-off on in the options page's status-policy view and saves it. */
async function saveCutOff(options: Page, years: number, saved: string) {
  const view = options.getByTestId('status-policy-view');
  await view.scrollIntoViewIfNeeded();
  await view.getByTestId('status-policy-cutoff').check();
  await view.getByTestId('status-policy-years').fill(String(years));
  await view.getByTestId('status-policy-save').click();
  await expect(view.getByTestId('status-policy-status')).toHaveText(saved);
}

async function activityRows(boundary: Boundary, kind: string) {
  const options = await boundary.openOptions();
  const rows = options.locator(`[data-testid="activity-row"][data-kind="${kind}"]`);
  return { options, rows };
}

test('a young person (decline only, guardians shown), a related person (related to the client), and a former client past the cut-off (not shown); the view passes axe', async ({
  boundary,
  context,
  replicas,
}) => {
  const { page: options, imported } = await boundary.importCsv(
    [
      'name,status,aliases,facebook,instagram,linkedin',
      'Ana Ruiz-Calder,current,,100089412300001,,',
      'Jonah Petrakis,current,,100089412300002,,',
      'Lena Fischbach,former,,lena.fischbach.77,,',
      "Samir O'Donnell,former,,100089412300004,,",
    ].join('\n'),
  );
  expect(imported).toBe(4);
  await setRecordFields(options, {
    'Ana Ruiz-Calder': { minor: true },
    'Jonah Petrakis': { relatedTo: 'Ana Ruiz-Calder', relationship: 'guardian' },
    'Lena Fischbach': { endDate: '2015-03-01' },
    "Samir O'Donnell": { endDate: '2025-06-01' },
  });

  // The new view, before anything is chosen: Boundary's defaults, the cut-off off.
  const view = options.getByTestId('status-policy-view');
  await expect(view.getByTestId('status-policy-former-request')).toHaveValue('decline');
  await expect(view.getByTestId('status-policy-cutoff')).not.toBeChecked();
  await expect(view.getByTestId('status-policy-row-minor')).toContainText('Never a reply on social media');
  for (const colorScheme of ['light', 'dark'] as const) {
    await options.emulateMedia({ colorScheme });
    expect(await violations(options, '#status-policy'), colorScheme).toEqual([]);
  }

  const site = await context.newPage();
  await site.goto(replicas.serve('https://www.facebook.com/friends/requests/', 'facebook/friend-requests.en.html'));
  await expect.poll(() => boundary.badgeText(site)).toBe('4');

  // Former clients more than 3 years past their end date are strangers: Lena (2015) goes, Samir (2025) stays.
  await saveCutOff(options, 3, 'Saved. Open pages are read again.');
  await expect.poll(() => boundary.badgeText(site)).toBe('3');
  const popup = await boundary.openPopup(site);
  await expect(itemOf(popup, 'Ana Ruiz-Calder')).toBeVisible();
  await expect(popup.getByTestId('detection')).toHaveCount(3);
  await expect(popup.getByTestId('detection').filter({ hasText: 'Lena Fischbach' })).toHaveCount(0);

  // The young person: marked, decline only, no answer offered and why, the guardian shown with them.
  const ana = itemOf(popup, 'Ana Ruiz-Calder');
  await expect(ana.getByTestId('flag-minor')).toHaveText('young person');
  await expect(ana.getByTestId('status-policy')).toHaveText('A young person: always decline, and never reply on social media.');
  await expect(ana.getByTestId('guardians')).toHaveText('Parents and guardians on your list: Jonah Petrakis (guardian)');
  await expect(ana.getByTestId('decline')).toHaveClass(/primary/);
  await expect(ana.getByTestId('answer-instead')).toHaveCount(0);
  await expect(ana.getByTestId('copy-reply')).toHaveCount(0);
  await expect(ana.getByTestId('no-reply-reason')).toHaveAttribute('data-reason', 'minor');

  // The related person: related to the client, their own rule, a note for the record after declining.
  const jonah = itemOf(popup, 'Jonah Petrakis');
  await expect(jonah.getByTestId('related-to')).toHaveText('Related to Ana Ruiz-Calder (guardian)');
  await expect(jonah.locator('h2 .tag').first()).toHaveText('related to a client');
  await expect(jonah.getByTestId('status-policy')).toHaveText('Your policy for people related to a client: decline quietly.');
  await jonah.getByTestId('decline').click();
  await expect(jonah.getByTestId('action-result')).toHaveAttribute('data-ok', 'true');
  await expect(jonah.getByTestId('discuss-offer')).toHaveAttribute('data-purpose', 'record');
  await expect(jonah.getByTestId('discuss-offer')).toContainText('Keep a note of this for the record?');
  await jonah.getByTestId('discuss-add').click();
  await expect(jonah.getByTestId('discuss-added')).toHaveText('Noted for the record in “To discuss”');
  await expect.poll(async () => (await replicaState(site)).actions).toEqual([{ action: 'decline', person: 'jonah' }]);

  // The former client within the cut-off: the former clients' rule.
  await expect(itemOf(popup, "Samir O'Donnell").getByTestId('status-policy')).toHaveText('Your policy for former clients: decline quietly.');

  // The "to discuss" list says what the note is for.
  await options.reload();
  const entry = options.locator('[data-testid="discuss-client"][data-client-name="Jonah Petrakis"]');
  await expect(entry).toHaveAttribute('data-purpose', 'record');
  await expect(entry.getByTestId('discuss-purpose')).toHaveText('note for the record');
});

test('a safety concern: shown first, Block (the site’s own flow, its confirmation left to the clinician) instead of a reply, and every sighting logged', async ({
  boundary,
  context,
  replicas,
}) => {
  const { page: options } = await boundary.importCsv(
    ['name,status,aliases,facebook,instagram,linkedin', 'Priya Natarajan,current,,,,', 'Nadia Farrokh,former,,nadia.farrokh.5,,'].join('\n'),
  );
  await setRecordFields(options, { 'Nadia Farrokh': { safety: true, endDate: '2024-01-10' } });

  const site = await context.newPage();
  await site.goto(replicas.serve('https://www.facebook.com/messages/t/100089412300401/', 'facebook/messenger.en.html'));
  await expect.poll(() => boundary.badgeText(site)).toBe('2');
  const popup = await boundary.openPopup(site);

  // First on the popup, in a group of its own, though Priya's row comes first on the page.
  const groups = popup.locator('[data-kind-group]');
  await expect(groups.first()).toHaveAttribute('data-kind-group', 'safety');
  const nadia = itemOf(popup, 'Nadia Farrokh');
  await expect(groups.first().getByTestId('detection')).toHaveCount(1);
  await expect(groups.first()).toContainText('Nadia Farrokh');
  await expect(nadia.getByTestId('flag-safety')).toHaveText('safety concern');
  await expect(nadia.getByTestId('status-policy')).toHaveText('Safety concern: use Facebook’s own Block, and keep the record. Every sighting is logged.');
  await expect(nadia.getByTestId('insert-reply')).toHaveCount(0);
  await expect(nadia.getByTestId('no-reply-reason')).toHaveAttribute('data-reason', 'safety');
  // Someone else in the same inbox keeps the ordinary reply.
  await expect(itemOf(popup, 'Priya Natarajan').getByTestId('insert-reply')).toBeVisible();
  await expect(itemOf(popup, 'Priya Natarajan').getByTestId('block')).toHaveCount(0);

  // The flags and the Block button pass axe, light and dark, at the popup's width.
  await popup.setViewportSize({ width: 400, height: 700 });
  for (const colorScheme of ['light', 'dark'] as const) {
    await popup.emulateMedia({ colorScheme });
    expect(await violations(popup, 'main'), colorScheme).toEqual([]);
  }

  // Block: one step the clinician sees (the conversation's details, where Facebook keeps Block); nothing confirmed.
  const block = nadia.getByTestId('block');
  await expect(block).toHaveText('Block on Facebook');
  await expect(block).toHaveClass(/primary/);
  await block.click();
  await expect(nadia.getByTestId('action-result')).toHaveText('Facebook’s own Block is open on the page: check it is them, then confirm it there yourself, or leave it.');
  await expect.poll(async () => (await replicaState(site)).actions).toEqual([{ action: 'details', person: 'conv-nadia' }]);
  await expect(site.locator('[data-replica-details] [role="button"]')).toHaveText('Block');
  await expect(site.locator('[data-replica-confirmation="block"]')).toHaveCount(0);
  // The site's own flow goes on with the clinician's clicks: its confirmation asks, and stays unanswered here.
  await site.locator('[data-replica-details] [role="button"]').click();
  await expect(site.locator('[data-replica-confirmation="block"]')).toContainText('Block?');
  expect((await replicaState(site)).actions.map((a) => a.action)).toEqual(['details', 'block']);

  // The activity log: the sighting (site and kind of page, no address) and the Block step.
  await site.reload();
  await expect.poll(() => boundary.badgeText(site)).toBe('2');
  const { rows } = await activityRows(boundary, 'safety-seen');
  // Once per page load: the first load and the reload.
  await expect(rows).toHaveCount(2);
  await expect(rows.first()).toHaveAttribute('data-place', 'facebook');
  await expect(rows.first()).toContainText('Nadia Farrokh');
  await expect(rows.first().getByTestId('activity-page')).toHaveAttribute('data-page', 'messages');
  await expect(rows.first()).toContainText('in messages');
  await expect(rows.first()).not.toContainText('100089412300401');
  const { rows: blocks } = await activityRows(boundary, 'block-opened');
  await expect(blocks).toHaveCount(1);
  await expect(blocks).toContainText('Opened the site\'s own Block');
});

test.describe('with the browser in Spanish', () => {
  test.use({ uiLanguage: 'es' });

  test('a young person, a related person, a former client past the cut-off, and a safety concern on Messenger, in Spanish; the view passes axe', async ({
    boundary,
    context,
    replicas,
  }) => {
    const { page: options } = await boundary.importCsv(
      [
        'name,status,aliases,facebook,instagram,linkedin',
        'Lucía Ferrer Quintana,current,,100089412300011,,',
        'Mateo Villalba,current,,100089412300012,,',
        'Valentina Soler,former,,valentina.soler.88,,',
        'Diego Arancibia,former,,100089412300014,,',
        'Valeria Montes Ríos,current,,valeria.montes.rios,,',
      ].join('\n'),
    );
    await setRecordFields(options, {
      'Lucía Ferrer Quintana': { minor: true },
      'Mateo Villalba': { relatedTo: 'Lucía Ferrer Quintana', relationship: 'parent' },
      'Valentina Soler': { endDate: '2012-09-30' },
      'Diego Arancibia': { endDate: '2026-01-15' },
      'Valeria Montes Ríos': { safety: true },
    });
    const view = options.getByTestId('status-policy-view');
    await expect(view.locator('#status-policy-heading')).toHaveText('Lo que sugiere la ventana emergente, según el estado');
    await expect(view.getByTestId('status-policy-row-former')).toContainText('Exclientes');
    await saveCutOff(options, 2, 'Guardado. Las páginas abiertas se vuelven a leer.');
    for (const colorScheme of ['light', 'dark'] as const) {
      await options.emulateMedia({ colorScheme });
      expect(await violations(options, '#status-policy'), colorScheme).toEqual([]);
    }

    const requests = await context.newPage();
    await requests.goto(replicas.serve('https://www.facebook.com/friends/requests/', 'facebook/friend-requests.es.html'));
    await expect.poll(() => boundary.badgeText(requests)).toBe('3');
    const popup = await boundary.openPopup(requests);
    await expect(itemOf(popup, 'Lucía Ferrer Quintana')).toBeVisible();
    await expect(popup.getByTestId('detection').filter({ hasText: 'Valentina Soler' })).toHaveCount(0);
    const lucia = itemOf(popup, 'Lucía Ferrer Quintana');
    await expect(lucia.getByTestId('flag-minor')).toHaveText('menor');
    await expect(lucia.getByTestId('status-policy')).toHaveText('Menor: rechazar siempre y nunca responder en redes sociales.');
    await expect(lucia.getByTestId('guardians')).toHaveText('Padres, madres y tutores de su lista: Mateo Villalba (padre o madre)');
    await expect(lucia.getByTestId('decline')).toHaveText('Rechazar en Facebook');
    await expect(lucia.getByTestId('answer-instead')).toHaveCount(0);
    const mateo = itemOf(popup, 'Mateo Villalba');
    await expect(mateo.getByTestId('related-to')).toHaveText('Relacionado con Lucía Ferrer Quintana (padre o madre)');
    await expect(itemOf(popup, 'Diego Arancibia').getByTestId('status-policy')).toHaveText('Su política para exclientes: rechazar en silencio.');
    await itemOf(popup, 'Diego Arancibia').getByTestId('decline').click();
    await expect(itemOf(popup, 'Diego Arancibia').getByTestId('discuss-offer')).toContainText('¿Guardar una nota de esto para el registro?');

    const messenger = await context.newPage();
    await messenger.goto(replicas.serve('https://www.facebook.com/messages/e2ee/t/8800112233445501/', 'facebook/messenger-e2ee.es.html'));
    await expect.poll(() => boundary.badgeText(messenger)).toBe('1');
    const inbox = await boundary.openPopup(messenger);
    const valeria = itemOf(inbox, 'Valeria Montes Ríos');
    await expect(inbox.locator('[data-kind-group]').first()).toHaveAttribute('data-kind-group', 'safety');
    await expect(valeria.getByTestId('flag-safety')).toHaveText('riesgo para la seguridad');
    await expect(valeria.getByTestId('insert-reply')).toHaveCount(0);
    await valeria.getByTestId('block').click();
    await expect(valeria.getByTestId('action-result')).toHaveText('El bloqueo de Facebook está abierto en la página: compruebe que es esa persona y confírmelo usted allí, o déjelo.');
    await expect(messenger.locator('[data-replica-details] [role="button"]')).toHaveText('Bloquear');
    await expect(messenger.locator('[data-replica-confirmation="block"]')).toHaveCount(0);

    const { rows } = await activityRows(boundary, 'safety-seen');
    await expect(rows).toHaveCount(1);
    await expect(rows).toContainText('Valeria Montes Ríos');
    await expect(rows).toContainText('en los mensajes');
  });
});
