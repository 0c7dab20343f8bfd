// A tool for finding where a site's content script spends its time while rows stream in (not part
// of the bench): `npx tsx scripts/bench/profile-content.ts <site> [requests|inbox] [rows]` after a
// build (`BOUNDARY_NO_MINIFY=1 npx wxt build` keeps the functions' names). It builds nothing: it
// opens the bench's heavy page with the built extension loaded, streams the rows as the bench does
// (batches of 50, 50 ms apart), and prints the extension's traced time (the figure the bench adds
// to the page's) and, from a CPU profile of the page's renderer (content scripts run in its
// isolate), the content script's functions by self time and by total time. The profile is written
// to /tmp/boundary-content.cpuprofile for DevTools. With `--single` as a fourth argument it inserts
// the rows one at a time instead, after 100 first, as the latency round does: where the time from
// one insertion to its report goes.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { benchPages, type BenchSite } from '../../tests/fixtures/bench';
import { extensionWorker, launchWithExtension } from '../../tests/e2e/support/browser';
import { HeavyPages } from './browser';
import { startTrace, summarise } from './trace';

const [site = 'instagram', kind = 'requests', rowsArg = '600'] = process.argv.slice(2) as [BenchSite?, string?, string?];
const rows = Number(rowsArg);
const BATCH = 50;
const INTERVAL = 50;
const SETTLE_MS = 600;
const OUT = '/tmp/boundary-content.cpuprofile';

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number; columnNumber: number };
  children?: number[];
}
interface Profile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
}

type Heavy = { __heavy: { stream(options: { count: number; batch: number; interval: number }): Promise<unknown>; append(from: number, count: number): number; cards(): number } };
const single = process.argv.includes('--single');
const SEED = 100;

