// @vitest-environment happy-dom
import { beforeEach, describe, expect, it } from 'vitest';
import type { Platform } from '@/lib/identity';
import { facebookAdapter } from '@/lib/sites/facebook/adapter';
import { instagramAdapter } from '@/lib/sites/instagram/adapter';
import { linkedinAdapter } from '@/lib/sites/linkedin/adapter';
import type { SiteAdapter } from '@/lib/sites/types';
import { PROFILE_PAGES, REPLICA_PAGES } from '../../fixtures/replicas';
import { loadReplica } from './replica-dom';

// The tests read the replicas' data-replica-* attributes to know whose control is whose; the
// adapters never do.

const ADAPTERS: Record<Platform, SiteAdapter> = {
  facebook: facebookAdapter,
  instagram: instagramAdapter,
  linkedin: linkedinAdapter,
};

const GUARDED = new Set(['follow', 'add-friend', 'connect', 'message']);

/** The profile's own controls: marked, and on nobody else's card. */
const ownControls = () =>
  [...document.querySelectorAll('[data-replica-action]')].filter((control) => !control.closest('[data-replica-person]'));

/** A control and everything inside it: a click lands on any of them. */
const targetsIn = (control: Element) => [control, ...control.querySelectorAll('*')];

const NOT_A_PROFILE: Record<Platform, string> = { facebook: '/friends/', instagram: '/explore/', linkedin: '/feed/' };

/** What each site shows only on the clinician's own profile, to be put into the profile's header. */
const OWN_MARKS: Record<Platform, string[]> = {
  facebook: ['<a href="/stories/create/" role="link"><span>Add to story</span></a>'],
  instagram: [
    '<a href="/accounts/edit/" role="link">Edit profile</a>',
    '<a href="/archive/stories/" role="link">View archive</a>',
  ],
  linkedin: [
    '<a href="https://www.linkedin.com/in/maren-holt-counselling/edit/intro/" aria-label="Edit intro"></a>',
    '<a href="/in/maren-holt-counselling/edit/forms/intro/new/" aria-label="Edit intro"></a>',
  ],
};

describe.each(PROFILE_PAGES)('$fixture', ({ platform, url, fixture, identity, name, actions }) => {
  const adapter = ADAPTERS[platform];
  const at = new URL(url);
  beforeEach(() => loadReplica(fixture));

  it('is the profile of the person the address names, by the name in its heading', () => {
    const profile = adapter.profileOf(document, at)!;
    expect(profile).toMatchObject({ kind: 'profile', platform, identities: [identity], name });
    expect(profile.element.isConnected).toBe(true);
  });

  it('names nobody before the heading renders, but still knows whose profile it is', () => {
    for (const heading of document.querySelectorAll('h1, h2')) heading.remove();
    expect(adapter.profileOf(document, at)).toMatchObject({ identities: [identity], name: '' });
  });

  it('guards each of the profile’s own controls, wherever in it the click lands', () => {
    const guarded = ownControls().filter((control) => GUARDED.has(control.getAttribute('data-replica-action')!));
    expect(new Set(guarded.map((control) => control.getAttribute('data-replica-action')))).toEqual(new Set(actions));
    for (const control of guarded) {
      for (const target of targetsIn(control)) {
        expect(adapter.guardedActionAt(target, at), target.outerHTML).toEqual({
          action: control.getAttribute('data-replica-action'),
          control,
        });
      }
    }
  });

  it('lets through the profile’s other controls, and everyone else’s, whatever they say', () => {
    const others = [...document.querySelectorAll('[data-replica-action]')].filter(
      (control) => control.closest('[data-replica-person]') || !GUARDED.has(control.getAttribute('data-replica-action')!),
    );
    expect(others.some((control) => GUARDED.has(control.getAttribute('data-replica-action')!))).toBe(true);
    for (const control of others) {
      for (const target of targetsIn(control)) expect(adapter.guardedActionAt(target, at), target.outerHTML).toBeNull();
    }
    for (const element of document.querySelectorAll('a, [role="tab"], h1, h2')) {
      if (!element.closest('[data-replica-action]')) expect(adapter.guardedActionAt(element, at)).toBeNull();
    }
  });

  it.each([
    'Following',
    'Unfollow',
    'Edit profile',
    'More',
    'Cancel request',
    'Friends',
    'Pending',
    'Requested',
    'Siguiendo',
    'Dejar de seguir',
    'Ne plus suivre',
    'Abonné',
    'Gefolgt',
    'Seguindo',
    'Segui già',
    '500+ connections',
  ])('lets a control through once it reads %j', (label) => {
    for (const control of ownControls()) {
      if (control.hasAttribute('aria-label')) control.setAttribute('aria-label', label);
      for (const text of control.querySelectorAll('span, div')) if (!text.children.length) text.textContent = label;
      if (!control.children.length) control.textContent = label;
      expect(adapter.guardedActionAt(control, at), control.outerHTML).toBeNull();
    }
  });

  it('guards nothing on a page that is not a profile', () => {
    const elsewhere = new URL(NOT_A_PROFILE[platform], at);
    for (const control of ownControls()) expect(adapter.guardedActionAt(control, elsewhere)).toBeNull();
  });

  it('is not a profile to guard when it is the clinician’s own', () => {
    for (const mark of OWN_MARKS[platform]) {
      loadReplica(fixture);
      ownControls()[0]!.insertAdjacentHTML('beforebegin', mark);
      expect(adapter.profileOf(document, at), mark).toBeNull();
    }
  });

  it('is not a profile to guard when its header has an Edit profile control, in any language', () => {
    const [control] = ownControls();
    control!.setAttribute('aria-label', 'Modifier le profil');
    expect(adapter.profileOf(document, at)).toBeNull();
  });
});

