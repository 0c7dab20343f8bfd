// What Boundary costs, measured: `npm run bench` (builds first). Real Chromium, the built
// extension, heavy generated replicas served offline at the sites' addresses. Every comparison
// alternates with and without the extension in one run; figures are medians over the rounds.
//   npm run bench                   5 rounds (under two minutes on two idle cores)
//   npm run bench -- --rounds 7     more rounds
//   npm run bench -- --quick        2 rounds and a shorter stream, to try the bench itself
// Prints a table and writes bench-results/latest.json. See the README's Performance section.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { BrowserContext, Page } from '@playwright/test';
import { heavyFacebook, HEAVY_FACEBOOK_URL } from '../../tests/fixtures/heavy/facebook';
import { Boundary } from '../../tests/e2e/support/boundary';
import { chromiumPath, EXTENSION_DIR, extensionWorker, launchWithExtension } from '../../tests/e2e/support/browser';
import { HeavyPages, launchWithoutExtension } from './browser';
import { CONTENT_SCRIPT_GZIP_BUDGET, contentScriptSizes, librariesIn, OUTPUT_DIR, pageSizes } from './bundle';
import { closeQuietly, importRun, popupRun, type ImportRun, type PopupRun } from './extension-pages';
import { latencyRound } from './latency';
import { benchMatching } from './matching';
import { streamRun, type PageRun, type StreamOptions } from './overhead';
import { median, percentile, round } from './stats';

const argv = process.argv.slice(2);
const quick = argv.includes('--quick');
const roundsArg = argv.indexOf('--rounds');
const ROUNDS = roundsArg >= 0 ? Math.max(1, Number(argv[roundsArg + 1])) : quick ? 2 : 5;

const STREAM: StreamOptions = quick ? { cards: 600, batch: 50, interval: 50 } : { cards: 2000, batch: 50, interval: 50 };
const CLIENTS = 10_000;
const CANDIDATES = 10_000;
const LATENCY = { seed: 100, inserts: 20 };
const SETTLE_MS = 800;
const OUT = path.resolve('bench-results/latest.json');

const TARGETS = {
  taskRatio: 1.02,
  latencyP95Ms: 33,
  matchingNs: 1000,
  popupMs: 100,
  importMs: 3000,
  contentScriptGzip: CONTENT_SCRIPT_GZIP_BUDGET,
};

const log = (text: string) => process.stdout.write(`${text}\n`);

