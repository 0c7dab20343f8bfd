import type { Message, MessageKey } from '@/lib/i18n/t';
import type { Platform } from './platform';

/**
 * What every site's identity parsing shares (lib/identity/facebook.ts, instagram.ts, linkedin.ts):
 * the result type, how a URL is handed to a site, and which host belongs to which site. Each
 * site's own rules live in its file, so a content script carries only its own site's.
 */

/** A refusal is a message for the page to say: content scripts parse links too, and carry no catalogue. */
export type IdentityResult = { ok: true; identity: string } | { ok: false; reason: Message };

export const SITE: Record<Platform, string> = { facebook: 'Facebook', instagram: 'Instagram', linkedin: 'LinkedIn' };

/** Where a path-only paste ("/in/zoe-dubois") is resolved, and where identityUrl points. */
export const HOME: Record<Platform, string> = {
  facebook: 'https://www.facebook.com/',
  instagram: 'https://www.instagram.com/',
  linkedin: 'https://www.linkedin.com/',
};

export const accept = (identity: string): IdentityResult => ({ ok: true, identity });
export const refuse = (key: MessageKey, ...substitutions: string[]): IdentityResult => ({ ok: false, reason: { key, substitutions } });

export function isUnder(host: string, domain: string): boolean {
  return host === domain || host.endsWith(`.${domain}`);
}

export function subdomainOf(host: string, domain: string): string {
  return host === domain ? '' : host.slice(0, -(domain.length + 1));
}

export function platformOfHost(host: string): Platform | null {
  // fb.com and fb.me are Facebook's own short domains: fb.com/<name> and fb.me/<name> open the profile.
  if (isUnder(host, 'facebook.com') || isUnder(host, 'fb.com') || host === 'fb.me' || host === 'www.fb.me') return 'facebook';
  if (isUnder(host, 'instagram.com') || isUnder(host, 'instagr.am')) return 'instagram';
  if (isUnder(host, 'linkedin.com')) return 'linkedin';
  return null;
}

export interface QueryParams {
  get(name: string): string | null;
}

/** One site's rules for reading a person out of what was pasted or linked. */
export interface SiteParser {
  platform: Platform;
  /** A URL on one of this site's hosts (lower case, no trailing dot), its path split into segments. */
  fromUrl(host: string, segments: string[], query: QueryParams): IdentityResult;
  /** A bare username or id (any leading @ already gone). */
  fromBare(name: string): IdentityResult;
  /** Pasted text the site reads in its own way before anything else (LinkedIn's URNs); undefined for the usual reading. */
  fromText?(text: string): IdentityResult | undefined;
  /** A host of another service that the site's people paste (LinkedIn's lnkd.in): its own refusal. */
  otherHost?(host: string): IdentityResult | undefined;
}
