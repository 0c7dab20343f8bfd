import AxeBuilder from '@axe-core/playwright';
import { readFileSync } from 'node:fs';
import type { Page } from '@playwright/test';
import { declineLenaAndNote } from './support/activity';
import { expect, test } from './support/test';

// Client records that fit practice (issue 17): the four statuses, dates, the minor and safety
// flags and related people, through the CSV (import, refusals by line, export and back) and the
// client form and list, in English and in Spanish.

async function axeViolations(page: Page) {
  const results = await new AxeBuilder({ page }).analyze();
  return results.violations.map((v) => ({ id: v.id, nodes: v.nodes.map((n) => n.target.join(' ')).slice(0, 5) }));
}

const row = (page: Page, name: string) => page.locator(`[data-testid="client-row"][data-client-name="${name}"]`);

async function exportedCsv(options: Page): Promise<string> {
  const [download] = await Promise.all([options.waitForEvent('download'), options.getByTestId('export-clients').click()]);
  return readFileSync((await download.path())!, 'utf8');
}

const FILE = [
  'name,status,start_date,end_date,minor,safety,related_to,relationship,facebook',
  'Leo Souza,,,,no,no,Ana Souza,parent,leosouza51', // 2: related to a client further down
  'Ana Souza,current,2024-01-15,,yes,,,,100012345678901', // 3
  'Mia Hart,FORMER,2022-03-01,30/06/2023,,yes,,,miahart', // 4
  'Bea Ruiz,enquiry,05/03/2024,,,,,,', // 5: day or month first?
  'Cal Ortiz,waitlist,2025-02-30,,,,,,', // 6: no such day
  'Zed Quinn,,,,,,Nobody Here,carer,', // 7: no such client
  'Jo Marsh,Waitlist,15 Mar 2025,,,,,,', // 8
  '',
].join('\r\n');

