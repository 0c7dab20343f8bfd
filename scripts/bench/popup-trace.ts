// Where the popup's open → shown time goes: one Chromium trace of the popup opened as the bench
// opens it (popup.html?tab=<id>, 10,000 clients, a streamed requests page), printed as the popup
// renderer's main-thread timeline from navigation start. A tool for work on issue 16, not a figure.
//   npx wxt build && npx tsx scripts/bench/popup-trace.ts [--site facebook] [--runs 3] [--floor]
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { benchClientCsv, benchPages } from '../../tests/fixtures/bench';
import { Boundary } from '../../tests/e2e/support/boundary';
import { EXTENSION_DIR, extensionWorker, launchWithExtension } from '../../tests/e2e/support/browser';
import { HeavyPages } from './browser';
import { importRun } from './extension-pages';
import { streamRun } from './overhead';
import type { TraceEvent } from './trace';
import { writeFloorExtension } from './floor-extension';

const argv = process.argv.slice(2);
const arg = (name: string, fallback: string) => (argv.includes(name) ? argv[argv.indexOf(name) + 1]! : fallback);
const site = arg('--site', 'facebook');
const runs = Number(arg('--runs', '3'));
const withFloor = argv.includes('--floor');
const verbose = argv.includes('--verbose');
const STREAM = { cards: 600, batch: 50, interval: 50 };
const PAGES = { rows: STREAM.cards, clientEvery: 40, arrivals: 20 };
const CATEGORIES = ['toplevel', 'devtools.timeline', 'v8.execute', 'blink', 'loading', 'blink.user_timing', 'navigation', 'disabled-by-default-devtools.timeline', ...(argv.includes('--profile') ? ['disabled-by-default-v8.cpu_profiler'] : [])];

type Marks = { __bench?: Record<string, number> };

