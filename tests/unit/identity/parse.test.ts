import fc from 'fast-check';
import { describe, it, expect } from 'vitest';
import {
  identityFromHref,
  identityKey,
  identityUrl,
  parseIdentity,
  parseIdentityList,
  type Platform,
  identityLabel,
  isLinkedinMemberId,
  linkedinMemberId,
  type IdentityResult,
  foldedNote,
} from '@/lib/identity';
import { say } from '@/lib/i18n/t';

/** A result with its refusal said in English, as the options page shows it. */
const said = (result: IdentityResult) => (result.ok ? result : { ok: false, reason: say(result.reason) });

const FB_NOT_PROFILE = "That Facebook link doesn't point to a person's profile";
const IG_NOT_PROFILE = "That Instagram link doesn't point to a person's profile";
const LI_NOT_PROFILE = "That LinkedIn link doesn't point to a person's profile";
const FB_GROUP = "That is a Facebook group, not a person's profile";
const IG_TWO_DOTS = "An Instagram username can't have two full stops in a row";

describe('parseIdentity: Facebook accepted', () => {
  it.each([
    ['https://www.facebook.com/profile.php?id=100012345678901', '100012345678901'],
    ['facebook.com/profile.php?id=100012345678901&sk=about', '100012345678901'],
    ['http://m.facebook.com/profile.php?id=100012345678901', '100012345678901'],
    ['https://www.facebook.com/people/Ana-Souza/100009876543210/', '100009876543210'],
    ['https://www.facebook.com/friends/requests/?profile_id=100012345678901', '100012345678901'],
    ['https://www.facebook.com/friends/?profile_id=100012345678901', '100012345678901'],
    ['https://www.facebook.com/friends/suggestions/?profile_id=100012345678901', '100012345678901'],
    ['https://www.facebook.com/100012345678901', '100012345678901'],
    ['facebook.com/100012345678901/about', '100012345678901'],
    ['https://www.facebook.com/jane.doe.71', 'janedoe71'],
    ['HTTPS://WWW.FACEBOOK.COM/Jane.Doe.71/', 'janedoe71'],
    ['www.facebook.com/jane.doe.71?__tn__=%2CdK-R&eid=ARBxyz', 'janedoe71'],
    ['https://web.facebook.com/jane.doe.71/about', 'janedoe71'],
    ['https://mbasic.facebook.com/jane.doe.71/photos', 'janedoe71'],
    ['https://business.facebook.com/jane.doe.71/friends/', 'janedoe71'],
    ['https://www.facebook.com/jane.doe.71/about_contact_and_basic_info', 'janedoe71'],
    ['https://de-de.facebook.com/jane.doe.71', 'janedoe71'],
    ['https://www.facebook.com/jane.doe.71#', 'janedoe71'],
    ['  <https://www.facebook.com/jane.doe.71>  ', 'janedoe71'],
    ['\u200Bhttps://www.facebook.com/jane.doe.71\uFEFF', 'janedoe71'],
    ['/jane.doe.71', 'janedoe71'],
    ['100012345678901', '100012345678901'],
    ['4', '4'],
    ['jane.doe.71', 'janedoe71'],
    // Facebook's own short domains open the same profile.
    ['https://fb.com/jane.doe.71', 'janedoe71'],
    ['www.fb.com/profile.php?id=100012345678901', '100012345678901'],
    ['fb.me/jane.doe.71', 'janedoe71'],
    ['https://fb.me/100012345678901', '100012345678901'],
    ['JaneDoe71', 'janedoe71'],
    ['@jane.doe.71', 'janedoe71'],
  ])('%s → %s', (input, identity) => {
    expect(parseIdentity('facebook', input)).toEqual({ ok: true, identity });
  });
});

