import { cpSync, existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { chromium, type BrowserContext } from '@playwright/test';

export const EXTENSION_DIR = path.resolve('.output/chrome-mv3');

/** Chromium to drive: $CHROMIUM_PATH, then Debian's, then Playwright's own download. */
export function chromiumPath(): string {
  const candidates = [process.env.CHROMIUM_PATH, '/usr/bin/chromium', '/usr/bin/chromium-browser'];
  try {
    candidates.push(chromium.executablePath());
  } catch {
    // Playwright has no browser of its own here; the others may still do.
  }
  const found = candidates.find((candidate) => candidate && existsSync(candidate));
  if (!found) {
    throw new Error(
      'No Chromium found. Install one (Debian/Ubuntu: `sudo apt-get install -y chromium`), ' +
        'or point CHROMIUM_PATH at a Chromium or Chrome binary.',
    );
  }
  return found;
}

/**
 * A fresh browser profile: the flags keep this offline machine's Chromium from reaching out, and
 * `extraArgs` is the only thing that differs between callers (the extension, or nothing).
 * `language` sets the browser's own UI language, which extensions' messages follow; on Linux
 * Chromium reads it from LANGUAGE, and needs that language's pack (Debian: chromium-l10n).
 */
export function launchBrowser(
  userDataDir: string,
  headless: boolean,
  extraArgs: readonly string[] = [],
  language?: string,
): Promise<BrowserContext> {
  return chromium.launchPersistentContext(userDataDir, {
    executablePath: chromiumPath(),
    headless,
    viewport: { width: 1280, height: 800 },
    ...(language && { env: { ...process.env, LANGUAGE: language } }),
    args: [
      ...extraArgs,
      ...(language ? [`--lang=${language}`] : []),
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
      '--disable-quic',
    ],
  });
}

/** A fresh browser profile with the built extension loaded, as a person would have it. */
export async function launchWithExtension(
  userDataDir: string,
  headless = true,
  { language, extensionDir = EXTENSION_DIR }: { language?: string; extensionDir?: string } = {},
): Promise<BrowserContext> {
  if (!existsSync(path.join(EXTENSION_DIR, 'manifest.json'))) {
    throw new Error(`No built extension in ${EXTENSION_DIR}: run \`npm run build\` first.`);
  }
  // Only a first install opens the welcome tab, and only an extension that has one (the bench's
  // floor extension has none).
  const opensWelcome = (!existsSync(userDataDir) || readdirSync(userDataDir).length === 0) && existsSync(path.join(extensionDir, 'welcome.html'));
  const context = await launchBrowser(userDataDir, headless, [`--disable-extensions-except=${extensionDir}`, `--load-extension=${extensionDir}`], language);
  if (opensWelcome) await welcomeOpened(context);
  return context;
}

/**
 * A fresh install opens the welcome tab (entrypoints/background.ts) in the window that has focus.
 * Opened after a caller's own page, it puts that page behind it, where Chromium runs the page's
 * frames at 1 Hz: every click then waits a second or two for the page to be still, and journeys
 * ran past their time on a loaded machine, in some runs and not others. So a fresh profile is
 * handed over only once the welcome tab is open; every page opened after it is in front.
 */
async function welcomeOpened(context: BrowserContext): Promise<void> {
  const welcome = (url: string) => url.startsWith('chrome-extension://') && new URL(url).pathname === '/welcome.html';
  const deadline = Date.now() + 15_000;
  while (!context.pages().some((page) => welcome(page.url()))) {
    if (Date.now() > deadline) throw new Error('A fresh install did not open its welcome tab within 15 s.');
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}

/**
 * A copy of the built extension, in `dir`, with its optional hosts (search engines, review
 * sites) granted from the start. Chromium grants optional hosts only after asking the person in
 * a prompt of its own, which no test can answer; listing them with the required hosts stands in
 * for that "Allow". Only the manifest differs: the code under test is the same build.
 */
export function withOptionalHostsGranted(dir: string): string {
  cpSync(EXTENSION_DIR, dir, { recursive: true });
  const file = path.join(dir, 'manifest.json');
  const manifest = JSON.parse(readFileSync(file, 'utf8')) as { host_permissions?: string[]; optional_host_permissions?: string[] };
  manifest.host_permissions = [...(manifest.host_permissions ?? []), ...(manifest.optional_host_permissions ?? [])];
  delete manifest.optional_host_permissions;
  writeFileSync(file, JSON.stringify(manifest));
  return dir;
}

export async function extensionWorker(context: BrowserContext) {
  const [existing] = context.serviceWorkers();
  return existing ?? (await context.waitForEvent('serviceworker'));
}