async function main() {
  if (!existsSync(path.join(EXTENSION_DIR, 'manifest.json'))) throw new Error('No build in .output/chrome-mv3: run `npm run bench`, which builds first.');
  const started = Date.now();
  const meta = {
    date: new Date().toISOString(),
    commit: git(['rev-parse', '--short', 'HEAD']),
    uncommittedChanges: git(['status', '--porcelain']) !== '',
    chromium: execFileSync(chromiumPath(), ['--version'], { encoding: 'utf8' }).trim(),
    node: process.version,
    cpus: os.cpus().length,
    loadAverageAtStart: round(os.loadavg()[0]!, 2),
    rounds: ROUNDS,
    stream: STREAM,
  };
  log(`Boundary bench: ${meta.chromium}, Node ${meta.node}, ${meta.cpus} CPUs, ${ROUNDS} rounds`);
  if (meta.loadAverageAtStart > meta.cpus * 0.5) {
    log(`  note: load average ${meta.loadAverageAtStart} at start; other work on this machine makes timings noisier`);
  }

  const heavy = heavyFacebook({ streamCards: STREAM.cards, clientEvery: 40, arrivals: LATENCY.inserts, clients: CLIENTS });
  const streamClients = heavy.clientPeople.filter((i) => i < STREAM.cards).length;
  const seedClients = heavy.clientPeople.filter((i) => i < LATENCY.seed).length;

  // 6. Bundle size (first: it needs no browser).
  const bundle = {
    contentScripts: contentScriptSizes().map((s) => ({ ...s, libraries: librariesIn(OUTPUT_DIR, s.files[0]!) })),
    pages: pageSizes(),
  };

  // 3. Matching, in Node.
  log('matching: 10,000 candidates against 10,000 clients (Node)');
  const matching = benchMatching(heavy, CANDIDATES, 9);

  const profiles: string[] = [];
  const profile = (name: string) => {
    const dir = mkdtempSync(path.join(os.tmpdir(), `boundary-bench-${name}-`));
    profiles.push(dir);
    return dir;
  };
  const contexts: BrowserContext[] = [];
  try {
    // 5. Import: each round in a fresh profile, so every import adds 10,000 new clients.
    // The last profile stays open, with its 10,000 clients, for everything after.
    const imports: ImportRun[] = [];
    let extension: { context: BrowserContext; boundary: Boundary } | undefined;
    for (let r = 0; r < ROUNDS; r++) {
      log(`import: round ${r + 1}/${ROUNDS}`);
      const context = await launchWithExtension(profile('ext'));
      contexts.push(context);
      const worker = await extensionWorker(context);
      const boundary = new Boundary(context, worker, new URL(worker.url()).host);
      await HeavyPages.install(context, { [HEAVY_FACEBOOK_URL]: heavy.html });
      imports.push(await importRun(context, boundary, heavy.csv));
      if (r < ROUNDS - 1) await context.close();
      else extension = { context, boundary };
    }
    if (!extension) throw new Error('no extension context');
    const { context: withContext, boundary } = extension;
    const worker = boundary.worker;

    // 1. Page overhead: the same stream, alternating with and without the extension.
    const plain = await launchWithoutExtension(profile('plain'));
    contexts.push(plain);
    const plainPages = await HeavyPages.install(plain, { [HEAVY_FACEBOOK_URL]: heavy.html });
    const runs: { with: PageRun; without: PageRun }[] = [];
    let lastWithPage: Page | undefined;
    for (let r = 0; r < ROUNDS; r++) {
      const order = r % 2 === 0 ? (['with', 'without'] as const) : (['without', 'with'] as const);
      const round: Partial<Record<'with' | 'without', PageRun>> = {};
      for (const side of order) {
        log(`page overhead: round ${r + 1}/${ROUNDS}, ${side} the extension`);
        const { run, page } = await streamRun(side === 'with' ? withContext : plain, STREAM, SETTLE_MS);
        if (run.cards !== STREAM.cards) throw new Error(`the stream left ${run.cards} cards, not ${STREAM.cards}`);
        if (side === 'with') {
          // The figures only count if the extension did its job: every client in the stream found.
          const badge = Number((await boundary.badgeText(page)) || 0);
          if (badge !== streamClients) throw new Error(`the badge says ${badge}; the stream holds ${streamClients} clients`);
          await closeQuietly(lastWithPage);
          lastWithPage = page;
        } else {
          await page.close();
        }
        round[side] = run;
      }
      runs.push({ with: round.with!, without: round.without! });
    }
    if (plainPages.unexpected.length > 0) throw new Error(`unexpected requests: ${plainPages.unexpected.join(', ')}`);

    // 4. Popup: opened on the last stream's tab (10,000 clients, one detection per client in it).
    const tabId = await boundary.tabIdOf(lastWithPage!);
    const popups: PopupRun[] = [];
    for (let r = 0; r < ROUNDS; r++) {
      log(`popup: round ${r + 1}/${ROUNDS}`);
      const popup = await popupRun(withContext, boundary, tabId);
      if (popup.detections !== streamClients) throw new Error(`the popup showed ${popup.detections} detections, not ${streamClients}`);
      popups.push(popup);
    }
    await closeQuietly(lastWithPage);

    // 2. Detection latency.
    const latencySamples: number[] = [];
    const storedSamples: number[] = [];
    const pollRates: number[] = [];
    for (let r = 0; r < ROUNDS; r++) {
      log(`detection latency: round ${r + 1}/${ROUNDS}`);
      const result = await latencyRound(withContext, worker, boundary, {
        seed: LATENCY.seed,
        seedClients,
        arrivals: STREAM.cards,
        inserts: LATENCY.inserts,
      });
      latencySamples.push(...result.samples);
      storedSamples.push(...result.stored);
      pollRates.push(result.pollsPerSecond);
    }

    const results = summarise({ meta, bundle, matching, imports, runs, popups, latencySamples, storedSamples, pollRates, streamClients });
    results.meta.loadAverageAtEnd = round(os.loadavg()[0]!, 2);
    results.meta.seconds = Math.round((Date.now() - started) / 1000);
    mkdirSync(path.dirname(OUT), { recursive: true });
    writeFileSync(OUT, `${JSON.stringify(results, null, 2)}\n`);
    log('');
    log(table(results));
    log(`\nWritten to ${path.relative(process.cwd(), OUT)} (${results.meta.seconds} s).`);
  } finally {
    for (const context of contexts) await context.close().catch(() => undefined);
    for (const dir of profiles) rmSync(dir, { recursive: true, force: true });
  }
}