describe('parseIdentity: Facebook refused', () => {
  it.each([
    ['', 'Nothing was entered'],
    ['   ', 'Nothing was entered'],
    ['https://example.com/jane.doe.71', 'That link is on example.com, not Facebook'],
    ['https://fb.com.evil.net/jane.doe.71', 'That link is on fb.com.evil.net, not Facebook'],
    ['https://fb.me.example.org/jane.doe.71', 'That link is on fb.me.example.org, not Facebook'],
    ['https://graph.fb.com/jane.doe.71', FB_NOT_PROFILE],
    ['https://fb.com/groups/123456789012345/', FB_GROUP],
    ['https://www.facebook.com.evil.net/jane.doe.71', 'That link is on www.facebook.com.evil.net, not Facebook'],
    ['https://www.instagram.com/jane.doe.71/', 'That link is on Instagram, not Facebook'],
    ['janedoe.com', 'That link is on janedoe.com, not Facebook'],
    ['https://www.facebook.com/groups/123456789012345/', FB_GROUP],
    ['https://www.facebook.com/groups/123456789012345/user/100012345678901/', FB_GROUP],
    ['facebook.com/pages/Calm-Clinic/123456789', "That is a Facebook Page, not a person's profile"],
    ['https://www.facebook.com/watch/?v=1234567890', "That is a Facebook video, not a person's profile"],
    ['https://www.facebook.com/reel/1234567890', "That is a Facebook video, not a person's profile"],
    ['https://www.facebook.com/marketplace/item/1234567890/', "That is Facebook Marketplace, not a person's profile"],
    ['https://www.facebook.com/events/1234567890/', "That is a Facebook event, not a person's profile"],
    [
      'https://www.facebook.com/messages/t/100012345678901/',
      "That is a Facebook conversation, not a person's profile. Open their profile and copy its address",
    ],
    ['https://www.facebook.com/friends/requests/', "That is a Facebook friends list, not one person's profile"],
    ['https://www.facebook.com/friends', "That is a Facebook friends list, not one person's profile"],
    ['https://www.facebook.com/photo.php?fbid=1&set=a.2', "That is a Facebook photo, not a person's profile"],
    ['https://www.facebook.com/story.php?story_fbid=1&id=100012345678901', "That is a Facebook post, not a person's profile"],
    ['https://www.facebook.com/permalink.php?story_fbid=1&id=2', "That is a Facebook post, not a person's profile"],
    ['https://www.facebook.com/hashtag/therapy', "That is a Facebook search, not a person's profile"],
    ['https://www.facebook.com/search/top?q=jane%20doe', "That is a Facebook search, not a person's profile"],
    ['https://www.facebook.com/stories/100012345678901/', "That is a Facebook story, not a person's profile"],
    ['https://www.facebook.com/share/1AbCdEfGh/', "That is a Facebook share link; open it and copy the profile's address instead"],
    ['https://www.facebook.com/notifications', FB_NOT_PROFILE],
    ['https://www.facebook.com/settings/?tab=privacy', FB_NOT_PROFILE],
    ['https://www.facebook.com/login/', FB_NOT_PROFILE],
    ['https://www.facebook.com/home.php', FB_NOT_PROFILE],
    ['https://www.facebook.com/gaming/', FB_NOT_PROFILE],
    ['https://www.facebook.com/help/123456', FB_NOT_PROFILE],
    ['https://www.facebook.com/policies/', FB_NOT_PROFILE],
    ['https://www.facebook.com/privacy/center/', FB_NOT_PROFILE],
    ['https://www.facebook.com/business/', FB_NOT_PROFILE],
    ['https://www.facebook.com/ads/manager/', FB_NOT_PROFILE],
    ['https://www.facebook.com/bookmarks', FB_NOT_PROFILE],
    ['https://www.facebook.com/saved/', FB_NOT_PROFILE],
    ['https://www.facebook.com/memories/', FB_NOT_PROFILE],
    ['https://www.facebook.com/fundraisers/', FB_NOT_PROFILE],
    ['https://www.facebook.com/jane.doe.71/posts/pfbid02AbCdEf', FB_NOT_PROFILE],
    ['https://l.facebook.com/l.php?u=https%3A%2F%2Fexample.com%2F', FB_NOT_PROFILE],
    ['https://help.facebook.com/100012345678901', FB_NOT_PROFILE],
    ['https://www.facebook.com/me', "That link opens whoever is signed in, so it can't identify anyone"],
    ['https://www.facebook.com/profile.php', 'That Facebook link is missing the profile ID (the "id=" part)'],
    ['https://www.facebook.com/profile.php?id=jane', 'A Facebook profile ID is made of digits only'],
    ['https://www.facebook.com/people/Ana-Souza/', 'That Facebook link is missing the profile ID'],
    ['https://www.facebook.com/', "That is the Facebook home page, not a person's profile"],
    ['facebook.com', "That is the Facebook home page, not a person's profile"],
    ['groups', FB_GROUP],
    ['jane', 'Facebook usernames are at least 5 characters long'],
    ['jane_doe_71', 'Facebook usernames only use letters, numbers and full stops'],
    ['0123456789', "A Facebook profile ID doesn't start with 0"],
    ['123456789012345678901', 'That number is too long to be a Facebook profile ID'],
    ['Jane Doe', "That has a space in it. Paste one profile link or username, not a person's name"],
    ['jane.doe@example.com', 'That is an email address, not a profile'],
    ['mailto:jane.doe@example.com', 'That is an email address, not a profile'],
    ['tel:+15551234567', "That isn't a web link"],
    ['ftp://www.facebook.com/jane.doe.71', "That isn't a web link"],
  ])('%s is refused', (input, reason) => {
    expect(said(parseIdentity('facebook', input))).toEqual({ ok: false, reason });
  });
});

