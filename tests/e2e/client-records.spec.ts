import AxeBuilder from '@axe-core/playwright';
import { readFileSync } from 'node:fs';
import type { Page } from '@playwright/test';
import { declineLenaAndNote, LENA_ROW } from './support/activity';
import { expect, test } from './support/test';

// Client records as they enter and leave: two tabs editing one client, the input limits through
// import, backup and restore with the activity log, and the idle lock's timer.

const HEADER = 'name,status,aliases,facebook,instagram,linkedin';
async function axeViolations(page: Page) {
  const results = await new AxeBuilder({ page }).analyze();
  return results.violations.map((v) => ({ id: v.id, nodes: v.nodes.map((n) => n.target.join(' ')).slice(0, 5) }));
}

const row = (page: Page, name: string) => page.locator(`[data-testid="client-row"][data-client-name="${name}"]`);

test('two tabs, one client: a stale save merges with the import made meanwhile, nothing lost', async ({ boundary }) => {
  const tabA = await boundary.openOptions();
  await boundary.importCsv(`${HEADER}\nAna Souza,current,Aninha,100012345678901,,\n`, tabA);
  await boundary.showView(tabA, 'clients');
  await row(tabA, 'Ana Souza').getByTestId('edit-client').click();

  // Tab B imports a file that adds an Instagram profile to the same client.
  const tabB = await boundary.openOptions();
  const { imported } = await boundary.importCsv(`${HEADER}\nAna Souza,current,,100012345678901,ana.souza_,\n`, tabB);
  expect(imported).toBe(1);
  await boundary.showView(tabB, 'clients');
  await expect(row(tabB, 'Ana Souza')).toContainText('instagram.com/ana.souza_');

  // Tab A's form still shows the record as it was; its save keeps the import's profile.
  await expect(tabA.getByTestId('client-instagram')).toHaveValue('');
  await tabA.getByTestId('client-aliases').fill('Aninha; Nina');
  await tabA.getByTestId('save-client').click();
  await expect(tabA.getByTestId('client-merged')).toContainText('Instagram');
  for (const page of [tabA, tabB]) {
    await page.reload();
    await expect(row(page, 'Ana Souza')).toContainText('instagram.com/ana.souza_');
    await expect(row(page, 'Ana Souza')).toContainText('also Aninha, Nina');
  }
});

test('two tabs renaming one client: the stale save is refused with both names, then the clinician chooses', async ({ boundary }) => {
  const tabA = await boundary.openOptions();
  await boundary.importCsv(`${HEADER}\nAna Souza,current,Aninha,100012345678901,,\n`, tabA);
  await boundary.showView(tabA, 'clients');
  const tabB = await boundary.openOptions('clients');
  await row(tabA, 'Ana Souza').getByTestId('edit-client').click();
  await row(tabB, 'Ana Souza').getByTestId('edit-client').click();

  await tabB.getByTestId('client-name').fill('Ana Lima');
  await tabB.getByTestId('client-aliases').fill('Aninha; Lima');
  await tabB.getByTestId('save-client').click();
  await expect(row(tabB, 'Ana Lima')).toBeVisible();

  await tabA.getByTestId('client-name').fill('Ana Souza Lima');
  await tabA.getByTestId('save-client').click();
  const conflict = tabA.getByTestId('client-conflict');
  await expect(conflict.locator('[data-testid="client-conflict-field"][data-field="name"]')).toContainText('“Ana Souza Lima”');
  await expect(conflict).toContainText('“Ana Lima”');
  await expect(conflict).toContainText('Other names');
  expect(await axeViolations(tabA)).toEqual([]);
  // Nothing was written: tab B's change stands.
  await tabB.reload();
  await expect(row(tabB, 'Ana Lima')).toContainText('also Aninha, Lima');

  // "Show the saved version" puts tab B's values in the form; "Save mine over it" would keep A's.
  await tabA.getByTestId('client-conflict-take-theirs').click();
  await expect(tabA.getByTestId('client-name')).toHaveValue('Ana Lima');
  await tabA.getByTestId('client-name').fill('Ana Souza Lima');
  await tabA.getByTestId('save-client').click();
  await expect(row(tabA, 'Ana Souza Lima')).toContainText('also Aninha, Lima');
  await tabB.reload();
  await expect(row(tabB, 'Ana Souza Lima')).toContainText('also Aninha, Lima');
});

