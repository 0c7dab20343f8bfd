import type { Platform } from './platform';
import { HOME, platformOfHost, refuse, SITE, type IdentityResult, type QueryParams, type SiteParser } from './site';

/**
 * Reading an identity out of pasted text or a link, for the sites whose rules were loaded: each
 * site's file (lib/identity/facebook.ts …) hands its rules here as it loads. A content script
 * loads only its own site's; the background and the extension's pages load all three through
 * lib/identity. A site whose rules were not loaded reads as nobody: it is never asked there.
 */
const sites: Partial<Record<Platform, SiteParser>> = {};

export function knowSite(site: SiteParser): void {
  sites[site.platform] = site;
}

// Invisible characters ride along with copied text and would silently break a username.
export const INVISIBLE = /[\u200B-\u200D\u2060\uFEFF]/g;
const SCHEME = /^[a-z][a-z0-9+.-]*:(?!\d)/i;
const EMAIL = /^[^@\s/]+@[^@\s/]+\.[a-z]{2,}$/i;
// Without a scheme or a slash, only these endings mark a domain: usernames (jane.doe.71) have dots too.
export const BARE_HOST = /\.(?:com|net|org|edu|gov)$|^(?:[a-z0-9-]+\.)*(?:instagr\.am|lnkd\.in|fb\.me)$/i;

export function clean(input: string): string {
  let text = input.replace(INVISIBLE, '').trim();
  // Email clients wrap links as <https://...>.
  if (text.startsWith('<') && text.endsWith('>')) text = text.slice(1, -1).trim();
  return text;
}

/** What fromUrl reads of a URL: a URL has all of it; so does a simple link read without one. */
interface UrlParts {
  protocol: string;
  hostname: string;
  pathname: string;
  searchParams: QueryParams;
}

function fromUrl(platform: Platform, url: UrlParts): IdentityResult {
  if (url.protocol !== 'https:' && url.protocol !== 'http:') return refuse('identity_not_web');
  const host = url.hostname.toLowerCase().replace(/\.$/, '');
  if (!host.includes('.')) return refuse('identity_not_address');
  const site = sites[platform];
  const owner = platformOfHost(host);
  if (owner !== platform || !site) {
    return site?.otherHost?.(host) ?? refuse('identity_other_site', owner ? SITE[owner] : host, SITE[platform]);
  }
  return site.fromUrl(host, url.pathname.split('/').filter((s) => s !== ''), url.searchParams);
}

/** The pasted text as a URL's parts; a plain link is read without the URL parser (simpleUrl): an import of 100,000 rows reads one or more links a row. */
function toUrl(platform: Platform, text: string): UrlParts | null {
  let address = text;
  if (address.startsWith('//')) address = `https:${address}`;
  else if (address.startsWith('/')) address = HOME[platform] + address.slice(1);
  else if (!SCHEME.test(address)) address = `https://${address}`;
  const simple = simpleUrl(address);
  if (simple) return simple;
  try {
    return new URL(address);
  } catch {
    return null;
  }
}