async function main() {
  const dirs: string[] = [];
  const dir = (name: string) => {
    const d = mkdtempSync(path.join(os.tmpdir(), `boundary-trace-${name}-`));
    dirs.push(d);
    return d;
  };
  const pages = benchPages(PAGES);
  const page = pages.find((p) => p.site === site && p.kind === 'requests')!;
  const context = await launchWithExtension(dir('profile'), true, {
    extensionDir: withFloor ? writeFloorExtension(dir('floor'), EXTENSION_DIR) : EXTENSION_DIR,
  });
  try {
    const worker = await extensionWorker(context);
    const boundary = new Boundary(context, worker, new URL(worker.url()).host);
    await HeavyPages.install(context, { [page.url]: page.html });
    if (!withFloor) await importRun(context, boundary, benchClientCsv(pages, 10_000));
    const { page: tab } = await streamRun(context, page.url, STREAM, 600);
    const tabId = await boundary.tabIdOf(tab);
    const count = page.clientPeople.filter((i) => i < STREAM.cards).length;
    for (let r = 0; r < runs; r++) {
      const popup = await context.newPage();
      await popup.addInitScript(() => {
        const marks: Record<string, number> = {};
        (window as Marks).__bench = marks;
        const runtime = (globalThis as unknown as { chrome: { runtime: { sendMessage: (...args: unknown[]) => unknown } } }).chrome.runtime;
        const send = runtime.sendMessage.bind(runtime);
        runtime.sendMessage = (...args: unknown[]) => {
          marks.asked ??= performance.now();
          console.timeStamp('bench:asked');
          const result = send(...args);
          if (result instanceof Promise) void result.then(() => { marks.answered ??= performance.now(); console.timeStamp('bench:answered'); });
          return result;
        };
        const seen = new MutationObserver(() => {
          if (!document.querySelector('[data-testid="detection"]')) return;
          seen.disconnect();
          marks.dom = performance.now();
          console.timeStamp('bench:dom');
          requestAnimationFrame(() => {
            const channel = new MessageChannel();
            channel.port1.onmessage = () => { marks.shown = performance.now(); console.timeStamp('bench:shown'); };
            channel.port2.postMessage(0);
          });
        });
        seen.observe(document, { childList: true, subtree: true });
      });
      const cdp = await context.newCDPSession(popup);
      const events: TraceEvent[] = [];
      cdp.on('Tracing.dataCollected', (data) => events.push(...(data.value as unknown as TraceEvent[])));
      await cdp.send('Tracing.start', { traceConfig: { includedCategories: CATEGORIES, recordMode: 'recordAsMuchAsPossible' }, transferMode: 'ReportEvents' });
      await popup.goto(withFloor ? boundary.url(`floor.html?tab=${tabId}&count=${count}`) : boundary.url(`popup.html?tab=${tabId}`));
      await popup.waitForFunction(() => (window as Marks).__bench?.shown !== undefined);
      const marks = await popup.evaluate(() => (window as Marks).__bench!);
      if (argv.includes('--size') && !withFloor) {
        // How much the answer weighs: the runtime channel serialises it as JSON, in both processes.
        const sizes = await popup.evaluate(async (tab) => {
          const state = (await (globalThis as unknown as { chrome: { runtime: { sendMessage: (m: unknown) => Promise<Record<string, unknown>> } } }).chrome.runtime.sendMessage({ type: 'popup-state', tabId: tab })) as Record<string, Record<string, unknown>>;
          const out: Record<string, number> = { total: JSON.stringify(state).length, detections: JSON.stringify(state.detections).length };
          for (const [k, v] of Object.entries(state.replies ?? {})) out[`replies.${k}`] = JSON.stringify(v ?? null).length;
          return out;
        }, tabId);
        console.log('answer size (JSON chars):', JSON.stringify(sizes));
        const i18n = await popup.evaluate(() => {
          const api = (globalThis as unknown as { chrome: { i18n: { getMessage: (k: string, s?: string[]) => string } } }).chrome.i18n;
          const t0 = performance.now();
          for (let i = 0; i < 1000; i++) api.getMessage('detection_decline', ['Facebook']);
          const t1 = performance.now();
          for (let i = 0; i < 1000; i++) api.getMessage('popup_looking', []);
          const t2 = performance.now();
          const f0 = performance.now();
          for (let i = 0; i < 100; i++) new Intl.ListFormat('en', { type: 'disjunction' }).format(['a']);
          const f1 = performance.now();
          return { getMessageWithSubstitutionUs: t1 - t0, getMessagePlainUs: t2 - t1, listFormat100Ms: f1 - f0 };
        });
        console.log('per-call costs:', JSON.stringify(i18n));
      }
      const complete = new Promise<void>((resolve) => cdp.once('Tracing.tracingComplete', () => resolve()));
      await cdp.send('Tracing.end');
      await complete;
      await popup.close();
      console.log(`\nrun ${r + 1}: ${JSON.stringify(Object.fromEntries(Object.entries(marks).map(([k, v]) => [k, Math.round(v)])))}`);
      print(events);
    }
  } finally {
    await context.close();
    for (const d of dirs) rmSync(d, { recursive: true, force: true });
  }
}

function print(events: TraceEvent[]) {
  const asked = events.find((e) => e.name === 'TimeStamp' && (e.args?.data as { message?: string })?.message === 'bench:asked');
  if (!asked) return console.log('no asked mark');
  const thread = events.filter((e) => e.pid === asked.pid && e.tid === asked.tid);
  const nav = events.find((e) => e.name === 'navigationStart' && e.pid === asked.pid) ?? thread[0]!;
  const t0 = nav.ts;
  const shown = thread.find((e) => e.name === 'TimeStamp' && (e.args?.data as { message?: string })?.message === 'bench:shown');
  const end = shown ? shown.ts : Infinity;
  const urls = new Map(events.filter((e) => e.name === 'ResourceSendRequest').map((e) => [(e.args?.data as Record<string, string>).requestId, (e.args?.data as Record<string, string>).url?.replace(/^chrome-extension:\/\/[^/]+/, '')]));
  const interesting = thread
    .filter((e) => e.ts >= t0 - 1000 && e.ts <= end)
    .filter((e) => e.name === 'TimeStamp' || e.name.startsWith('Resource') && e.ph !== 'X' || (e.ph === 'X' && (e.dur ?? 0) >= (verbose ? 1000 : 3000) && e.name !== 'ThreadControllerImpl::RunTask' && e.name !== 'RunTask'))
    .sort((a, b) => a.ts - b.ts);
  for (const e of interesting) {
    const data = (e.args?.data ?? {}) as Record<string, unknown>;
    const what = (data.message as string) ?? ((data.url ?? urls.get(data.requestId as string) ?? data.requestId) as string)?.replace(/^chrome-extension:\/\/[^/]+/, '') ?? (data.functionName as string) ?? (data.type as string) ?? '';
    console.log(`${((e.ts - t0) / 1000).toFixed(1).padStart(7)} ${e.dur ? ((e.dur / 1000).toFixed(1) + 'ms').padStart(8) : '        '} ${e.name} ${what}`);
  }
  const tasks = thread.filter((e) => e.name === 'ThreadControllerImpl::RunTask' && e.ts >= t0 && e.ts <= end);
  const busy = tasks.reduce((s, e) => s + (e.dur ?? 0), 0) / 1000;
  if (argv.includes('--profile')) profile(events, asked.pid, asked.tid, t0, end);
  console.log(`main thread busy ${busy.toFixed(1)} ms of ${((end - t0) / 1000).toFixed(1)} ms`);
}