async function main() {
  const page = benchPages({ rows, clientEvery: 40, arrivals: 20 }).find((p) => p.site === site && p.kind === kind);
  if (!page) throw new Error(`no bench page ${site} ${kind}`);
  const dir = mkdtempSync(path.join(os.tmpdir(), 'boundary-profile-content-'));
  const context = await launchWithExtension(dir, true);
  try {
    const worker = await extensionWorker(context);
    // What each report carries: its candidates and its size, heard in the background.
    await worker.evaluate(() => {
      const heard: string[] = [];
      (globalThis as unknown as { __heard: string[] }).__heard = heard;
      const runtime = (globalThis as unknown as { chrome: { runtime: { onMessage: { addListener(listener: (message: { type?: string; candidates?: unknown[]; removed?: unknown[] }) => void): void } } } }).chrome.runtime;
      runtime.onMessage.addListener((message: { type?: string; candidates?: unknown[]; removed?: unknown[] }) => {
        if (message.type === 'page-candidates') heard.push(`${message.candidates?.length ?? 0}+${message.removed?.length ?? '-'} (${JSON.stringify(message).length} B)`);
      });
    });
    const served = await HeavyPages.install(context, { [page.url]: page.html });
    const tab = await context.newPage();
    const cdp = await context.newCDPSession(tab);
    const stopTrace = await startTrace(cdp);
    await tab.goto(page.url);
    await tab.waitForFunction(() => 'stream' in ((window as unknown as Partial<Heavy>).__heavy ?? {}));
    await tab.waitForTimeout(400);
    await cdp.send('Profiler.enable');
    await cdp.send('Profiler.setSamplingInterval', { interval: 100 });
    await cdp.send('Profiler.start');
    await tab.evaluate(() => console.timeStamp('profile:start'));
    if (single) {
      await tab.evaluate((seed) => (window as unknown as Heavy).__heavy.append(0, seed), SEED);
      await tab.waitForTimeout(SETTLE_MS);
      for (let i = SEED; i < rows; i++) {
        await tab.evaluate((index) => (window as unknown as Heavy).__heavy.append(index, 1), i);
        await tab.waitForTimeout(20);
      }
    } else {
      await tab.evaluate((options) => (window as unknown as Heavy).__heavy.stream(options), { count: rows, batch: BATCH, interval: INTERVAL });
    }
    await tab.waitForTimeout(SETTLE_MS);
    await tab.evaluate(() => console.timeStamp('profile:end'));
    const { profile } = (await cdp.send('Profiler.stop')) as unknown as { profile: Profile };
    const events = await stopTrace();
    writeFileSync('/tmp/boundary-content.trace.json', JSON.stringify(events));
    const tasks = summarise(events, new URL('/__heavy__/stream.js', page.url).href, 'profile:start', 'profile:end');
    const cards = await tab.evaluate(() => (window as unknown as Heavy).__heavy.cards());
    if (served.unexpected.length > 0) console.log(`unexpected requests: ${served.unexpected.join(', ')}`);
    console.log(
      `${site} ${kind}: ${cards} rows; extension traced ${tasks.extensionCpuMs.toFixed(1)} ms thread time (${((tasks.extensionCpuMs / rows) * 1000).toFixed(0)} µs a row) in ${tasks.extensionCalls} calls; ${tasks.extensionMs.toFixed(1)} ms wall`,
    );
    console.log(`reports: ${(await worker.evaluate(() => (globalThis as unknown as { __heard: string[] }).__heard)).join(', ')}`);
    writeFileSync(OUT, JSON.stringify(profile));
    report(profile);
  } finally {
    await context.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

/** Self and total time by function, for the extension's script only; a recursive function's total counts each sample once. */
function report(profile: Profile) {
  const byId = new Map(profile.nodes.map((node) => [node.id, node]));
  const parent = new Map<number, number>();
  for (const node of profile.nodes) for (const child of node.children ?? []) parent.set(child, node.id);
  const keyOf = (node: ProfileNode) => {
    const f = node.callFrame;
    return f.url.startsWith('chrome-extension://') ? `${f.functionName || '(anon)'} ${path.basename(f.url)}:${f.lineNumber + 1}` : null;
  };
  const self = new Map<string, number>();
  const total = new Map<string, number>();
  let inExtension = 0;
  let nativeInExtension = 0;
  profile.samples.forEach((id, i) => {
    const us = profile.timeDeltas[i + 1] ?? 0;
    const seen = new Set<string>();
    let leafIsExtension = false;
    let first = true;
    for (let at: number | undefined = id; at !== undefined; at = parent.get(at)) {
      const key = keyOf(byId.get(at)!);
      if (key === null) {
        first = false;
        continue;
      }
      if (first) {
        self.set(key, (self.get(key) ?? 0) + us);
        leafIsExtension = true;
      }
      first = false;
      if (!seen.has(key)) total.set(key, (total.get(key) ?? 0) + us);
      seen.add(key);
    }
    if (seen.size > 0) inExtension += us;
    // Samples in a native call (querySelectorAll, layout, GC) made from the extension's script.
    if (seen.size > 0 && !leafIsExtension) {
      const leaf = byId.get(id)!.callFrame.functionName || '(native)';
      const key = `[native] ${leaf}`;
      self.set(key, (self.get(key) ?? 0) + us);
      nativeInExtension += us;
    }
  });
  const ms = (us: number) => (us / 1000).toFixed(1).padStart(8);
  console.log(`profile: ${ms(inExtension)} ms sampled under the extension's script (${ms(nativeInExtension).trim()} ms of it in native calls)`);
  console.log('\nself time:');
  for (const [key, us] of [...self].sort((a, b) => b[1] - a[1]).slice(0, 30)) console.log(`${ms(us)} ms  ${key}`);
  console.log('\ntotal time:');
  for (const [key, us] of [...total].sort((a, b) => b[1] - a[1]).slice(0, 40)) console.log(`${ms(us)} ms  ${key}`);
  console.log(`\nprofile written to ${OUT}`);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
