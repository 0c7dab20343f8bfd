/**
 * Firefox smoke run: the built Firefox add-on (.output/firefox-mv2, `npm run build:firefox`) in
 * Firefox ESR, driven over WebDriver BiDi with puppeteer-core (Playwright's Firefox cannot load
 * add-ons). It imports the demo CSV through the options page, opens one replica per site at the
 * site's real address (served by request interception: nothing reaches the network), and reads
 * the detections in the popup, opened as a page. What is driven here is what a person does.
 *
 * Facts it rests on (/work/shared/docs/firefox-e2e.md, checked on Firefox ESR 140 and 153):
 * - each add-on gets a random internal UUID per profile, pinned here with the preference
 *   `extensions.webextensions.uuids`, so its pages are moz-extension://<UUID>/…;
 * - WebDriver navigation to a moz-extension:// page loads it but never reports it loaded, so a
 *   navigation there is started and not awaited, and the page's own element is waited for;
 * - Firefox 153 and later navigate there only when started with --remote-allow-system-access.
 *
 * Run with `npm run test:firefox` (part of `npm test`). The browser is $FIREFOX_PATH, else
 * /usr/bin/firefox-esr (Debian: `apt-get install firefox-esr`).
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import puppeteer, { type Browser, type HTTPRequest, type Page } from 'puppeteer-core';

const ADDON_DIR = path.resolve('.output/firefox-mv2');
const FIXTURES = path.resolve('tests/fixtures');
/** Any fixed UUID: the add-on's pages live under it for this run. */
const ADDON_UUID = '0b6f5e2c-8d3a-4c1e-9f27-5a4b3c2d1e0f';
const WAIT_MS = 15_000;

/** One replica per site, and who from tests/fixtures/clients/demo.csv the popup must show on it. */
const SITES = [
  {
    url: 'https://www.facebook.com/friends/requests/',
    fixture: 'facebook/friend-requests.en.html',
    shown: ['facebook/request/exact/Ana Ruiz-Calder', 'facebook/request/exact/Lena Fischbach', 'facebook/request/exact/Priya Natarajan-Holt'],
  },
  {
    url: 'https://www.instagram.com/accounts/activity/?followRequests=1',
    fixture: 'instagram/follow-requests.en.html',
    shown: ['instagram/request/exact/Jude Okonkwo', 'instagram/request/exact/Maple Quinn', 'instagram/request/name/Teodor Marsh'],
  },
  {
    url: 'https://www.linkedin.com/mynetwork/invitation-manager/received/',
    fixture: 'linkedin/invitations-current.en.html',
    shown: ['linkedin/request/exact/Ana Souza', 'linkedin/request/exact/Chidi Okafor'],
  },
] as const;

/** $FIREFOX_PATH, then Debian's Firefox ESR; a clear failure otherwise. */
function firefoxPath(): string {
  const candidates = [process.env.FIREFOX_PATH, '/usr/bin/firefox-esr'].filter((c): c is string => Boolean(c));
  const found = candidates.find((candidate) => existsSync(candidate));
  if (!found) {
    throw new Error(
      `No Firefox found (looked at ${candidates.join(', ')}). Install Firefox ESR ` +
        '(Debian/Ubuntu: `sudo apt-get install -y firefox-esr`), or point FIREFOX_PATH at a Firefox 140 or later.',
    );
  }
  return found;
}

function majorVersion(executable: string): number {
  const printed = execFileSync(executable, ['--version'], { encoding: 'utf8' });
  const major = /(\d+)\.\d+/.exec(printed)?.[1];
  if (!major) throw new Error(`Cannot tell the version of ${executable} from: ${printed}`);
  return Number(major);
}

let browser: Browser;
let dir: string;
const unexpected: string[] = [];

before(async () => {
  if (!existsSync(path.join(ADDON_DIR, 'manifest.json'))) throw new Error(`No Firefox build in ${ADDON_DIR}: run \`npm run build:firefox\` first.`);
  const manifest = JSON.parse(readFileSync(path.join(ADDON_DIR, 'manifest.json'), 'utf8')) as { browser_specific_settings: { gecko: { id: string } } };
  const executable = firefoxPath();
  dir = mkdtempSync(path.join(os.tmpdir(), 'boundary-firefox-'));
  browser = await puppeteer.launch({
    browser: 'firefox',
    executablePath: executable,
    headless: true,
    userDataDir: path.join(dir, 'profile'),
    args: majorVersion(executable) >= 153 ? ['--remote-allow-system-access'] : [],
    extraPrefsFirefox: { 'extensions.webextensions.uuids': JSON.stringify({ [manifest.browser_specific_settings.gecko.id]: ADDON_UUID }) },
  });
  const id = await browser.installExtension(ADDON_DIR);
  assert.equal(id, manifest.browser_specific_settings.gecko.id);
});

