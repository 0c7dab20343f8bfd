import type { Platform } from './platform';

export type IdentityResult = { ok: true; identity: string } | { ok: false; reason: string };

const SITE: Record<Platform, string> = { facebook: 'Facebook', instagram: 'Instagram', linkedin: 'LinkedIn' };

/** Where a path-only paste ("/in/zoe-dubois") is resolved, and where identityUrl points. */
const HOME: Record<Platform, string> = {
  facebook: 'https://www.facebook.com/',
  instagram: 'https://www.instagram.com/',
  linkedin: 'https://www.linkedin.com/',
};

const accept = (identity: string): IdentityResult => ({ ok: true, identity });
const refuse = (reason: string): IdentityResult => ({ ok: false, reason });

// Invisible characters ride along with copied text and would silently break a username.
const INVISIBLE = /[\u200B-\u200D\u2060\uFEFF]/g;
const SCHEME = /^[a-z][a-z0-9+.-]*:(?!\d)/i;
const EMAIL = /^[^@\s/]+@[^@\s/]+\.[a-z]{2,}$/i;
// Without a scheme or a slash, only these endings mark a domain: usernames (jane.doe.71) have dots too.
const BARE_HOST = /\.(?:com|net|org|edu|gov)$|^(?:[a-z0-9-]+\.)*(?:instagr\.am|lnkd\.in|fb\.me)$/i;

function clean(input: string): string {
  let text = input.replace(INVISIBLE, '').trim();
  // Email clients wrap links as <https://...>.
  if (text.startsWith('<') && text.endsWith('>')) text = text.slice(1, -1).trim();
  return text;
}

function isUnder(host: string, domain: string): boolean {
  return host === domain || host.endsWith(`.${domain}`);
}

function subdomainOf(host: string, domain: string): string {
  return host === domain ? '' : host.slice(0, -(domain.length + 1));
}

function platformOfHost(host: string): Platform | null {
  if (isUnder(host, 'facebook.com')) return 'facebook';
  if (isUnder(host, 'instagram.com') || isUnder(host, 'instagr.am')) return 'instagram';
  if (isUnder(host, 'linkedin.com')) return 'linkedin';
  return null;
}

// ---------------------------------------------------------------- Facebook

const FB_NOT_PROFILE = "That Facebook link doesn't point to a person's profile";
const FB_PHOTO = "That is a Facebook photo, not a person's profile";
const FB_POST = "That is a Facebook post, not a person's profile";
const FB_VIDEO = "That is a Facebook video, not a person's profile";
const FB_SEARCH = "That is a Facebook search, not a person's profile";

