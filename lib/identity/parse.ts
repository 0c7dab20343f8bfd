import type { Message, MessageKey } from '@/lib/i18n/t';
import type { Platform } from './platform';

/** A refusal is a message for the page to say: content scripts parse links too, and carry no catalogue. */
export type IdentityResult = { ok: true; identity: string } | { ok: false; reason: Message };

const SITE: Record<Platform, string> = { facebook: 'Facebook', instagram: 'Instagram', linkedin: 'LinkedIn' };

/** Where a path-only paste ("/in/zoe-dubois") is resolved, and where identityUrl points. */
const HOME: Record<Platform, string> = {
  facebook: 'https://www.facebook.com/',
  instagram: 'https://www.instagram.com/',
  linkedin: 'https://www.linkedin.com/',
};

const accept = (identity: string): IdentityResult => ({ ok: true, identity });
const refuse = (key: MessageKey, ...substitutions: string[]): IdentityResult => ({ ok: false, reason: { key, substitutions } });

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
  // fb.com and fb.me are Facebook's own short domains: fb.com/<name> and fb.me/<name> open the profile.
  if (isUnder(host, 'facebook.com') || isUnder(host, 'fb.com') || host === 'fb.me' || host === 'www.fb.me') return 'facebook';
  if (isUnder(host, 'instagram.com') || isUnder(host, 'instagr.am')) return 'instagram';
  if (isUnder(host, 'linkedin.com')) return 'linkedin';
  return null;
}

// ---------------------------------------------------------------- Facebook

const FB_NOT_PROFILE = 'identity_fb_not_profile';
const FB_PHOTO = 'identity_fb_photo';
const FB_POST = 'identity_fb_post';
const FB_VIDEO = 'identity_fb_video';
const FB_SEARCH = 'identity_fb_search';