/** A CSV row exactly at every limit (lib/clients/limits.ts): 200-character texts, 30 of each list. */
function rowAtTheLimits(): { csv: string; name: string } {
  const long = (prefix: string) => (prefix + 'x'.repeat(200)).slice(0, 200);
  const name = long('Limit Case ');
  const n = Array.from({ length: 30 }, (_, i) => i);
  const aliases = n.map((i) => long(`Alias ${i} `)).join('; ');
  const facebook = n.map((i) => `1000${String(i).padStart(11, '0')}`).join(' ');
  const instagram = n.map((i) => `limit_case_${i}`).join(' ');
  const linkedin = n.map((i) => `https://www.linkedin.com/in/limit-case-${i}/`).join(' ');
  return { csv: `${name},current,"${aliases}",${facebook},${instagram},${linkedin}`, name };
}

async function exportedCsv(options: Page): Promise<string> {
  const [download] = await Promise.all([options.waitForEvent('download'), options.getByTestId('export-clients').click()]);
  return readFileSync((await download.path())!, 'utf8');
}

test('import at the input limits → backup → restore keeps everything, the activity log included', async ({ boundary, context, replicas }) => {
  const limit = rowAtTheLimits();
  const past = `${'P'.repeat(201)},current,,,,`;
  const options = await boundary.openOptions();
  const { imported, rejected } = await boundary.importCsv([HEADER, limit.csv, LENA_ROW, past].join('\n'), options);
  expect({ imported, rejected }).toEqual({ imported: 2, rejected: 1 });
  await expect(options.locator('[data-testid="import-rejection"][data-line="4"]')).toContainText('longer than 200 characters');
  await boundary.showView(options, 'clients');
  await expect(row(options, limit.name)).toBeVisible();

  await declineLenaAndNote(boundary, context, replicas);
  await options.reload();
  await boundary.showView(options, 'activity');
  await expect(options.locator('[data-testid="activity-row"][data-kind="declined"]')).toHaveCount(1);
  await boundary.showView(options, 'discuss');
  await expect(options.getByTestId('discuss-entry')).toHaveCount(1);
  await boundary.showView(options, 'import');
  const before = await exportedCsv(options);
  expect(before).toContain(limit.name);

  await boundary.showView(options, 'security');
  await options.getByTestId('backup-passphrase').fill('backup passphrase 2026');
  const [download] = await Promise.all([options.waitForEvent('download'), options.getByTestId('backup-export').click()]);
  await expect(options.locator('[data-testid="backup-result"][data-ok="true"]')).toBeVisible();
  const file = readFileSync((await download.path())!);

  // Things change after the backup: a client added, and Lena removed, her log entry and note with her.
  await boundary.importCsv(`${HEADER}\nSomeone After,current,,,,\n`, options);
  await boundary.showView(options, 'clients');
  const lena = row(options, 'Lena Fischbach');
  await lena.getByTestId('delete-client').click();
  await lena.getByTestId('confirm-delete').click();
  await expect(options.getByTestId('client-row')).toHaveCount(2);
  await options.reload();
  await boundary.showView(options, 'activity');
  await expect(options.getByTestId('activity-row')).toHaveCount(0);

  await boundary.showView(options, 'security');
  await options.getByTestId('backup-passphrase').fill('backup passphrase 2026');
  await options.getByTestId('backup-import').setInputFiles({ name: 'backup.json', mimeType: 'application/json', buffer: file });
  const preview = options.getByTestId('backup-preview');
  await expect(preview).toHaveAttribute('data-clients', '2');
  await expect(preview).toHaveAttribute('data-activity', '1');
  await expect(preview).toHaveAttribute('data-discuss', '1');
  await expect(preview).toHaveAttribute('data-replaces-clients', '2');
  await expect(preview).toHaveAttribute('data-replaces-activity', '0');
  expect(Math.abs(Number(await preview.getAttribute('data-made-at')) - Date.now())).toBeLessThan(10 * 60_000);
  await expect(preview).toContainText('1 activity log entry');
  expect(await axeViolations(options)).toEqual([]);
  // Asked, not started: the list is as it was until the clinician confirms (seen in another tab,
  // since the list is a view of its own).
  const list = await boundary.openOptions('clients');
  await expect(row(list, 'Someone After')).toBeVisible();
  await list.close();
  await options.getByTestId('backup-restore-confirm').click();
  await expect(options.locator('[data-testid="backup-result"][data-ok="true"]')).toContainText('1 activity log entry');

  await options.reload();
  await boundary.showView(options, 'clients');
  await expect(options.getByTestId('client-row')).toHaveCount(2);
  await expect(row(options, 'Someone After')).toHaveCount(0);
  await boundary.showView(options, 'import');
  expect(await exportedCsv(options)).toBe(before);
  await boundary.showView(options, 'activity');
  await expect(options.locator('[data-testid="activity-row"][data-kind="declined"]')).toContainText('Lena Fischbach');
  await boundary.showView(options, 'discuss');
  await expect(options.locator('[data-testid="discuss-client"][data-client-name="Lena Fischbach"]')).toBeVisible();
});

