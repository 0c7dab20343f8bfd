// What Boundary costs, each figure beside a floor measured in the same run: `npm run bench`
// (builds first). Real Chromium, the built extension, heavy generated replicas of a requests page
// and an inbox on each site (tests/fixtures/bench), served offline at the sites' addresses.
//   npm run bench                   the default round: popup, latency, page overhead, matching, bundle
//   npm run bench -- --rounds 5     more overhead rounds (3 by default)
//   npm run bench -- --quick        1 round and shorter streams, to try the bench itself
//   npm run bench -- --scale        the scale round alone: 100,000 clients (import, options, popup)
//   npm run bench -- --scale --quick  the scale round on 20,000 clients, to try it
//   npx tsx scripts/bench/run.ts --popup  the popup's figures alone, printed, not written (after a build)
//   npx tsx scripts/bench/run.ts --latency  detection latency alone, printed, not written (after a build)
//   npx tsx scripts/bench/run.ts --overhead instagram  one site's page overhead alone (both pages,
//       --rounds of them, 1 by default), printed, not written (after a build)
// The floors: a blank extension page and a minimal extension that only counts insertions on its
// badge (scripts/bench/floor-extension.ts), the page without the extension, a bare Map.get.
// Prints a table with targets (MET / MISSED) and writes bench-results/latest.json; the default
// round and the scale round each keep the other's figures there. See the README's Performance section.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { BrowserContext, Page } from '@playwright/test';
import { benchClientCsv, benchPages, type BenchPage, type BenchPageKind, type BenchSite } from '../../tests/fixtures/bench';
import { Boundary } from '../../tests/e2e/support/boundary';
import { chromiumPath, EXTENSION_DIR, extensionWorker, launchWithExtension } from '../../tests/e2e/support/browser';
import { HeavyPages, launchWithoutExtension } from './browser';
import { contentScriptSizes, librariesIn, OUTPUT_DIR, pageLibraries, pageSizes } from './bundle';
import { closeQuietly, importFloorRun, importRun, openOptionsForReloads, optionsReloadRun, popupRun, type OptionsRun } from './extension-pages';
import { writeFloorExtension } from './floor-extension';
import { latencyRound } from './latency';
import { benchMatching } from './matching';
import { streamRun, type StreamOptions } from './overhead';
import {
  defaultTargets,
  importFigures,
  latencyFigures,
  OUT,
  overheadOfPage,
  overheadOfSite,
  popupFigures,
  scaleFigures,
  scaleTargets,
  table,
  writeResults,
  type BundleFigures,
  type LatencyPair,
  type OverheadRound,
  type PageOverhead,
  type PopupPair,
} from './report';
import { round } from './stats';

const argv = process.argv.slice(2);
const quick = argv.includes('--quick');
const scale = argv.includes('--scale');
const popupOnly = argv.includes('--popup');
const latencyOnly = argv.includes('--latency');
const overheadArg = argv.indexOf('--overhead');
const overheadSite = overheadArg >= 0 ? (argv[overheadArg + 1] as BenchSite | undefined) : undefined;
const roundsArg = argv.indexOf('--rounds');
const ROUNDS = roundsArg >= 0 ? Math.max(1, Number(argv[roundsArg + 1])) : quick || overheadSite ? 1 : 3;

const STREAM: StreamOptions = quick ? { cards: 200, batch: 50, interval: 50 } : { cards: 600, batch: 50, interval: 50 };
const PAGES = { rows: STREAM.cards, clientEvery: 40, arrivals: 20 };
const CLIENTS = 10_000;
// --scale --quick tries the scale round itself on a shorter list.
const SCALE_CLIENTS = quick ? 20_000 : 100_000;
const CANDIDATES = 10_000;
const LATENCY = { seed: 100, inserts: quick ? 8 : 20 };
const POPUP_ROUNDS = quick ? 1 : 2;
const OPTIONS_RELOADS = 2;
const SETTLE_MS = 600;
const SITES: BenchSite[] = ['facebook', 'instagram', 'linkedin'];

