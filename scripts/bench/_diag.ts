import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { heavyFacebook, HEAVY_FACEBOOK_URL } from '../../tests/fixtures/heavy/facebook';
import { HeavyPages } from './browser';
import { launchWithExtension, extensionWorker } from '../../tests/e2e/support/browser';
import { Boundary } from '../../tests/e2e/support/boundary';
import { startTrace } from './trace';
const heavy = heavyFacebook({ streamCards: 2000, clientEvery: 40, arrivals: 20, clients: 10000 });
const ext = await launchWithExtension(mkdtempSync(path.join(os.tmpdir(), 'bx-')));
const worker = await extensionWorker(ext);
const boundary = new Boundary(ext, worker, new URL(worker.url()).host);
await HeavyPages.install(ext, { [HEAVY_FACEBOOK_URL]: heavy.html });
await boundary.importCsv(heavy.csv);
const page = await ext.newPage();
const cdp = await ext.newCDPSession(page);
await page.goto(HEAVY_FACEBOOK_URL);
await page.waitForTimeout(500);
const stop = await startTrace(cdp);
await page.evaluate((n) => (window as any).__heavy.stream({ count: n, batch: 50, interval: 50 }), 2000);
await page.waitForTimeout(800);
const events = await stop();
const calls = events.filter((e) => e.name === 'FunctionCall' && e.args?.data?.url?.includes('content-scripts')).sort((a, b) => a.ts - b.ts);
const outer: typeof calls = [];
for (const c of calls) { const l = outer.at(-1); if (!l || c.ts >= l.ts + (l.dur ?? 0)) outer.push(c); }
const by = new Map<string, [number, number, number]>();
for (const e of outer) { const d = (e.args as any).data; const k = `${d.functionName || '(anon)'}:${d.lineNumber}`; const v = by.get(k) ?? [0, 0, 0]; v[0]++; v[1] += (e.tdur ?? 0) / 1000; v[2] = Math.max(v[2], (e.tdur ?? 0) / 1000); by.set(k, v); }
console.log('total', outer.reduce((s, e) => s + (e.tdur ?? 0), 0) / 1000);
for (const [k, v] of [...by].sort((a, b) => b[1][1] - a[1][1])) console.log(k.padEnd(30), 'n', v[0], 'ms', v[1].toFixed(1), 'max', v[2].toFixed(2));
const tasks = events.filter((e) => e.name === 'ThreadControllerImpl::RunTask' && e.pid === outer[0]!.pid && e.tid === outer[0]!.tid && (e.dur ?? 0) > 50000);
for (const t of tasks) { const inside = outer.filter((e) => e.ts >= t.ts && e.ts < t.ts + (t.dur ?? 0)); const ext = inside.reduce((s, e) => s + (e.dur ?? 0), 0); if ((t.dur ?? 0) - ext <= 50000) console.log('EXT LONG TASK', (t.dur! / 1000).toFixed(1), 'ext', (ext / 1000).toFixed(1), inside.map((e) => (e.args as any).data.functionName + ':' + ((e.dur ?? 0) / 1000).toFixed(1)).join(' ')); }
await ext.close();
