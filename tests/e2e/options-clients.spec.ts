import { expect, test } from './support/test';

test('add, edit, search and delete a client by hand; each profile field says what it read', async ({ boundary }) => {
  const page = await boundary.openOptions('clients');
  await expect(page.getByTestId('clients-empty')).toBeVisible();

  await page.getByTestId('add-client').click();
  await page.getByTestId('client-name').fill('Zoë Dubois');
  await page.getByTestId('client-linkedin').fill('https://fr.linkedin.com/in/zo%C3%AB-dubois-4b2a1c/?trk=x');
  await expect(page.getByTestId('client-linkedin-note')).toContainText('Read as https://www.linkedin.com/in/zoë-dubois-4b2a1c/');
  // A group link is not a person: the field says why and Save waits.
  await page.getByTestId('client-facebook').fill('https://www.facebook.com/groups/123456789/');
  await expect(page.getByTestId('client-facebook-note')).toContainText('group');
  await expect(page.getByTestId('save-client')).toBeDisabled();
  // …and says why beside it, as the button's description too.
  await expect(page.getByTestId('save-client-why')).toHaveText('Save is off until these are fixed: Facebook.');
  await expect(page.getByTestId('save-client')).toHaveAccessibleDescription('Save is off until these are fixed: Facebook.');
  await page.getByTestId('client-facebook').fill('zoe.dubois.9');
  await expect(page.getByTestId('client-facebook-note')).toContainText('Read as https://www.facebook.com/zoedubois9');
  await expect(page.getByTestId('save-client-why')).toHaveCount(0);
  await page.getByTestId('save-client').click();

  const row = page.locator('[data-testid="client-row"][data-client-name="Zoë Dubois"]');
  await expect(row).toContainText('current');
  await expect(row).toContainText('facebook.com/zoedubois9');

  await row.getByTestId('edit-client').click();
  await page.getByTestId('client-status').selectOption('former');
  await page.getByTestId('client-aliases').fill('Zo; Zoe D');
  await page.getByTestId('save-client').click();
  await expect(row).toContainText('former');
  await expect(row).toContainText('also Zo, Zoe D');

  await boundary.importCsv('name\nChidi Okoro\n', page);
  await boundary.showView(page, 'clients');
  await expect(page.getByTestId('client-row')).toHaveCount(2);
  await page.getByTestId('client-search').fill('zoe');
  await expect(page.getByTestId('client-row')).toHaveCount(1);
  await page.getByTestId('client-search').fill('');

  await row.getByTestId('delete-client').click();
  await expect(row).toContainText('Delete Zoë Dubois?');
  await row.getByTestId('confirm-delete').click();
  await expect(page.getByTestId('client-row')).toHaveCount(1);
  await page.reload();
  await expect(page.locator('[data-testid="client-row"][data-client-name="Chidi Okoro"]')).toHaveCount(1);
  await expect(page.locator('[data-testid="client-row"][data-client-name="Zoë Dubois"]')).toHaveCount(0);
});

test('a 10,000-row file imports in one go, with progress, and the list stays usable', async ({ boundary }) => {
  const rows = ['name,status,facebook,instagram,linkedin'];
  for (let i = 0; i < 10_000; i++) {
    rows.push(`Person ${i},${i % 3 === 0 ? 'former' : 'current'},10009${String(i).padStart(10, '0')},user_${i},person-${i}-ab12`);
  }
  const { page, imported, rejected } = await boundary.importCsv(rows.join('\n'));
  expect({ imported, rejected }).toEqual({ imported: 10_000, rejected: 0 });
  await boundary.showView(page, 'clients');
  await expect(page.locator('#list-heading')).toContainText('10000');
  await page.getByTestId('client-search').fill('person 9999');
  await expect(page.getByTestId('client-row')).toHaveCount(1);
});

test('an unreadable file is refused whole, and nothing is written', async ({ boundary }) => {
  const { page, imported, rejected } = await boundary.importCsv('status,facebook\ncurrent,123\n');
  expect({ imported, rejected }).toEqual({ imported: 0, rejected: 0 });
  await expect(page.getByTestId('import-summary')).toContainText('name');
  await boundary.showView(page, 'clients');
  await expect(page.getByTestId('clients-empty')).toBeVisible();
});