const begun = Date.now();
/** Seconds from the start at which each phase ended, kept in latest.json's meta. */
const phases: Record<string, number> = {};
const phaseDone = (name: string) => (phases[name] = Math.round((Date.now() - begun) / 1000));
/** Progress, with the seconds since the start: where a run spends its minutes. */
const log = (text: string) => process.stdout.write(text === '' || text.startsWith('|') || text.startsWith('\n') ? `${text}\n` : `[${Math.round((Date.now() - begun) / 1000)} s] ${text}\n`);

function git(args: string[]): string {
  try {
    return execFileSync('git', args, { encoding: 'utf8' }).trim();
  } catch {
    return 'unknown';
  }
}

/** The date, the machine and its load: every run's figures are read against these. */
function meta() {
  return {
    date: new Date().toISOString(),
    commit: git(['rev-parse', '--short', 'HEAD']),
    uncommittedChanges: git(['status', '--porcelain']) !== '',
    chromium: execFileSync(chromiumPath(), ['--version'], { encoding: 'utf8' }).trim(),
    node: process.version,
    cpus: os.cpus().length,
    loadAverage: { start: os.loadavg().map((l) => round(l, 2)), end: [] as number[] },
  };
}

/** The browsers, profiles and pages of one run, closed and removed at its end. */
class Session {
  private readonly contexts: BrowserContext[] = [];
  private readonly dirs: string[] = [];

  dir(name: string): string {
    const dir = mkdtempSync(path.join(os.tmpdir(), `boundary-bench-${name}-`));
    this.dirs.push(dir);
    return dir;
  }

  /** A browser with Boundary's build (or the floor extension) and the heavy pages served. */
  async extension(pages: readonly BenchPage[], extensionDir = EXTENSION_DIR): Promise<{ context: BrowserContext; extension: Boundary; served: HeavyPages }> {
    const context = await launchWithExtension(this.dir('profile'), true, { extensionDir });
    this.contexts.push(context);
    const worker = await extensionWorker(context);
    const extension = new Boundary(context, worker, new URL(worker.url()).host);
    const served = await HeavyPages.install(context, Object.fromEntries(pages.map((page) => [page.url, page.html])));
    return { context, extension, served };
  }

  async plain(pages: readonly BenchPage[]): Promise<{ context: BrowserContext; served: HeavyPages }> {
    const context = await launchWithoutExtension(this.dir('plain'));
    this.contexts.push(context);
    const served = await HeavyPages.install(context, Object.fromEntries(pages.map((page) => [page.url, page.html])));
    return { context, served };
  }

  async close(): Promise<void> {
    for (const context of this.contexts) await context.close().catch(() => undefined);
    for (const dir of this.dirs) rmSync(dir, { recursive: true, force: true });
  }
}

const streamClients = (page: BenchPage, rows = STREAM.cards) => page.clientPeople.filter((i) => i < rows).length;

function bundleFigures(): BundleFigures {
  const pages = pageSizes().map((page) => ({ ...page, libraries: pageLibraries(page) }));
  const popup = pages.find((page) => page.name === 'popup');
  if (!popup) throw new Error('no popup.html in the build');
  return {
    contentScripts: contentScriptSizes().map((s) => ({ ...s, libraries: librariesIn(OUTPUT_DIR, s.files[0]!) })),
    pages,
    popup: { gzip: popup.gzip, raw: popup.raw, files: popup.files, libraries: popup.libraries, dexie: popup.libraries.includes('dexie') },
  };
}