/** Self time by function in the popup's thread between t0 and end, from the trace's CPU profile samples. */
function profile(events: TraceEvent[], pid: number, tid: number, t0: number, end: number) {
  type Node = { id: number; parent?: number; callFrame: { functionName: string; url: string; lineNumber: number; columnNumber: number } };
  const nodes = new Map<number, Node>();
  const self = new Map<string, number>();
  const inclusive = new Map<string, number>();
  let time = 0;
  let started = false;
  const ids = new Set(events.filter((e) => e.pid === pid && e.tid === tid && e.name === 'Profile').map((e) => (e as unknown as { id: string }).id));
  const chunks = events.filter((e) => e.pid === pid && (e.name === 'Profile' || e.name === 'ProfileChunk') && ids.has((e as unknown as { id: string }).id)).sort((a, b) => a.ts - b.ts);
  for (const e of chunks) {
    const data = (e.args?.data ?? {}) as { startTime?: number; cpuProfile?: { nodes?: Node[]; samples?: number[] }; timeDeltas?: number[] };
    if (e.name === 'Profile') { time = data.startTime ?? e.ts; started = true; continue; }
    if (!started) continue;
    for (const n of data.cpuProfile?.nodes ?? []) nodes.set(n.id, n);
    const samples = data.cpuProfile?.samples ?? [];
    const deltas = data.timeDeltas ?? [];
    samples.forEach((id, i) => {
      const prev = time;
      time += deltas[i] ?? 0;
      if (time < t0 || time > end) return;
      const dt = (time - prev) / 1000;
      const label = (n: Node) => `${n.callFrame.functionName || '(anon)'} ${(n.callFrame.url ?? '').replace(/^chrome-extension:\/\/[^/]+/, '')}:${n.callFrame.lineNumber}:${n.callFrame.columnNumber}`;
      const node = nodes.get(id);
      if (!node) return;
      self.set(label(node), (self.get(label(node)) ?? 0) + Math.min(dt, 5));
      const seen = new Set<string>();
      for (let n: Node | undefined = node; n; n = n.parent !== undefined ? nodes.get(n.parent) : undefined) {
        const l = label(n);
        if (seen.has(l)) continue;
        seen.add(l);
        inclusive.set(l, (inclusive.get(l) ?? 0) + Math.min(dt, 5));
      }
    });
  }
  const top = (m: Map<string, number>) => [...m].filter(([l]) => !l.startsWith('(idle)') && !l.startsWith('(program)') && !l.startsWith('(root)')).sort((a, b) => b[1] - a[1]).slice(0, 25);
  console.log('-- self ms');
  for (const [l, ms] of top(self)) console.log(`${ms.toFixed(1).padStart(6)} ${l}`);
  console.log('-- inclusive ms');
  for (const [l, ms] of top(inclusive)) console.log(`${ms.toFixed(1).padStart(6)} ${l}`);
}

void main().catch((e) => {
  console.error(e);
  process.exit(1);
});
