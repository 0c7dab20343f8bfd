import type { MessageKey } from '@/lib/i18n/t';
import { identityFromHref, knowSite, parseIdentity } from './read';
import { accept, isUnder, refuse, type IdentityResult, type SiteParser } from './site';

/**
 * LinkedIn's identities: vanity slugs and member ids, from /in/ links and URNs. A content script
 * on LinkedIn imports this file, and with it only LinkedIn's rules.
 */
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
export const LI_MEMBER_PREFIX = 'urn:';
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

export const LINKEDIN: SiteParser = {
  platform: 'linkedin',
  fromUrl: (_host, segments) => linkedinUrl(segments),
  fromBare: linkedinSlug,
  fromText(text) {
    if (!/^urn:/i.test(text)) return undefined;
    const member = linkedinMemberId(text);
    return member ? accept(member) : refuse(LI_NOT_PROFILE);
  },
  otherHost: (host) => (isUnder(host, 'lnkd.in') ? refuse(LNKD_IN) : undefined),
};
knowSite(LINKEDIN);

export { identityFromHref, parseIdentity };