/** Streams `page` in a new tab of `context` and checks that Boundary's badge then counts every client in it. */
async function streamChecked(context: BrowserContext, boundary: Boundary | null, page: BenchPage) {
  const { run, page: tab } = await streamRun(context, page.url, STREAM, SETTLE_MS);
  if (run.cards !== STREAM.cards) throw new Error(`${page.site} ${page.kind}: the stream left ${run.cards} rows, not ${STREAM.cards}`);
  if (boundary) {
    // The figures only count if the extension did its job: every client in the stream found.
    const badge = Number((await boundary.badgeText(tab)) || 0);
    if (badge !== streamClients(page)) throw new Error(`${page.site} ${page.kind}: the badge says ${badge}; the stream holds ${streamClients(page)} clients`);
  }
  return { run, tab };
}

/** Popup rounds on each site's requests tab: Boundary's popup and the floor's blank page, back to back, order alternating. */
async function popupPairs(boundary: Boundary, floor: Boundary, tabs: Map<BenchSite, { tab: Page; page: BenchPage }>, rounds: number): Promise<PopupPair[]> {
  const pairs: PopupPair[] = [];
  let turn = 0;
  for (let r = 0; r < rounds; r++) {
    for (const [site, { tab, page }] of tabs) {
      log(`popup: round ${r + 1}/${rounds}, ${site}`);
      const tabId = await boundary.tabIdOf(tab);
      const detections = streamClients(page);
      const open = {
        boundary: () => popupRun(boundary.context, boundary.url(`popup.html?tab=${tabId}`)),
        floor: () => popupRun(floor.context, floor.url(`floor.html?tab=${tabId}&count=${detections}`)),
      };
      const first = turn++ % 2 === 0 ? 'boundary' : 'floor';
      const a = await open[first]();
      const b = await open[first === 'boundary' ? 'floor' : 'boundary']();
      const [mine, theirs] = first === 'boundary' ? [a, b] : [b, a];
      if (mine.detections !== detections) throw new Error(`the popup showed ${mine.detections} detections on ${site}, not ${detections}`);
      pairs.push({ site, detections, boundary: mine, floor: theirs });
    }
  }
  return pairs;
}

/** Detection latency on each site's requests page, Boundary's and the floor's, in alternating order. */
async function latencyPairs(context: BrowserContext, boundary: Boundary, floor: { context: BrowserContext; extension: Boundary }, pages: readonly BenchPage[]): Promise<LatencyPair[]> {
  const latency: LatencyPair[] = [];
  for (const [index, page] of pages.filter((p) => p.kind === 'requests').entries()) {
    const options = { seed: LATENCY.seed, arrivals: PAGES.rows, inserts: LATENCY.inserts };
    const measure = {
      boundary: () => latencyRound(context, boundary, page.url, { counts: 'clients', seedClients: streamClients(page, LATENCY.seed) }, options),
      floor: () => latencyRound(floor.context, floor.extension, page.url, { counts: 'insertions' }, options),
    };
    const first = index % 2 === 0 ? 'boundary' : 'floor';
    log(`detection latency: ${page.site}, ${first} first`);
    const a = await measure[first]();
    const b = await measure[first === 'boundary' ? 'floor' : 'boundary']();
    latency.push({ site: page.site, boundary: first === 'boundary' ? a : b, floor: first === 'boundary' ? b : a });
  }
  return latency;
}

