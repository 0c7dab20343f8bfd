import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { BrowserContext } from '@playwright/test';
import { launchBrowser } from '../../tests/e2e/support/browser';

/**
 * The same browser as tests/e2e/support/browser.ts's launchWithExtension, with the same flags and
 * window, but no extension: the "without" side of every comparison. Only the extension differs.
 */
export function launchWithoutExtension(userDataDir: string): Promise<BrowserContext> {
  return launchBrowser(userDataDir, true);
}

const STREAM_JS = path.resolve('tests/fixtures/heavy/stream.js');
const SITE_HOST = /(^|\.)(facebook|instagram|linkedin)\.com$/;

/**
 * Serves generated pages at the sites' real addresses, and the heavy replicas' driver script,
 * and refuses every other request (as the e2e tests' Replicas do): nothing reaches the network.
 */
export class HeavyPages {
  private readonly pages = new Map<string, string>();
  readonly unexpected: string[] = [];

  static async install(context: BrowserContext, pages: Record<string, string>): Promise<HeavyPages> {
    const served = new HeavyPages();
    for (const [url, html] of Object.entries(pages)) {
      const parsed = new URL(url);
      served.pages.set(parsed.origin + parsed.pathname, html);
    }
    const script = readFileSync(STREAM_JS, 'utf8');
    await context.route((url) => url.protocol === 'http:' || url.protocol === 'https:', async (route) => {
      const url = new URL(route.request().url());
      if (SITE_HOST.test(url.hostname)) {
        if (url.pathname === '/__heavy__/stream.js') return route.fulfill({ status: 200, contentType: 'text/javascript', body: script });
        if (url.pathname === '/favicon.ico') return route.fulfill({ status: 200, contentType: 'image/x-icon', body: '' });
        const html = served.pages.get(url.origin + url.pathname);
        if (html !== undefined) return route.fulfill({ status: 200, contentType: 'text/html; charset=utf-8', body: html });
      }
      served.unexpected.push(url.href);
      return route.abort('blockedbyclient');
    });
    return served;
  }
}