function git(args: string[]): string {
  try {
    return execFileSync('git', args, { encoding: 'utf8' }).trim();
  } catch {
    return 'unknown';
  }
}

interface Inputs {
  meta: Record<string, unknown> & { loadAverageAtStart: number };
  bundle: { contentScripts: (ReturnType<typeof contentScriptSizes>[number] & { libraries: string[] })[]; pages: ReturnType<typeof pageSizes> };
  matching: ReturnType<typeof benchMatching>;
  imports: ImportRun[];
  runs: { with: PageRun; without: PageRun }[];
  popups: PopupRun[];
  latencySamples: number[];
  storedSamples: number[];
  pollRates: number[];
  streamClients: number;
}

function summarise(inputs: Inputs) {
  const { runs } = inputs;
  const perThousand = STREAM.cards / 1000;
  const side = (key: 'with' | 'without', pick: (run: PageRun) => number) => round(median(runs.map((r) => pick(r[key]))), 1);
  const paired = (pick: (run: PageRun) => number) => runs.map((r) => pick(r.with) / pick(r.without));
  const overhead = {
    cards: STREAM.cards,
    batch: STREAM.batch,
    intervalMs: STREAM.interval,
    scriptMs: { with: side('with', (r) => r.scriptMs), without: side('without', (r) => r.scriptMs) },
    taskMs: { with: side('with', (r) => r.taskMs), without: side('without', (r) => r.taskMs) },
    /** Median over rounds of with ÷ without, each round's pair run back to back. */
    scriptRatio: round(median(paired((r) => r.scriptMs)), 3),
    taskRatio: round(median(paired((r) => r.taskMs)), 3),
    /** The lowest and highest round's task ratio: how much the page itself varies from run to run. */
    taskRatioRange: [round(Math.min(...paired((r) => r.taskMs)), 3), round(Math.max(...paired((r) => r.taskMs)), 3)],
    /**
     * Task time with the extension's own script time (from the trace) added to the run without
     * it, ÷ the run without it: the same ratio with the page's run-to-run variation taken out.
     */
    attributedTaskRatio: round(median(runs.map((r) => (r.without.taskMs + r.with.tasks.extensionCpuMs) / r.without.taskMs)), 3),
    /** Median over rounds of (with − without) task time, per 1,000 cards. */
    addedTaskMsPer1000Cards: round(median(runs.map((r) => (r.with.taskMs - r.without.taskMs) / perThousand)), 1),
    /** The extension's own script time on the page's main thread (trace, thread time), per 1,000 cards. */
    extensionCpuMsPer1000Cards: round(median(runs.map((r) => r.with.tasks.extensionCpuMs / perThousand)), 1),
    extensionCalls: Math.round(median(runs.map((r) => r.with.tasks.extensionCalls))),
    longTasks: {
      with: median(runs.map((r) => r.with.tasks.longTasks)),
      without: median(runs.map((r) => r.without.tasks.longTasks)),
      /** Most, in any round, of tasks over 50 ms that would have been under 50 ms without the extension. */
      fromExtension: Math.max(...runs.map((r) => r.with.tasks.longTasksFromExtension)),
      fromExtensionCpu: Math.max(...runs.map((r) => r.with.tasks.longTasksFromExtensionCpu)),
    },
    rounds: runs,
  };
  const latency = {
    samples: inputs.latencySamples.length,
    p50Ms: round(percentile(inputs.latencySamples, 50), 1),
    p95Ms: round(percentile(inputs.latencySamples, 95), 1),
    maxMs: round(Math.max(...inputs.latencySamples), 1),
    /** Insertion → the background storing the tab's detections (it sets the badge next). */
    storedP50Ms: round(percentile(inputs.storedSamples, 50), 1),
    storedP95Ms: round(percentile(inputs.storedSamples, 95), 1),
    badgePollsPerSecond: Math.round(median(inputs.pollRates)),
    all: inputs.latencySamples.map((s) => round(s, 1)),
  };
  const popup = {
    clients: CLIENTS,
    detections: inputs.streamClients,
    askedMs: round(median(inputs.popups.map((p) => p.askedMs)), 1),
    answeredMs: round(median(inputs.popups.map((p) => p.answeredMs)), 1),
    domMs: round(median(inputs.popups.map((p) => p.domMs)), 1),
    shownMs: round(median(inputs.popups.map((p) => p.shownMs)), 1),
    rounds: inputs.popups.map((p) => ({ askedMs: round(p.askedMs, 1), answeredMs: round(p.answeredMs, 1), domMs: round(p.domMs, 1), shownMs: round(p.shownMs, 1) })),
  };
  const imports = {
    rows: inputs.imports[0]!.rows,
    imported: inputs.imports[0]!.imported,
    rejected: inputs.imports[0]!.rejected,
    ms: round(median(inputs.imports.map((i) => i.ms)), 0),
    heapBeforeMb: round(median(inputs.imports.map((i) => i.heapBeforeMb)), 1),
    heapPeakMb: round(median(inputs.imports.map((i) => i.heapPeakMb)), 1),
    rounds: inputs.imports.map((i) => ({ ms: round(i.ms, 0), heapPeakMb: round(i.heapPeakMb, 1) })),
  };
  const largestContentScript = Math.max(...inputs.bundle.contentScripts.map((s) => s.gzip));
  const targets = {
    taskRatio: { target: TARGETS.taskRatio, measured: overhead.taskRatio, met: overhead.taskRatio <= TARGETS.taskRatio },
    attributedTaskRatio: { target: TARGETS.taskRatio, measured: overhead.attributedTaskRatio, met: overhead.attributedTaskRatio <= TARGETS.taskRatio },
    longTasksFromExtension: { target: 0, measured: overhead.longTasks.fromExtension, met: overhead.longTasks.fromExtension === 0 },
    latencyP95Ms: { target: TARGETS.latencyP95Ms, measured: latency.p95Ms, met: latency.p95Ms <= TARGETS.latencyP95Ms },
    matchingNsPerCandidate: { target: TARGETS.matchingNs, measured: inputs.matching.repeatNsPerCandidate, met: inputs.matching.repeatNsPerCandidate < TARGETS.matchingNs },
    popupShownMs: { target: TARGETS.popupMs, measured: popup.shownMs, met: popup.shownMs <= TARGETS.popupMs },
    importMs: { target: TARGETS.importMs, measured: imports.ms, met: imports.ms <= TARGETS.importMs },
    contentScriptGzipBytes: {
      target: TARGETS.contentScriptGzip,
      measured: largestContentScript,
      met: largestContentScript <= TARGETS.contentScriptGzip && inputs.bundle.contentScripts.every((s) => s.libraries.length === 0),
    },
  };
  return {
    meta: inputs.meta as Inputs['meta'] & { loadAverageAtEnd?: number; seconds?: number },
    targets,
    overhead,
    latency,
    matching: inputs.matching,
    popup,
    import: imports,
    bundle: inputs.bundle,
  };
}