test('richer records: CSV in and out with refusals by line, the list filters, the form edits every field', async ({ boundary, context, replicas }) => {
  // Three imports, an export, the form, axe twice and a decline from the popup: longer than one step's budget.
  const { page: options, imported, rejected } = await boundary.importCsv(FILE);
  expect({ imported, rejected }).toEqual({ imported: 4, rejected: 3 });
  const rejection = (line: number) => options.locator(`[data-testid="import-rejection"][data-line="${line}"]`);
  await expect(rejection(5)).toHaveText('Line 5: start_date "05/03/2024" could be 2024-03-05 or 2024-05-03: write it as YYYY-MM-DD');
  await expect(rejection(6)).toHaveText('Line 6: start_date "2025-02-30" is not a real date');
  await expect(rejection(7)).toHaveText('Line 7: related_to "Nobody Here" is not a client on the list or in this file');
  await expect(options.getByTestId('import-dates-rule')).toContainText('05/03/2024 could be 5 March or May 3');

  // The list: statuses, flags and relations as imported.
  await boundary.showView(options, 'clients');
  await expect(options.getByTestId('client-row')).toHaveCount(4);
  await expect(row(options, 'Leo Souza').getByTestId('client-related')).toHaveText('related to Ana Souza (Parent)');
  await expect(row(options, 'Leo Souza')).toHaveAttribute('data-related', 'true');
  await expect(row(options, 'Ana Souza').locator('[data-testid="client-flag"][data-flag="minor"]')).toBeVisible();
  await expect(row(options, 'Mia Hart')).toHaveAttribute('data-status', 'former');
  await expect(row(options, 'Mia Hart').locator('[data-testid="client-flag"][data-flag="safety"]')).toBeVisible();
  await expect(row(options, 'Jo Marsh')).toHaveAttribute('data-status', 'waitlist');
  await expect(row(options, 'Jo Marsh')).toContainText('waiting list');

  const shown = () => options.getByTestId('client-row').evaluateAll((rows) => rows.map((r) => r.getAttribute('data-client-name')));
  await options.getByTestId('filter-status').selectOption('former');
  expect(await shown()).toEqual(['Mia Hart']);
  await options.getByTestId('filter-status').selectOption('enquiry');
  await expect(options.getByTestId('clients-filtered-empty')).toBeVisible();
  await options.getByTestId('filter-status').selectOption('');
  await options.getByTestId('filter-flag').selectOption('minor');
  expect(await shown()).toEqual(['Ana Souza']);
  await options.getByTestId('filter-flag').selectOption('safety');
  expect(await shown()).toEqual(['Mia Hart']);
  await options.getByTestId('filter-flag').selectOption('');
  await options.getByTestId('filter-related').selectOption('related');
  expect(await shown()).toEqual(['Leo Souza']);
  await options.getByTestId('filter-related').selectOption('clients');
  expect(await shown()).toEqual(['Ana Souza', 'Jo Marsh', 'Mia Hart']);
  await options.getByTestId('filter-related').selectOption('');

  // Export writes every column; importing it again updates the same four, and exports the same file.
  await boundary.showView(options, 'import');
  const first = await exportedCsv(options);
  expect(first).toContain('name,status,aliases,facebook,instagram,linkedin,start_date,end_date,minor,safety,related_to,relationship\r\n');
  expect(first).toContain('Leo Souza,current,,https://www.facebook.com/leosouza51,,,,,no,no,Ana Souza,parent\r\n');
  expect(first).toContain('Mia Hart,former,,https://www.facebook.com/miahart,,,2022-03-01,2023-06-30,no,yes,,\r\n');
  expect(first).toContain('Jo Marsh,waitlist,,,,,2025-03-15,,no,no,,\r\n');
  const again = await boundary.importCsv(first, options);
  expect({ imported: again.imported, rejected: again.rejected }).toEqual({ imported: 4, rejected: 0 });
  await expect(options.getByTestId('import-summary')).toContainText('0 new, 4 updated');
  expect(await exportedCsv(options)).toBe(first);

  // The form edits every field: Jo becomes a former client, with an end date, a safety concern, related to Ana.
  await boundary.showView(options, 'clients');
  await row(options, 'Jo Marsh').getByTestId('edit-client').click();
  const form = options.getByTestId('client-form');
  await expect(form.getByTestId('client-start-date')).toHaveValue('2025-03-15');
  await expect(form.getByTestId('client-end-date')).toHaveCount(0);
  await form.getByTestId('client-status').selectOption('former');
  await form.getByTestId('client-end-date').fill('2025-01-31');
  await expect(form.getByTestId('client-limits')).toContainText('the end date is before the start date');
  await expect(form.getByTestId('save-client')).toBeDisabled();
  await form.getByTestId('client-end-date').fill('2025-06-30');
  await form.getByTestId('client-safety').check();
  // Only clients are offered: Leo, a related person, is not.
  await expect(form.getByTestId('client-related-to').locator('option')).toHaveText(['Nobody: this is a client', 'Ana Souza', 'Mia Hart']);
  await form.getByTestId('client-related-to').selectOption({ label: 'Ana Souza' });
  await expect(form.getByTestId('save-client')).toBeDisabled();
  await form.getByTestId('client-relationship').selectOption('family');
  for (const colorScheme of ['light', 'dark'] as const) {
    await options.emulateMedia({ colorScheme });
    expect(await axeViolations(options), colorScheme).toEqual([]);
  }
  await form.getByTestId('save-client').click();
  await expect(form).toHaveCount(0);
  await options.reload();
  const jo = row(options, 'Jo Marsh');
  await expect(jo).toHaveAttribute('data-status', 'former');
  await expect(jo.getByTestId('client-related')).toHaveText('related to Ana Souza (Family member)');
  await expect(jo.locator('[data-testid="client-flag"][data-flag="safety"]')).toBeVisible();
  await jo.getByTestId('edit-client').click();
  await expect(form.getByTestId('client-end-date')).toHaveValue('2025-06-30');
  await expect(form.getByTestId('client-safety')).toBeChecked();
  await expect(form.getByTestId('client-minor')).not.toBeChecked();
  await expect(form.getByTestId('client-relationship')).toHaveValue('family');
  // Ana has people related to her: she cannot be made someone's related person.
  await form.getByRole('button', { name: 'Cancel' }).click();
  await row(options, 'Ana Souza').getByTestId('edit-client').click();
  await expect(form.getByTestId('client-related-to')).toBeDisabled();
  await options.getByTestId('filter-related').selectOption('related');
  expect(await axeViolations(options)).toEqual([]);

  // A related person is matched like a client: her request declined from the popup is logged, and
  // noted, as "related to Ana Souza", never with how.
  await boundary.importCsv('name,facebook,related_to,relationship\nLena Fischbach,https://www.facebook.com/lena.fischbach.77,Ana Souza,carer\n', options);
  await declineLenaAndNote(boundary, context, replicas);
  await options.reload();
  await boundary.showView(options, 'activity');
  const logged = options.locator('[data-testid="activity-row"][data-kind="declined"]');
  await expect(logged).toContainText('Lena Fischbach (related to Ana Souza)');
  await expect(logged).not.toContainText(/carer/i);
  await boundary.showView(options, 'discuss');
  await expect(options.locator('[data-testid="discuss-client"][data-client-name="Lena Fischbach"]').getByTestId('discuss-related')).toHaveText('related to Ana Souza');
  await expect(options.getByTestId('discuss-list')).not.toContainText(/carer/i);
});

