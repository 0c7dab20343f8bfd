import type { MessageKey } from '@/lib/i18n/t';
import { identityFromHref, knowSite, parseIdentity } from './read';
import { accept, isUnder, refuse, subdomainOf, type IdentityResult, type QueryParams, type SiteParser } from './site';

/**
 * Facebook's identities: numeric ids and usernames (dots and case ignored), from profile links in
 * all their forms. A content script on Facebook imports this file, and with it only Facebook's rules.
 */
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

export const FACEBOOK: SiteParser = { platform: 'facebook', fromUrl: facebookUrl, fromBare: facebookBare };
knowSite(FACEBOOK);

export { identityFromHref, parseIdentity };
