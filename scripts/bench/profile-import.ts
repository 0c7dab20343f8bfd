// A tool for finding where an import's time goes (not part of the bench):
// `npx tsx scripts/bench/profile-import.ts [clients]` after a build (BOUNDARY_NO_MINIFY=1 keeps
// names readable). A fresh profile each run: imports the bench's client list through the options
// page while sampling its CPU, then prints the import's time and the heaviest functions (self time).
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { heaviestFunctions, type CpuProfile } from './cpu-profile';
import { benchClientCsv, benchPages } from '../../tests/fixtures/bench';
import { Boundary } from '../../tests/e2e/support/boundary';
import { extensionWorker, launchWithExtension } from '../../tests/e2e/support/browser';

const clients = Number(process.argv[2] ?? '100000');

async function main() {
  const context = await launchWithExtension(mkdtempSync(path.join(tmpdir(), 'boundary-import-')), true);
  try {
    const worker = await extensionWorker(context);
    const boundary = new Boundary(context, worker, new URL(worker.url()).host);
    const csv = benchClientCsv(benchPages({ rows: 600, clientEvery: 40, arrivals: 20 }), clients);
    const page = await boundary.openOptions('import');
    const cdp = await context.newCDPSession(page);
    await cdp.send('Profiler.enable');
    await cdp.send('Profiler.setSamplingInterval', { interval: 500 });
    await cdp.send('Profiler.start');
    const started = Date.now();
    const result = await boundary.importCsv(csv, page);
    const ms = Date.now() - started;
    const { profile } = (await cdp.send('Profiler.stop')) as unknown as { profile: CpuProfile };
    console.log(`imported ${result.imported} (rejected ${result.rejected}) in ${ms} ms`);
    for (const line of heaviestFunctions(profile)) console.log(line);
    writeFileSync('/tmp/boundary-import.cpuprofile', JSON.stringify(profile));
  } finally {
    await context.close();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
