import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { extensionWorker, launchWithExtension } from './support/browser';
import { Boundary, test, expect } from './support/test';

const BOM = '\uFEFF';

test('imports a CSV through the options page and lists the clients', async ({ boundary }) => {
  const csv = [
    'name,status,aliases,facebook,instagram,linkedin',
    'Ana Souza,current,Aninha,https://www.facebook.com/profile.php?id=100012345678901,@ana.souza_,',
    '"Okoro, Chidi",former,,,,https://www.linkedin.com/in/chidi-okoro-7a1b2c/',
    'Mia Hart,,,,,',
  ].join('\n');
  const { page, imported, rejected } = await boundary.importCsv(csv);
  expect({ imported, rejected }).toEqual({ imported: 3, rejected: 0 });
  await boundary.showView(page, 'clients');
  const rows = page.getByTestId('client-row');
  await expect(rows).toHaveCount(3);
  await expect(page.locator('[data-testid="client-row"][data-client-name="Okoro, Chidi"]')).toContainText('former');
  await expect(page.locator('[data-testid="client-row"][data-client-name="Ana Souza"]')).toContainText(
    'instagram.com/ana.souza_',
  );
});

test('a messy file: exactly the bad rows are refused, with their lines, and good rows are kept', async ({ boundary }) => {
  const csv =
    BOM +
    [
      'Name,STATUS,Aliases,Facebook,Instagram,LinkedIn', // 1
      '"Okoro, Chidi",current,,,,', // 2
      '"Ines ""Nessa"" Duarte",Former,Nessa,,ines.duarte,', // 3 capitalised status is fine
      ',current,,,,', // 4 blank name
      'Tomas Berg,ongoing,,,,', // 5 bad status
      'Lea Roux,current,,https://www.instagram.com/lea.roux/,,', // 6 another host in the facebook column
      'Sam Ito,,,,,https://www.linkedin.com/company/acme/', // 7 a company page, not a person
      'Rui Costa, CURRENT ,,rui.costa.5; 100009876543210,,', // 8 two identities in one cell
      'Zoë Dubois,,,,,https://fr.linkedin.com/in/zo%C3%AB-dubois/', // 9
    ].join('\r\n') +
    '\r\n';
  const { page, imported, rejected } = await boundary.importCsv(csv);
  expect({ imported, rejected }).toEqual({ imported: 4, rejected: 4 });
  const lines = await page.getByTestId('import-rejection').evaluateAll((items) => items.map((li) => Number(li.getAttribute('data-line'))));
  expect(lines).toEqual([4, 5, 6, 7]);
  await expect(page.getByTestId('import-rejections')).toContainText('instagram.com');
  await boundary.showView(page, 'clients');
  const names = await page
    .getByTestId('client-row')
    .evaluateAll((rows) => rows.map((row) => row.getAttribute('data-client-name')).sort());
  expect(names).toEqual(['Ines "Nessa" Duarte', 'Okoro, Chidi', 'Rui Costa', 'Zoë Dubois']);
});

test('export then re-import gives the same list, and importing again duplicates nothing', async ({ boundary }) => {
  const csv = [
    'name,status,aliases,facebook,instagram,linkedin',
    'Ana Souza,current,Aninha;Ana S.,jane.doe.71,ana.souza_,',
    '"Okoro, Chidi",former,,100012345678901,,https://fr.linkedin.com/in/zo%C3%AB-dubois/',
    '"Ines ""Nessa"" Duarte",current,,,,',
  ].join('\n');
  const { page } = await boundary.importCsv(csv);
  await boundary.showView(page, 'clients');
  await expect(page.getByTestId('client-row')).toHaveCount(3);
  const snapshot = () =>
    page.getByTestId('client-row').evaluateAll((rows) => rows.map((row) => (row as HTMLElement).innerText).sort());
  const before = await snapshot();

  await boundary.showView(page, 'import');
  const download = page.waitForEvent('download');
  await page.getByTestId('export-clients').click();
  const exported = await (await download).createReadStream();
  const chunks: Buffer[] = [];
  for await (const chunk of exported) chunks.push(chunk as Buffer);
  const exportedCsv = Buffer.concat(chunks).toString('utf8');
  expect(exportedCsv.split(/\r\n/)[0]).toBe(`${BOM}name,status,aliases,facebook,instagram,linkedin,start_date,end_date,minor,safety,related_to,relationship`);

  // Importing it again over the same list updates, and duplicates nothing.
  const again = await boundary.importCsv(exportedCsv, page);
  expect({ imported: again.imported, rejected: again.rejected }).toEqual({ imported: 3, rejected: 0 });
  await boundary.showView(page, 'clients');
  await expect(page.getByTestId('client-row')).toHaveCount(3);
  expect(await snapshot()).toEqual(before);

  // Into another browser profile's empty list: the same clients come back.
  const dir = mkdtempSync(path.join(os.tmpdir(), 'boundary-e2e-'));
  const other = await launchWithExtension(dir);
  try {
    const worker = await extensionWorker(other);
    const fresh = new Boundary(other, worker, new URL(worker.url()).host);
    const restored = await fresh.importCsv(exportedCsv);
    expect(restored.imported).toBe(3);
    await fresh.showView(restored.page, 'clients');
    await expect(restored.page.getByTestId('client-row')).toHaveCount(3);
    const after = await restored.page
      .getByTestId('client-row')
      .evaluateAll((rows) => rows.map((row) => (row as HTMLElement).innerText).sort());
    expect(after).toEqual(before);
  } finally {
    await other.close();
    rmSync(dir, { recursive: true, force: true });
  }
});
