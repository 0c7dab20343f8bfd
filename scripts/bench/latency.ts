import type { BrowserContext } from '@playwright/test';
import type { Boundary } from '../../tests/e2e/support/boundary';

// The extension's chrome.* API, as seen from inside the service worker in worker.evaluate().
declare const chrome: any; // eslint-disable-line @typescript-eslint/no-explicit-any

type Heavy = { __heavy: { append(from: number, count: number): number; now(): number } };
type Poll = { __benchBadge?: { stop: boolean; changes: { text: string; at: number }[]; stored: number[]; received: number[]; polls: number } };

export interface LatencyRound {
  /** Insertion → badge, ms, one per inserted row. */
  samples: number[];
  /** Insertion → the background storing the tab's new detections (just before it sets the badge), ms; Boundary only. */
  stored: number[];
  /** Insertion → the background receiving the content script's report, ms; Boundary only. */
  received: number[];
  /** Badge reads per second the poller managed (its resolution is about 1000 / this, ms). */
  pollsPerSecond: number;
}

/**
 * What the badge should say: Boundary's counts the clients on the page (`seedClients`, then one
 * more per insertion, each a client); the floor's counts insertions, so any change will do.
 */
export type BadgeExpectation = { counts: 'clients'; seedClients: number } | { counts: 'insertions' };

/**
 * Detection latency on one fresh tab of a heavy replica: `seed` rows first, then `inserts` rows
 * one at a time, each a client not yet on the page (people[arrivals ..]), at irregular
 * intervals. The page notes when each row went in (after its append returned); the service
 * worker polls the toolbar badge for that tab and notes when it changed. Both use
 * performance.timeOrigin + performance.now(), the same wall clock in both processes. `extension`
 * is Boundary's or the floor's: only the badge's meaning differs.
 */
export async function latencyRound(
  context: BrowserContext,
  extension: Boundary,
  url: string,
  expect: BadgeExpectation,
  options: { seed: number; arrivals: number; inserts: number },
): Promise<LatencyRound> {
  const page = await context.newPage();
  await page.goto(url);
  await page.waitForFunction(() => 'append' in ((window as unknown as Partial<Heavy>).__heavy ?? {}));
  await page.evaluate((seed) => (window as unknown as Heavy).__heavy.append(0, seed), options.seed);
  const tabId = await extension.tabIdOf(page);
  const worker = extension.worker;
  const badge = () => worker.evaluate((id) => chrome.action.getBadgeText({ tabId: id }) as Promise<string>, tabId);
  const waitForBadge = async (ready: (text: string) => boolean, what: string) => {
    const deadline = Date.now() + 10_000;
    while (!ready(await badge())) {
      if (Date.now() > deadline) throw new Error(`latency: the badge did not ${what} on ${url}`);
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
  };
  const expected = (inserted: number) => (expect.counts === 'clients' ? String(expect.seedClients + inserted) : null);
  await waitForBadge((text) => (expect.counts === 'clients' ? text === expected(0) || (text === '' && expected(0) === '0') : text !== ''), 'show the seed');
  await page.waitForTimeout(300);

  await worker.evaluate((id) => {
    const state = { stop: false, changes: [] as { text: string; at: number }[], stored: [] as number[], received: [] as number[], polls: 0 };
    (globalThis as Poll).__benchBadge = state;
    // When each report from the tab reaches the background: what comes before is the page's side.
    chrome.runtime.onMessage.addListener((message: { type?: string } | undefined, sender: { tab?: { id?: number } }) => {
      if (message?.type === 'page-candidates' && sender.tab?.id === id) state.received.push(performance.timeOrigin + performance.now());
    });
    // Boundary's background writes the tab's detections to session storage, then sets the badge.
    chrome.storage?.session?.onChanged.addListener((changes: Record<string, unknown>) => {
      if (`tab:${id}` in changes) state.stored.push(performance.timeOrigin + performance.now());
    });
    void (async () => {
      let last: string = await chrome.action.getBadgeText({ tabId: id });
      while (!state.stop) {
        const text: string = await chrome.action.getBadgeText({ tabId: id });
        state.polls++;
        if (text !== last) {
          state.changes.push({ text, at: performance.timeOrigin + performance.now() });
          last = text;
        }
        // A millisecond apart: fine enough to see two frames, light enough to leave the CPU to the page.
        await new Promise((resolve) => setTimeout(resolve, 1));
      }
    })();
  }, tabId);

  const inserted: { text: string | null; at: number }[] = [];
  const pollStart = Date.now();
  for (let i = 0; i < options.inserts; i++) {
    const before = await badge();
    const at = await page.evaluate((index) => (window as unknown as Heavy).__heavy.append(index, 1), options.arrivals + i);
    const text = expected(i + 1);
    inserted.push({ text, at });
    await waitForBadge((now) => (text === null ? now !== before : now === text), `reach ${text ?? 'a new count'}`);
    // Irregular gaps, so insertions do not fall at the same point of a frame every time.
    await page.waitForTimeout(60 + ((i * 37) % 90));
  }
  const { changes, stored, received, polls } = await worker.evaluate(() => {
    const state = (globalThis as Poll).__benchBadge!;
    state.stop = true;
    return { changes: state.changes, stored: state.stored, received: state.received, polls: state.polls };
  });
  const seconds = (Date.now() - pollStart) / 1000;
  await page.close();

  const samples = inserted.map(({ text, at }) => {
    // Boundary's: the change to the expected count. The floor's: the first change after the insertion.
    const shown = changes.find((change) => (text === null ? change.at >= at : change.text === text));
    if (!shown) throw new Error(`latency: no badge change to ${text ?? 'a new count'} was seen on ${url}`);
    return shown.at - at;
  });
  // The first write after each insertion (a write can also come from elsewhere, so take the first after it).
  const firstAfter = (times: number[]) => (expect.counts === 'clients' ? inserted.map(({ at }) => (times.find((time) => time >= at) ?? Number.NaN) - at) : []);
  return { samples, stored: firstAfter(stored), received: firstAfter(received), pollsPerSecond: polls / seconds };
}
