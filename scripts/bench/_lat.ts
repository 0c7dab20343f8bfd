import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { heavyFacebook, HEAVY_FACEBOOK_URL } from '../../tests/fixtures/heavy/facebook';
import { HeavyPages } from './browser';
import { launchWithExtension, extensionWorker } from '../../tests/e2e/support/browser';
import { Boundary } from '../../tests/e2e/support/boundary';
import { latencyRound } from './latency';
const heavy = heavyFacebook({ streamCards: 2000, clientEvery: 40, arrivals: 20, clients: 10000 });
const ext = await launchWithExtension(mkdtempSync(path.join(os.tmpdir(), 'bx-')));
const worker = await extensionWorker(ext);
const boundary = new Boundary(ext, worker, new URL(worker.url()).host);
await HeavyPages.install(ext, { [HEAVY_FACEBOOK_URL]: heavy.html });
await boundary.importCsv(heavy.csv);
for (let r = 0; r < 3; r++) {
  const res = await latencyRound(ext, worker, boundary, { seed: 100, seedClients: 2, arrivals: 2000, inserts: 20 });
  console.log(res.samples.map((s, i) => `${s.toFixed(0)}/${res.stored[i]!.toFixed(0)}`).join(' '));
}
await ext.close();