// Site sections whose names could pass for usernames; Facebook never hands them out as usernames.
const FB_RESERVED = new Map<string, MessageKey>([
  ['groups', 'identity_fb_group'],
  ['pages', 'identity_fb_page'],
  ['pg', 'identity_fb_page'],
  ['events', 'identity_fb_event'],
  ['marketplace', 'identity_fb_marketplace'],
  ['messages', 'identity_fb_conversation'],
  ['messenger', 'identity_fb_conversation'],
  ['friends', 'identity_fb_friends'],
  ['me', 'identity_fb_me'],
  ['photo', FB_PHOTO],
  ['photos', FB_PHOTO],
  ['photo.php', FB_PHOTO],
  ['media', FB_PHOTO],
  ['story.php', FB_POST],
  ['permalink.php', FB_POST],
  ['posts', FB_POST],
  ['share', 'identity_fb_share'],
  ['stories', 'identity_fb_story'],
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
  if (!/^\d+$/.test(digits)) return refuse('identity_fb_id_digits');
  if (digits.startsWith('0')) return refuse('identity_fb_id_zero');
  if (digits.length > 20) return refuse('identity_fb_id_long');
  return accept(digits);
}

function facebookUsername(raw: string): IdentityResult {
  const name = raw.toLowerCase();
  const reserved = FB_RESERVED.get(name);
  if (reserved) return refuse(reserved);
  if (name.endsWith('.php')) return refuse(FB_NOT_PROFILE);
  if (!/^[a-z0-9.]+$/.test(name)) return refuse('identity_fb_username_chars');
  // Facebook ignores dots and case in usernames: jane.doe.71 and JaneDoe71 are the same person.
  const folded = name.replace(/\./g, '');
  if (/^\d+$/.test(folded)) return refuse('identity_fb_not_username');
  if (folded.length < 5) return refuse('identity_fb_username_short');
  if (folded.length > 50) return refuse('identity_fb_username_long');
  return accept(folded);
}

function facebookBare(text: string): IdentityResult {
  return /^\d+$/.test(text) ? facebookId(text) : facebookUsername(text);
}

function facebookUrl(host: string, segments: string[], query: QueryParams): IdentityResult {
  const domain = ['facebook.com', 'fb.com', 'fb.me'].find((name) => isUnder(host, name))!;
  const sub = subdomainOf(host, domain);
  if (domain === 'facebook.com' ? !FB_PROFILE_SUBDOMAINS.has(sub) && !FB_LOCALE_SUBDOMAIN.test(sub) : !['', 'www', 'm'].includes(sub)) {
    return refuse(FB_NOT_PROFILE);
  }
  const [first, ...rest] = segments;
  if (first === undefined) return refuse('identity_fb_home');
  const section = first.toLowerCase();
  if (section === 'profile.php') {
    const id = query.get('id');
    return id ? facebookId(id) : refuse('identity_fb_no_id_param');
  }
  if (section === 'people') {
    // /people/Ana-Souza/100009876543210/
    return rest[1] ? facebookId(rest[1]) : refuse('identity_fb_no_id');
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

const IG_NOT_PROFILE = 'identity_ig_not_profile';
const IG_POST = 'identity_ig_post';
const IG_VIDEO = 'identity_ig_video';

const IG_RESERVED = new Map<string, MessageKey>([
  ['p', IG_POST],
  ['reel', IG_VIDEO],
  ['reels', IG_VIDEO],
  ['tv', IG_VIDEO],
  ['explore', 'identity_ig_explore'],
  ['direct', 'identity_ig_conversation'],
  ['stories', 'identity_ig_story'],
  ['s', 'identity_ig_highlight'],
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
  if (name.length === 0) return refuse('identity_ig_empty');
  if (name.length > 30) return refuse('identity_ig_long');
  if (!/^[a-z0-9._]+$/.test(name)) {
    return refuse('identity_ig_chars');
  }
  if (name.startsWith('.') || name.endsWith('.')) return refuse('identity_ig_edge_dot');
  if (name.includes('..')) return refuse('identity_ig_two_dots');
  const reserved = IG_RESERVED.get(name);
  return reserved ? refuse(reserved) : accept(name);
}

function instagramUrl(host: string, segments: string[]): IdentityResult {
  const domain = isUnder(host, 'instagr.am') ? 'instagr.am' : 'instagram.com';
  if (!IG_PROFILE_SUBDOMAINS.has(subdomainOf(host, domain))) return refuse(IG_NOT_PROFILE);
  const [first, second] = segments;
  if (first === undefined) return refuse('identity_ig_home');
  // A story link /stories/<user>/<id>/ names whose story it is; highlights name no one.
  if (first.toLowerCase() === 'stories' && second !== undefined && second.toLowerCase() !== 'highlights') {
    return instagramUsername(second);
  }
  // Sub-pages of a profile (/tagged/, /reels/, /followers/) still belong to that person.
  return instagramUsername(first);
}

// ---------------------------------------------------------------- LinkedIn

const LI_NOT_PROFILE = 'identity_li_not_profile';

const LI_RESERVED = new Map<string, MessageKey>([
  ['pub', 'identity_li_old'],
  ['company', 'identity_li_company'],
  ['school', 'identity_li_school'],
  ['showcase', 'identity_li_showcase'],
  ['groups', 'identity_li_group'],
  ['feed', 'identity_li_post'],
  ['posts', 'identity_li_post'],
  ['pulse', 'identity_li_article'],
  ['jobs', 'identity_li_job'],
  ['messaging', 'identity_li_conversation'],
  ['mynetwork', 'identity_li_network'],
  ['search', 'identity_li_search'],
  ['learning', 'identity_li_learning'],
  ['events', 'identity_li_event'],
  ['sales', 'identity_li_sales'],
  ['talent', 'identity_li_recruiter'],
]);

const LNKD_IN = 'identity_li_short';
const LI_SLUG = /^[\p{L}\p{M}\p{N}_-]{3,100}$/u;

/*
 * LinkedIn member ids. Behind every profile is an opaque key (urn:li:fsd_profile:ACoAA…), and
 * where LinkedIn has no vanity name to hand (conversation headers, reaction lists) it links the
 * profile as /in/ACoAA…/ (site-evidence.md item 3). Case matters in them and they never equal a
 * vanity name, so they are an identity of their own kind: canonically `urn:` followed by the id
 * exactly as LinkedIn writes it (`urn:ACoAAB1x2YzQ`), which no slug can be (slugs have no colon).
 * Vanity names are handed out in lower case, so a mixed-case segment starting "ACoA" is an id.
 */
const LI_MEMBER_ID = /^ACoA[A-Za-z0-9_-]{8,100}$/;
const LI_MEMBER_PREFIX = 'urn:';
/** The URN forms a member id travels in: urn:li:fsd_profile:…, urn:li:fs_miniProfile:…, or our own urn:…. */
const LI_MEMBER_URN = /^urn:(?:li:[A-Za-z_]+:)?([^:]+)$/;

/**
 * The canonical member-id identity (`urn:ACoA…`) in `text`: a bare id, our canonical form, or a
 * LinkedIn URN (percent-encoded or not, as in `?profileUrn=urn%3Ali%3Afsd_profile%3AACoA…`).
 * Null for anything else.
 */
export function linkedinMemberId(text: string): string | null {
  let value = text.trim();
  if (value.includes('%')) {
    try {
      value = decodeURIComponent(value);
    } catch {
      return null;
    }
  }
  const id = value.startsWith(LI_MEMBER_PREFIX) ? LI_MEMBER_URN.exec(value)?.[1] : value;
  return id !== undefined && LI_MEMBER_ID.test(id) ? LI_MEMBER_PREFIX + id : null;
}

/** Whether a canonical LinkedIn identity is a member id (`urn:ACoA…`) rather than a vanity slug. */
export function isLinkedinMemberId(identity: string): boolean {
  return identity.startsWith(LI_MEMBER_PREFIX);
}

function linkedinSlug(raw: string): IdentityResult {
  let slug: string;
  try {
    slug = decodeURIComponent(raw);
  } catch {
    return refuse('identity_li_damaged');
  }
  // Before any case folding: a member id must stay exactly as written.
  if (LI_MEMBER_ID.test(slug)) return accept(LI_MEMBER_PREFIX + slug);
  // zo%C3%AB, zoë (either Unicode spelling) and Zoë must all end up the same.
  slug = slug.toLowerCase().normalize('NFC');
  if (!LI_SLUG.test(slug)) {
    return refuse('identity_li_slug');
  }
  return accept(slug);
}

function linkedinUrl(segments: string[]): IdentityResult {
  const [first, slug] = segments;
  if (first === undefined) return refuse('identity_li_home');
  const section = first.toLowerCase();
  if (section === 'in') {
    // Sub-pages (/details/experience/, /overlay/contact-info/) still belong to that person.
    return slug === undefined ? refuse('identity_li_no_slug') : linkedinSlug(slug);
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
  if (url.protocol !== 'https:' && url.protocol !== 'http:') return refuse('identity_not_web');
  const host = url.hostname.toLowerCase().replace(/\.$/, '');
  if (!host.includes('.')) return refuse('identity_not_address');
  const owner = platformOfHost(host);
  if (owner !== platform) {
    if (platform === 'linkedin' && isUnder(host, 'lnkd.in')) return refuse(LNKD_IN);
    return refuse('identity_other_site', owner ? SITE[owner] : host, SITE[platform]);
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
  if (text === '') return refuse('identity_nothing');
  if (/\s/.test(text)) return refuse('identity_space');
  if (EMAIL.test(text)) return refuse('identity_email');
  if (platform === 'linkedin' && /^urn:/i.test(text)) {
    const member = linkedinMemberId(text);
    return member ? accept(member) : refuse(LI_NOT_PROFILE);
  }
  if (!looksLikeUrl(text) || text.startsWith('@')) return fromBare(platform, text);
  const url = toUrl(platform, text);
  return url ? fromUrl(platform, url) : refuse('identity_not_address');
}

/** A cell holding one or more identities separated by ';' or whitespace. Deduplicated, order kept. */
export function parseIdentityList(
  platform: Platform,
  input: string,
): { identities: string[]; errors: { input: string; reason: Message }[] } {
  const identities: string[] = [];
  const errors: { input: string; reason: Message }[] = [];
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
      // A member id links as itself: /in/ACoA…/ opens that person's profile.
      return isLinkedinMemberId(identity)
        ? `${HOME.linkedin}in/${identity.slice(LI_MEMBER_PREFIX.length)}/`
        : `${HOME.linkedin}in/${encodeURIComponent(identity)}/`;
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

/**
 * What to tell the clinician when a pasted identity is kept in another form than they typed it:
 * Facebook ignores full stops and capitals in usernames, so "Jane.Doe.71" is kept as "janedoe71".
 * Without a word, the changed value reads as a mistake. Null when it is kept as typed.
 */
export function foldedNote(platform: Platform, input: string): Message | null {
  if (platform !== 'facebook') return null;
  const result = parseIdentity(platform, input);
  if (!result.ok || /^\d+$/.test(result.identity)) return null;
  const typed = clean(input)
    .split(/[/?#=&@]+/)
    .find((part) => part.replace(/\./g, '').toLowerCase() === result.identity);
  return typed !== undefined && typed !== result.identity ? { key: 'identity_fb_folded', substitutions: [typed, result.identity] } : null;
}
