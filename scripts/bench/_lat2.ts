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
await page.goto(HEAVY_FACEBOOK_URL);
await page.evaluate(() => (window as any).__heavy.append(0, 100));
await page.waitForTimeout(1000);
const cdp = await ext.newCDPSession(page);
const stop = await startTrace(cdp);
for (let i = 0; i < 40; i++) {
  await page.evaluate((i) => { (window as any).__heavy.append(2000 + (i % 20), 1); console.timeStamp('ins' + i); }, i);
  await page.waitForTimeout(60 + ((i * 37) % 90));
}
const ev = await stop();
const ins = ev.filter((e) => e.name === 'TimeStamp' && e.args?.data?.message?.startsWith('ins'));
const fc = ev.filter((e) => (e.name === 'FunctionCall' && e.args?.data?.url?.startsWith('chrome-extension://')) || e.name === 'ThreadControllerImpl::RunTask' && (e.dur ?? 0) > 5000).sort((a, b) => a.ts - b.ts);
for (const m of ins) {
  const t0 = m.ts;
  const after = fc.filter((e) => e.ts >= t0 - 2000 && e.ts < t0 + 150000);
  const bg = after.find((e) => e.args?.data?.url?.includes('background.js'));
  const gap = bg ? (bg.ts - t0) / 1000 : -1;
  if (gap > 25 || gap < 0) {
    console.log(m.args!.data!.message, 'bg at', gap.toFixed(1));
    for (const e of after) console.log('   ', ((e.ts - t0) / 1000).toFixed(1), ((e.dur ?? 0) / 1000).toFixed(1), e.pid === m.pid ? 'page' : 'other:' + e.pid, e.name, (e.args?.data?.url ?? '').split('/').pop(), (e.args?.data as any)?.functionName ?? '');
  }
}
await ext.close();
