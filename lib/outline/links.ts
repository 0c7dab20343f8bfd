import type { Placeholders, Reading } from './placeholders';
import { PATH_WORDS, TOKEN, fold } from './words';

/** scheme:, //host, path, ?query, #fragment: every part optional, so every string matches. */
const URL_PARTS = /^([a-z][a-z0-9+.-]*:)?(\/\/[^/?#]*)?([^?#]*)(\?[^#]*)?(#.*)?$/is;

/** Hosts of the sites and their CDNs: kept, so that an outline's links still point where the page's did. */
const SITE_HOST =
  /(?:^|\.)(?:facebook\.com|fb\.com|fb\.me|fbcdn\.net|fbsbx\.com|messenger\.com|instagram\.com|instagr\.am|cdninstagram\.com|linkedin\.com|licdn\.com|lnkd\.in)$/i;

/**
 * Segments after which the next one names someone or their conversation: /in/<slug>/,
 * /messages/t/<id>/, /direct/t/<id>/, /messaging/thread/<id>/, /people/<Name>/<id>/.
 */
const NAMED_AFTER = new Set(['in', 't', 'thread', 'people', 'pub']);

const SEGMENT_SAFE = /%(?:24|26|2B|2C|3A|3B|3D|40)/g;

function decoded(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}

/** Whether every word of a segment is one of the sites' path words (friends, requests, profile.php). */
function onlyPathWords(segment: string): boolean {
  for (const [word] of segment.matchAll(TOKEN)) {
    if (/^[0-9]+$/.test(word)) continue;
    if (!PATH_WORDS.has(fold(word))) return false;
  }
  return true;
}

/** A part of a link, read as `reading`, percent-encoded again when it came encoded. */
function part(raw: string, reading: Reading, placeholders: Placeholders, safe: RegExp | null): string {
  const text = decoded(raw);
  const out = placeholders.replace(text, reading);
  if (!raw.includes('%')) return out;
  const encoded = encodeURIComponent(out);
  return safe ? encoded.replace(safe, decodeURIComponent) : encoded;
}

function path(value: string, site: boolean, placeholders: Placeholders): string {
  let previous: string | null = null;
  let first = true;
  return value
    .split('/')
    .map((segment) => {
      if (segment === '') return segment;
      const text = decoded(segment);
      // The first segment of a site's link is its section (/friends/, /direct/) or a username.
      const named = !site || (previous !== null && NAMED_AFTER.has(previous)) || (first && !onlyPathWords(text));
      previous = fold(text);
      first = false;
      return part(segment, named ? 'identity' : 'path', placeholders, SEGMENT_SAFE);
    })
    .join('/');
}

function query(value: string, site: boolean, placeholders: Placeholders): string {
  return value
    .split('&')
    .map((pair) => {
      const eq = pair.indexOf('=');
      if (eq < 0) return pair;
      const raw = pair.slice(eq + 1);
      const text = decoded(raw);
      // A link inside a link (l.facebook.com/l.php?u=…) is outlined as a link.
      const out = /^(?:https?:)?\/\//i.test(text)
        ? encodeURIComponent(outlineUrl(text, placeholders) ?? '')
        : part(raw, site ? 'path' : 'identity', placeholders, null);
      return `${pair.slice(0, eq)}=${out}`;
    })
    .join('&');
}

/**
 * A link with its shape kept and its identities replaced: the sites' hosts and path words stay,
 * usernames, slugs, ids and thread keys become placeholders of the same kind (lib/identity still
 * reads them as it read the originals), other hosts' names and every query value of other sites
 * go. Data and blob addresses become `data:,`; null for a script address, which is dropped.
 */
export function outlineUrl(value: string, placeholders: Placeholders): string | null {
  const trimmed = value.trim();
  const [, scheme = '', authority = '', pathPart = '', queryPart = '', fragment = ''] = URL_PARTS.exec(trimmed) ?? [];
  const protocol = scheme.toLowerCase();
  if (protocol === 'javascript:' || protocol === 'vbscript:') return null;
  if (protocol === 'data:' || protocol === 'blob:') return 'data:,';
  if (protocol && protocol !== 'http:' && protocol !== 'https:') {
    // mailto:, tel:, sms: say whom to reach.
    return scheme + placeholders.replace(trimmed.slice(scheme.length), 'identity');
  }
  const host = authority.slice(2).replace(/^[^@]*@/, '');
  const site = authority === '' || SITE_HOST.test(host.replace(/:\d+$/, ''));
  const outHost = site
    ? host
    : host
        .split('.')
        .map((label, i, labels) => (i === labels.length - 1 || label === 'www' ? label : placeholders.replace(label, 'identity')))
        .join('.');
  return (
    scheme +
    (authority ? `//${outHost}` : '') +
    path(pathPart, site, placeholders) +
    (queryPart ? `?${query(queryPart.slice(1), site, placeholders)}` : '') +
    (fragment ? `#${part(fragment.slice(1), site ? 'path' : 'identity', placeholders, SEGMENT_SAFE)}` : '')
  );
}
