// A tour of Boundary without logging into anything: Chromium with the built extension, a demo
// client list, and the site replicas served offline at the sites' real addresses.
//   npm run demo                 a browser window to try it in (close it to finish)
//   npm run demo -- --headless   the same tour without a window; screenshots in demo-output/
import { mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { REPLICA_PAGES } from '../tests/fixtures/replicas';
import { Boundary } from '../tests/e2e/support/boundary';
import { extensionWorker, launchWithExtension } from '../tests/e2e/support/browser';
import { Replicas } from '../tests/e2e/support/replicas';

const OUT = path.resolve('demo-output');
const TOUR = [
  { fixture: 'facebook/friend-requests.en.html', shot: 'facebook-friend-requests' },
  { fixture: 'facebook/messages.en.html', shot: 'facebook-messenger' },
  { fixture: 'instagram/follow-requests.en.html', shot: 'instagram-follow-requests' },
  { fixture: 'instagram/direct-thread.es.html', shot: 'instagram-direct-thread' },
  { fixture: 'linkedin/invitations-current.en.html', shot: 'linkedin-invitations' },
  { fixture: 'linkedin/messaging.en.html', shot: 'linkedin-messaging' },
];

async function main() {
  const wantsHeadless = process.argv.includes('--headless');
  const hasDisplay = process.platform !== 'linux' || Boolean(process.env.DISPLAY || process.env.WAYLAND_DISPLAY);
  const headless = wantsHeadless || !hasDisplay;
  if (!wantsHeadless && !hasDisplay) console.log('No display found: running the tour headless instead.');

  const profile = mkdtempSync(path.join(os.tmpdir(), 'boundary-demo-'));
  const context = await launchWithExtension(profile, headless);
  try {
    const worker = await extensionWorker(context);
    const boundary = new Boundary(context, worker, new URL(worker.url()).host);
    const replicas = await Replicas.install(context);

    const csv = readFileSync('tests/fixtures/clients/demo.csv', 'utf8');
    const { page: options, imported } = await boundary.importCsv(csv);
    console.log(`Demo client list: ${imported} invented clients imported.`);
    if (headless) mkdirSync(OUT, { recursive: true });
    if (headless) await options.screenshot({ path: path.join(OUT, 'options-home.png'), fullPage: true });
    await boundary.showView(options, 'clients');
    if (headless) await options.screenshot({ path: path.join(OUT, 'options.png'), fullPage: true });

    for (const stop of TOUR) {
      const { url } = REPLICA_PAGES.find((p) => p.fixture === stop.fixture)!;
      const site = await context.newPage();
      await site.goto(replicas.serve(url, stop.fixture));
      const popup = await boundary.openPopup(site);
      await popup.setViewportSize({ width: 400, height: 640 });
      await popup.getByTestId('detection').first().waitFor({ timeout: 10_000 });
      // Some replicas load more people a moment later, as the sites do while scrolling.
      await popup.waitForTimeout(1500);
      const count = await popup.getByTestId('detection').count();
      console.log(`${url}\n  ${count} ${count === 1 ? "detection" : "detections"} of people on the list (${stop.fixture})`);
      if (headless) {
        await site.screenshot({ path: path.join(OUT, `${stop.shot}-page.png`) });
        await popup.screenshot({ path: path.join(OUT, `${stop.shot}-popup.png`), fullPage: true });
        await popup.close();
      }
    }

    if (headless) {
      console.log(`\nScreenshots of the popup and pages are in ${OUT}/`);
      return;
    }
    console.log(
      '\nThe browser is open on the replicas (offline copies at the real addresses). Click the Boundary icon on a\n' +
        'tab, or use the popup tabs opened beside each page. Close the browser window to finish.',
    );
    await new Promise<void>((resolve) => context.on('close', () => resolve()));
  } finally {
    await context.close().catch(() => undefined);
    rmSync(profile, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