describe.each(REPLICA_PAGES)('$fixture (not a profile)', ({ platform, url, fixture }) => {
  it('is nobody’s profile', () => {
    loadReplica(fixture);
    expect(ADAPTERS[platform].profileOf(document, new URL(url))).toBeNull();
  });
});

describe('which addresses are profiles', () => {
  beforeEach(() => {
    document.body.innerHTML = '';
  });
  const identitiesAt = (platform: Platform, href: string) =>
    ADAPTERS[platform].profileOf(document, new URL(href))?.identities ?? null;

  it.each([
    ['https://www.facebook.com/tessa.lindqvist.hale', ['tessalindqvisthale']],
    ['https://www.facebook.com/Tessa.Lindqvist.Hale/', ['tessalindqvisthale']],
    ['https://www.facebook.com/tessa.lindqvist.hale/about', ['tessalindqvisthale']],
    ['https://www.facebook.com/tessa.lindqvist.hale/photos', ['tessalindqvisthale']],
    ['https://m.facebook.com/tessa.lindqvist.hale', ['tessalindqvisthale']],
    ['https://www.facebook.com/profile.php?id=100089412300777', ['100089412300777']],
    ['https://www.facebook.com/profile.php?id=100089412300777&sk=about', ['100089412300777']],
    ['https://www.facebook.com/people/Joaqu%C3%ADn-Ibarra/100089412300777/', ['100089412300777']],
    ['https://www.facebook.com/profile.php?id=abc', []],
    ['https://www.facebook.com/profile.php', []],
    ['https://www.facebook.com/people/Joaquin-Ibarra/', []],
    ['https://www.facebook.com/', null],
    ['https://www.facebook.com/?sk=h_chr', null],
    ['https://www.facebook.com/me', null],
    ['https://www.facebook.com/friends/', null],
    ['https://www.facebook.com/friends/requests/?profile_id=100089412300777', null],
    ['https://www.facebook.com/friends/suggestions/?profile_id=100089412300777', null],
    ['https://www.facebook.com/messages/t/100089412300777/', null],
    ['https://www.facebook.com/groups/1234567890/', null],
    ['https://www.facebook.com/groups/1234567890/user/100089412300777/', null],
    ['https://www.facebook.com/watch/?v=123', null],
    ['https://www.facebook.com/marketplace/', null],
    ['https://www.facebook.com/notifications', null],
    ['https://www.facebook.com/settings?tab=account', null],
    ['https://www.facebook.com/pages/Harbour-Street-Bakery/123456', null],
    ['https://www.facebook.com/events/123456/', null],
    ['https://www.facebook.com/gaming/feed/', null],
    ['https://www.facebook.com/reel/123456789/', null],
    ['https://www.facebook.com/stories/100089412300777/', null],
    ['https://www.facebook.com/photo/?fbid=123&set=a.456', null],
    ['https://www.facebook.com/photo.php?fbid=123', null],
    ['https://www.facebook.com/search/top/?q=tessa', null],
    ['https://www.facebook.com/tessa.lindqvist.hale/posts/pfbid0abc', null],
    ['https://www.facebook.com/bookmarks/', null],
    ['https://help.facebook.com/tessa.lindqvist.hale', null],
    ['https://www.instagram.com/tessa.lindqvist.hale/', null],
  ])('Facebook %s → %j', (href, expected) => {
    expect(identitiesAt('facebook', href)).toEqual(expected);
  });

  it.each([
    ['https://www.instagram.com/mira.okafor.lund/', ['mira.okafor.lund']],
    ['https://www.instagram.com/Mira.Okafor.Lund', ['mira.okafor.lund']],
    ['https://www.instagram.com/mira.okafor.lund/?hl=pt-br', ['mira.okafor.lund']],
    ['https://www.instagram.com/mira.okafor.lund/tagged/', ['mira.okafor.lund']],
    ['https://www.instagram.com/mira.okafor.lund/reels/', ['mira.okafor.lund']],
    ['https://www.instagram.com/mira.okafor.lund/followers/', ['mira.okafor.lund']],
    ['https://m.instagram.com/mira.okafor.lund/', ['mira.okafor.lund']],
    ['https://www.instagram.com/', null],
    ['https://www.instagram.com/explore/', null],
    ['https://www.instagram.com/explore/people/', null],
    ['https://www.instagram.com/direct/inbox/', null],
    ['https://www.instagram.com/direct/t/118273645501928/', null],
    ['https://www.instagram.com/accounts/edit/', null],
    ['https://www.instagram.com/accounts/activity/?followRequests=1', null],
    ['https://www.instagram.com/p/DB7kQm2sXa1/', null],
    ['https://www.instagram.com/mira.okafor.lund/p/DB7kQm2sXa1/', null],
    ['https://www.instagram.com/reel/DB7kQm2sXa1/', null],
    ['https://www.instagram.com/reels/', null],
    ['https://www.instagram.com/stories/mira.okafor.lund/3412345678901234567/', null],
    ['https://www.instagram.com/stories/mira.okafor.lund/', null],
    ['https://www.instagram.com/about/', null],
    ['https://www.instagram.com/legal/privacy/', null],
    ['https://www.instagram.com/not-a-username/', null],
    ['https://www.facebook.com/mira.okafor.lund/', null],
  ])('Instagram %s → %j', (href, expected) => {
    expect(identitiesAt('instagram', href)).toEqual(expected);
  });

  it.each([
    ['https://www.linkedin.com/in/declan-achterberg-5e91a3/', ['declan-achterberg-5e91a3']],
    ['https://www.linkedin.com/in/Declan-Achterberg-5E91A3', ['declan-achterberg-5e91a3']],
    ['https://fr.linkedin.com/in/solene-garnier-duval-08b7c4/', ['solene-garnier-duval-08b7c4']],
    ['https://www.linkedin.com/in/zo%C3%AB-dubois-4b2a1c/', ['zoë-dubois-4b2a1c']],
    ['https://www.linkedin.com/in/declan-achterberg-5e91a3/recent-activity/all/', ['declan-achterberg-5e91a3']],
    ['https://www.linkedin.com/in/declan-achterberg-5e91a3/overlay/contact-info/', ['declan-achterberg-5e91a3']],
    ['https://www.linkedin.com/in/declan-achterberg-5e91a3/details/experience/', ['declan-achterberg-5e91a3']],
    ['https://www.linkedin.com/in/ab/', []],
    ['https://www.linkedin.com/in/', null],
    ['https://www.linkedin.com/', null],
    ['https://www.linkedin.com/feed/', null],
    ['https://www.linkedin.com/company/handwerk-reha/', null],
    ['https://www.linkedin.com/school/universite-lyon/', null],
    ['https://www.linkedin.com/mynetwork/', null],
    ['https://www.linkedin.com/mynetwork/invitation-manager/received/', null],
    ['https://www.linkedin.com/messaging/thread/2-YTk3ZDFl/', null],
    ['https://www.linkedin.com/search/results/people/?keywords=declan', null],
    ['https://www.linkedin.com/posts/declan-achterberg-5e91a3_splints-activity-7211234567890123456-abcd/', null],
    ['https://www.linkedin.com/pub/declan-achterberg/1/2/3', null],
    ['https://www.facebook.com/in/declan-achterberg-5e91a3/', null],
  ])('LinkedIn %s → %j', (href, expected) => {
    expect(identitiesAt('linkedin', href)).toEqual(expected);
  });
});

