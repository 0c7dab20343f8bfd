import type { MessageKey } from '@/lib/i18n/t';
import { BARE_HOST, identityFromHref, knowSite, parseIdentity } from './read';
import { accept, isUnder, refuse, subdomainOf, type IdentityResult, type SiteParser } from './site';

/**
 * Instagram's identities: usernames, from profile and story links. A content script on Instagram
 * imports this file, and with it only Instagram's rules.
 */
/** First segments that are never a username, each with why; those that are no profile page of any kind as one list. */
const IG_RESERVED = new Map<string, MessageKey>([
  ['p', 'identity_ig_post'],
  ['reel', 'identity_ig_video'],
  ['reels', 'identity_ig_video'],
  ['tv', 'identity_ig_video'],
  ['explore', 'identity_ig_explore'],
  ['direct', 'identity_ig_conversation'],
  ['stories', 'identity_ig_story'],
  ['s', 'identity_ig_highlight'],
  ...'accounts about developer legal web challenge emails session oauth api graphql static privacy terms directory nametag create lite ar'
    .split(' ')
    .map((segment): [string, MessageKey] => [segment, 'identity_ig_not_profile']),
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
  if (!IG_PROFILE_SUBDOMAINS.has(subdomainOf(host, domain))) return refuse('identity_ig_not_profile');
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

/**
 * What parseIdentity reads in a word made of username characters only ([A-Za-z0-9._], as an
 * avatar's alt text gives one): the username, unless the word reads as an address ("www.…", a
 * bare host such as "ana.com"), which parseIdentity takes for a link and refuses. Kept apart so
 * that a content script carries neither parseIdentity nor its reading of pasted text
 * (lib/identity/read.ts); tests/unit/identity/username-word.test.ts holds the two to the same answers.
 */
export function usernameWord(word: string): string | null {
  if (/^www\./i.test(word) || BARE_HOST.test(word)) return null;
  const result = instagramUsername(word);
  return result.ok ? result.identity : null;
}
