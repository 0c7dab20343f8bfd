import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { BenchPageKind, BenchSite } from '../../tests/fixtures/bench';
import { CONTENT_SCRIPT_GZIP_BUDGET, type BundleSize } from './bundle';
import type { ImportRun, OptionsRun, PopupRun } from './extension-pages';
import type { LatencyRound } from './latency';
import type { MatchingResult } from './matching';
import type { PageRun, StreamOptions } from './overhead';
import { median, percentile, round } from './stats';

/**
 * What the bench reports: every figure beside its floor and their ratio, under stable names in
 * bench-results/latest.json (`popup.shownRatio`, `latency.p95Ratio`,
 * `overhead.<site>.attributedTaskRatio`, `matching.ratio`, `scale.importMs`,
 * `scale.optionsInteractiveMs`, `scale.popupShownRatio`, …), and a table of the targets.
 */

export const TARGETS = {
  /** Popup ÷ the floor's blank extension page, opened the same way. */
  popupRatio: 1.25,
  /** Detection latency p95 ÷ the floor extension's p95. */
  latencyP95Ratio: 1.5,
  /** Page overhead: with ÷ without, and (without + the extension's own traced time) ÷ without. */
  overheadRatio: 1.02,
  /** The matcher per candidate ÷ a bare Map.get per identity. */
  matchingRatio: 3,
  /** A 10,000-row import through the options page (no floor: it is the clinician's wait). */
  importMs: 3000,
  /** The scale round, 100,000 clients. */
  scaleImportMs: 15_000,
  scaleOptionsInteractiveMs: 1000,
} as const;

export interface Target {
  /** Where the figure is in latest.json. */
  name: string;
  label: string;
  measured: string;
  floor: string;
  value: number | boolean;
  target: string;
  met: boolean;
}

// ---------------------------------------------------------------- page overhead

export interface OverheadRound {
  with: PageRun;
  without: PageRun;
}

