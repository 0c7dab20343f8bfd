import { readFileSync, mkdtempSync } from 'node:fs';
import { execSync } from 'node:child_process';
import os from 'node:os';
import path from 'node:path';
import { heavyFacebook, HEAVY_FACEBOOK_URL } from '../../tests/fixtures/heavy/facebook';
import { HeavyPages, launchWithoutExtension } from './browser';
execSync('npx esbuild /tmp/entry.ts --bundle --format=iife --outfile=/tmp/fb-bundle.js --alias:@=/work/main --log-level=error');
const bundle = readFileSync('/tmp/fb-bundle.js', 'utf8');
const heavy = heavyFacebook({ streamCards: 2000, clientEvery: 40, arrivals: 20, clients: 1000 });
const ctx = await launchWithoutExtension(mkdtempSync(path.join(os.tmpdir(), 'bp-')));
await HeavyPages.install(ctx, { [HEAVY_FACEBOOK_URL]: heavy.html });
const results: number[] = [];
for (let round = 0; round < 3; round++) {
  const page = await ctx.newPage();
  await page.goto(HEAVY_FACEBOOK_URL);
  const cdp = await ctx.newCDPSession(page);
  const { frameTree } = await cdp.send('Page.getFrameTree');
  const { executionContextId } = await cdp.send('Page.createIsolatedWorld', { frameId: frameTree.frame.id, worldName: 'bench' });
  const iso = async (expression: string) => (await cdp.send('Runtime.evaluate', { expression, contextId: executionContextId, returnByValue: true })).result.value;
  await iso(bundle);
  await iso(`window.S = fb.scanner(document); window.U = new URL(location.href); S.scan(U); window.T = 0; window.N = 0; 0`);
  if (round === 2) { await cdp.send('Profiler.enable'); await cdp.send('Profiler.setSamplingInterval', { interval: 25 }); await cdp.send('Profiler.start'); }
  for (let from = 0; from < 2000; from += 50) {
    await page.evaluate((f) => (window as any).__heavy.append(f, 50), from);
    await iso(`(() => { const list = document.querySelector('[data-heavy-list]'); const added = [...list.children].slice(${from}, ${from + 50}); const t0 = performance.now(); const got = S.update(added, U); T += performance.now() - t0; if (!got) N++; })()`);
  }
  const r = await iso(`[T, N]`); console.log(await iso(`JSON.stringify(PT)`));
  if (round === 2) {
    const { profile } = await cdp.send('Profiler.stop');
    const byId = new Map(profile.nodes.map((n: any) => [n.id, n]));
    const dt = profile.timeDeltas ?? [];
    const self = new Map<string, number>();
    (profile.samples ?? []).forEach((id: number, i: number) => { const n: any = byId.get(id); const k = `${n.callFrame.functionName || '(anon)'} ${n.callFrame.url.split('/').pop()}:${n.callFrame.lineNumber}`; self.set(k, (self.get(k) ?? 0) + (dt[i] ?? 0)); });
    for (const [k, v] of [...self].sort((a, b) => b[1] - a[1]).slice(0, 30)) if (!/stream.js|\(program\)|\(idle\)|setAttribute|createElement|append |GC|garbage/.test(k)) console.log((v / 1000).toFixed(1).padStart(8), k);
  }
  results.push(r[0]);
  console.log('update total ms', r[0].toFixed(1), 'nulls', r[1]);
  await page.close();
}
await ctx.close();
