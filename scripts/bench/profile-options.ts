// A tool for finding where the options page spends its time opening over a long list (not part of
// the bench): `npx tsx scripts/bench/profile-options.ts <profile dir> [clients] [reloads]` after a
// build. The profile directory keeps the imported list between runs (the extension's id follows
// its path, so a rebuild in place reads the same database), and every run reloads the options page
// as the bench does, prints its marks, and for the last reload a CPU profile's heaviest functions
// (self time) and the page's long tasks.
import { existsSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { heaviestFunctions, type CpuProfile } from './cpu-profile';
import { benchClientCsv, benchPages } from '../../tests/fixtures/bench';
import { Boundary } from '../../tests/e2e/support/boundary';
import { extensionWorker, launchWithExtension } from '../../tests/e2e/support/browser';
import type { TraceEvent } from './trace';
import { importRun, openOptionsForReloads, optionsReloadRun } from './extension-pages';

const [dir = '/tmp/boundary-options-profile', count = '100000', reloadsArg = '3'] = process.argv.slice(2);
const clients = Number(count);
const reloads = Number(reloadsArg);

async function main() {
  const marker = path.join(dir, `imported-${clients}`);
  const context = await launchWithExtension(dir, true);
  try {
    const worker = await extensionWorker(context);
    const boundary = new Boundary(context, worker, new URL(worker.url()).host);
    if (!existsSync(marker)) {
      const csv = benchClientCsv(benchPages({ rows: 600, clientEvery: 40, arrivals: 20 }), clients);
      const imported = await importRun(context, boundary, csv);
      console.log(`imported ${imported.imported} in ${Math.round(imported.ms)} ms`);
      writeFileSync(marker, '');
    }
    const page = await openOptionsForReloads(context, boundary);
    for (let r = 0; r < reloads - 1; r++) console.log(JSON.stringify(await optionsReloadRun(page)));
    const cdp = await context.newCDPSession(page);
    await cdp.send('Profiler.enable');
    await cdp.send('Profiler.setSamplingInterval', { interval: 200 });
    await cdp.send('Profiler.start');
    const events: TraceEvent[] = [];
    cdp.on('Tracing.dataCollected', (data) => events.push(...(data.value as unknown as TraceEvent[])));
    await cdp.send('Tracing.start', {
      traceConfig: {
        includedCategories: ['toplevel', 'devtools.timeline', 'disabled-by-default-devtools.timeline', 'v8', 'blink', 'IndexedDB', 'loading', 'blink.user_timing'],
        recordMode: 'recordAsMuchAsPossible',
      },
      transferMode: 'ReportEvents',
    });
    const run = await optionsReloadRun(page);
    // What follows the first screen too: the whole list's read, sort and duplicates.
    await page.waitForTimeout(Number(process.env.PROFILE_AFTER_MS ?? 0));
    const complete = new Promise<void>((resolve) => cdp.once('Tracing.tracingComplete', () => resolve()));
    await cdp.send('Tracing.end');
    await complete;
    writeFileSync(path.join(dir, 'last.trace.json'), JSON.stringify(events));
    const { profile } = (await cdp.send('Profiler.stop')) as unknown as {
      profile: CpuProfile;
    };
    console.log(JSON.stringify(run));
    for (const line of heaviestFunctions(profile)) console.log(line);
    writeFileSync(path.join(dir, 'last.cpuprofile'), JSON.stringify(profile));
  } finally {
    await context.close();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