describe('parseIdentity: Instagram accepted', () => {
  it.each([
    ['https://www.instagram.com/ana.souza_/', 'ana.souza_'],
    ['instagram.com/Ana.Souza_', 'ana.souza_'],
    ['https://www.instagram.com/ana.souza_/?hl=es', 'ana.souza_'],
    ['https://www.instagram.com/ana.souza_/tagged/', 'ana.souza_'],
    ['https://www.instagram.com/ana.souza_/reels/', 'ana.souza_'],
    ['https://www.instagram.com/ana.souza_/p/Cx1AbCdEfGh/', 'ana.souza_'],
    ['http://m.instagram.com/ana.souza_', 'ana.souza_'],
    ['https://instagr.am/ana.souza_', 'ana.souza_'],
    ['<https://www.instagram.com/ana.souza_/>', 'ana.souza_'],
    ['https://www.instagram.com/stories/ana.souza_/3141592653589793238/', 'ana.souza_'],
    ['@Ana.Souza_', 'ana.souza_'],
    ['ana.souza_', 'ana.souza_'],
    ['_x_', '_x_'],
    ['a', 'a'],
    ['a23456789012345678901234567890', 'a23456789012345678901234567890'],
  ])('%s → %s', (input, identity) => {
    expect(parseIdentity('instagram', input)).toEqual({ ok: true, identity });
  });
});

describe('parseIdentity: Instagram refused', () => {
  it.each([
    ['https://www.instagram.com/p/Cx1AbCdEfGh/', "That is an Instagram post, not a person's profile"],
    ['https://www.instagram.com/reel/Cx1AbCdEfGh/', "That is an Instagram video, not a person's profile"],
    ['https://www.instagram.com/reels/Cx1AbCdEfGh/', "That is an Instagram video, not a person's profile"],
    ['https://www.instagram.com/tv/Cx1AbCdEfGh/', "That is an Instagram video, not a person's profile"],
    ['https://www.instagram.com/explore/tags/therapy/', "That is Instagram's Explore page, not a person's profile"],
    [
      'https://www.instagram.com/direct/t/456/',
      "That is an Instagram conversation, not a person's profile. Open their profile and copy its address",
    ],
    ['https://www.instagram.com/stories/highlights/17900000000000000/', "That is an Instagram story, not a person's profile"],
    ['https://www.instagram.com/accounts/login/', IG_NOT_PROFILE],
    ['https://www.instagram.com/about/us/', IG_NOT_PROFILE],
    ['https://www.instagram.com/developer/', IG_NOT_PROFILE],
    ['https://www.instagram.com/legal/privacy/', IG_NOT_PROFILE],
    ['https://www.instagram.com/web/lite/', IG_NOT_PROFILE],
    ['https://www.instagram.com/challenge/', IG_NOT_PROFILE],
    ['https://help.instagram.com/581066165581870', IG_NOT_PROFILE],
    ['https://www.instagram.com/', "That is the Instagram home page, not a person's profile"],
    ['https://www.facebook.com/ana.souza_', 'That link is on Facebook, not Instagram'],
    ['https://www.threads.net/@ana.souza_', 'That link is on www.threads.net, not Instagram'],
    ['.ana', "An Instagram username can't start or end with a full stop"],
    ['ana.', "An Instagram username can't start or end with a full stop"],
    ['ana..souza', IG_TWO_DOTS],
    ['ana-souza', 'Instagram usernames only use letters, numbers, full stops and underscores'],
    ['zoë', 'Instagram usernames only use letters, numbers, full stops and underscores'],
    ['a234567890123456789012345678901', 'Instagram usernames are at most 30 characters long'],
    ['@', 'That Instagram username is empty'],
    ['explore', "That is Instagram's Explore page, not a person's profile"],
  ])('%s is refused', (input, reason) => {
    expect(said(parseIdentity('instagram', input))).toEqual({ ok: false, reason });
  });
});

