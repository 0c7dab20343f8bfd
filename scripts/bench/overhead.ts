import type { BrowserContext, Page } from '@playwright/test';
import { startTrace, summarise, type TaskSummary } from './trace';

/** The stream a page receives: `cards` request cards, `batch` at a time, `interval` ms apart. */
export interface StreamOptions {
  cards: number;
  batch: number;
  interval: number;
}

/** One page's cost over the stream, from CDP Performance.getMetrics (main-thread CPU time) and a trace. */
export interface PageRun {
  /** ScriptDuration over the stream, ms. */
  scriptMs: number;
  /** TaskDuration over the stream (everything the main thread did), ms. */
  taskMs: number;
  layoutMs: number;
  styleMs: number;
  /** Cards on the page at the end. */
  cards: number;
  tasks: TaskSummary;
}

const START = 'boundary-bench:stream-start';
const END = 'boundary-bench:stream-end';

type Heavy = {
  __heavy: {
    stream(options: { count: number; batch: number; interval: number }): Promise<{ start: number; end: number }>;
    cards(): number;
  };
};

/**
 * Loads the heavy replica at `url` in a new tab and streams rows into it. Metrics are enabled before
 * navigation, in thread time (CPU time of the main thread, so that what other processes do on a
 * busy machine is not counted), and read just before and after the stream; the difference is
 * the stream's cost. The tab is left open for the caller (the popup is measured on it).
 */
export async function streamRun(context: BrowserContext, url: string, stream: StreamOptions, settleMs: number): Promise<{ run: PageRun; page: Page }> {
  const page = await context.newPage();
  // The replica's own script: the trace finds the page's main thread by it.
  const streamJs = new URL('/__heavy__/stream.js', url).href;
  const cdp = await context.newCDPSession(page);
  await cdp.send('Performance.enable', { timeDomain: 'threadTicks' });
  const stopTrace = await startTrace(cdp);
  await page.goto(url);
  await page.waitForFunction(() => 'stream' in ((window as unknown as Partial<Heavy>).__heavy ?? {}));
  // The content script starts at document_idle; let it, and the page, settle first.
  await page.waitForTimeout(400);

  const metrics = async () => {
    const { metrics: list } = await cdp.send('Performance.getMetrics');
    return Object.fromEntries(list.map((m) => [m.name, m.value * 1000])) as Record<string, number>;
  };
  await page.evaluate((mark) => console.timeStamp(mark), START);
  const before = await metrics();
  await page.evaluate(
    ({ cards, batch, interval }) => (window as unknown as Heavy).__heavy.stream({ count: cards, batch, interval }),
    stream,
  );
  // Whatever the stream set off (the extension's last scan and report) finishes in here.
  await page.waitForTimeout(settleMs);
  const after = await metrics();
  await page.evaluate((mark) => console.timeStamp(mark), END);
  const tasks = summarise(await stopTrace(), streamJs, START, END);
  const cards = await page.evaluate(() => (window as unknown as Heavy).__heavy.cards());
  await cdp.detach();
  const delta = (name: string) => (after[name] ?? 0) - (before[name] ?? 0);
  return {
    page,
    run: {
      scriptMs: delta('ScriptDuration'),
      taskMs: delta('TaskDuration'),
      layoutMs: delta('LayoutDuration'),
      styleMs: delta('RecalcStyleDuration'),
      cards,
      tasks,
    },
  };
}