async function defaultRound(): Promise<void> {
  const started = Date.now();
  const info = meta();
  log(`Boundary bench: ${info.chromium}, Node ${info.node}, ${info.cpus} CPUs, ${ROUNDS} overhead rounds`);
  if (info.loadAverage.start[0]! > info.cpus * 0.5) log(`  note: load average ${info.loadAverage.start[0]} at start; other work on this machine makes timings noisier`);

  const pages = benchPages(PAGES);
  const csv = benchClientCsv(pages, CLIENTS);
  const bundle = bundleFigures();
  log(`matching: ${CANDIDATES.toLocaleString('en')} candidates against ${CLIENTS.toLocaleString('en')} clients (Node), and the Map.get floor`);
  const matching = benchMatching(csv, CANDIDATES, 9);
  phaseDone('matching');

  const session = new Session();
  try {
    log('import: 10,000 clients through the options page');
    const withExt = await session.extension(pages);
    const boundary = withExt.extension;
    const imported = await importRun(withExt.context, boundary, csv);
    if (imported.imported !== CLIENTS) throw new Error(`the import saved ${imported.imported} clients, not ${CLIENTS}`);
    const plain = await session.plain(pages);
    const floorDir = writeFloorExtension(session.dir('floor-extension'), EXTENSION_DIR);
    const floor = await session.extension(pages, floorDir);
    phaseDone('import and browsers');

    // Page overhead: each page's stream with and without the extension, back to back, the order alternating.
    const runs = new Map<BenchPage, OverheadRound[]>(pages.map((page) => [page, []]));
    const requestTabs = new Map<BenchSite, { tab: Page; page: BenchPage }>();
    let turn = 0;
    for (let r = 0; r < ROUNDS; r++) {
      for (const page of pages) {
        const order = turn++ % 2 === 0 ? (['with', 'without'] as const) : (['without', 'with'] as const);
        const pair: Partial<OverheadRound> = {};
        for (const side of order) {
          log(`page overhead: round ${r + 1}/${ROUNDS}, ${page.site} ${page.kind}, ${side} the extension`);
          const { run, tab } = await streamChecked(side === 'with' ? withExt.context : plain.context, side === 'with' ? boundary : null, page);
          pair[side] = run;
          // The last requests tab of each site stays open, with its detections, for the popup.
          if (side === 'with' && page.kind === 'requests' && r === ROUNDS - 1) requestTabs.set(page.site, { tab, page });
          else await tab.close();
        }
        runs.get(page)!.push(pair as OverheadRound);
      }
    }
    for (const served of [withExt.served, plain.served]) if (served.unexpected.length > 0) throw new Error(`unexpected requests: ${served.unexpected.join(', ')}`);
    phaseDone('page overhead');

    const popups = await popupPairs(boundary, floor.extension, requestTabs, POPUP_ROUNDS);
    for (const { tab } of requestTabs.values()) await closeQuietly(tab);
    phaseDone('popup');

    const latency = await latencyPairs(withExt.context, boundary, floor, pages);
    phaseDone('latency');

    const overhead = Object.fromEntries(
      SITES.map((site) => {
        const mine = pages.filter((page) => page.site === site);
        const byKind = Object.fromEntries(mine.map((page) => [page.kind, overheadOfPage(runs.get(page)!, STREAM, streamClients(page))])) as Record<BenchPageKind, PageOverhead>;
        return [site, overheadOfSite(byKind)];
      }),
    ) as Record<BenchSite, ReturnType<typeof overheadOfSite>>;
    const figures = {
      popup: popupFigures(popups, CLIENTS),
      latency: latencyFigures(latency),
      overhead,
      matching,
      import: importFigures([imported]),
      bundle,
    };
    info.loadAverage.end = os.loadavg().map((l) => round(l, 2));
    const targets = defaultTargets(figures);
    const seconds = Math.round((Date.now() - started) / 1000);
    writeResults(
      {
        date: info.date,
        loadAverage: info.loadAverage,
        meta: { ...info, rounds: ROUNDS, stream: STREAM, popupRounds: POPUP_ROUNDS, latency: LATENCY, seconds, phases },
        ...figures,
      },
      targets,
      (name) => !name.startsWith('scale.'),
    );
    log('');
    log(table(targets));
    log(`\n${targets.filter((t) => t.target !== '' && !t.met).length} targets MISSED. Load average ${info.loadAverage.start[0]} at start, ${info.loadAverage.end[0]} at end.`);
    log(`Written to ${path.relative(process.cwd(), OUT)} (${seconds} s).`);
  } finally {
    await session.close();
  }
}

