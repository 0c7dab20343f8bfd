/**
 * Every selector the Facebook adapter uses. Facebook's class names are regenerated hashes, so
 * nothing here relies on them: we anchor on ARIA roles and labels, data-pagelet names and the
 * shapes of links, which change far less often. Lists tried one by one (decline) are in order of
 * preference; the others are joined into a single selector, one query each.
 * Layouts: "web" = www.facebook.com (current React site), "mbasic" = mbasic.facebook.com.
 */

/** Pages with friend requests on them (pathname prefixes). */
export const FACEBOOK_REQUEST_PATHS = [
  '/friends/requests', // web: the requests grid, seen 2026-11
  '/friends/center/requests', // mbasic: the requests list, seen 2026-11
] as const;

/** Friends home, where requests share the page with suggestions (pathname, exact). */
export const FACEBOOK_FRIENDS_HOME_PATHS = ['/friends', '/friends/'] as const;

/** Messenger inside Facebook: inbox, a conversation, message requests (pathname prefix). */
export const FACEBOOK_MESSAGES_PATH = '/messages/';

/** The page's own content; the banner and side navigation (the clinician's own links) stay outside. */
export const FACEBOOK_MAIN = [
  '[role="main"]', // web: all pages; mbasic: div#root; seen 2026-11
] as const;

/**
 * Controls that act on a card. A request card holds a pair of them (confirm + delete); so does a
 * suggestion (add + remove), which is told apart by where it sits, not by its buttons.
 */
export const FACEBOOK_CARD_CONTROLS = [
  '[role="button"]', // web: div buttons with an aria-label, every card layout, seen 2026-11
  'a[href*="/a/friends/"]', // mbasic: Confirm / Delete Request / Remove are server links, seen 2026-11
  'a[href*="add_friend.php"]', // mbasic: Add friend on suggestions, seen 2026-11
] as const;

/** Where a card's decline control is, most specific first; dom.clickDecline also checks its label. */
export const FACEBOOK_DECLINE_SELECTORS = [
  '[role="button"][aria-label]', // web: "Delete" / "Eliminar" / "Supprimer" on request cards, seen 2026-11
  '[role="button"]', // web: buttons labelled only by their text, seen 2026-11
  'a[href*="/a/friends/reject"]', // mbasic: "Delete Request" link, seen 2026-11
] as const;

/** Links that mark the thing around them as (about) pending requests. */
export const FACEBOOK_REQUEST_LINKS = [
  'a[href*="/friends/requests"]', // web: request cards' ?profile_id= links and sections' "See all", seen 2026-11
  'a[href*="/friends/center/requests"]', // mbasic: "See more" under the requests list, seen 2026-11
  'a[href*="/a/friends/confirm"]', // mbasic: a request card's Confirm link, seen 2026-11
] as const;

/** Links that mark the thing around them as (about) suggestions: never candidates. */
export const FACEBOOK_SUGGESTION_LINKS = [
  'a[href*="/friends/suggestions"]', // web: suggestion cards' ?profile_id= links and "See all", seen 2026-11
  'a[href*="/friends/center/suggestions"]', // mbasic: "See all" under People you may know, seen 2026-11
  'a[href*="add_friend.php"]', // mbasic: a suggestion card's Add friend link, seen 2026-11
] as const;

/** The section a card sits in: the nearest of these around it. */
export const FACEBOOK_SECTIONS = [
  '[data-pagelet]', // web: page blocks such as FriendRequests / PeopleYouMayKnow, seen 2026-11
  '[role="region"]', // web: labelled sections on Friends home, seen 2026-11
] as const;

/** Sections that are friend requests by their pagelet name. */
export const FACEBOOK_REQUEST_PAGELETS = [
  '[data-pagelet*="FriendRequests"]', // web: the requests grid, seen 2026-11
] as const;

/** Sections that are suggestions by their pagelet name. */
export const FACEBOOK_SUGGESTION_PAGELETS = [
  '[data-pagelet*="PeopleYouMayKnow"]', // web: under the requests grid, seen 2026-11
] as const;

/** Containers a card never spans: lists and sections hold many cards, so the search stops at them. */
export const FACEBOOK_CARD_BOUNDARIES = [
  ...FACEBOOK_MAIN,
  ...FACEBOOK_SECTIONS,
  '[role="list"]', // web: Friends home card lists, seen 2026-11
] as const;

