/**
 * The search engines whose result pages Boundary reads, once the clinician turns the feature on:
 * only the page's address is read (the query is in it), never the results, and the query itself
 * is not kept — only which listed clients it named.
 */
export const SEARCH_ENGINES = ['google', 'bing', 'duckduckgo'] as const;
export type SearchEngine = (typeof SEARCH_ENGINES)[number];

// Google answers on a domain per country; these are the ones clinicians in our regions use.
// A search on another one is simply not noticed (its host was never granted).
const GOOGLE_DOMAINS = [
  'google.com', 'google.co.uk', 'google.ie', 'google.ca', 'google.com.au', 'google.co.nz', 'google.co.za',
  'google.co.in', 'google.es', 'google.com.mx', 'google.com.ar', 'google.cl', 'google.com.co', 'google.fr',
  'google.de', 'google.at', 'google.ch', 'google.it', 'google.pt', 'google.com.br', 'google.nl', 'google.be',
];

/** Match patterns for the optional host permission the feature asks for: HTTPS only, as the searches read. */
export const SEARCH_ORIGINS: readonly string[] = [
  ...GOOGLE_DOMAINS.map((domain) => `https://www.${domain}/*`),
  'https://www.bing.com/*',
  'https://duckduckgo.com/*',
  'https://html.duckduckgo.com/*',
];

const GOOGLE_HOST = new RegExp(`^www\\.(?:${GOOGLE_DOMAINS.map((d) => d.replaceAll('.', '\\.')).join('|')})$`);

/** The engine and query of a search results page; null for any other address. */
export function searchOf(href: string): { engine: SearchEngine; query: string } | null {
  let url: URL;
  try {
    url = new URL(href);
  } catch {
    return null;
  }
  if (url.protocol !== 'https:') return null;
  const query = (url.searchParams.get('q') ?? '').trim();
  if (!query) return null;
  const host = url.hostname.toLowerCase();
  const path = url.pathname.replace(/\/+$/, '');
  if (GOOGLE_HOST.test(host) && path === '/search') return { engine: 'google', query };
  if (host === 'www.bing.com' && path === '/search') return { engine: 'bing', query };
  if ((host === 'duckduckgo.com' && (path === '' || path === '/html')) || (host === 'html.duckduckgo.com' && path === '/html')) {
    return { engine: 'duckduckgo', query };
  }
  return null;
}

/** Brand names, the same in every language. */
export const ENGINE_NAMES: Record<SearchEngine, string> = { google: 'Google', bing: 'Bing', duckduckgo: 'DuckDuckGo' };
