/**
 * Every selector and address the Facebook adapter uses (www.facebook.com; mbasic.facebook.com was
 * shut down in December 2024 and messenger.com in April 2026, site-evidence.md item 6 and B).
 * Facebook's class names are regenerated hashes, so nothing here relies on them: we anchor on
 * ARIA roles and labels, data-pagelet names and the shapes of links. Each entry names the public
 * source it rests on and how sure it is: [E] several sources agree, [S] one source, [G] inferred.
 * Cards themselves are found from signals (lib/sites/cards.ts), not from selectors.
 */

/** Friends pages (pathnames, with or without the trailing slash). */
export const FACEBOOK_FRIENDS_PAGES = {
  /** Friends home: requests above People you may know [E, site-evidence B]. */
  home: '/friends',
  /** The two-pane list of requests, ?profile_id= previews on the right [S, utags 011-facebook.com.ts]. */
  requests: '/friends/requests',
  /** People you may know, two panes like requests [S, utags; site-evidence B]. */
  suggestions: '/friends/suggestions',
  /** All friends, two panes [S, ref 35169410683, a scraper of /friends/list]. */
  list: '/friends/list',
} as const;

/**
 * The friends lists' own preview of a person, /friends/suggestions/?profile_id=<digits> and
 * /friends/requests/?profile_id=<digits> [S, utags 011-facebook.com.ts]: only Facebook's friends
 * UI links a person this way, so a card linked through it is a suggestion or request wherever it
 * is shown (People you may know in the feed, [G] that the feed's carousel links it so too).
 */
export const FACEBOOK_FRIENDS_PREVIEW_LINK = 'a[href*="/friends/suggestions/"][href*="profile_id="], a[href*="/friends/requests/"][href*="profile_id="]';

/** The suggestions list's preview of a person (of FACEBOOK_FRIENDS_PREVIEW_LINK): a card linked so is a suggestion [S, utags]. */
export const FACEBOOK_SUGGESTION_PREVIEW_LINK = 'a[href*="/friends/suggestions/"][href*="profile_id="]';

/**
 * A link into the friends pages (a preview, or a "See all" to /friends/suggestions/ or
 * /friends/requests/): a feed unit or side box that holds one is about friending, People you may
 * know or Friend requests, not a post [G: round-11 Hindi probe page; S that the feed's People you
 * may know block is told only by its heading's words, nohorjo/Tampermonkey-scripts
 * RemovePeopleYouMayKnow.js, tcdtist/tampermonkey-web-cleaner, whose words vary by language].
 */
export const FACEBOOK_FRIENDS_UNIT_LINK = 'a[href*="/friends/suggestions"], a[href*="/friends/requests"]';

/**
 * The home page's right rail, beside the feed: a Friend requests box above the contacts [S that
 * the box exists: the Facebook Cleaner extensions' hideFriendRequests / hideContacts; G that the
 * rail is role=complementary].
 */
export const FACEBOOK_SIDE_RAIL = '[role="complementary"]';

/**
 * A box over the page (the top bar's Friends button opens its requests so on some accounts [G,
 * round-12 English probe page], as the bell opens its flyout): one that links the friends pages
 * is a Friend requests box like the rail's, and holds no posts.
 */
export const FACEBOOK_FRIENDS_POPUP = '[role="dialog"]';

/** One unit of a feed (a post, a carousel): role=feed holds them as its children [S, WAI-ARIA feed; the feed test pages]. */
export const FACEBOOK_FEED_UNIT = '[role="feed"] > *';

/**
 * Search results, /search/people/?q=… and its other tabs (/search/top/ …) [E, the top bar's search
 * box, public automation code and pasted links]: each result a person (or Page, group) with its
 * own controls, Add friend, Message, and for someone whose request is pending Confirm / Delete
 * [G, round-12 Spanish probe page]. Read as a friends page is, pairs by their words only.
 */
export const FACEBOOK_SEARCH_PATH = '/search';