/** A ready-made item boundary: a card never grows past one of these. */
export const FACEBOOK_ITEMS = [
  '[role="listitem"]', // web: Friends home cards, message requests, seen 2026-11
  '[role="row"]', // web: Messenger chat list, seen 2026-11
] as const;

/** Links to a conversation (never to a profile). */
export const FACEBOOK_THREAD_LINKS = [
  'a[href*="/messages/t/"]', // web: chat list and message request rows, seen 2026-11
  'a[href*="/messages/e2ee/t/"]', // web: end-to-end encrypted chats, seen 2026-11
] as const;

/** Where a conversation's displayed name sits in its row: the first text block Facebook marks dir="auto". */
export const FACEBOOK_ROW_NAME = [
  '[dir="auto"]', // web: inbox and message request rows, name before the last message, seen 2026-11
] as const;

/** The open conversation. */
export const FACEBOOK_CONVERSATION = [
  '[role="main"]', // web: Messenger's conversation pane, inbox and message requests, seen 2026-11
] as const;

/**
 * The conversation's title: a heading with the person's profile link inside it (inbox), or inside
 * the profile link (message requests).
 */
export const FACEBOOK_CONVERSATION_TITLE = [
  'h2', // web: inbox conversation header, seen 2026-11
  '[role="heading"]', // web: message request header, seen 2026-11
] as const;

/** Buttons in the conversation header (call, info): they mark where the header ends. */
export const FACEBOOK_HEADER_CONTROLS = [
  '[role="button"]', // web: "Start a voice call", "Conversation information", seen 2026-11
] as const;

/** Message boxes: rich-text editors Facebook marks as textboxes. */
export const FACEBOOK_COMPOSER = [
  '[contenteditable="true"][role="textbox"]', // web: Messenger's message box (Lexical), seen 2026-11
] as const;

/**
 * Words in a message box's aria-label, to prefer it over other editable boxes in the pane
 * (e.g. a search-in-conversation field). EN/ES/FR/DE/PT/IT.
 */
export const FACEBOOK_MESSAGE_BOX_WORDS = ['message', 'mensaje', 'nachricht', 'mensagem', 'messaggio'] as const;

/**
 * Profile addresses whose person Boundary may fail to read (a malformed id): still a profile.
 * Vanity addresses (/<username>) are profiles only when lib/identity reads them.
 */
export const FACEBOOK_PROFILE_PATHS = [
  '/profile.php', // web, mbasic: /profile.php?id=<digits>, seen 2026-11
  '/people/', // web: /people/<Name>/<digits>/ for people without a username, seen 2026-11
] as const;

/**
 * Friends pages name a person in ?profile_id= and show that profile beside the list; they are the
 * requests and suggestions lists, not a visit to the profile (pathname prefix).
 */
export const FACEBOOK_FRIENDS_PATH = '/friends';

/** A profile's header: cover, picture, name and the action bar (Add friend, Message, Follow, …). */
export const FACEBOOK_PROFILE_HEADER = [
  '[data-pagelet="ProfileActions"]', // web: people's profiles, own or not, seen 2026-11
] as const;

/** The profile's name. */
export const FACEBOOK_PROFILE_HEADING = [
  '[data-pagelet="ProfileActions"] h1', // web: the name under the picture, seen 2026-11
  '[role="main"] h1', // web: should the pagelet lose its name
] as const;

/** What a person presses in a profile header. */
export const FACEBOOK_PROFILE_CONTROLS = [
  '[role="button"]', // web: Add friend / Follow / Message / See options, div buttons with an aria-label, seen 2026-11
  'a[href*="/messages/t/"]', // web: Message as a link to the conversation on some profiles, seen 2026-11
] as const;

/** Boxes about someone else inside a profile header. */
export const FACEBOOK_PROFILE_CARDS = [
  '[role="listitem"]', // web: "People you may know" cards slid under the header after Add friend, seen 2026-11
  '[role="article"]', // web: a post, should one ever sit in the header
] as const;

/** Only the profile's owner sees these in its header. */
export const FACEBOOK_OWN_PROFILE = [
  'a[href*="/stories/create"]', // web: "Add to story" beside "Edit profile", seen 2026-11
] as const;