test.describe('in Spanish', () => {
  test.use({ uiLanguage: 'es' });

  test('the new columns refuse in Spanish, and the form and list speak it', async ({ boundary }) => {
    const { page: options, imported, rejected } = await boundary.importCsv(
      ['name,status,start_date,minor,related_to,relationship', 'Ana Ruiz,current,2024-01-15,sí,,', 'Luis Ruiz,,05/03/2024,,Ana Ruiz,parent', 'Eva Gil,quizá,,,,', ''].join('\n'),
    );
    expect({ imported, rejected }).toEqual({ imported: 1, rejected: 2 });
    await expect(options.locator('[data-testid="import-rejection"][data-line="3"]')).toHaveText(
      'Línea 3: start_date "05/03/2024" puede ser 2024-03-05 o 2024-05-03: escríbala como AAAA-MM-DD',
    );
    await expect(options.locator('[data-testid="import-rejection"][data-line="4"]')).toHaveText(
      'Línea 4: el estado "quizá" no es "enquiry", "waitlist", "current" ni "former"',
    );
    await boundary.showView(options, 'clients');
    await expect(row(options, 'Ana Ruiz').locator('[data-testid="client-flag"][data-flag="minor"]')).toHaveText('menor');

    await options.getByTestId('add-client').click();
    const form = options.getByTestId('client-form');
    await form.getByTestId('client-name').fill('Luis Ruiz');
    await form.getByTestId('client-status').selectOption({ label: 'En lista de espera' });
    await form.getByTestId('client-start-date').fill('2024-03-05');
    await form.getByTestId('client-related-to').selectOption({ label: 'Ana Ruiz' });
    await expect(form.getByTestId('client-relationship').locator('option')).toHaveText(['Elija…', 'Madre o padre', 'Tutor legal', 'Pareja', 'Familiar', 'Cuidador o cuidadora']);
    await form.getByTestId('client-relationship').selectOption({ label: 'Madre o padre' });
    await expect(form).toContainText('Solo usted ve la relación: las respuestas nunca la mencionan.');
    expect(await axeViolations(options)).toEqual([]);
    await form.getByTestId('save-client').click();
    const luis = row(options, 'Luis Ruiz');
    await expect(luis.getByTestId('client-related')).toHaveText('en relación con Ana Ruiz (Madre o padre)');
    await expect(luis).toContainText('lista de espera');
    await options.getByTestId('filter-related').selectOption({ label: 'Personas relacionadas' });
    await expect(options.getByTestId('client-row')).toHaveCount(1);
    await options.emulateMedia({ colorScheme: 'dark' });
    expect(await axeViolations(options)).toEqual([]);
  });
});