// Site sections whose names could pass for usernames; Facebook never hands them out as usernames.
const FB_RESERVED = new Map<string, string>([
  ['groups', "That is a Facebook group, not a person's profile"],
  ['pages', "That is a Facebook Page, not a person's profile"],
  ['pg', "That is a Facebook Page, not a person's profile"],
  ['events', "That is a Facebook event, not a person's profile"],
  ['marketplace', "That is Facebook Marketplace, not a person's profile"],
  ['messages', "That is a Facebook conversation, not a person's profile. Open their profile and copy its address"],
  ['messenger', "That is a Facebook conversation, not a person's profile. Open their profile and copy its address"],
  ['friends', "That is a Facebook friends list, not one person's profile"],
  ['me', "That link opens whoever is signed in, so it can't identify anyone"],
  ['photo', FB_PHOTO],
  ['photos', FB_PHOTO],
  ['photo.php', FB_PHOTO],
  ['media', FB_PHOTO],
  ['story.php', FB_POST],
  ['permalink.php', FB_POST],
  ['posts', FB_POST],
  ['share', "That is a Facebook share link; open it and copy the profile's address instead"],
  ['stories', "That is a Facebook story, not a person's profile"],
  ['watch', FB_VIDEO],
  ['reel', FB_VIDEO],
  ['reels', FB_VIDEO],
  ['video', FB_VIDEO],
  ['videos', FB_VIDEO],
  ['live', FB_VIDEO],
  ['hashtag', FB_SEARCH],
  ['search', FB_SEARCH],
  ['gaming', FB_NOT_PROFILE],
  ['games', FB_NOT_PROFILE],
  ['notifications', FB_NOT_PROFILE],
  ['settings', FB_NOT_PROFILE],
  ['login', FB_NOT_PROFILE],
  ['logout', FB_NOT_PROFILE],
  ['recover', FB_NOT_PROFILE],
  ['checkpoint', FB_NOT_PROFILE],
  ['help', FB_NOT_PROFILE],
  ['policies', FB_NOT_PROFILE],
  ['privacy', FB_NOT_PROFILE],
  ['terms', FB_NOT_PROFILE],
  ['legal', FB_NOT_PROFILE],
  ['business', FB_NOT_PROFILE],
  ['ads', FB_NOT_PROFILE],
  ['adsmanager', FB_NOT_PROFILE],
  ['bookmarks', FB_NOT_PROFILE],
  ['saved', FB_NOT_PROFILE],
  ['memories', FB_NOT_PROFILE],
  ['onthisday', FB_NOT_PROFILE],
  ['fundraisers', FB_NOT_PROFILE],
  ['fundraiser', FB_NOT_PROFILE],
  ['donate', FB_NOT_PROFILE],
  ['sharer', FB_NOT_PROFILE],
  ['dialog', FB_NOT_PROFILE],
  ['plugins', FB_NOT_PROFILE],
  ['careers', FB_NOT_PROFILE],
  ['places', FB_NOT_PROFILE],
  ['feeds', FB_NOT_PROFILE],
  ['latest', FB_NOT_PROFILE],
  ['composer', FB_NOT_PROFILE],
  ['community', FB_NOT_PROFILE],
  ['jobs', FB_NOT_PROFILE],
  ['news', FB_NOT_PROFILE],
  ['lite', FB_NOT_PROFILE],
]);

// Hosts that serve profiles; others (help., l., developers.) share paths that only look like usernames.
const FB_PROFILE_SUBDOMAINS = new Set(['', 'www', 'm', 'web', 'mbasic', 'mobile', 'touch', 'business', 'free', '0', 'd', 'x']);
const FB_LOCALE_SUBDOMAIN = /^[a-z]{2}-[a-z]{2}$/;
const FB_PROFILE_TAB = /^(?:about|photos|videos|friends|followers|following|reels|posts|likes|map|sports|music|movies|tv|books|games|events|groups|reviews|mentions|allactivity)(?:_[a-z_]+)?$/;

function facebookId(digits: string): IdentityResult {
  if (!/^\d+$/.test(digits)) return refuse("A Facebook profile ID is made of digits only");
  if (digits.startsWith('0')) return refuse("A Facebook profile ID doesn't start with 0");
  if (digits.length > 20) return refuse('That number is too long to be a Facebook profile ID');
  return accept(digits);
}

function facebookUsername(raw: string): IdentityResult {
  const name = raw.toLowerCase();
  const reserved = FB_RESERVED.get(name);
  if (reserved) return refuse(reserved);
  if (name.endsWith('.php')) return refuse(FB_NOT_PROFILE);
  if (!/^[a-z0-9.]+$/.test(name)) return refuse('Facebook usernames only use letters, numbers and full stops');
  // Facebook ignores dots and case in usernames: jane.doe.71 and JaneDoe71 are the same person.
  const folded = name.replace(/\./g, '');
  if (/^\d+$/.test(folded)) return refuse("That isn't a Facebook profile ID or username");
  if (folded.length < 5) return refuse('Facebook usernames are at least 5 characters long');
  if (folded.length > 50) return refuse('Facebook usernames are at most 50 characters long');
  return accept(folded);
}

function facebookBare(text: string): IdentityResult {
  return /^\d+$/.test(text) ? facebookId(text) : facebookUsername(text);
}

