import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { expect, test } from './support/test';

// The client list as it grows (issue #15): edit in place next to the row, search by any form of
// profile, possible duplicates flagged and merged, re-imports of name-only rows, and the note
// under the Facebook field when a username is kept without its dots.

async function violations(page: Page) {
  const results = await new AxeBuilder({ page }).analyze();
  return results.violations.map((v) => ({ id: v.id, impact: v.impact, nodes: v.nodes.map((n) => n.target.join(' ')).slice(0, 5) }));
}

async function axeLightAndDark(page: Page) {
  for (const colorScheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme });
    expect(await violations(page), colorScheme).toEqual([]);
  }
  await page.emulateMedia({ colorScheme: 'light' });
}

const pad = (n: number) => String(n).padStart(3, '0');
const longList = () =>
  'name,status,facebook,instagram,linkedin\n' +
  'Jane Doe,current,jane.doe.71,jane_doe_ig,jane-doe-4b2a1c\n' +
  Array.from({ length: 250 }, (_, i) => `Person ${pad(i + 1)},current,,,`).join('\n') +
  '\n';

test.describe('in English', () => {
  test('edit opens under a far-down row with the focus, Saved returns it; pages; search by pasted profile; the Facebook note', async ({ boundary }) => {
    const { page, imported } = await boundary.importCsv(longList());
    expect(imported).toBe(251);
    await boundary.showView(page, 'clients');
    // One page at a time: a long list renders a page, not every row.
    await expect(page.getByTestId('client-row')).toHaveCount(100);
    await expect(page.getByTestId('client-page')).toHaveText('1–100 of 251. Search to find anyone.');

    const row = page.locator('[data-testid="client-row"][data-client-name="Person 095"]');
    await row.getByTestId('edit-client').click();
    const form = page.getByTestId('client-form');
    // The form is in the row right under the one edited, in view, with the focus in it.
    await expect(page.locator('[data-testid="client-row"][data-client-name="Person 095"] + [data-testid="client-edit-row"]')).toBeVisible();
    await expect(form).toBeInViewport();
    await expect(page.getByTestId('client-name')).toBeFocused();
    await expect(page.getByTestId('client-name')).toHaveValue('Person 095');
    await page.getByTestId('client-status').selectOption('former');
    await page.getByTestId('save-client').click();
    await expect(form).toHaveCount(0);
    await expect(row).toHaveAttribute('data-status', 'former');
    await expect(row.getByRole('status')).toHaveText('Saved');
    await expect(row.getByTestId('edit-client')).toBeFocused();

    // Cancel gives the focus back to the row too, and writes nothing.
    const other = page.locator('[data-testid="client-row"][data-client-name="Person 080"]');
    await other.getByTestId('edit-client').click();
    await expect(page.getByTestId('client-name')).toBeFocused();
    await page.getByTestId('client-form').getByRole('button', { name: 'Cancel' }).click();
    await expect(other.getByTestId('edit-client')).toBeFocused();
    await expect(other).toHaveAttribute('data-status', 'current');

    await page.getByTestId('client-page-next').click();
    await expect(page.getByTestId('client-row').first()).toHaveAttribute('data-client-name', 'Person 100');
    await expect(page.getByTestId('client-page')).toHaveText('101–200 of 251. Search to find anyone.');

    // Search by whatever is pasted: an address, other dots and capitals, @handle, a LinkedIn slug.
    const search = page.getByTestId('client-search');
    for (const query of ['https://www.facebook.com/Jane.Doe.71/?ref=bookmarks', 'JANE.DOE71', '@jane_doe_ig', 'https://www.instagram.com/jane_doe_ig/', 'linkedin.com/in/jane-doe-4b2a1c', 'jane-doe-4b2a1c']) {
      await search.fill(query);
      await expect(page.getByTestId('client-row'), query).toHaveCount(1);
      await expect(page.getByTestId('client-row')).toHaveAttribute('data-client-name', 'Jane Doe');
    }
    await search.fill('https://www.facebook.com/someone.else');
    await expect(page.getByTestId('client-row')).toHaveCount(0);
    await search.fill('person 2');
    await expect(page.getByTestId('client-row')).toHaveCount(51);

    // The note under the Facebook field says why a dotted username comes back undotted.
    await search.fill('Jane');
    await page.getByTestId('edit-client').click();
    await page.getByTestId('client-facebook').fill('https://www.facebook.com/Jane.Doe.71');
    await expect(page.getByTestId('client-facebook-folded')).toHaveText(
      'Facebook ignores full stops and capital letters in usernames, so “Jane.Doe.71” is kept as “janedoe71”: both open the same profile.',
    );
    await page.getByTestId('client-facebook').fill('100012345678901');
    await expect(page.getByTestId('client-facebook-folded')).toHaveCount(0);
    await page.getByTestId('client-facebook').fill('Jane.Doe.71');
    await expect(page.getByTestId('client-facebook-folded')).toHaveCount(1);
    await axeLightAndDark(page);
  });

  test('a name-only re-import updates the one record of its name; a new same-name record is flagged at import and in the list, and merged', async ({ boundary }) => {
    const { page } = await boundary.importCsv('name,status,facebook\nChidi Okoro,current,chidi.okoro\n');
    // Re-import without profiles, another status, the name written another way: one record, updated, and said so.
    let outcome = await boundary.importCsv('name,status\n"OKORO, Chidi",former\n', page);
    expect(outcome.imported).toBe(1);
    const summary = page.getByTestId('import-summary');
    await expect(summary).toContainText('(0 new, 1 updated)');
    await expect(page.getByTestId('import-updated-row')).toHaveText('Line 2 has no profiles: it updated the one record named Chidi Okoro.');
    await boundary.showView(page, 'clients');
    await expect(page.getByTestId('client-row')).toHaveCount(1);
    await expect(page.getByTestId('client-row')).toHaveAttribute('data-status', 'former');
    await expect(page.getByTestId('possible-duplicate')).toHaveCount(0);

    // A row with another profile is another record: added, and flagged as a possible duplicate.
    outcome = await boundary.importCsv('name,status,instagram\nchidi okoro,current,chidi_ok\n', page);
    await expect(page.getByTestId('import-duplicate')).toContainText('Line 2: chidi okoro was added, but 1 other record(s) have the same name');
    await boundary.showView(page, 'clients');
    await expect(page.getByTestId('client-row')).toHaveCount(2);
    await expect(page.getByTestId('possible-duplicate')).toHaveCount(2);

    // The merge shows its rule and what the kept record will hold before anything is written.
    await page.getByTestId('merge-client').first().click();
    const panel = page.getByTestId('merge-panel');
    await expect(panel).toBeInViewport();
    await expect(page.getByTestId('merge-rule')).toContainText('The more recently changed record is offered first');
    // The more recent record (the one just imported) is offered as the one to keep.
    await expect(page.getByTestId('merge-preview')).toHaveAttribute('data-status', 'current');
    await expect(page.getByTestId('merge-preview')).toContainText('instagram.com/chidi_ok');
    await expect(page.getByTestId('merge-preview')).toContainText('facebook.com/chidiokoro');
    await axeLightAndDark(page);
    // The clinician keeps the other one: its status is what the merged record will have.
    const keep = page.getByTestId('merge-keep').and(page.locator(':not(:checked)'));
    await keep.check();
    await expect(page.getByTestId('merge-preview')).toHaveAttribute('data-status', 'former');
    await page.getByTestId('merge-confirm').click();
    await expect(page.getByTestId('client-row')).toHaveCount(1);
    const row = page.getByTestId('client-row');
    await expect(row).toHaveAttribute('data-status', 'former');
    await expect(row).toContainText('instagram.com/chidi_ok');
    await expect(row).toContainText('facebook.com/chidiokoro');
    await expect(row.getByRole('status')).toHaveText('Saved');
    await expect(page.getByTestId('possible-duplicate')).toHaveCount(0);
  });
});

