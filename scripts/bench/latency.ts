import type { BrowserContext, Worker } from '@playwright/test';
import { HEAVY_FACEBOOK_URL } from '../../tests/fixtures/heavy/facebook';
import type { Boundary } from '../../tests/e2e/support/boundary';

// The extension's chrome.* API, as seen from inside the service worker in worker.evaluate().
declare const chrome: any; // eslint-disable-line @typescript-eslint/no-explicit-any

type Heavy = { __heavy: { append(from: number, count: number): number; now(): number } };
type Poll = { __benchBadge?: { stop: boolean; changes: { text: string; at: number }[]; stored: number[]; polls: number } };

export interface LatencyRound {
  /** Insertion → badge, ms, one per inserted card. */
  samples: number[];
  /** Insertion → the background storing the tab's new detections (just before it sets the badge), ms. */
  stored: number[];
  /** Badge reads per second the poller managed (its resolution is about 1000 / this, ms). */
  pollsPerSecond: number;
}

/**
 * Detection latency on one fresh tab of the heavy replica: `seed` cards first, then `inserts`
 * cards one at a time, each a client not yet on the page, at irregular intervals. The page notes
 * when each card went in (after its append returned); the service worker polls the toolbar
 * badge for that tab and notes when its count went up. Both use performance.timeOrigin +
 * performance.now(), the same wall clock in both processes.
 */
export async function latencyRound(
  context: BrowserContext,
  worker: Worker,
  boundary: Boundary,
  options: { seed: number; seedClients: number; arrivals: number; inserts: number },
): Promise<LatencyRound> {
  const page = await context.newPage();
  await page.goto(HEAVY_FACEBOOK_URL);
  await page.waitForFunction(() => 'append' in ((window as unknown as Partial<Heavy>).__heavy ?? {}));
  await page.evaluate((seed) => (window as unknown as Heavy).__heavy.append(0, seed), options.seed);
  const tabId = await boundary.tabIdOf(page);
  const badge = () => boundary.badgeText(page).then((text) => Number(text || 0));
  const waitForBadge = async (count: number) => {
    const deadline = Date.now() + 10_000;
    while ((await badge()) !== count) {
      if (Date.now() > deadline) throw new Error(`latency: the badge did not reach ${count}`);
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
  };
  await waitForBadge(options.seedClients);
  await page.waitForTimeout(300);

  await worker.evaluate((id) => {
    const state = { stop: false, changes: [] as { text: string; at: number }[], stored: [] as number[], polls: 0 };
    (globalThis as Poll).__benchBadge = state;
    // The background writes the tab's detections to session storage, then sets the badge.
    chrome.storage.session.onChanged.addListener((changes: Record<string, unknown>) => {
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

  const inserted: { count: number; at: number }[] = [];
  const pollStart = Date.now();
  for (let i = 0; i < options.inserts; i++) {
    const at = await page.evaluate((index) => (window as unknown as Heavy).__heavy.append(index, 1), options.arrivals + i);
    const count = options.seedClients + i + 1;
    inserted.push({ count, at });
    await waitForBadge(count);
    // Irregular gaps, so insertions do not fall at the same point of a frame every time.
    await page.waitForTimeout(60 + ((i * 37) % 90));
  }
  const { changes, stored, polls } = await worker.evaluate(() => {
    const state = (globalThis as Poll).__benchBadge!;
    state.stop = true;
    return { changes: state.changes, stored: state.stored, polls: state.polls };
  });
  const seconds = (Date.now() - pollStart) / 1000;
  await page.close();

  const samples = inserted.map(({ count, at }) => {
    const shown = changes.find((change) => Number(change.text) === count);
    if (!shown) throw new Error(`latency: no badge change to ${count} was seen`);
    return shown.at - at;
  });
  // The first write after each insertion (a write can also come from elsewhere, so take the first after it).
  const storedAfter = inserted.map(({ at }) => (stored.find((time) => time >= at) ?? Number.NaN) - at);
  return { samples, stored: storedAfter, pollsPerSecond: polls / seconds };
}