describe('a menu rendered apart from the top card (LinkedIn, current markup)', () => {
  const at = new URL('https://www.linkedin.com/in/solene-garnier-duval-08b7c4/');
  beforeEach(() => loadReplica('linkedin/profile.fr.html'));
  const connect = () => document.querySelector('[role="menu"] [data-replica-action="connect"]')!;

  it('counts as where the button that opens it is', () => {
    expect(linkedinAdapter.guardedActionAt(connect(), at)).toEqual({ action: 'connect', control: connect() });
  });

  it('is not the profile’s when no button in the top card opens it', () => {
    document.querySelector('[aria-controls="profile-overflow-menu-r7"]')!.removeAttribute('aria-controls');
    expect(linkedinAdapter.guardedActionAt(connect(), at)).toBeNull();
  });

  it('finds the top card by its componentkey when the view name is gone', () => {
    for (const element of document.querySelectorAll('[data-view-name]')) element.removeAttribute('data-view-name');
    expect(linkedinAdapter.profileOf(document, at)).toMatchObject({
      identities: ['solene-garnier-duval-08b7c4'],
      name: 'Solène Garnier-Duval',
    });
    expect(linkedinAdapter.guardedActionAt(connect(), at)).toEqual({ action: 'connect', control: connect() });
  });
});

