import type { BrowserContext, Page } from '@playwright/test';
import type { Boundary } from '../../tests/e2e/support/boundary';

/** Import of a CSV through the options page, as the clinician does it. */
export interface ImportRun {
  rows: number;
  imported: number;
  rejected: number;
  /** From the file input's change event to the summary in the page, ms. */
  ms: number;
  /** The options page's JS heap: before, and the highest sampled during the import, MB. */
  heapBeforeMb: number;
  heapPeakMb: number;
}

const MB = 1024 * 1024;

type Marks = { __bench?: Record<string, number> };

/**
 * Times the import in the page (change event → summary shown), while sampling the page's JS heap
 * through CDP every 20 ms. The sample is taken when the page's main thread answers, so a peak
 * inside one long task can be missed; JSHeapTotalSize (what V8 reserved) is kept as well.
 */
export async function importRun(context: BrowserContext, boundary: Boundary, csv: string): Promise<ImportRun> {
  const page = await context.newPage();
  // 100,000 rows take tens of seconds today; a stuck import still ends the bench, in minutes.
  page.setDefaultTimeout(300_000);
  await page.addInitScript(() => {
    const marks: Record<string, number> = {};
    (window as Marks).__bench = marks;
    document.addEventListener(
      'change',
      (event) => {
        if (event.target instanceof Element && event.target.matches('[data-testid="import-clients"]')) marks.start ??= performance.now();
      },
      true,
    );
    new MutationObserver(() => {
      if (marks.start !== undefined && marks.end === undefined && document.querySelector('[data-testid="import-summary"]')) {
        marks.end = performance.now();
      }
    }).observe(document, { childList: true, subtree: true });
  });
  await page.goto(boundary.url('options.html'));
  await page.getByTestId('import-clients').waitFor();
  const cdp = await context.newCDPSession(page);
  await cdp.send('Performance.enable');
  const heap = async () => {
    const { metrics } = await cdp.send('Performance.getMetrics');
    const value = (name: string) => metrics.find((m) => m.name === name)?.value ?? 0;
    return { used: value('JSHeapUsedSize'), total: value('JSHeapTotalSize') };
  };
  await cdp.send('HeapProfiler.collectGarbage');
  const before = await heap();

  let peak = before.used;
  let sampling = true;
  const sampler = (async () => {
    while (sampling) {
      peak = Math.max(peak, (await heap()).used);
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
  })();
  const result = await boundary.importCsv(csv, page);
  await page.waitForFunction(() => (window as Marks).__bench?.end !== undefined);
  sampling = false;
  await sampler;
  peak = Math.max(peak, (await heap()).used);
  const marks = await page.evaluate(() => (window as Marks).__bench!);
  await cdp.detach();
  await page.close();
  return {
    rows: csv.trim().split('\n').length - 1,
    imported: result.imported,
    rejected: result.rejected,
    ms: marks.end! - marks.start!,
    heapBeforeMb: before.used / MB,
    heapPeakMb: peak / MB,
  };
}

/** The popup (or the floor's blank page) opened on a tab, from navigation start to its first detections. */
export interface PopupRun {
  /** The popup's first message to the background (its request for the tab's detections), and the answer, ms. */
  askedMs: number;
  answeredMs: number;
  /** The first detection in the popup's DOM, ms after the popup started loading. */
  domMs: number;
  /** The end of the frame that first painted them. */
  shownMs: number;
  detections: number;
}

/**
 * Opens `url` (popup.html?tab=<id>, as the e2e tests do, or the floor extension's
 * floor.html?tab=<id>) as a page and notes, from inside it, when it first asks its background,
 * when the answer comes, when the first detection appears and when the frame showing it has been
 * produced (a task posted from that frame's animation callback runs once the frame is done).
 */
export async function popupRun(context: BrowserContext, url: string): Promise<PopupRun> {
  const page = await context.newPage();
  await page.addInitScript(() => {
    const marks: Record<string, number> = {};
    (window as Marks).__bench = marks;
    // When the popup first asks the background, and when the answer comes: the rest is its own loading and rendering.
    const runtime = (globalThis as unknown as { chrome: { runtime: { sendMessage: (...args: unknown[]) => unknown } } }).chrome.runtime;
    const send = runtime.sendMessage.bind(runtime);
    runtime.sendMessage = (...args: unknown[]) => {
      marks.asked ??= performance.now();
      const reply = args.findIndex((arg) => typeof arg === 'function');
      if (reply >= 0) {
        const callback = args[reply] as (...results: unknown[]) => void;
        args[reply] = (...results: unknown[]) => {
          marks.answered ??= performance.now();
          callback(...results);
        };
        return send(...args);
      }
      const result = send(...args);
      if (result instanceof Promise) void result.then(() => (marks.answered ??= performance.now()));
      return result;
    };
    const seen = new MutationObserver(() => {
      if (!document.querySelector('[data-testid="detection"]')) return;
      seen.disconnect();
      marks.dom = performance.now();
      requestAnimationFrame(() => {
        const channel = new MessageChannel();
        channel.port1.onmessage = () => (marks.shown = performance.now());
        channel.port2.postMessage(0);
      });
    });
    seen.observe(document, { childList: true, subtree: true });
  });
  await page.goto(url);
  await page.waitForFunction(() => (window as Marks).__bench?.shown !== undefined, undefined, { timeout: 120_000 });
  const marks = await page.evaluate(() => (window as Marks).__bench!);
  const detections = await page.getByTestId('detection').count();
  await page.close();
  return { askedMs: marks.asked ?? Number.NaN, answeredMs: marks.answered ?? Number.NaN, domMs: marks.dom!, shownMs: marks.shown!, detections };
}

/** The options page reloaded over a long client list: when its list shows, and when it answers a key. */
export interface OptionsRun {
  /** The first client row in the DOM, ms after navigation start. */
  rowsMs: number;
  /**
   * A key pressed in the client search as soon as the first rows show, handled by the page (its
   * keydown listener ran), ms after navigation start: the page is interactive from then on.
   */
  interactiveMs: number;
  /** The client rows in the DOM once it answered: all of them, or the window of a virtualised list. */
  rows: number;
}

/**
 * Reloads the options page `page` (already open) and times it to interactive, as defined above:
 * the list's first rows rendered, and the page responding to input. A key waits in the browser
 * while the page's main thread is busy, so the time it is handled is when a person's key would be.
 */
export async function optionsReloadRun(page: Page): Promise<OptionsRun> {
  page.setDefaultTimeout(300_000);
  await page.reload({ waitUntil: 'commit' });
  await page.locator('[data-testid="client-row"]').first().waitFor({ state: 'attached' });
  // Shift, to whatever has the focus: a real key event through the browser's input pipeline that
  // changes nothing (the list is not filtered, which would be another measurement), sent at once,
  // without the checks a locator's press makes first.
  await page.keyboard.press('Shift');
  await page.waitForFunction(() => (window as Marks).__bench?.key !== undefined);
  const marks = await page.evaluate(() => (window as Marks).__bench!);
  // How many rows the page rendered: all of them, or a window of a virtualised list.
  const rows = await page.locator('[data-testid="client-row"]').count();
  return { rowsMs: marks.rows!, interactiveMs: marks.key!, rows };
}

/** Opens the options page at its Clients view (the home view shows no list) with the marks optionsReloadRun reads installed on every load. */
export async function openOptionsForReloads(context: BrowserContext, boundary: Boundary): Promise<Page> {
  const page = await context.newPage();
  await page.addInitScript(() => {
    const marks: Record<string, number> = {};
    (window as Marks).__bench = marks;
    new MutationObserver((_, observer) => {
      if (!document.querySelector('[data-testid="client-row"]')) return;
      marks.rows = performance.now();
      observer.disconnect();
    }).observe(document, { childList: true, subtree: true });
    document.addEventListener(
      'keydown',
      () => {
        if (marks.rows !== undefined) marks.key ??= performance.now();
      },
      true,
    );
  });
  await page.goto(boundary.url('options.html#/clients'));
  await page.locator('[data-testid="client-row"]').first().waitFor({ state: 'attached', timeout: 300_000 });
  return page;
}

/** Closes a page, ignoring one already gone. */
export async function closeQuietly(page: Page | undefined): Promise<void> {
  await page?.close().catch(() => undefined);
}

/**
 * The import's floor: the records the import stored, read back, written again as new records in
 * one transaction with bare IndexedDB (no Dexie, no parsing, planning or progress) into a database
 * of their own in the same extension page. An import cannot be faster than its writes: this is
 * what writing the list's records (its pages, lib/db/client-pages.ts) costs on this machine.
 */
export async function importFloorRun(context: BrowserContext, boundary: Boundary): Promise<{ records: number; ms: number }> {
  const page = await context.newPage();
  page.setDefaultTimeout(300_000);
  await page.goto(boundary.url('options.html'));
  await page.getByTestId('import-clients').waitFor();
  // A string, not a function: evaluated as written, with nothing the TypeScript runner adds.
  const result = await page.evaluate(`(async () => {
    const opened = (name, upgrade) => new Promise((resolve, reject) => {
      const request = indexedDB.open(name);
      if (upgrade) request.onupgradeneeded = () => upgrade(request.result);
      request.onsuccess = () => resolve(request.result);
      request.onerror = () => reject(request.error);
    });
    const source = await opened('boundary');
    // The client list's records as Boundary stored them (pages of rows, lib/db/client-pages.ts).
    const records = await new Promise((resolve, reject) => {
      const request = source.transaction('clientPages').objectStore('clientPages').getAll();
      request.onsuccess = () => resolve(request.result);
      request.onerror = () => reject(request.error);
    });
    source.close();
    const rows = records.reduce((sum, record) => sum + record.rows.length, 0);
    const floor = await opened('bench-import-floor', (db) => db.createObjectStore('clientPages', { keyPath: 'page' }));
    const started = performance.now();
    await new Promise((resolve, reject) => {
      const tx = floor.transaction('clientPages', 'readwrite');
      const store = tx.objectStore('clientPages');
      for (const record of records) store.put(record);
      tx.oncomplete = resolve;
      tx.onerror = () => reject(tx.error);
    });
    const ms = performance.now() - started;
    floor.close();
    await new Promise((resolve) => { const request = indexedDB.deleteDatabase('bench-import-floor'); request.onsuccess = request.onerror = resolve; });
    return { records: rows, ms };
  })()`);
  await page.close();
  return result as { records: number; ms: number };
}