describe('parseIdentity: LinkedIn accepted', () => {
  it.each([
    ['https://www.linkedin.com/in/zoe-dubois-4b2a1c/', 'zoe-dubois-4b2a1c'],
    ['https://www.linkedin.com/in/zo%C3%AB-dubois-4b2a1c/?miniProfileUrn=urn%3Ali%3Afs_miniProfile%3AACoAAB', 'zoë-dubois-4b2a1c'],
    ['linkedin.com/in/Zoë-Dubois-4b2a1c', 'zoë-dubois-4b2a1c'],
    ['zoe\u0308-dubois-4b2a1c', 'zoë-dubois-4b2a1c'],
    ['zo%C3%AB-dubois-4b2a1c', 'zoë-dubois-4b2a1c'],
    ['https://fr.linkedin.com/in/zoe-dubois', 'zoe-dubois'],
    ['m.linkedin.com/in/zoe-dubois', 'zoe-dubois'],
    ['https://www.linkedin.com/in/zoe-dubois/details/experience/', 'zoe-dubois'],
    ['https://www.linkedin.com/in/zoe-dubois/overlay/contact-info/', 'zoe-dubois'],
    ['/in/zoe-dubois/recent-activity/all/', 'zoe-dubois'],
    ['<https://www.linkedin.com/in/zoe-dubois>', 'zoe-dubois'],
    ['https://www.linkedin.com/in/%E6%9D%8E%E5%A8%9C-a1b2', '李娜-a1b2'],
    ['zoe-dubois-1a2b3c', 'zoe-dubois-1a2b3c'],
    ['ZOE_DUBOIS', 'zoe_dubois'],
  ])('%s → %s', (input, identity) => {
    expect(parseIdentity('linkedin', input)).toEqual({ ok: true, identity });
  });
});

describe('parseIdentity: LinkedIn member ids', () => {
  const ID = 'ACoAAB1x2YzQ';
  it.each([
    // As conversation headers link them, with LinkedIn's tracking query (site-evidence C3).
    [`https://www.linkedin.com/in/${ID}?lipi=urn%3Ali%3Apage%3Ad_flagship3_messaging_conversation_detail%3Babc%3D%3D`, `urn:${ID}`],
    [`https://www.linkedin.com/in/${ID}/`, `urn:${ID}`],
    [`linkedin.com/in/${ID}`, `urn:${ID}`],
    [ID, `urn:${ID}`],
    [`urn:li:fsd_profile:${ID}`, `urn:${ID}`],
    [`urn:${ID}`, `urn:${ID}`],
    ['ACoAAAHb-z_9QxYtLmNoPqRsTuVwXyZ0123456789', 'urn:ACoAAAHb-z_9QxYtLmNoPqRsTuVwXyZ0123456789'],
  ])('%s → %s, case kept', (input, identity) => {
    expect(parseIdentity('linkedin', input)).toEqual({ ok: true, identity });
  });

  it('is never folded into a slug: the lower-cased id is a vanity name, and a different identity', () => {
    expect(parseIdentity('linkedin', ID.toLowerCase())).toEqual({ ok: true, identity: ID.toLowerCase() });
    expect(parseIdentity('linkedin', 'ACoAAB1x2YzR')).toEqual({ ok: true, identity: 'urn:ACoAAB1x2YzR' });
  });

  it.each(['urn:li:fsd_profile:', 'urn:li:fsd_profile:zoe-dubois', 'urn:li:activity:7100000000000000000'])('refuses %s', (input) => {
    expect(said(parseIdentity('linkedin', input))).toEqual({ ok: false, reason: LI_NOT_PROFILE });
  });

  it('reads ids from URNs, encoded or not, and nothing else', () => {
    expect(linkedinMemberId(`urn%3Ali%3Afsd_profile%3A${ID}`)).toBe(`urn:${ID}`);
    expect(linkedinMemberId(`urn:li:fsd_profile:${ID}`)).toBe(`urn:${ID}`);
    expect(linkedinMemberId(ID)).toBe(`urn:${ID}`);
    expect(linkedinMemberId('zoe-dubois')).toBeNull();
    expect(linkedinMemberId('urn%3A%E0%A4')).toBeNull();
    expect(isLinkedinMemberId(`urn:${ID}`)).toBe(true);
    expect(isLinkedinMemberId('zoe-dubois')).toBe(false);
  });

  it('is accepted in a client list cell beside a vanity name', () => {
    const parsed = parseIdentityList('linkedin', `zoe-dubois; https://www.linkedin.com/in/${ID}/ ${ID}`);
    expect(parsed).toEqual({ identities: ['zoe-dubois', `urn:${ID}`], errors: [] });
  });
});