describe('the header LinkedIn pins to the top once the top card scrolls away', () => {
  const at = new URL('https://www.linkedin.com/in/ingrid-solberg-psykolog/');
  beforeEach(() => loadReplica('linkedin/profile-sdui.nb.html'));
  const sticky = () => document.querySelector('[componentkey$="stickyHeader"]')!;
  const stickyConnect = () => sticky().querySelector('[data-replica-action="connect"]')!;

  it('guards a copy of Connect that names the profile’s person in full, wherever it is', () => {
    expect(linkedinAdapter.guardedActionAt(stickyConnect(), at)).toEqual({ action: 'connect', control: stickyConnect() });
  });

  it('does not guard a copy that names only a first name, outside any header the page is known to have', () => {
    stickyConnect().setAttribute('aria-label', 'Inviter Ingrid til å knytte kontakt');
    expect(linkedinAdapter.guardedActionAt(stickyConnect(), at)).toBeNull();
  });

  it('guards the classic sticky header by its class, whatever its controls say', () => {
    stickyConnect().setAttribute('aria-label', 'Knytt kontakt');
    sticky().classList.add('pv-profile-sticky-header-v2__container');
    expect(linkedinAdapter.guardedActionAt(stickyConnect(), at)).toEqual({ action: 'connect', control: stickyConnect() });
  });

  it('does not guard someone else’s card that names the profile’s person', () => {
    const olav = document.querySelector('[data-replica-person="also-viewed-olav"] button')!;
    olav.setAttribute('aria-label', 'Inviter Ingrid Solberg til å knytte kontakt');
    olav.closest('[data-replica-person]')!.setAttribute('role', 'listitem');
    expect(linkedinAdapter.guardedActionAt(olav, at)).toBeNull();
  });
});
