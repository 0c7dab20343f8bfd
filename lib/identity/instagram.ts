import type { MessageKey } from '@/lib/i18n/t';
import { identityFromHref, knowSite, parseIdentity } from './read';
import { accept, isUnder, refuse, subdomainOf, type IdentityResult, type SiteParser } from './site';

/**
 * Instagram's identities: usernames, from profile and story links. A content script on Instagram
 * imports this file, and with it only Instagram's rules.
 */
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

export const INSTAGRAM: SiteParser = { platform: 'instagram', fromUrl: instagramUrl, fromBare: instagramUsername };
knowSite(INSTAGRAM);

export { identityFromHref, parseIdentity };