function facebookUrl(host: string, segments: string[], query: QueryParams): IdentityResult {
  const sub = subdomainOf(host, 'facebook.com');
  if (!FB_PROFILE_SUBDOMAINS.has(sub) && !FB_LOCALE_SUBDOMAIN.test(sub)) return refuse(FB_NOT_PROFILE);
  const [first, ...rest] = segments;
  if (first === undefined) return refuse("That is the Facebook home page, not a person's profile");
  const section = first.toLowerCase();
  if (section === 'profile.php') {
    const id = query.get('id');
    return id ? facebookId(id) : refuse('That Facebook link is missing the profile ID (the "id=" part)');
  }
  if (section === 'people') {
    // /people/Ana-Souza/100009876543210/
    return rest[1] ? facebookId(rest[1]) : refuse('That Facebook link is missing the profile ID');
  }
  if (section === 'friends') {
    // Friend-request and suggestion pages name the person in profile_id.
    const id = query.get('profile_id');
    if (id) return facebookId(id);
  }
  const person = /^\d+$/.test(first) ? facebookId(first) : facebookUsername(first);
  if (!person.ok) return person;
  if (rest.length > 1 || (rest[0] !== undefined && !FB_PROFILE_TAB.test(rest[0].toLowerCase()))) {
    return refuse(FB_NOT_PROFILE);
  }
  return person;
}

// ---------------------------------------------------------------- Instagram

const IG_NOT_PROFILE = "That Instagram link doesn't point to a person's profile";
const IG_POST = "That is an Instagram post, not a person's profile";
const IG_VIDEO = "That is an Instagram video, not a person's profile";

const IG_RESERVED = new Map<string, string>([
  ['p', IG_POST],
  ['reel', IG_VIDEO],
  ['reels', IG_VIDEO],
  ['tv', IG_VIDEO],
  ['explore', "That is Instagram's Explore page, not a person's profile"],
  ['direct', "That is an Instagram conversation, not a person's profile. Open their profile and copy its address"],
  ['stories', "That is an Instagram story, not a person's profile"],
  ['s', "That is an Instagram story highlight, not a person's profile"],
  ['accounts', IG_NOT_PROFILE],
  ['about', IG_NOT_PROFILE],
  ['developer', IG_NOT_PROFILE],
  ['legal', IG_NOT_PROFILE],
  ['web', IG_NOT_PROFILE],
  ['challenge', IG_NOT_PROFILE],
  ['emails', IG_NOT_PROFILE],
  ['session', IG_NOT_PROFILE],
  ['oauth', IG_NOT_PROFILE],
  ['api', IG_NOT_PROFILE],
  ['graphql', IG_NOT_PROFILE],
  ['static', IG_NOT_PROFILE],
  ['privacy', IG_NOT_PROFILE],
  ['terms', IG_NOT_PROFILE],
  ['directory', IG_NOT_PROFILE],
  ['nametag', IG_NOT_PROFILE],
  ['create', IG_NOT_PROFILE],
  ['lite', IG_NOT_PROFILE],
  ['ar', IG_NOT_PROFILE],
]);

const IG_PROFILE_SUBDOMAINS = new Set(['', 'www', 'm']);

function instagramUsername(raw: string): IdentityResult {
  const name = raw.toLowerCase();
  if (name.length === 0) return refuse('That Instagram username is empty');
  if (name.length > 30) return refuse('Instagram usernames are at most 30 characters long');
  if (!/^[a-z0-9._]+$/.test(name)) {
    return refuse('Instagram usernames only use letters, numbers, full stops and underscores');
  }
  if (name.startsWith('.') || name.endsWith('.')) return refuse("An Instagram username can't start or end with a full stop");
  if (name.includes('..')) return refuse("An Instagram username can't have two full stops in a row");
  const reserved = IG_RESERVED.get(name);
  return reserved ? refuse(reserved) : accept(name);
}

