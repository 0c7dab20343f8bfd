import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { BrowserContext } from '@playwright/test';

const FIXTURES = path.resolve('tests/fixtures');
// The three social sites, and the search engines and review sites of the optional features.
const SITE_HOST =
  /(^|\.)(facebook|instagram|linkedin)\.com$|^(www\.google\.[a-z.]+|www\.bing\.com|(html\.)?duckduckgo\.com|business\.google\.com|biz\.yelp\.com)$/;

/**
 * Serves hand-written replicas at the sites' real addresses and refuses everything else, so
 * no test ever reaches a live site. Requests nobody expected are recorded for the tests to check.
 */
export class Replicas {
  private readonly pages = new Map<string, string>();
  readonly unexpected: string[] = [];
  /** Every web request any page or worker (the extension's service worker too) started. */
  readonly seen: string[] = [];

  static async install(context: BrowserContext): Promise<Replicas> {
    const replicas = new Replicas();
    context.on('request', (request) => {
      if (/^https?:/.test(request.url())) replicas.seen.push(request.url());
    });
    // Every web request, from pages and from the extension alike; the extension's own packaged
    // files (chrome-extension://) are not network and pass untouched.
    await context.route((url) => url.protocol === 'http:' || url.protocol === 'https:', async (route) => {
      const url = new URL(route.request().url());
      const body = replicas.bodyFor(url);
      if (body === undefined) {
        replicas.unexpected.push(url.href);
        return route.abort('blockedbyclient');
      }
      return route.fulfill({ status: 200, contentType: body.type, body: body.text });
    });
    return replicas;
  }

  /** Serves `fixture` (a path under tests/fixtures) at `url`; the query string is ignored. */
  serve(url: string, fixture: string): string {
    const parsed = new URL(url);
    this.pages.set(parsed.origin + parsed.pathname, path.join(FIXTURES, fixture));
    return url;
  }

  /** Whether a URL is one of the replicas' own (a page or the shared replica script). */
  isReplica(href: string): boolean {
    const url = new URL(href);
    return this.pages.has(url.origin + url.pathname) || (SITE_HOST.test(url.hostname) && url.pathname === '/__replica__/replica.js');
  }

  private bodyFor(url: URL): { type: string; text: string } | undefined {
    if (!SITE_HOST.test(url.hostname)) return undefined;
    if (url.pathname === '/__replica__/replica.js') {
      return { type: 'text/javascript', text: readFileSync(path.join(FIXTURES, 'shared/replica.js'), 'utf8') };
    }
    if (url.pathname === '/favicon.ico') return { type: 'image/x-icon', text: '' };
    const file = this.pages.get(url.origin + url.pathname);
    return file ? { type: 'text/html; charset=utf-8', text: readFileSync(file, 'utf8') } : undefined;
  }
}