async function scaleRound(): Promise<void> {
  const started = Date.now();
  const info = meta();
  log(`Boundary bench, scale round: ${SCALE_CLIENTS.toLocaleString('en')} clients; ${info.chromium}, ${info.cpus} CPUs`);
  if (info.loadAverage.start[0]! > info.cpus * 0.5) log(`  note: load average ${info.loadAverage.start[0]} at start; other work on this machine makes timings noisier`);
  const pages = benchPages(PAGES);
  const requests = pages.filter((page) => page.kind === 'requests');
  const csv = benchClientCsv(pages, SCALE_CLIENTS);

  const session = new Session();
  try {
    log(`import: ${SCALE_CLIENTS.toLocaleString('en')} clients through the options page`);
    const withExt = await session.extension(requests);
    const boundary = withExt.extension;
    const imported = await importRun(withExt.context, boundary, csv);
    if (imported.imported !== SCALE_CLIENTS) throw new Error(`the import saved ${imported.imported} clients, not ${SCALE_CLIENTS}`);
    phaseDone('import');
    log('import floor: the records it stored, written again with bare IndexedDB');
    const importFloor = await importFloorRun(withExt.context, boundary);
    // Rows naming a profile another row names update that record: fewer records than rows.
    if (importFloor.records < SCALE_CLIENTS * 0.9) throw new Error(`the import floor found ${importFloor.records} records after importing ${SCALE_CLIENTS} rows`);
    phaseDone('import floor');

    const options = await openOptionsForReloads(withExt.context, boundary);
    const reloads: OptionsRun[] = [];
    for (let r = 0; r < OPTIONS_RELOADS; r++) {
      log(`options page: reload ${r + 1}/${OPTIONS_RELOADS}`);
      reloads.push(await optionsReloadRun(options));
    }
    await options.close();
    phaseDone('options page');

    const tabs = new Map<BenchSite, { tab: Page; page: BenchPage }>();
    for (const page of requests) {
      log(`stream: ${page.site} requests, for the popup`);
      tabs.set(page.site, { tab: (await streamChecked(withExt.context, boundary, page)).tab, page });
    }
    const floorDir = writeFloorExtension(session.dir('floor-extension'), EXTENSION_DIR);
    const floor = await session.extension(requests, floorDir);
    phaseDone('streams');
    const popups = await popupPairs(boundary, floor.extension, tabs, POPUP_ROUNDS);
    phaseDone('popup');
    if (withExt.served.unexpected.length > 0) throw new Error(`unexpected requests: ${withExt.served.unexpected.join(', ')}`);

    const figures = scaleFigures(imported, importFloor.ms, reloads, popups, SCALE_CLIENTS);
    info.loadAverage.end = os.loadavg().map((l) => round(l, 2));
    const targets = scaleTargets(figures);
    const seconds = Math.round((Date.now() - started) / 1000);
    writeResults({ scale: { date: info.date, loadAverage: info.loadAverage, meta: { ...info, seconds }, ...figures } }, targets, (name) => name.startsWith('scale.'));
    log('');
    log(table(targets));
    log(`\n${targets.filter((t) => !t.met).length} targets MISSED. Load average ${info.loadAverage.start[0]} at start, ${info.loadAverage.end[0]} at end.`);
    log(`Written to ${path.relative(process.cwd(), OUT)} (${seconds} s).`);
  } finally {
    await session.close();
  }
}

/** The popup's figures alone, at 10,000 clients, for trying a change to the popup: printed, never written to latest.json. */
async function popupRound(): Promise<void> {
  const pages = benchPages(PAGES).filter((page) => page.kind === 'requests');
  const session = new Session();
  try {
    const withExt = await session.extension(pages);
    const imported = await importRun(withExt.context, withExt.extension, benchClientCsv(benchPages(PAGES), CLIENTS));
    if (imported.imported !== CLIENTS) throw new Error(`the import saved ${imported.imported} clients, not ${CLIENTS}`);
    const tabs = new Map<BenchSite, { tab: Page; page: BenchPage }>();
    for (const page of pages) tabs.set(page.site, { tab: (await streamChecked(withExt.context, withExt.extension, page)).tab, page });
    const floor = await session.extension(pages, writeFloorExtension(session.dir('floor-extension'), EXTENSION_DIR));
    const { rounds, ...figures } = popupFigures(await popupPairs(withExt.extension, floor.extension, tabs, ROUNDS), CLIENTS);
    log(JSON.stringify(figures, null, 1));
    for (const r of rounds) log(JSON.stringify(r));
  } finally {
    await session.close();
  }
}

