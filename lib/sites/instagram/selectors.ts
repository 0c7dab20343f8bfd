/**
 * Every selector the Instagram adapter uses, in one place. Lists run in order of preference.
 * Instagram's markup is deep anonymous divs with hashed atomic class names (`x1i10hfl`, `_acan`)
 * that change with every deploy, so nothing here uses them; everything is anchored on roles,
 * aria attributes, element types and link shapes. Button wording is judged by lib/sites/labels.ts,
 * in every language it knows, never here.
 */

/** Pages, by path. Instagram keeps these paths in every UI language. Seen 2026-11. */
export const ACTIVITY_PATH = '/accounts/activity/';
export const DIRECT_PATH = '/direct/';
/** The activity page lists follow requests when it carries this query parameter. Seen 2026-11. */
export const FOLLOW_REQUESTS_PARAM = 'followRequests';

/**
 * Links that may name a person. Profiles are `/<username>/`; whether a link really is one (not
 * `/p/…`, `/explore/…`, `/direct/t/…`) is for identityFromHref to say.
 */
export const PROFILE_LINK_SELECTORS = [
  // Relative, as Instagram renders every avatar and username link. Seen 2026-11.
  'a[href^="/"]',
  // Absolute, as in links shared inside messages. Seen 2026-11.
  'a[href*="instagram.com/"]',
] as const;

/** Controls a person can press. */
export const CONTROL_SELECTORS = [
  // Confirm / Delete on the follow-requests page, Follow on suggestions. Seen 2026-11.
  'button',
  // Confirm / Excluir in the notifications drawer, thread rows, icon buttons. Seen 2026-11.
  '[role="button"]',
] as const;

/**
 * Marks a control as icon-only: its label is an <svg aria-label> with a <title>. A request's
 * Confirm / Delete are worded buttons; a suggestion's dismiss "X" is an icon, whatever it is
 * labelled. Seen 2026-11 on suggestions in the activity page and the drawer.
 */
export const ICON_SELECTORS = ['svg'] as const;

/** Controls that may be a request's Delete; clickDecline reads each label before pressing. */
export const INSTAGRAM_DECLINE_SELECTORS = [
  // <button type="button"><div dir="auto">Delete</div></button> on the requests page. Seen 2026-11.
  'button',
  // <div role="button">Excluir</div> in the notifications drawer. Seen 2026-11.
  '[role="button"]',
] as const;

/**
 * The notifications (activity) panel, which opens over any page and may hold follow requests.
 * Seen 2026-11: a drawer with role="dialog" beside the collapsed navigation.
 */
export const ACTIVITY_PANEL_SELECTORS = ['[role="dialog"]'] as const;

/** Rows of the Direct thread list (inbox, or message requests on /direct/requests/). */
export const THREAD_ROW_SELECTORS = [
  // Rows that are links to the conversation, /direct/t/<id>/. Seen 2026-11.
  'a[href*="/direct/t/"]',
  // Rows that are role="button" divs, one per role="listitem" in the role="navigation" column;
  // the inbox and the requests list. Seen 2026-11.
  '[role="navigation"] [role="listitem"]',
] as const;

/** A row's own wrapper, when a matched link sits inside one. Seen 2026-11. */
export const THREAD_ROW_WRAPPER = '[role="listitem"]';

/**
 * The open conversation's messages. Profile links in here (the profile card at the top, @mentions,
 * shared profiles) are not the header. Seen 2026-11: role="grid" with one role="row" per message.
 */
export const MESSAGE_LIST_SELECTORS = ['[role="grid"]', '[role="row"]'] as const;

/** The open conversation's message box. */
export const COMPOSER_SELECTORS = [
  // Lexical editor: <div contenteditable="true" role="textbox" aria-label="Message">. Seen 2026-11.
  'div[contenteditable="true"][role="textbox"]',
  // Older Direct layouts: a plain textarea.
  'textarea',
] as const;

/** Boxes that are never the message box: a post's public comment field lives in its <article>. Seen 2026-11. */
export const NOT_COMPOSER_SELECTORS = ['article'] as const;

/** Text that is never a name: icon titles, timestamps ("3 h", "2d"), hidden separators (" · "). Seen 2026-11. */
export const NOT_NAME_SELECTORS = ['svg', 'time', 'abbr', '[aria-hidden="true"]'] as const;

/**
 * Second path segments that are still the person's profile: its tabs and the lists it opens over
 * itself (/<username>/tagged/, /<username>/followers/). Anything else under a username
 * (/<username>/p/<code>/, a post) is not the profile. Seen 2026-11.
 */
export const PROFILE_TABS = ['tagged', 'reels', 'saved', 'followers', 'following', 'feed', 'guides', 'channel'] as const;

/** A profile's header: picture, username, Follow / Message, counts, bio. */
export const PROFILE_HEADER_SELECTORS = [
  // The <header> at the top of <main role="main">, on every profile layout. Seen 2026-11.
  'main header',
] as const;

/** The profile's heading: its username. */
export const PROFILE_HEADING_SELECTORS = [
  // <h2> with the username. Never the header's <h1>: that holds the bio. Seen 2026-11.
  'main header h2',
] as const;

/** Boxes about someone else that a profile header may hold. */
export const PROFILE_CARD_SELECTORS = [
  // "Suggested for you" opened from the similar-accounts button: role="listitem" cards inside the
  // header in some layouts, <li> cards in others (the counts' <li>s hold no buttons). Seen 2026-11.
  '[role="listitem"]',
  'li',
] as const;

/** Only the profile's owner has these in its header, whatever the UI language. */
export const OWN_PROFILE_SELECTORS = [
  // "Edit profile", a link to the account settings. Seen 2026-11.
  'a[href*="/accounts/edit"]',
  // "View archive", the owner's story archive. Seen 2026-11.
  'a[href*="/archive/"]',
] as const;