type Results = ReturnType<typeof summarise>;

function table(r: Results): string {
  const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;
  const mark = (met: boolean) => (met ? 'yes' : 'NO');
  const o = r.overhead;
  const rows: [string, string, string, string][] = [
    [`Page overhead, ${o.cards} cards in batches of ${o.batch}: task time with ÷ without`, `${o.taskRatio.toFixed(3)} (${o.taskMs.with} / ${o.taskMs.without} ms)`, `≤ ${TARGETS.taskRatio}`, mark(r.targets.taskRatio.met)],
    ['  rounds ranged', `${o.taskRatioRange[0]!.toFixed(3)} – ${o.taskRatioRange[1]!.toFixed(3)}`, '', ''],
    ['  script time with ÷ without', `${o.scriptRatio.toFixed(3)} (${o.scriptMs.with} / ${o.scriptMs.without} ms)`, '', ''],
    ['  task time, without + the extension’s own (trace) ÷ without', o.attributedTaskRatio.toFixed(3), `≤ ${TARGETS.taskRatio}`, mark(r.targets.attributedTaskRatio.met)],
    ['  added task time per 1,000 cards (with − without)', `${o.addedTaskMsPer1000Cards} ms`, '', ''],
    ['  extension script on the page, per 1,000 cards (trace)', `${o.extensionCpuMsPer1000Cards} ms`, '', ''],
    ['  long tasks (>50 ms) due to the extension, worst round', `${o.longTasks.fromExtension} (page's own: ${o.longTasks.without} without, ${o.longTasks.with} with)`, '0', mark(r.targets.longTasksFromExtension.met)],
    [`Detection latency, insertion → badge (${r.latency.samples} cards)`, `p50 ${r.latency.p50Ms} ms, p95 ${r.latency.p95Ms} ms`, `p95 ≤ ${TARGETS.latencyP95Ms} ms`, mark(r.targets.latencyP95Ms.met)],
    [`Matching, ${r.matching.candidates} candidates × ${r.matching.clients} clients (Node)`, `${r.matching.repeatNsPerCandidate} ns/candidate (first sight ${r.matching.firstPassNsPerCandidate} ns; index ${r.matching.indexMs} ms)`, `< ${TARGETS.matchingNs} ns`, mark(r.targets.matchingNsPerCandidate.met)],
    [`Popup, ${r.popup.clients} clients and ${r.popup.detections} detections: open → shown`, `${r.popup.shownMs} ms (asks at ${r.popup.askedMs}, answered at ${r.popup.answeredMs}, in DOM at ${r.popup.domMs})`, `≤ ${TARGETS.popupMs} ms`, mark(r.targets.popupShownMs.met)],
    [`Import, ${r.import.rows}-row CSV via the options page`, `${r.import.ms} ms, JS heap peak ${r.import.heapPeakMb} MB (from ${r.import.heapBeforeMb} MB)`, `≤ ${TARGETS.importMs} ms`, mark(r.targets.importMs.met)],
    ...r.bundle.contentScripts.map((s): [string, string, string, string] => [
      `Content script ${s.name}.js: raw, gzipped${s.libraries.length ? `; bundles ${s.libraries.join(', ')}` : ''}`,
      `${kb(s.raw)}, ${kb(s.gzip)}`,
      `≤ ${kb(TARGETS.contentScriptGzip)} gz, no Dexie/Preact`,
      mark(s.gzip <= TARGETS.contentScriptGzip && s.libraries.length === 0),
    ]),
    ...r.bundle.pages.map((p): [string, string, string, string] => [`Page ${p.name} (${p.files.length} files): raw, gzipped`, `${kb(p.raw)}, ${kb(p.gzip)}`, '', '']),
  ];
  const header: [string, string, string, string] = ['Figure', 'Measured (median)', 'Target', 'Met'];
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((row) => row[i]!.length)));
  const line = (cells: string[]) => `| ${cells.map((c, i) => c.padEnd(widths[i]!)).join(' | ')} |`;
  return [line(header), `|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|`, ...rows.map(line)].join('\n');
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? (error.stack ?? error.message) : error);
  process.exit(1);
});