describe('parseIdentity: LinkedIn refused', () => {
  const damaged = 'That LinkedIn link is damaged (its %-codes are broken). Copy it again from the profile page';
  const shortLink =
    "That is a LinkedIn short link, so Boundary can't tell whose profile it is. Open it and copy the profile's address instead";
  it.each([
    [
      'https://www.linkedin.com/pub/zoe-dubois/12/345/678',
      "That is an old-style LinkedIn link that can't be matched reliably. Open it and copy the address of the profile page instead",
    ],
    ['https://www.linkedin.com/company/calm-health/', "That is a LinkedIn company page, not a person's profile"],
    ['https://www.linkedin.com/school/sorbonne/', "That is a LinkedIn school page, not a person's profile"],
    ['https://www.linkedin.com/showcase/calm-kids/', "That is a LinkedIn showcase page, not a person's profile"],
    ['https://www.linkedin.com/groups/1234567/', "That is a LinkedIn group, not a person's profile"],
    ['https://www.linkedin.com/feed/update/urn:li:activity:7100000000000000000/', "That is a LinkedIn post, not a person's profile"],
    ['https://www.linkedin.com/posts/zoe-dubois_activity-7100000000000000000-AbCd', "That is a LinkedIn post, not a person's profile"],
    ['https://www.linkedin.com/pulse/boundaries-therapy-zoe-dubois', "That is a LinkedIn article, not a person's profile"],
    ['https://www.linkedin.com/jobs/view/3700000000/', "That is a LinkedIn job listing, not a person's profile"],
    [
      'https://www.linkedin.com/messaging/thread/2-AbCdEf==/',
      "That is a LinkedIn conversation, not a person's profile. Open their profile and copy its address",
    ],
    ['https://www.linkedin.com/mynetwork/', "That is a LinkedIn network page, not one person's profile"],
    ['https://www.linkedin.com/search/results/people/?keywords=zoe', "That is a LinkedIn search, not a person's profile"],
    ['https://www.linkedin.com/learning/', "That is a LinkedIn Learning page, not a person's profile"],
    ['https://www.linkedin.com/events/7100000000000000000/', "That is a LinkedIn event, not a person's profile"],
    [
      'https://www.linkedin.com/sales/lead/ACwAAAB,NAME_SEARCH',
      "That is a Sales Navigator link. Open the person's regular profile and copy its address instead",
    ],
    ['https://www.linkedin.com/help/linkedin', LI_NOT_PROFILE],
    ['https://lnkd.in/eAbCdEf', shortLink],
    ['lnkd.in/eAbCdEf', shortLink],
    ['https://www.linkedin.com/in/zo%E9-dubois', damaged],
    ['zoe%zz', damaged],
    ['https://www.linkedin.com/in/', 'That LinkedIn link has no profile name after "/in/"'],
    ['https://www.linkedin.com/', "That is the LinkedIn home page, not a person's profile"],
    ['https://notlinkedin.com/in/zoe-dubois', 'That link is on notlinkedin.com, not LinkedIn'],
    ['zo', 'A LinkedIn profile name is 3 to 100 letters, numbers, hyphens or underscores'],
    ['zoe.dubois', 'A LinkedIn profile name is 3 to 100 letters, numbers, hyphens or underscores'],
    ['Zoë Dubois', "That has a space in it. Paste one profile link or username, not a person's name"],
  ])('%s is refused', (input, reason) => {
    expect(said(parseIdentity('linkedin', input))).toEqual({ ok: false, reason });
  });
});