function instagramUrl(host: string, segments: string[]): IdentityResult {
  const domain = isUnder(host, 'instagr.am') ? 'instagr.am' : 'instagram.com';
  if (!IG_PROFILE_SUBDOMAINS.has(subdomainOf(host, domain))) return refuse(IG_NOT_PROFILE);
  const [first, second] = segments;
  if (first === undefined) return refuse("That is the Instagram home page, not a person's profile");
  // A story link /stories/<user>/<id>/ names whose story it is; highlights name no one.
  if (first.toLowerCase() === 'stories' && second !== undefined && second.toLowerCase() !== 'highlights') {
    return instagramUsername(second);
  }
  // Sub-pages of a profile (/tagged/, /reels/, /followers/) still belong to that person.
  return instagramUsername(first);
}

// ---------------------------------------------------------------- LinkedIn

const LI_NOT_PROFILE = "That LinkedIn link doesn't point to a person's profile";

const LI_RESERVED = new Map<string, string>([
  ['pub', "That is an old-style LinkedIn link that can't be matched reliably. Open it and copy the address of the profile page instead"],
  ['company', "That is a LinkedIn company page, not a person's profile"],
  ['school', "That is a LinkedIn school page, not a person's profile"],
  ['showcase', "That is a LinkedIn showcase page, not a person's profile"],
  ['groups', "That is a LinkedIn group, not a person's profile"],
  ['feed', "That is a LinkedIn post, not a person's profile"],
  ['posts', "That is a LinkedIn post, not a person's profile"],
  ['pulse', "That is a LinkedIn article, not a person's profile"],
  ['jobs', "That is a LinkedIn job listing, not a person's profile"],
  ['messaging', "That is a LinkedIn conversation, not a person's profile. Open their profile and copy its address"],
  ['mynetwork', "That is a LinkedIn network page, not one person's profile"],
  ['search', "That is a LinkedIn search, not a person's profile"],
  ['learning', "That is a LinkedIn Learning page, not a person's profile"],
  ['events', "That is a LinkedIn event, not a person's profile"],
  ['sales', "That is a Sales Navigator link. Open the person's regular profile and copy its address instead"],
  ['talent', "That is a LinkedIn Recruiter link. Open the person's regular profile and copy its address instead"],
]);

const LNKD_IN = "That is a LinkedIn short link, so Boundary can't tell whose profile it is. Open it and copy the profile's address instead";
const LI_SLUG = /^[\p{L}\p{M}\p{N}_-]{3,100}$/u;

function linkedinSlug(raw: string): IdentityResult {
  let slug: string;
  try {
    slug = decodeURIComponent(raw);
  } catch {
    return refuse('That LinkedIn link is damaged (its %-codes are broken). Copy it again from the profile page');
  }
  // zo%C3%AB, zoë (either Unicode spelling) and Zoë must all end up the same.
  slug = slug.toLowerCase().normalize('NFC');
  if (!LI_SLUG.test(slug)) {
    return refuse('A LinkedIn profile name is 3 to 100 letters, numbers, hyphens or underscores');
  }
  return accept(slug);
}

function linkedinUrl(segments: string[]): IdentityResult {
  const [first, slug] = segments;
  if (first === undefined) return refuse("That is the LinkedIn home page, not a person's profile");
  const section = first.toLowerCase();
  if (section === 'in') {
    // Sub-pages (/details/experience/, /overlay/contact-info/) still belong to that person.
    return slug === undefined ? refuse('That LinkedIn link has no profile name after "/in/"') : linkedinSlug(slug);
  }
  return refuse(LI_RESERVED.get(section) ?? LI_NOT_PROFILE);
}

// ---------------------------------------------------------------- shared

/** What fromUrl reads of a URL: a URL has all of it; so does a simple link read without one. */
interface UrlParts {
  protocol: string;
  hostname: string;
  pathname: string;
  searchParams: QueryParams;
}

interface QueryParams {
  get(name: string): string | null;
}

