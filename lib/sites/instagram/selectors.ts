/**
 * Every selector the Instagram adapter uses, in one place. Lists run in order of preference.
 * Instagram's markup is deep anonymous divs with hashed atomic class names (`x1i10hfl`, `_acan`)
 * that change with every deploy, so nothing here uses them; everything is anchored on roles,
 * aria attributes, element types and link shapes. Words (button labels, alt texts) are in
 * words.ts. Sources are named as in docs/site-evidence.md (items 8–10, section B "Instagram").
 */

/** Pages, by path. Instagram keeps these paths in every UI language. */
// The activity page, with or without ?followRequests (no 2024–2026 source shows the parameter;
// ref 16941240680, 2026-01-30, still lists /accounts/activity/). Sure of the path, not of what it holds.
export const ACTIVITY_PATH = '/accounts/activity/';
// Direct: /direct/inbox/, /direct/t/<id>/, /direct/requests/ (Safari_Automations, 2026-01/02). Sure.
export const DIRECT_PATH = '/direct/';
// The people Instagram suggests, "See all" from every suggestions strip (replicas; ref 16941240680). Fairly sure.
export const SUGGESTED_PEOPLE_PATH = '/explore/people/';

/**
 * A suggestion block's "See all", its link to /explore/people/ (adapter.ts suggestionBlocks), as
 * a relative or an absolute address. Here, not in the adapter, so that the scanner (which the
 * adapter imports) reads it at load.
 */