describe('parseIdentityList', () => {
  it.each<[Platform, string, string[], { input: string; reason: string }[]]>([
    ['facebook', 'https://www.facebook.com/jane.doe.71; jane.doe.71 ;100012345678901', ['janedoe71', '100012345678901'], []],
    [
      'facebook',
      'janedoe71\nhttps://www.facebook.com/groups/1/',
      ['janedoe71'],
      [{ input: 'https://www.facebook.com/groups/1/', reason: FB_GROUP }],
    ],
    ['facebook', '', [], []],
    ['facebook', ' ; ;\t ', [], []],
    [
      'instagram',
      '@ana.souza_ ana.souza_ https://instagram.com/ana.souza_/ bad..name',
      ['ana.souza_'],
      [{ input: 'bad..name', reason: IG_TWO_DOTS }],
    ],
    ['linkedin', 'zo%C3%AB-dubois;Zoë-Dubois;/in/zoe-dubois/', ['zoë-dubois', 'zoe-dubois'], []],
  ])('%s %j', (platform, input, identities, errors) => {
    const parsed = parseIdentityList(platform, input);
    expect({ ...parsed, errors: parsed.errors.map((e) => ({ input: e.input, reason: say(e.reason) })) }).toEqual({ identities, errors });
  });
});

describe('identityFromHref', () => {
  const FB_PAGE = 'https://www.facebook.com/friends/requests/';
  const IG_PAGE = 'https://www.instagram.com/';
  const LI_PAGE = 'https://www.linkedin.com/feed/';
  it.each<[Platform, string, string | undefined, string | null]>([
    ['facebook', 'https://www.facebook.com/friends/requests/?profile_id=100012345678901', undefined, '100012345678901'],
    ['facebook', '/profile.php?id=100012345678901&sk=about', FB_PAGE, '100012345678901'],
    ['facebook', 'https://www.facebook.com/jane.doe.71?__tn__=-UC%2CP-R', FB_PAGE, 'janedoe71'],
    ['facebook', '/people/Ana-Souza/100009876543210/', FB_PAGE, '100009876543210'],
    ['facebook', 'jane.doe.71', 'https://www.facebook.com/', 'janedoe71'],
    ['facebook', '/messages/t/123/', FB_PAGE, null],
    ['facebook', '#', FB_PAGE, null],
    ['facebook', 'javascript:void(0)', FB_PAGE, null],
    ['facebook', '/', FB_PAGE, null],
    ['facebook', '', FB_PAGE, null],
    ['facebook', 'mailto:jane@example.com', FB_PAGE, null],
    ['facebook', 'https://example.com/jane.doe.71', FB_PAGE, null],
    ['facebook', 'https://l.facebook.com/l.php?u=https%3A%2F%2Fwww.facebook.com%2Fjane.doe.71', FB_PAGE, null],
    ['facebook', '/groups/1234567890/', FB_PAGE, null],
    ['facebook', '/watch/', FB_PAGE, null],
    ['facebook', '/jane.doe.71/posts/pfbid02AbCdEf', FB_PAGE, null],
    ['facebook', 'https://www.facebook.com/photo/?fbid=1&set=a.2', FB_PAGE, null],
    ['facebook', 'jane.doe.71', undefined, null],
    ['facebook', '/jane.doe.71', undefined, null],
    ['facebook', '/jane.doe.71', 'not a url', null],
    ['instagram', '/ana.souza_/', IG_PAGE, 'ana.souza_'],
    ['instagram', 'https://www.instagram.com/ana.souza_/?hl=es', undefined, 'ana.souza_'],
    ['instagram', '/direct/t/456/', IG_PAGE, null],
    ['instagram', '/p/Cx1AbCdEfGh/', IG_PAGE, null],
    ['instagram', '/explore/', IG_PAGE, null],
    ['instagram', '/', IG_PAGE, null],
    ['instagram', 'ana.souza_', undefined, null],
    ['instagram', 'https://l.instagram.com/?u=https%3A%2F%2Fexample.com', IG_PAGE, null],
    ['linkedin', 'https://www.linkedin.com/in/zo%C3%AB-dubois-4b2a1c/?miniProfileUrn=urn%3Ali%3Afs', LI_PAGE, 'zoë-dubois-4b2a1c'],
    ['linkedin', '/in/zoe-dubois/', LI_PAGE, 'zoe-dubois'],
    ['linkedin', '/company/calm-health/', LI_PAGE, null],
    ['linkedin', '/in/%E0%A4%A/', LI_PAGE, null],
    ['linkedin', 'https://lnkd.in/eAbCdEf', LI_PAGE, null],
    ['linkedin', '/in/ACoAAB1x2YzQ?lipi=urn%3Ali%3Apage%3Ad_flagship3_messaging', LI_PAGE, 'urn:ACoAAB1x2YzQ'],
    ['linkedin', 'https://www.linkedin.com/in/ACoAAB1x2YzQ', undefined, 'urn:ACoAAB1x2YzQ'],
  ])('%s %s (base %s) → %s', (platform, href, base, expected) => {
    expect(identityFromHref(platform, href, base)).toBe(expected);
  });
});