/** Messenger inside Facebook: inbox, conversations, message requests (pathname prefix) [E, site-evidence B]. */
export const FACEBOOK_MESSAGES_PATH = '/messages/';

/**
 * A conversation's address: /messages/t/<id>/, or /messages/e2ee/t/<id>/ for end-to-end
 * encrypted chats [S, apotenza92/facebook-messenger-desktop src/main/main.ts, 2026-08]. For a
 * one-to-one chat that is not encrypted the id is the other person's Facebook id [S, utags maps
 * it to profile.php?id=]; encrypted ids are not.
 */
export const FACEBOOK_THREAD_PATH = /^\/messages\/(e2ee\/)?t\/([^/?#]+)/;

/** A profile's friends tab: /<user>/friends, /profile.php?id=…&sk=friends (with _all, _recent …) [E, many links]. */
export const FACEBOOK_FRIENDS_TAB = /^friends(?:_[a-z_]+)?$/;

/** What is never part of a page's people: the top bar and its menus [E, every source and test page]. */
export const FACEBOOK_BANNER = '[role="banner"]';

/**
 * Where a conversation's messages are: links in them were pasted by someone, never a row or a
 * header. `role=log` [S, bankjaneo/caprine source/browser/selectors.ts, 2026-04]; older panes use
 * a grid labelled "Messages in conversation with …" [G, the earlier test pages].
 */
export const FACEBOOK_MESSAGE_LOG = '[role="log"], [role="main"] [role="grid"], [role="article"]';

/** Links to a conversation (never to a profile) [E, caprine; apotenza92]. */
export const FACEBOOK_THREAD_LINKS = 'a[href*="/messages/t/"], a[href*="/messages/e2ee/t/"]';

/**
 * A chat-list row: `[role=row]` in the grid labelled "Chats" [S, caprine 2026-04]; message
 * requests as list items [G, an earlier test page].
 */
export const FACEBOOK_CHAT_ROW = '[role="row"], [role="listitem"]';

/**
 * Where Facebook shows chats on pages other than Messenger: the top bar's Messenger flyout (a list
 * of chat rows) and the chat tabs it opens at the bottom of any page [G that both are
 * role=dialog, as the notifications flyout is; S that chat tabs exist, with a "Write to …" box
 * outside role=main: ref 57354996339, site-evidence item 12; S that the floating chat list shows
 * names with "You: …" and a time: ChatMarker's Facebook content script]. A dialog with a thread
 * link is one of them; one that also holds a message box is an open conversation.
 */
export const FACEBOOK_CHAT_POPUP = '[role="dialog"]';

/** Where a row shows its name: the first text block Facebook marks dir="auto" [S, site-evidence C6]. */
export const FACEBOOK_ROW_NAME = '[dir="auto"]';

/** The open conversation's pane [E, caprine: "[role=main]"]. */
export const FACEBOOK_CONVERSATION = '[role="main"]';

/** A title in a conversation header, when it has one (inbox h2, requests role=heading) [G, the test pages]. */
export const FACEBOOK_HEADING = 'h1, h2, h3, h4, [role="heading"]';

/** Buttons in a conversation header (call, info): the header is the box that holds them [G, the test pages]. */
export const FACEBOOK_HEADER_CONTROLS = '[role="button"], button';

/** The row of the conversation open now [S, caprine: "[role=gridcell] [role=link][aria-current=page]"]. */
export const FACEBOOK_CURRENT_ROW_LINK = '[aria-current="page"]';

/**
 * Message boxes: Lexical editors Facebook marks as textboxes, `contenteditable` with or without
 * a value [S, ref 61450424637: div[contenteditable][role=textbox][data-lexical-editor]].
 */
export const FACEBOOK_COMPOSER = '[contenteditable]:not([contenteditable="false"])[role="textbox"]';

/** Signs that an editable box is Messenger's own message box: its Lexical mark, its "Aa" placeholder [S, ref 61450424637]. */
export const FACEBOOK_COMPOSER_MARKS = '[data-lexical-editor="true"], [aria-placeholder="Aa"]';

/** Avatars that carry the person's name: `svg[aria-label=Name]` [S, kawamataryo/sky-follower-bridge facebookService.ts]. */
export const FACEBOOK_AVATAR_LABEL = 'svg[aria-label]';

/**
 * Containers a friend's row never grows past: lists, columns, sections [G: roles seen on every
 * friends test page; pagelets, site-evidence item 7].
 */
export const FACEBOOK_ROW_STOPS = '[role="list"], [role="grid"], [role="navigation"], [role="main"], [role="region"], [data-pagelet], [role="dialog"]';

/** A control that opens a menu (the "…" on a friend's card) [S, the profile header's "See options"; WAI-ARIA]. */
export const FACEBOOK_MENU_BUTTON = '[aria-haspopup="menu"], [aria-haspopup="true"]';

/**
 * Profile addresses whose person Boundary may fail to read (a malformed id): still a profile.
 * Vanity addresses (/<username>) are profiles only when lib/identity reads them.
 */
export const FACEBOOK_PROFILE_PATHS = [
  '/profile.php', // /profile.php?id=<digits> [E]
  '/people/', // /people/<Name>/<digits>/ for people without a username [E]
] as const;

/** A profile's header: cover, picture, name and the action bar (Add friend, Message, Follow, …). */
export const FACEBOOK_PROFILE_HEADER = [
  '[data-pagelet="ProfileActions"]', // people's profiles, own or not [E, site-evidence item 7, ref 53462880457]
] as const;

/** The profile's name. */
export const FACEBOOK_PROFILE_HEADING = [
  '[data-pagelet="ProfileActions"] h1', // the name under the picture [E]
  '[role="main"] h1', // the h1 may sit after the pagelet [S, site-evidence item 7]
] as const;

/** What a person presses in a profile header. */
/**
 * Respond on a requester's profile and its menu: the button says it opens one (aria-haspopup,
 * or aria-controls naming it) [G, site-evidence item 13, as menu buttons are marked on the
 * site's other menus], and the menu's Confirm / Delete request are its items [G, item 13].
 */
export const FACEBOOK_RESPOND = { opener: '[aria-haspopup], [aria-controls]', item: '[role="menuitem"]' } as const;

export const FACEBOOK_PROFILE_CONTROLS = [
  '[role="button"]', // Add friend / Follow / Message / Respond, div buttons with an aria-label [E, site-evidence item 13]
  'a[href*="/messages/t/"]', // Message as a link to the conversation on some profiles [G]
  '[role="menuitem"]', // Respond's menu: Confirm / Delete request [G, site-evidence item 13]
] as const;

/**
 * What only a profile's own header holds, never a card on a list: the ProfileActions pagelet, and
 * the profile's name as an h1 [E for the pagelet, site-evidence item 7]. The two-pane friends
 * pages show the selected person's profile beside the list (site-evidence item 4), with its own
 * Confirm request / Delete request or Add friend / Remove [G that it renders the same header]:
 * a preview of the person the list already holds, not another card.
 */
export const FACEBOOK_PROFILE_HEADER_MARKS = { around: '[data-pagelet="ProfileActions"]', inside: 'h1' } as const;

/** Boxes about someone else inside a profile header. */
export const FACEBOOK_PROFILE_CARDS = [
  '[role="listitem"]', // "People you may know" cards slid under the header after Add friend [G]
  '[role="article"]', // a post, should one ever sit in the header [G]
] as const;

/** Only the profile's owner sees these in its header. */
export const FACEBOOK_OWN_PROFILE = [
  'a[href*="/stories/create"]', // "Add to story" beside "Edit profile" [S]
] as const;

// ---------------------------------------------------------------- comments and mentions

/** The clinician's notifications page (the bell's "See all") [E: 13104315389, 61164824308 read facebook.com/notifications]. */
export const FACEBOOK_NOTIFICATIONS_PATH = '/notifications';

/**
 * A notification's own link, wherever the list is shown (the page, the bell's flyout): it carries
 * the notification's id and type, `?notif_id=…&notif_t=feed_comment&ref=notif`, in every UI
 * language [E: 61364926535 picks mentions by notif_t=comment_mention; 15630794327, 42500194516
 * and many pasted links show feed_comment, feed_comment_reply, mentions_comment, mention,
 * tagged_with_story, feedback_reaction_generic, like_tagged, group_invited_to_group …].
 */
export const FACEBOOK_NOTICE_LINK = 'a[href*="notif_t="], a[href*="notif_id="]';

/**
 * What a notification's type (notif_t) says: likes and reactions, even on a post the clinician
 * is tagged in (like_tagged, feedback_reaction_generic_tagged), are never mentions; comments,
 * replies, mentions, tags and wall posts are [S: 61164824308 sorts by the same words]. Any other
 * type (birthday, group or page activity, friend_confirmed, notify_me) is not one either.
 */
export const FACEBOOK_NOTICE_TYPES = { reacted: /like|react/, said: /comment|mention|repl|tag|wall/, request: /^friend_request/ } as const;
export const FACEBOOK_NOTICE_TYPE = /[?&]notif_t=([^&#]+)/;

/**
 * A notification: a row of the flyout's grid or a list item of the page [S: 13104315389 reads
 * `[data-pagelet="NotificationsFeed"] [role="row"]` and `[role="listitem"]`; 61164824308
 * `div[role="listitem"]` on /notifications].
 */
export const FACEBOOK_NOTICE_ITEM = '[role="row"], [role="listitem"]';

/** Lists of notifications without their own links' help: the flyout, a dialog labelled "Notifications" [G]. */
export const FACEBOOK_NOTICE_LISTS = '[role="dialog"][aria-label]';

/**
 * A friend request shown as a notification, with its own Confirm / Delete beside the link (the
 * bell's flyout, the notifications page): its link is the requests list's preview of the person,
 * /friends/requests/?profile_id=<digits> [E, site-evidence item 4], or its type is friend_request
 * [S: pasted links `notif_t=friend_request`; G that every such notification carries it].
 */
export const FACEBOOK_NOTICE_REQUEST_LINK = 'a[href*="/friends/requests/"][href*="profile_id="]';

/**
 * What a person presses on a notification's pair: never the notification's own menu ("Manage
 * notification", aria-haspopup), which is no part of Confirm / Delete [S, WAI-ARIA; the flyout
 * test pages].
 */
export const FACEBOOK_NOTICE_CONTROLS = 'button:not([aria-haspopup]), a[href], [role="button"]:not([aria-haspopup])';

/** Who a notification says did it: the name in bold at its start [S: 61364926535 reads the name before "mentioned you"; G for <strong>]. */
export const FACEBOOK_NOTICE_LEAD = 'strong';

/**
 * A comment or reply: `div[role="article"]` labelled "Comment by <name> …" / "Reply by <name> to …"
 * [E: 57899438307 (2026), 63457882542, 70672044580, dmatis2/usesul-scripts comments-to-csv.js
 * "Komentár od:"], with its own permalink, the time, `?comment_id=` [E: 70672044580, 13104315389]:
 * the permalink is what tells it from a post (whose own links carry no comment_id), in any language.
 */
export const FACEBOOK_COMMENT = '[role="article"]';
export const FACEBOOK_COMMENT_LINK = 'a[href*="comment_id="]';

/** A post's author: the link in its heading [S: 57899438307, "first h2/h3 in the article"; 63457882542 `<h2><a>`]. */
export const FACEBOOK_POST_AUTHOR = 'h2 a[href], h3 a[href], h4 a[href]';

/**
 * Where, around an open conversation's header, Facebook puts Block for it: the conversation pane
 * (role=main) when it holds messages. Under a message request Messenger shows Block · Delete ·
 * Accept below the messages [S, the German message-requests test page, modelled on the live one]; in an
 * ordinary chat Block is in the chat row's "More options for …" menu and in the header's
 * "Conversation information" pane [G]. Controls inside the messages are never Block's.
 */
export const FACEBOOK_BLOCK_PANE = FACEBOOK_CONVERSATION;