/** The detection latency figures alone, printed, not written: to try a change to the content scripts. */
async function latencyOnlyRound(): Promise<void> {
  const pages = benchPages(PAGES);
  const session = new Session();
  try {
    const withExt = await session.extension(pages);
    const imported = await importRun(withExt.context, withExt.extension, benchClientCsv(pages, CLIENTS));
    if (imported.imported !== CLIENTS) throw new Error(`the import saved ${imported.imported} clients, not ${CLIENTS}`);
    const floor = await session.extension(pages, writeFloorExtension(session.dir('floor-extension'), EXTENSION_DIR));
    const { all: _all, ...figures } = latencyFigures(await latencyPairs(withExt.context, withExt.extension, floor, pages));
    log(JSON.stringify(figures, null, 1));
  } finally {
    await session.close();
  }
}

/**
 * One site's page overhead alone, printed, not written: to try a change to that site's content
 * script. The same streams, pairs and figures as the default round's, on the site's two pages.
 */
async function overheadOnlyRound(site: BenchSite): Promise<void> {
  if (!SITES.includes(site)) throw new Error(`--overhead takes one of ${SITES.join(', ')}`);
  const load = os.loadavg().map((l) => round(l, 2));
  const all = benchPages(PAGES);
  const pages = all.filter((page) => page.site === site);
  const session = new Session();
  try {
    const withExt = await session.extension(pages);
    const imported = await importRun(withExt.context, withExt.extension, benchClientCsv(all, CLIENTS));
    if (imported.imported !== CLIENTS) throw new Error(`the import saved ${imported.imported} clients, not ${CLIENTS}`);
    const plain = await session.plain(pages);
    const runs = new Map<BenchPage, OverheadRound[]>(pages.map((page) => [page, []]));
    let turn = 0;
    for (let r = 0; r < ROUNDS; r++) {
      for (const page of pages) {
        const order = turn++ % 2 === 0 ? (['with', 'without'] as const) : (['without', 'with'] as const);
        const pair: Partial<OverheadRound> = {};
        for (const side of order) {
          log(`page overhead: round ${r + 1}/${ROUNDS}, ${page.site} ${page.kind}, ${side} the extension`);
          const { run, tab } = await streamChecked(side === 'with' ? withExt.context : plain.context, side === 'with' ? withExt.extension : null, page);
          pair[side] = run;
          await tab.close();
        }
        runs.get(page)!.push(pair as OverheadRound);
      }
    }
    for (const page of pages) {
      const { rounds: _rounds, ...figures } = overheadOfPage(runs.get(page)!, STREAM, streamClients(page));
      log(`${site} ${page.kind}: ${JSON.stringify(figures)}`);
    }
    log(`load average ${load.join(' ')} at start, ${os.loadavg().map((l) => round(l, 2)).join(' ')} at end`);
  } finally {
    await session.close();
  }
}

async function main() {
  if (!existsSync(path.join(EXTENSION_DIR, 'manifest.json'))) throw new Error('No build in .output/chrome-mv3: run `npm run bench`, which builds first.');
  if (overheadArg >= 0) return overheadOnlyRound(overheadSite!);
  await (popupOnly ? popupRound() : latencyOnly ? latencyOnlyRound() : scale ? scaleRound() : defaultRound());
}

// A missed target is a figure, not a failure: the exit code says only whether the bench itself ran.
main().catch((error: unknown) => {
  console.error(error instanceof Error ? (error.stack ?? error.message) : error);
  process.exit(1);
});