describe('identityFromHref, links relative to the page', () => {
  // A root-relative link on a simple page address is read without the URL parser: it must say
  // what the parser's resolution of it says, read as an absolute link.
  const BASES = [
    'https://www.instagram.com/accounts/activity/?followRequests=1',
    'https://www.facebook.com/friends/requests/',
    'https://www.linkedin.com/mynetwork/invitation-manager/',
    'https://WWW.Instagram.com/',
    'https://www.instagram.com./',
    'https://www.instagram.com:8443/',
    'https://user@www.instagram.com/',
    'http://m.facebook.com/home.php#top',
    'https://xn--nxasmq6b.com/',
  ];
  const resolved = (platform: Platform, href: string, base: string) => {
    try {
      return identityFromHref(platform, new URL(href.trim(), base).href);
    } catch {
      return null;
    }
  };
  const PIECES = ['/', '//', '\\', '.', '..', 'ana.souza_', 'Ana', 'in', 'profile.php', '?id=100012345678901', '?a=b&c', '#x', '%41', ' ', '\n', 'evil.com', 'people', '100009876543210', 'é'];
  it('gives what the URL parser resolves the link to (randomised)', () => {
    fc.assert(
      fc.property(fc.constantFrom<Platform>('facebook', 'instagram', 'linkedin'), fc.constantFrom(...BASES), fc.array(fc.constantFrom(...PIECES), { maxLength: 6 }), (platform, base, pieces) => {
        const href = `/${pieces.join('')}`;
        expect(identityFromHref(platform, href, base)).toBe(resolved(platform, href, base));
      }),
      { numRuns: 3000 },
    );
  });
  it.each([
    ['instagram', '//evil.com/ana.souza_/'],
    ['instagram', '/\\evil.com/ana.souza_/'],
    ['instagram', '/a/../ana.souza_/'],
    ['facebook', '/people/Ana-Souza/100009876543210/'],
    ['linkedin', '/in/zoe-dubois/?trk=x'],
  ] as [Platform, string][])('%s %s', (platform, href) => {
    for (const base of BASES) expect(identityFromHref(platform, href, base)).toBe(resolved(platform, href, base));
  });
});