test('a Windows-1252 file is read as such and says so; invisible characters are taken out, row by row', async ({ boundary }) => {
  const options = await boundary.openOptions();
  // "José Conceição" as a spreadsheet saves plain CSV: é and ã are single bytes, never valid UTF-8.
  const bytes = Buffer.concat([Buffer.from('name,aliases\n', 'latin1'), Buffer.from('José Conceição,Zé\n', 'latin1'), Buffer.from('Mia Hart,\n', 'latin1')]);
  await options.getByTestId('import-clients').setInputFiles({ name: 'clients.csv', mimeType: 'text/csv', buffer: bytes });
  const summary = options.getByTestId('import-summary');
  await expect(summary).toHaveAttribute('data-imported', '2');
  await expect(options.getByTestId('import-encoding')).toContainText('Windows-1252');
  await boundary.showView(options, 'clients');
  await expect(row(options, 'José Conceição')).toContainText('also Zé');

  const { imported } = await boundary.importCsv('name,aliases\n"Ana \u202Ezuos",Ani\u200Bnha\nLeo Park,\n', options);
  expect(imported).toBe(2);
  await expect(options.getByTestId('import-encoding')).toHaveCount(0);
  await expect(options.getByTestId('import-cleaned-row')).toHaveCount(1);
  await expect(options.locator('[data-testid="import-cleaned-row"][data-line="2"]')).toContainText('Name, Other names');
  await boundary.showView(options, 'clients');
  await expect(row(options, 'Ana zuos')).toContainText('also Aninha');
});

test('the idle lock wipes the key on its timer, with nothing asking for it', async ({ boundary }) => {
  const options = await boundary.enableVault('quiet harbour lantern 42');
  await boundary.importCsv(`${HEADER}\nAna Souza,current,,100012345678901,,\n`, options);
  // No page of Boundary stays open: nothing will ask for the key from here on.
  await options.close();
  type Chrome = {
    storage: { session: { get(k: string[]): Promise<Record<string, unknown>>; set(v: object): Promise<void> } };
    alarms: { get(name: string): Promise<{ scheduledTime: number } | undefined> };
  };
  const state = () =>
    boundary.worker.evaluate(async () => {
      const chrome = (globalThis as unknown as { chrome: Chrome }).chrome;
      const stored = await chrome.storage.session.get(['vault:key', 'vault:used']);
      const alarm = await chrome.alarms.get('vault-idle-lock');
      return { key: stored['vault:key'] !== undefined, used: stored['vault:used'] as number | undefined, alarm: alarm?.scheduledTime };
    });
  // Unlocked, the timer is set for the last use plus the idle time (30 minutes by default).
  await expect.poll(async () => { const s = await state(); return s.key && s.used !== undefined && s.alarm === s.used + 30 * 60_000; }).toBe(true);

  // Half an hour and a minute pass without use (the last use is set back, as time passing would).
  await boundary.worker.evaluate(async () => {
    const chrome = (globalThis as unknown as { chrome: Chrome }).chrome;
    await chrome.storage.session.set({ 'vault:used': Date.now() - 31 * 60_000 });
  });
  await expect.poll(async () => (await state()).key, { timeout: 20_000 }).toBe(false);
  expect(await state()).toEqual({ key: false, used: undefined, alarm: undefined });

  // And every page shows it locked.
  const again = await boundary.openOptions();
  await expect(again.locator('[data-testid="vault-status"][data-state="locked"]')).toBeVisible();
  await expect(again.getByTestId('client-row')).toHaveCount(0);
});