test.describe('in Spanish', () => {
  test.use({ uiLanguage: 'es' });
  test('the re-import, the duplicate, the merge, Saved and the Facebook note speak Spanish', async ({ boundary }) => {
    const { page } = await boundary.importCsv('name,status,facebook\nAna Ruiz,current,ana.ruiz.9\n');
    await boundary.importCsv('name,status\nANA RUIZ,former\n', page);
    await expect(page.getByTestId('import-updated-row')).toHaveText('La línea 2 no tiene perfiles: ha actualizado el único registro llamado Ana Ruiz.');
    await boundary.importCsv('name,instagram\nAna  Ruiz,ana_r\n', page);
    await expect(page.getByTestId('import-duplicate')).toContainText('Línea 2: se ha añadido a');
    await boundary.showView(page, 'clients');
    await expect(page.getByTestId('possible-duplicate').first()).toHaveText('Posible duplicado');
    await page.getByTestId('merge-client').first().click();
    await expect(page.getByTestId('merge-rule')).toContainText('Se propone primero el registro modificado más recientemente.');
    await axeLightAndDark(page);
    await page.getByTestId('merge-confirm').click();
    await expect(page.getByTestId('client-row')).toHaveCount(1);
    await expect(page.getByTestId('client-row').getByRole('status')).toHaveText('Guardado');

    await page.getByTestId('edit-client').click();
    await page.getByTestId('client-facebook').fill('Ana.Ruiz.9');
    await expect(page.getByTestId('client-facebook-folded')).toContainText('«Ana.Ruiz.9»');
    await axeLightAndDark(page);
  });
});