after(async () => {
  await browser?.close();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

/** Opens one of the add-on's pages and waits for an element of it (see the header for why). */
async function openAddonPage(page: string, readySelector: string): Promise<Page> {
  const tab = await browser.newPage();
  void tab.goto(`moz-extension://${ADDON_UUID}/${page}`, { timeout: WAIT_MS }).catch(() => undefined);
  await tab.waitForSelector(readySelector, { timeout: WAIT_MS });
  return tab;
}

/** Answers a site's requests with its replica (and the replicas' shared script); refuses the rest. */
function serveReplica(request: HTTPRequest, url: string, fixture: string): void {
  const asked = new URL(request.url());
  const replica = new URL(url);
  if (asked.protocol !== 'http:' && asked.protocol !== 'https:') return void request.continue();
  if (asked.origin === replica.origin && asked.pathname === replica.pathname) {
    return void request.respond({ status: 200, contentType: 'text/html; charset=utf-8', body: readFileSync(path.join(FIXTURES, fixture), 'utf8') });
  }
  if (asked.origin === replica.origin && asked.pathname === '/__replica__/replica.js') {
    return void request.respond({ status: 200, contentType: 'text/javascript', body: readFileSync(path.join(FIXTURES, 'shared/replica.js'), 'utf8') });
  }
  if (asked.origin === replica.origin && asked.pathname === '/favicon.ico') return void request.respond({ status: 204, body: '' });
  unexpected.push(asked.href);
  return void request.abort();
}

/** The popup's detections as platform/kind/match/name, by the test contract's attributes. */
function shownIn(popup: Page, names: readonly string[]): Promise<string[]> {
  return popup.$$eval(
    '[data-testid="detection"]',
    (items, names) =>
      items
        .map((item) => {
          const name = names.find((n) => (item as HTMLElement).innerText.includes(n)) ?? `?${(item as HTMLElement).innerText.slice(0, 40)}`;
          return `${item.getAttribute('data-platform')}/${item.getAttribute('data-kind')}/${item.getAttribute('data-match')}/${name}`;
        })
        .sort(),
    names,
  );
}

test('Firefox: import a CSV in the options page, open each site, see the detections in the popup', async () => {
  const options = await openAddonPage('options.html', '[data-testid="import-clients"]');
  const csv = path.join(dir, 'clients.csv');
  writeFileSync(csv, readFileSync(path.join(FIXTURES, 'clients/demo.csv')));
  const input = await options.$('input[type=file][data-testid="import-clients"]');
  assert.ok(input, 'the options page has the import input');
  await input.uploadFile(csv);
  const summary = await options.waitForSelector('[data-testid="import-summary"]', { timeout: WAIT_MS });
  assert.deepEqual(await summary!.evaluate((e) => [e.getAttribute('data-imported'), e.getAttribute('data-rejected')]), ['20', '0']);

  const names = readFileSync(path.join(FIXTURES, 'clients/demo.csv'), 'utf8').split('\n').slice(1).map((row) => row.split(',')[0]!).filter(Boolean);
  for (const { url, fixture, shown } of SITES) {
    const site = await browser.newPage();
    await site.setRequestInterception(true);
    site.on('request', (request) => serveReplica(request, url, fixture));
    await site.goto(url, { waitUntil: 'load', timeout: WAIT_MS });
    // Cards the replica adds later (its data-replica-later templates) are on the page too.
    await site.waitForFunction(
      () =>
        [...document.querySelectorAll('template[data-replica-later]')].every((template) =>
          [...(template as HTMLTemplateElement).content.querySelectorAll('[data-replica-person]')].every((card) =>
            document.querySelector(`[data-replica-person="${card.getAttribute('data-replica-person')}"]`),
          ),
        ),
      { timeout: WAIT_MS },
    );
    // The site's tab, as the add-on sees it (it sees the addresses of the three sites).
    const tabId = await options.evaluate(async (href) => {
      const tabs: { id?: number; url?: string }[] = await (globalThis as unknown as { browser: { tabs: { query(q: object): Promise<{ id?: number; url?: string }[]> } } }).browser.tabs.query({});
      return tabs.find((tab) => tab.url === href)?.id;
    }, url);
    assert.ok(tabId !== undefined, `the add-on sees the tab of ${url}`);

    const popup = await openAddonPage(`popup.html?tab=${tabId}`, '[data-testid="detection"]');
    // The popup follows the tab live: wait until what it shows settles on the expected people.
    const deadline = Date.now() + WAIT_MS;
    let seen = await shownIn(popup, names);
    while (JSON.stringify(seen) !== JSON.stringify([...shown]) && Date.now() < deadline) {
      await new Promise((resolve) => setTimeout(resolve, 100));
      seen = await shownIn(popup, names);
    }
    assert.deepEqual(seen, [...shown], `the popup on ${fixture}`);
    await popup.close();
    await site.close();
  }
  assert.deepEqual(unexpected, [], 'nothing but the replicas was requested');
});
