import { readFileSync, mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { heavyFacebook, HEAVY_FACEBOOK_URL } from '../../tests/fixtures/heavy/facebook';
import { HeavyPages, launchWithoutExtension } from './browser';
const heavy = heavyFacebook({ streamCards: 2000, clientEvery: 40, arrivals: 20, clients: 1000 });
const ctx = await launchWithoutExtension(mkdtempSync(path.join(os.tmpdir(), 'bp-')));
await HeavyPages.install(ctx, { [HEAVY_FACEBOOK_URL]: heavy.html });
const page = await ctx.newPage();
await page.goto(HEAVY_FACEBOOK_URL);
await page.addScriptTag({ content: readFileSync('/tmp/fb-bundle.js', 'utf8') });
const cdp = await ctx.newCDPSession(page);
await cdp.send('Profiler.enable');
await cdp.send('Profiler.setSamplingInterval', { interval: 50 });
await cdp.send('Profiler.start');
const r = await page.evaluate(() => {
  const w = window as any;
  const url = new URL(location.href);
  const s = w.fb.scanner(document);
  s.scan(url);
  const list = document.querySelector('[data-heavy-list]')!;
  let t = 0; let nulls = 0;
  for (let from = 0; from < 2000; from += 50) {
    const frag = document.createDocumentFragment();
    const cards: Element[] = [];
    for (let i = from; i < from + 50; i++) { const holder = document.createElement('div'); holder.innerHTML = ''; }
    w.__heavy.append(from, 50);
    const added = [...list.children].slice(from, from + 50);
    const t0 = performance.now();
    const got = s.update(added, url);
    t += performance.now() - t0;
    if (!got) nulls++;
  }
  return { t, nulls };
});
const { profile } = await cdp.send('Profiler.stop');
console.log(r);
const byId = new Map(profile.nodes.map((n: any) => [n.id, n]));
const dt = profile.timeDeltas ?? [];
const self = new Map<string, number>();
(profile.samples ?? []).forEach((id: number, i: number) => { const n: any = byId.get(id); if (!n.callFrame.url.includes('__') && n.callFrame.url !== '' && !n.callFrame.url.includes('facebook.com/friends')) {} const k = `${n.callFrame.functionName || '(anon)'} ${n.callFrame.url.split('/').pop()}:${n.callFrame.lineNumber}`; self.set(k, (self.get(k) ?? 0) + (dt[i] ?? 0)); });
for (const [k, v] of [...self].sort((a, b) => b[1] - a[1]).slice(0, 25)) console.log((v / 1000).toFixed(1).padStart(8), k);
await ctx.close();