export function overheadOfPage(runs: readonly OverheadRound[], stream: StreamOptions, clients: number) {
  const perThousand = stream.cards / 1000;
  const side = (key: 'with' | 'without', pick: (run: PageRun) => number) => round(median(runs.map((r) => pick(r[key]))), 1);
  const paired = (pick: (run: PageRun) => number) => runs.map((r) => pick(r.with) / pick(r.without));
  return {
    rows: stream.cards,
    clients,
    scriptMs: { with: side('with', (r) => r.scriptMs), without: side('without', (r) => r.scriptMs) },
    taskMs: { with: side('with', (r) => r.taskMs), without: side('without', (r) => r.taskMs) },
    /** Median over rounds of with ÷ without, each round's pair run back to back. */
    taskRatio: round(median(paired((r) => r.taskMs)), 3),
    scriptRatio: round(median(paired((r) => r.scriptMs)), 3),
    /** The lowest and highest round's task ratio: how much the page itself varies from run to run. */
    taskRatioRange: [round(Math.min(...paired((r) => r.taskMs)), 3), round(Math.max(...paired((r) => r.taskMs)), 3)],
    /**
     * The extension's own script time on the page's main thread (trace, thread time) added to the
     * run without it, ÷ the run without it: the floor is the page's own time, and the page's
     * run-to-run variation is taken out.
     */
    attributedTaskRatio: round(median(runs.map((r) => (r.without.taskMs + r.with.tasks.extensionCpuMs) / r.without.taskMs)), 3),
    addedTaskMsPer1000Rows: round(median(runs.map((r) => (r.with.taskMs - r.without.taskMs) / perThousand)), 1),
    extensionCpuMsPer1000Rows: round(median(runs.map((r) => r.with.tasks.extensionCpuMs / perThousand)), 1),
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
}

export type PageOverhead = ReturnType<typeof overheadOfPage>;

/** A site's figures: each of its pages, and the worse of them (the target holds for each page). */
export function overheadOfSite(pages: Partial<Record<BenchPageKind, PageOverhead>>) {
  const all = Object.values(pages);
  return {
    taskRatio: Math.max(...all.map((p) => p.taskRatio)),
    attributedTaskRatio: Math.max(...all.map((p) => p.attributedTaskRatio)),
    longTasksFromExtension: Math.max(...all.map((p) => p.longTasks.fromExtension)),
    pages,
  };
}

// ---------------------------------------------------------------- popup

export interface PopupPair {
  site: BenchSite;
  detections: number;
  boundary: PopupRun;
  floor: PopupRun;
}

const popupRound = (p: PopupRun) => ({ askedMs: round(p.askedMs, 1), answeredMs: round(p.answeredMs, 1), domMs: round(p.domMs, 1), shownMs: round(p.shownMs, 1) });

/** Popup timings and the floor's, each round a pair opened back to back; ratios are medians of the pairs'. */
export function popupFigures(pairs: readonly PopupPair[], clients: number) {
  const med = (pick: (p: PopupPair) => number) => round(median(pairs.map(pick)), 1);
  return {
    clients,
    sites: [...new Set(pairs.map((p) => p.site))],
    detections: Object.fromEntries(pairs.map((p) => [p.site, p.detections])),
    /** Open → the first detections painted, ÷ the same for the floor's blank page. */
    shownRatio: round(median(pairs.map((p) => p.boundary.shownMs / p.floor.shownMs)), 2),
    /** Open → its first message to the background, ÷ the same for the floor's blank page. */
    askedRatio: round(median(pairs.map((p) => p.boundary.askedMs / p.floor.askedMs)), 2),
    shownMs: med((p) => p.boundary.shownMs),
    askedMs: med((p) => p.boundary.askedMs),
    answeredMs: med((p) => p.boundary.answeredMs),
    domMs: med((p) => p.boundary.domMs),
    floor: { shownMs: med((p) => p.floor.shownMs), askedMs: med((p) => p.floor.askedMs), answeredMs: med((p) => p.floor.answeredMs) },
    rounds: pairs.map((p) => ({ site: p.site, detections: p.detections, boundary: popupRound(p.boundary), floor: popupRound(p.floor) })),
  };
}

// ---------------------------------------------------------------- latency

export interface LatencyPair {
  site: BenchSite;
  boundary: LatencyRound;
  floor: LatencyRound;
}

export function latencyFigures(pairs: readonly LatencyPair[]) {
  const all = (key: 'boundary' | 'floor', list = pairs) => list.flatMap((p) => p[key].samples);
  const stats = (samples: number[]) => ({ p50Ms: round(percentile(samples, 50), 1), p95Ms: round(percentile(samples, 95), 1), maxMs: round(Math.max(...samples), 1) });
  const boundary = stats(all('boundary'));
  const floor = stats(all('floor'));
  const stored = pairs.flatMap((p) => p.boundary.stored);
  return {
    /** Insertion → badge p95, ÷ the floor extension's p95 over the same insertions. */
    p95Ratio: round(boundary.p95Ms / floor.p95Ms, 2),
    p50Ratio: round(boundary.p50Ms / floor.p50Ms, 2),
    samples: all('boundary').length,
    ...boundary,
    floor,
    /** Insertion → the background storing the tab's detections (it sets the badge next). */
    storedP50Ms: round(percentile(stored, 50), 1),
    storedP95Ms: round(percentile(stored, 95), 1),
    /** Insertion → the background receiving the report: the page's side and the message's trip. */
    receivedP50Ms: round(percentile(pairs.flatMap((p) => p.boundary.received), 50), 1),
    receivedP95Ms: round(percentile(pairs.flatMap((p) => p.boundary.received), 95), 1),
    badgePollsPerSecond: Math.round(median(pairs.flatMap((p) => [p.boundary.pollsPerSecond, p.floor.pollsPerSecond]))),
    sites: Object.fromEntries(
      [...new Set(pairs.map((p) => p.site))].map((site) => {
        const mine = pairs.filter((p) => p.site === site);
        const b = stats(all('boundary', mine));
        const f = stats(all('floor', mine));
        const received = mine.flatMap((p) => p.boundary.received);
        return [site, { p95Ms: b.p95Ms, floorP95Ms: f.p95Ms, p95Ratio: round(b.p95Ms / f.p95Ms, 2), p50Ms: b.p50Ms, floorP50Ms: f.p50Ms, receivedP50Ms: round(percentile(received, 50), 1), receivedP95Ms: round(percentile(received, 95), 1) }];
      }),
    ),
    all: { boundary: all('boundary').map((s) => round(s, 1)), floor: all('floor').map((s) => round(s, 1)) },
  };
}

// ---------------------------------------------------------------- import and the scale round

export function importFigures(runs: readonly ImportRun[]) {
  return {
    rows: runs[0]!.rows,
    imported: runs[0]!.imported,
    rejected: runs[0]!.rejected,
    ms: round(median(runs.map((i) => i.ms)), 0),
    heapBeforeMb: round(median(runs.map((i) => i.heapBeforeMb)), 1),
    heapPeakMb: round(median(runs.map((i) => i.heapPeakMb)), 1),
    rounds: runs.map((i) => ({ ms: round(i.ms, 0), heapPeakMb: round(i.heapPeakMb, 1) })),
  };
}

export function scaleFigures(imported: ImportRun, importFloorMs: number, options: readonly OptionsRun[], popups: readonly PopupPair[], clients: number) {
  const popup = popupFigures(popups, clients);
  return {
    clients,
    /** The CSV through the options page's import input, until the import summary shows. */
    importMs: round(imported.ms, 0),
    /** The same records written with bare IndexedDB in one transaction (extension-pages.ts, importFloorRun). */
    importFloorMs: round(importFloorMs, 0),
    importRatio: round(imported.ms / importFloorMs, 2),
    import: importFigures([imported]),
    /** Options page reloaded: its first client rows rendered and a key handled (median of reloads). */
    optionsInteractiveMs: round(median(options.map((o) => o.interactiveMs)), 0),
    optionsFirstRowsMs: round(median(options.map((o) => o.rowsMs)), 0),
    optionsRowsRendered: options[0]!.rows,
    optionsRounds: options.map((o) => ({ rowsMs: round(o.rowsMs, 0), interactiveMs: round(o.interactiveMs, 0), rows: o.rows })),
    popupShownRatio: popup.shownRatio,
    popupAskedRatio: popup.askedRatio,
    popup,
  };
}

// ---------------------------------------------------------------- bundle

export interface BundleFigures {
  contentScripts: (BundleSize & { libraries: string[] })[];
  pages: (BundleSize & { libraries: string[] })[];
  popup: { gzip: number; raw: number; files: string[]; libraries: string[]; dexie: boolean };
}

// ---------------------------------------------------------------- targets and the table

const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;
const ms = (value: number) => `${value} ms`;
const ratio = (value: number) => value.toFixed(value < 10 ? 3 : 1).replace(/0+$/, '').replace(/\.$/, '');

type Default = {
  popup: ReturnType<typeof popupFigures>;
  latency: ReturnType<typeof latencyFigures>;
  overhead: Record<BenchSite, ReturnType<typeof overheadOfSite>>;
  matching: MatchingResult;
  import: ReturnType<typeof importFigures>;
  bundle: BundleFigures;
};

export function defaultTargets(r: Default): Target[] {
  const t: Target[] = [];
  const p = r.popup;
  t.push({
    name: 'popup.shownRatio',
    label: `Popup, ${p.clients.toLocaleString('en')} clients: open → detections shown`,
    measured: ms(p.shownMs),
    floor: `${ms(p.floor.shownMs)} (blank page)`,
    value: p.shownRatio,
    target: `≤ ${TARGETS.popupRatio}`,
    met: p.shownRatio <= TARGETS.popupRatio,
  });
  t.push({
    name: 'popup.askedRatio',
    label: '  popup: open → asks the background',
    measured: ms(p.askedMs),
    floor: ms(p.floor.askedMs),
    value: p.askedRatio,
    target: `≤ ${TARGETS.popupRatio}`,
    met: p.askedRatio <= TARGETS.popupRatio,
  });
  const l = r.latency;
  t.push({
    name: 'latency.p95Ratio',
    label: `Detection latency, insertion → badge, p95 (${l.samples} rows, ${Object.keys(l.sites).length} sites)`,
    measured: `${ms(l.p95Ms)} (p50 ${l.p50Ms})`,
    floor: `${ms(l.floor.p95Ms)} (p50 ${l.floor.p50Ms})`,
    value: l.p95Ratio,
    target: `≤ ${TARGETS.latencyP95Ratio}`,
    met: l.p95Ratio <= TARGETS.latencyP95Ratio,
  });
  for (const [site, s] of Object.entries(l.sites)) {
    t.push({ name: `latency.sites.${site}.p95Ratio`, label: `  latency p95 on ${site} requests`, measured: ms(s.p95Ms), floor: ms(s.floorP95Ms), value: s.p95Ratio, target: '', met: true });
  }
  for (const [site, o] of Object.entries(r.overhead) as [BenchSite, Default['overhead'][BenchSite]][]) {
    t.push({
      name: `overhead.${site}.attributedTaskRatio`,
      label: `Page overhead, ${site}: (page + extension's own traced time) ÷ page, worse page`,
      measured: Object.entries(o.pages).map(([kind, page]) => `${kind} ${ratio(page!.attributedTaskRatio)}`).join(', '),
      floor: 'the page alone',
      value: o.attributedTaskRatio,
      target: `≤ ${TARGETS.overheadRatio}`,
      met: o.attributedTaskRatio <= TARGETS.overheadRatio,
    });
    t.push({
      name: `overhead.${site}.taskRatio`,
      label: `  ${site}: task time with ÷ without the extension, worse page`,
      measured: Object.entries(o.pages).map(([kind, page]) => `${kind} ${ratio(page!.taskRatio)} (${page!.taskMs.with}/${page!.taskMs.without} ms)`).join(', '),
      floor: 'without',
      value: o.taskRatio,
      target: `≤ ${TARGETS.overheadRatio}`,
      met: o.taskRatio <= TARGETS.overheadRatio,
    });
  }
  const longTasks = Math.max(...Object.values(r.overhead).map((o) => o.longTasksFromExtension));
  t.push({ name: 'overhead.longTasksFromExtension', label: 'Long tasks (> 50 ms) due to the extension, worst page and round', measured: String(longTasks), floor: '', value: longTasks, target: '0', met: longTasks === 0 });
  const m = r.matching;
  t.push({
    name: 'matching.ratio',
    label: `Matching, ${m.candidates.toLocaleString('en')} candidates × ${m.clients.toLocaleString('en')} clients, per candidate (Node)`,
    measured: `${m.repeatNsPerCandidate} ns (first sight ${m.firstPassNsPerCandidate})`,
    floor: `${m.floorNsPerCandidate} ns (Map.get)`,
    value: m.ratio,
    target: `≤ ${TARGETS.matchingRatio}`,
    met: m.ratio <= TARGETS.matchingRatio,
  });
  const i = r.import;
  t.push({ name: 'import.ms', label: `Import, ${i.rows.toLocaleString('en')}-row CSV via the options page`, measured: `${ms(i.ms)}, heap peak ${i.heapPeakMb} MB`, floor: '', value: i.ms, target: `≤ ${TARGETS.importMs} ms`, met: i.ms <= TARGETS.importMs });
  const b = r.bundle;
  for (const s of b.contentScripts) {
    // The same budget tests/e2e/bundle-size.spec.ts holds the build to.
    const ok = s.gzip <= CONTENT_SCRIPT_GZIP_BUDGET && s.libraries.length === 0;
    t.push({ name: `bundle.contentScripts.${s.name}`, label: `Content script ${s.name}.js, gzipped${s.libraries.length ? ` (bundles ${s.libraries.join(', ')})` : ''}`, measured: kb(s.gzip), floor: '', value: s.gzip, target: `≤ ${CONTENT_SCRIPT_GZIP_BUDGET / 1024} KB, no Dexie/Preact`, met: ok });
  }
  t.push({
    name: 'bundle.popup.dexie',
    label: `Popup with all it loads (${b.popup.files.length} files), gzipped; Dexie in it`,
    measured: `${kb(b.popup.gzip)}; ${b.popup.dexie ? 'Dexie: yes' : 'Dexie: no'}`,
    floor: '',
    value: b.popup.dexie,
    target: 'no Dexie',
    met: !b.popup.dexie,
  });
  return t;
}

export function scaleTargets(s: ReturnType<typeof scaleFigures>): Target[] {
  return [
    { name: 'scale.importMs', label: `Scale: import of ${s.clients.toLocaleString('en')} clients via the options page`, measured: `${ms(s.importMs)}, heap peak ${s.import.heapPeakMb} MB`, floor: '', value: s.importMs, target: `≤ ${TARGETS.scaleImportMs} ms`, met: s.importMs <= TARGETS.scaleImportMs },
    { name: 'scale.importRatio', label: '  scale: import ÷ writing its records alone', measured: ms(s.importMs), floor: `${ms(s.importFloorMs)} (bare IndexedDB)`, value: s.importRatio, target: '', met: true },
    {
      name: 'scale.optionsInteractiveMs',
      label: 'Scale: options page reloaded → first client rows and a key handled',
      measured: `${ms(s.optionsInteractiveMs)} (rows at ${s.optionsFirstRowsMs}; ${s.optionsRowsRendered} rows rendered)`,
      floor: '',
      value: s.optionsInteractiveMs,
      target: `≤ ${TARGETS.scaleOptionsInteractiveMs} ms`,
      met: s.optionsInteractiveMs <= TARGETS.scaleOptionsInteractiveMs,
    },
    { name: 'scale.popupShownRatio', label: 'Scale: popup open → detections shown', measured: ms(s.popup.shownMs), floor: `${ms(s.popup.floor.shownMs)} (blank page)`, value: s.popupShownRatio, target: `≤ ${TARGETS.popupRatio}`, met: s.popupShownRatio <= TARGETS.popupRatio },
    { name: 'scale.popupAskedRatio', label: '  scale: popup open → asks the background', measured: ms(s.popup.askedMs), floor: ms(s.popup.floor.askedMs), value: s.popupAskedRatio, target: `≤ ${TARGETS.popupRatio}`, met: s.popupAskedRatio <= TARGETS.popupRatio },
  ];
}

export function table(targets: readonly Target[]): string {
  const header = ['Figure (latest.json name)', 'Measured (median)', 'Floor', 'Ratio', 'Target', ''];
  const rows = targets.map((t) => [
    `${t.label} [${t.name}]`,
    t.measured,
    t.floor,
    typeof t.value === 'number' && t.floor !== '' ? ratio(t.value) : '',
    t.target,
    t.target === '' ? '' : t.met ? 'MET' : 'MISSED',
  ]);
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((row) => row[i]!.length)));
  const line = (cells: string[]) => `| ${cells.map((c, i) => c.padEnd(widths[i]!)).join(' | ')} |`;
  return [line(header), `|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|`, ...rows.map(line)].join('\n');
}

// ---------------------------------------------------------------- latest.json

export const OUT = path.resolve('bench-results/latest.json');

/**
 * Writes `section`'s figures into latest.json, keeping the other round's (the default bench and
 * the scale round are run separately; each keeps its own date and load average). The targets
 * are kept by name: this round's replace its own, the other round's stay.
 */
export function writeResults(section: Record<string, unknown>, targets: readonly Target[], ownPrefix: (name: string) => boolean): Record<string, unknown> {
  let previous: Record<string, unknown> = {};
  if (existsSync(OUT)) {
    try {
      previous = JSON.parse(readFileSync(OUT, 'utf8')) as Record<string, unknown>;
    } catch {
      previous = {};
    }
  }
  // A file from before the targets were a list (or from another version) keeps none of them.
  const keptTargets = (Array.isArray(previous.targets) ? (previous.targets as { name: string }[]) : []).filter((t) => !ownPrefix(t.name));
  const merged = {
    ...previous,
    ...section,
    targets: [...keptTargets, ...targets.map(({ name, value, met, target }) => ({ name, value, target, met }))],
  };
  mkdirSync(path.dirname(OUT), { recursive: true });
  writeFileSync(OUT, `${JSON.stringify(merged, null, 2)}\n`);
  return merged;
}