describe('identityUrl', () => {
  it.each<[Platform, string, string]>([
    ['facebook', '100012345678901', 'https://www.facebook.com/profile.php?id=100012345678901'],
    ['facebook', 'janedoe71', 'https://www.facebook.com/janedoe71'],
    ['instagram', 'ana.souza_', 'https://www.instagram.com/ana.souza_/'],
    ['linkedin', 'zoe-dubois', 'https://www.linkedin.com/in/zoe-dubois/'],
    ['linkedin', 'zoë-dubois-4b2a1c', 'https://www.linkedin.com/in/zo%C3%AB-dubois-4b2a1c/'],
    ['linkedin', '李娜-a1b2', 'https://www.linkedin.com/in/%E6%9D%8E%E5%A8%9C-a1b2/'],
    ['linkedin', 'urn:ACoAAB1x2YzQ', 'https://www.linkedin.com/in/ACoAAB1x2YzQ/'],
  ])('%s %s → %s, and back', (platform, identity, url) => {
    expect(identityUrl(platform, identity)).toBe(url);
    expect(parseIdentity(platform, url)).toEqual({ ok: true, identity });
    expect(identityFromHref(platform, url)).toBe(identity);
  });
});

describe('identityKey', () => {
  it.each<[Platform, string, string]>([
    ['facebook', '100012345678901', 'facebook:100012345678901'],
    ['instagram', 'ana.souza_', 'instagram:ana.souza_'],
    ['linkedin', 'zoë-dubois', 'linkedin:zoë-dubois'],
  ])('%s %s → %s', (platform, identity, key) => {
    expect(identityKey(platform, identity)).toBe(key);
  });
});

describe('identityLabel', () => {
  it.each([
    ['linkedin', 'zoë-dubois-4b2a1c', 'https://www.linkedin.com/in/zoë-dubois-4b2a1c/'],
    ['linkedin', 'urn:ACoAAB1x2YzQ', 'https://www.linkedin.com/in/ACoAAB1x2YzQ/'],
    ['facebook', '100012345678901', 'https://www.facebook.com/profile.php?id=100012345678901'],
    ['instagram', 'ana.souza_', 'https://www.instagram.com/ana.souza_/'],
  ] as const)('%s %s reads as %s', (platform, identity, label) => {
    expect(identityLabel(platform, identity)).toBe(label);
  });
});

describe('foldedNote: why a Facebook username is kept without its dots', () => {
  it.each([
    ['https://www.facebook.com/Jane.Doe.71', 'Jane.Doe.71'],
    ['jane.doe.71', 'jane.doe.71'],
    ['fb.me/JaneDoe71', 'JaneDoe71'],
  ])('explains %s', (input, typed) => {
    expect(say(foldedNote('facebook', input)!)).toBe(
      `Facebook ignores full stops and capital letters in usernames, so “${typed}” is kept as “janedoe71”: both open the same profile.`,
    );
  });

  it.each([
    ['facebook', 'janedoe71'],
    ['facebook', 'https://www.facebook.com/profile.php?id=100012345678901'],
    ['facebook', 'not a link'],
    ['instagram', 'Jane.Doe.71'],
  ] as const)('says nothing for %s %s', (platform, input) => {
    expect(foldedNote(platform, input)).toBeNull();
  });
});

describe('parseIdentity, links read without the URL parser', () => {
  // A plain pasted link is read by simpleUrl; the same link with its scheme in capitals is not
  // plain and goes to the URL parser, which lower-cases the scheme: both must read the same.
  const HOSTS = ['www.facebook.com', 'facebook.com', 'm.facebook.com', 'fb.me', 'www.instagram.com', 'instagram.com.', 'www.linkedin.com', 'fr.linkedin.com', 'lnkd.in', 'example.com'];
  const PIECES = ['/', '//', '.', '..', 'ana.souza_', 'Ana', 'in/', 'profile.php', 'profile.php?id=100012345678901', '?id=100012345678901', '?a=b&c', '&id=7', '=', '&', 'people/', '100009876543210', '-', '~', 'ACoAAB1x2YzQ', 'company/', 'zoe-dubois'];
  it('gives what the URL parser gives (randomised)', () => {
    fc.assert(
      fc.property(fc.constantFrom<Platform>('facebook', 'instagram', 'linkedin'), fc.constantFrom('http', 'https'), fc.constantFrom(...HOSTS), fc.array(fc.constantFrom(...PIECES), { maxLength: 6 }), (platform, scheme, host, pieces) => {
        const rest = `://${host}/${pieces.join('')}`;
        expect(parseIdentity(platform, scheme + rest)).toEqual(parseIdentity(platform, scheme.toUpperCase() + rest));
      }),
      { numRuns: 3000 },
    );
  });
});
