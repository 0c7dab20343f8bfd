import { expect, test } from './support/test';

// A long client list (issue #16): a 20,000-row CSV imports through the options page with its
// stages and progress shown, and the Clients view shows its first page from a bounded read at
// once, usable, while the whole list is read; search then finds anyone, by name or profile.

const ROWS = 20_000;
const pad = (n: number) => String(n).padStart(5, '0');
/** Unique names and profiles, so any row can be searched for; every 7th row a Facebook address, every 5th an Instagram handle. */
const bigCsv = () =>
  'name,status,facebook,instagram\n' +
  Array.from({ length: ROWS }, (_, i) =>
    [`Client ${pad(i)} Example`, i % 3 === 0 ? 'former' : 'current', i % 7 === 0 ? `https://www.facebook.com/client.${pad(i)}` : '', i % 5 === 0 ? `@client_${pad(i)}` : ''].join(','),
  ).join('\n') +
  '\n';

test.describe.configure({ timeout: 120_000 });

test('a 20,000-row import shows its stages and progress, and saves every row', async ({ boundary }) => {
  const page = await boundary.context.newPage();
  // Notes every stage the progress bar shows, with its value and its text, as the page changes.
  await page.addInitScript(() => {
    const seen: { phase: string; value: number; max: number; text: string }[] = [];
    (window as unknown as { __phases: typeof seen }).__phases = seen;
    new MutationObserver(() => {
      const bar = document.querySelector<HTMLProgressElement>('[data-testid="import-progress"]');
      if (!bar) return;
      const text = document.querySelector('[data-testid="import-progress-text"]')?.textContent ?? '';
      const last = seen.at(-1);
      if (last === undefined || last.phase !== bar.dataset.phase || last.text !== text) seen.push({ phase: bar.dataset.phase ?? '', value: bar.value, max: bar.max, text });
    }).observe(document, { childList: true, subtree: true, attributes: true, characterData: true });
  });
  await page.goto(boundary.url('options.html'));
  const { imported, rejected } = await boundary.importCsv(bigCsv(), page);
  expect({ imported, rejected }).toEqual({ imported: ROWS, rejected: 0 });
  await expect(page.getByTestId('import-progress')).toHaveCount(0);

  const phases = await page.evaluate(() => (window as unknown as { __phases: { phase: string; value: number; max: number; text: string }[] }).__phases);
  // Every stage in order, each shown more than once as it moved on.
  expect([...new Set(phases.map((p) => p.phase))]).toEqual(['reading', 'checking', 'saving']);
  for (const phase of ['reading', 'checking', 'saving']) expect(phases.filter((p) => p.phase === phase).length, phase).toBeGreaterThan(1);
  const saving = phases.filter((p) => p.phase === 'saving');
  expect(saving.at(-1)).toMatchObject({ max: ROWS });
  expect(saving.at(-1)!.text).toContain('Saving clients');
  expect(saving.map((p) => p.value)).toEqual([...saving.map((p) => p.value)].sort((a, b) => a - b));

  // The summary does not list 20,000 rows of anything, and the list holds them all.
  await boundary.showView(page, 'clients');
  await expect(page.locator('#list-heading')).toHaveText(`Clients (${ROWS})`);
  await page.close();
});

test('the Clients view shows its first page at once, usable, and then searches everyone', async ({ boundary }) => {
  const { page: importer } = await boundary.importCsv(bigCsv());
  await importer.close();
  const page = await boundary.context.newPage();
  await page.addInitScript(() => {
    const marks: { rows?: number; reading?: boolean } = {};
    (window as unknown as { __marks: typeof marks }).__marks = marks;
    new MutationObserver((_, observer) => {
      if (!document.querySelector('[data-testid="client-row"]')) return;
      marks.rows = performance.now();
      marks.reading = document.querySelector('[data-testid="clients-reading"]') !== null;
      observer.disconnect();
    }).observe(document, { childList: true, subtree: true });
  });
  await page.goto(boundary.url('options.html#/clients'));
  await page.getByTestId('client-row').first().waitFor();
  const marks = await page.evaluate(() => (window as unknown as { __marks: { rows: number; reading: boolean } }).__marks);
  // The first rows came from the bounded read, while the rest was still being read, and the page said so.
  expect(marks.reading).toBe(true);
  expect(marks.rows).toBeLessThan(5_000);
  await expect(page.locator('#list-heading')).toHaveText(`Clients (${ROWS})`);

  // Usable at once: the search takes a name from the end of the file, and finds it once the whole list is read.
  const search = page.getByTestId('client-search');
  await search.fill('Client 19998');
  await expect(page.getByTestId('client-row')).toHaveCount(1);
  await expect(page.getByTestId('client-row')).toHaveAttribute('data-client-name', 'Client 19998 Example');
  await expect(page.getByTestId('clients-reading')).toHaveCount(0);

  // Any form of a profile: an address without its scheme, an @handle.
  await search.fill('facebook.com/client.19992/');
  await expect(page.getByTestId('client-row')).toHaveAttribute('data-client-name', 'Client 19992 Example');
  await search.fill('@client_19995');
  await expect(page.getByTestId('client-row')).toHaveAttribute('data-client-name', 'Client 19995 Example');

  // Unsearched, the list is sorted by name and paged: never 20,000 rows in the page.
  await search.fill('');
  await expect(page.getByTestId('client-row')).toHaveCount(100);
  await expect(page.getByTestId('client-row').first()).toHaveAttribute('data-client-name', 'Client 00000 Example');
  await expect(page.getByTestId('client-page')).toHaveText(`1–100 of ${ROWS}. Search to find anyone.`);
});
