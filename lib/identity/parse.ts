import type { Message } from '@/lib/i18n/t';
import type { Platform } from './platform';
// All three sites' rules: the background and the extension's pages read identities of every site.
import './facebook';
import './instagram';
import { isLinkedinMemberId, LI_MEMBER_PREFIX } from './linkedin';
import { clean, INVISIBLE, parseIdentity } from './read';
import { HOME } from './site';

export type { IdentityResult } from './site';
export { identityFromHref, parseIdentity } from './read';
export { isLinkedinMemberId, linkedinMemberId } from './linkedin';

/**
 * Identities of all three sites, for the background and the extension's pages. A content script
 * imports its own site's file instead (lib/identity/facebook.ts, instagram.ts, linkedin.ts), which
 * gives the same parseIdentity and identityFromHref for that site alone.
 */

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

/** The key used for a profile in the stores (records' index keys, "not them"): `${platform}:${identity}`. */
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