function looksLikeUrl(text: string): boolean {
  return SCHEME.test(text) || /[/?#]/.test(text) || /^www\./i.test(text) || BARE_HOST.test(text);
}

/** Whatever a person pastes (URL in any form, username, @username, numeric FB id) → one canonical identity. */
export function parseIdentity(platform: Platform, input: string): IdentityResult {
  const text = clean(input);
  if (text === '') return refuse('identity_nothing');
  if (/\s/.test(text)) return refuse('identity_space');
  if (EMAIL.test(text)) return refuse('identity_email');
  const site = sites[platform];
  const own = site?.fromText?.(text);
  if (own) return own;
  if (!looksLikeUrl(text) || text.startsWith('@')) {
    // "@name" is how people write handles; tolerated on every site.
    const name = text.startsWith('@') ? text.slice(1) : text;
    return site ? site.fromBare(name) : refuse('identity_not_address');
  }
  const url = toUrl(platform, text);
  return url ? fromUrl(platform, url) : refuse('identity_not_address');
}

/**
 * Answers identityFromHref gave, by platform, base and href: a page links each person two or
 * three times (avatar, name, buttons), and a scan of the whole page reads the same links again.
 * Kept small, and emptied when full rather than tracked entry by entry.
 */
const hrefAnswers = new Map<string, string | null>();
const HREF_ANSWERS_MAX = 5000;

/** For content scripts reading <a href>: only URL forms (absolute, or relative resolved against `base`, a page URL); never bare usernames. Returns the canonical identity or null. Must be cheap (called for every link on a page) and must not throw. */
export function identityFromHref(platform: Platform, href: string, base?: string): string | null {
  if (typeof href !== 'string') return null;
  const key = `${platform} ${base ?? ''} ${href}`;
  const known = hrefAnswers.get(key);
  if (known !== undefined) return known;
  const answer = readHref(platform, href, base);
  if (hrefAnswers.size >= HREF_ANSWERS_MAX) hrefAnswers.clear();
  hrefAnswers.set(key, answer);
  return answer;
}

function readHref(platform: Platform, href: string, base?: string): string | null {
  const text = href.trim();
  if (text === '' || text.startsWith('#')) return null;
  try {
    const result = fromUrl(platform, simpleUrl(text) ?? simpleRelative(text, base) ?? (base === undefined ? new URL(text) : new URL(text, base)));
    return result.ok ? result.identity : null;
  } catch {
    // Relative link without a base, or an unusable base.
    return null;
  }
}

/**
 * An absolute http(s) link made only of characters the URL parser keeps as they are: lower-case
 * host without punycode or a port, a path without dot segments or escapes, a query of plain
 * name=value pairs, no fragment. Its parts are then exactly what new URL() would give, read
 * without building one (on pages of thousands of cards, parsing is most of reading a link).
 * Anything else is null, and goes to the URL parser.
 */
const SIMPLE_HREF = /^(https?:)\/\/([a-z0-9-]+(?:\.[a-z0-9-]+)*\.?)(\/[A-Za-z0-9_~./-]*)?(?:\?([A-Za-z0-9_~.=&-]*))?$/;
const DOT_SEGMENT = /(?:^|\/)\.\.?(?:\/|$)/;

/**
 * A link relative to the root ("/ana.ruiz/", most of a site's own links) on a page whose address
 * simpleUrl reads: the page's origin and the link's path, when together they read as simple too.
 * new URL(link, page) gives exactly that: a root-relative link keeps the base's scheme and host
 * and nothing else of it. Anything else (a protocol-relative "//host", "./a", "a/b", "?q",
 * escapes, a page address simpleUrl does not read) is null and goes to the URL parser.
 */
function simpleRelative(text: string, base: string | undefined): UrlParts | null {
  if (base === undefined || text[0] !== '/' || text[1] === '/' || text[1] === '\\') return null;
  const page = originOf(base);
  return page === null ? null : simpleUrl(page + text);
}

/** The origin of a page address simpleUrl reads ("https://www.instagram.com"), or null; the last asked is kept. */
let lastBase: { base: string; origin: string | null } | undefined;
function originOf(base: string): string | null {
  if (lastBase?.base === base) return lastBase.origin;
  const match = SIMPLE_HREF.exec(base);
  const origin = match && !match[2]!.includes('xn--') && !match[2]!.endsWith('.') ? `${match[1]}//${match[2]}` : null;
  lastBase = { base, origin };
  return origin;
}

function simpleUrl(text: string): UrlParts | null {
  const match = SIMPLE_HREF.exec(text);
  if (!match) return null;
  const [, protocol, hostname, path = '/', query = ''] = match;
  if (hostname!.includes('xn--') || DOT_SEGMENT.test(path)) return null;
  return {
    protocol: protocol!,
    hostname: hostname!,
    pathname: path,
    searchParams: {
      get(name) {
        for (const pair of query.split('&')) {
          const at = pair.indexOf('=');
          if ((at < 0 ? pair : pair.slice(0, at)) === name) return at < 0 ? '' : pair.slice(at + 1);
        }
        return null;
      },
    },
  };
}