function fromUrl(platform: Platform, url: UrlParts): IdentityResult {
  if (url.protocol !== 'https:' && url.protocol !== 'http:') return refuse("That isn't a web link");
  const host = url.hostname.toLowerCase().replace(/\.$/, '');
  if (!host.includes('.')) return refuse("That doesn't look like a web address");
  const owner = platformOfHost(host);
  if (owner !== platform) {
    if (platform === 'linkedin' && isUnder(host, 'lnkd.in')) return refuse(LNKD_IN);
    return refuse(`That link is on ${owner ? SITE[owner] : host}, not ${SITE[platform]}`);
  }
  const segments = url.pathname.split('/').filter((s) => s !== '');
  switch (platform) {
    case 'facebook':
      return facebookUrl(host, segments, url.searchParams);
    case 'instagram':
      return instagramUrl(host, segments);
    case 'linkedin':
      return linkedinUrl(segments);
  }
}

function toUrl(platform: Platform, text: string): URL | null {
  let address = text;
  if (address.startsWith('//')) address = `https:${address}`;
  else if (address.startsWith('/')) address = HOME[platform] + address.slice(1);
  else if (!SCHEME.test(address)) address = `https://${address}`;
  try {
    return new URL(address);
  } catch {
    return null;
  }
}

function looksLikeUrl(text: string): boolean {
  return SCHEME.test(text) || /[/?#]/.test(text) || /^www\./i.test(text) || BARE_HOST.test(text);
}

function fromBare(platform: Platform, text: string): IdentityResult {
  // "@name" is how people write handles; tolerated on every site.
  const name = text.startsWith('@') ? text.slice(1) : text;
  switch (platform) {
    case 'facebook':
      return facebookBare(name);
    case 'instagram':
      return instagramUsername(name);
    case 'linkedin':
      return linkedinSlug(name);
  }
}

/** Whatever a person pastes (URL in any form, username, @username, numeric FB id) → one canonical identity. */
export function parseIdentity(platform: Platform, input: string): IdentityResult {
  const text = clean(input);
  if (text === '') return refuse('Nothing was entered');
  if (/\s/.test(text)) return refuse("That has a space in it. Paste one profile link or username, not a person's name");
  if (EMAIL.test(text)) return refuse('That is an email address, not a profile');
  if (!looksLikeUrl(text) || text.startsWith('@')) return fromBare(platform, text);
  const url = toUrl(platform, text);
  return url ? fromUrl(platform, url) : refuse("That doesn't look like a web address");
}

/** A cell holding one or more identities separated by ';' or whitespace. Deduplicated, order kept. */
export function parseIdentityList(
  platform: Platform,
  input: string,
): { identities: string[]; errors: { input: string; reason: string }[] } {
  const identities: string[] = [];
  const errors: { input: string; reason: string }[] = [];
  const seen = new Set<string>();
  for (const part of input.replace(INVISIBLE, '').split(/[;\s]+/)) {
    if (part === '') continue;
    const result = parseIdentity(platform, part);
    if (!result.ok) errors.push({ input: part, reason: result.reason });
    else if (!seen.has(result.identity)) {
      seen.add(result.identity);
      identities.push(result.identity);
    }
  }
  return { identities, errors };
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
    const result = fromUrl(platform, simpleUrl(text) ?? (base === undefined ? new URL(text) : new URL(text, base)));
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

/** The key used in the matcher's index: `${platform}:${identity}`. */
export function identityKey(platform: Platform, identity: string): string {
  return `${platform}:${identity}`;
}

/** A profile URL for showing/exporting a canonical identity; parseIdentity(p, identityUrl(p, id)) gives id back. */
export function identityUrl(platform: Platform, identity: string): string {
  switch (platform) {
    case 'facebook':
      return /^\d+$/.test(identity)
        ? `${HOME.facebook}profile.php?id=${identity}`
        : `${HOME.facebook}${encodeURIComponent(identity)}`;
    case 'instagram':
      return `${HOME.instagram}${encodeURIComponent(identity)}/`;
    case 'linkedin':
      return `${HOME.linkedin}in/${encodeURIComponent(identity)}/`;
  }
}

/** The profile address as a person reads it: like identityUrl, with non-ASCII letters shown as letters. */
export function identityLabel(platform: Platform, identity: string): string {
  const url = identityUrl(platform, identity);
  try {
    return decodeURI(url);
  } catch {
    return url;
  }
}