export const SEE_ALL = `a[href^="${SUGGESTED_PEOPLE_PATH}"], a[href*="instagram.com${SUGGESTED_PEOPLE_PATH}"]`;
/** A conversation's address, whose path is the thread's key: /direct/t/<id>/. Sure (site-evidence B). */
export const THREAD_PATH = /^\/direct\/t\/([^/?#]+)/;

/**
 * Links that may name a person. Profiles are `/<username>/`; whether a link really is one (not
 * `/p/…`, `/explore/…`, `/direct/t/…`) is for identityFromHref to say.
 */
export const PROFILE_LINK_SELECTORS = [
  // Relative, as Instagram renders every avatar and username link. Sure (every source).
  'a[href^="/"]',
  // Absolute, as in links shared inside messages. Fairly sure.
  'a[href*="instagram.com/"]',
] as const;

/**
 * Images whose alt text may carry a username ("<username>'s profile picture" and its
 * translations, words.ts). Sure for English (Safari_Automations docs/INSTAGRAM_DM_SELECTORS.md,
 * 2026-01-31: `img[alt*='profile picture']`); the other languages from ref 55141389673.
 */
export const AVATAR_SELECTORS = ['img[alt]'] as const;

/**
 * What a person presses in a profile's header (the profile guard). Cards use cards.ts PRESSABLE,
 * which adds links.
 */
export const CONTROL_SELECTORS = [
  // Follow is a <button> in the header (site-evidence B). Sure.
  'button',
  // Message is a div[role=button] (site-evidence B); Remove on a follower too (ajtazer/RemoveInstaFollower
  // instaremover.js, 2025: `div[role="button"]` reading "Remove"). Sure.
  '[role="button"]',
] as const;

/**
 * Rows of the Direct thread list (inbox, requests) that link their conversation: the older
 * layout, and the one on /direct/t/ pages in some sources. Sure it exists (ref 16941240680 tries
 * it first, 2026-01-30); not sure it is still the common one.
 */
export const THREAD_LINK_SELECTORS = ['a[href*="/direct/t/"]'] as const;

/**
 * Rows of the thread list that are not links: `div[role=button]` holding the avatar, the name and
 * the preview (site-evidence item 8: a17-so/internal-tools selectors.py `div[role='button']`;
 * ref 16941240680 goes from `img[alt*="profile picture"]` to `closest('div[role=button]')`). Sure.
 * Matched from the avatar up, so icon-only buttons (New message, calls) are never rows.
 */
export const THREAD_BUTTON_SELECTORS = ['[role="button"]'] as const;

/** A row's own wrapper, when a matched row sits inside one: the older list layout of our first replicas, written from memory. Unsure. */
export const THREAD_ROW_WRAPPER = '[role="listitem"]';

/**
 * The open conversation's messages. Profile links and avatars in here (the profile card at the
 * top, @mentions, shared profiles) are neither rows nor the header. role="grid" with one
 * role="row" per message in our replicas; Messenger's `role="log"` as a fallback (site-evidence B). Unsure.
 */
export const MESSAGE_LIST_SELECTORS = ['[role="grid"]', '[role="row"]', '[role="log"]'] as const;

/** The open conversation's message box. */
export const COMPOSER_SELECTORS = [
  // Lexical editor: <div contenteditable="true" role="textbox" aria-label="Message">. Sure
  // (a17-so; Safari_Automations docs/PRDs/PRD_INSTAGRAM_DM_FULL_CONTROL.md, 2026-02).
  'div[contenteditable="true"][role="textbox"]',
  // Older Direct layouts: a plain textarea (same sources). Sure it existed.
  'textarea',
] as const;

/** Boxes that are never the message box: a post's public comment field lives in its <article>. Sure. */
export const NOT_COMPOSER_SELECTORS = ['article'] as const;

/**
 * What a card found by its pair of controls can never be: a post or reel opened over the page
 * (author link, Follow and the overlay's Close), the page itself. Sure in shape.
 */
export const NOT_A_CARD_SELECTORS = ['[role="dialog"]', 'main', '[role="main"]', 'body'] as const;

/**
 * Where a card can never be: inside a post, whose header pairs its author's Follow with the post's
 * own ✕ or menu. Suggestions in the feed are units of their own, not posts: an inference [G].
 */
export const POST_SELECTORS = ['article'] as const;

/**
 * Places that are never someone else's: the clinician's own account in the left navigation and
 * the feed's sidebar. A profile link is the clinician's own when it sits outside these and holds
 * their avatar or reads "Profile" (words.ts). Sure of the navigation's shape, not of its roles.
 */
export const PAGE_CONTENT_SELECTORS = ['main', '[role="main"]', '[role="dialog"]', 'article', 'header'] as const;

/**
 * The lists of one's own followers and followed accounts, opened over one's profile at
 * /<username>/followers/ and /<username>/following/ (issue 14; Lia 360 followers module:
 * `div[role="dialog"]` with `a[href^="/"]` rows). Sure of the dialog, fairly sure of the addresses.
 */
export const CONNECTIONS_DIALOG_SELECTORS = ['[role="dialog"]'] as const;
export const CONNECTIONS_TABS = ['followers', 'following'] as const;

/**
 * Second path segments that are still the person's profile: its tabs and the lists it opens over
 * itself (/<username>/tagged/, /<username>/followers/). Anything else under a username
 * (/<username>/p/<code>/, a post) is not the profile. Sure.
 */
export const PROFILE_TABS = ['tagged', 'reels', 'saved', 'followers', 'following', 'feed', 'guides', 'channel'] as const;

/** A profile's header: picture, username, Follow / Message, counts, bio. Sure (site-evidence B; Auxx ref 52030864421). */
export const PROFILE_HEADER_SELECTORS = ['main header', '[role="main"] header'] as const;

/**
 * The profile's heading: its username. `h2` first (Auxx, ref 52030864421, reads `main header h2`
 * then `h1`; site-evidence item 10). An `h1` holds the bio in one layout and the username in
 * another, so the adapter takes an `h1` only when it reads as the profile's username.
 */
export const PROFILE_HEADING_SELECTORS = ['main header h2', '[role="main"] header h2'] as const;
export const PROFILE_HEADING_FALLBACK_SELECTORS = ['main header h1', '[role="main"] header h1'] as const;

/** Boxes about someone else that a profile header may hold. */
export const PROFILE_CARD_SELECTORS = [
  // "Suggested for you" opened from the similar-accounts button: role="listitem" cards inside the
  // header in some layouts, <li> cards in others (the counts' <li>s hold no buttons). Our replicas; unsure.
  '[role="listitem"]',
  'li',
] as const;

/** Only the profile's owner has these in its header, whatever the UI language. */
export const OWN_PROFILE_SELECTORS = [
  // "Edit profile", a link to the account settings. Sure (widely used by scripts).
  'a[href*="/accounts/edit"]',
  // "View archive", the owner's story archive. Fairly sure.
  'a[href*="/archive/"]',
] as const;

// ---------------------------------------------------------------- comments and mentions

/** Where a post's comments are: the post itself, opened as a page or over the feed [S: 16941240680 `article`, `[role="dialog"] article`]. */
export const THREADS = 'article, [role="dialog"]';

/**
 * A comment's permalink, /p/<code>/c/<id>/ (also under /reel/, and after a username): what a
 * notification's thumbnail links when the notification is about a comment. The shape is the
 * permalink a comment's time links to under a post; that notifications link it too is [G] (the
 * project's English, Spanish, Korean and Swedish notification replicas).
 */
export const COMMENT_PERMALINK = /^\/(?:[^/]+\/)?(?:p|reel)\/[^/]+\/c\/\d+/;

/**
 * A post's own header, where its author is linked [S: 16941240680 `article header a`; AndryMI
 * social_crawler `[role=dialog] header a`]. A comment's permalink, /p/<code>/c/<id>/, is not read:
 * its own menu tells a comment from the caption and the likes line [G].
 */
export const POST_HEADER = 'header';
