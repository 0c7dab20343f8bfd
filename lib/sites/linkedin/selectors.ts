/**
 * Every selector the LinkedIn adapter uses, in one place. Cards (invitations, suggestions) are
 * not found by selectors at all but by their signals (lib/sites/cards.ts: one person's profile
 * link and a pair of controls read in six languages); what is here refines them, or finds the
 * conversations and profiles whose markup is distinctive. Hashed class names (`_8d13e6f0`) change
 * with every release and are never used; neither is one language's wording. The messaging app
 * still ships its readable msg-* class names (site-evidence.md B, "LinkedIn": nexushoratio
 * linkedin-tool 55ca6f3, 2026-03-19), so messaging leans on those, on roles and on link shapes.
 *
 * Sources are named as in site-evidence.md; "[E]" several agree, "[S]" one, "[G]" inference.
 */

/** A link to a person's profile: /in/<slug>/ or /in/<member id>/, on every page that shows people. [E] */
export const PROFILE_LINK = 'a[href*="/in/"]';

/**
 * Links to something that is not a person. A card holding one is a page, school, showcase,
 * group, event or newsletter invitation (or suggestion), never a person's: in the 2026 markup
 * those lead with the inviter's /in/ link and then link the page (site-evidence.md item 14,
 * prakharagarwal-dev/linkedin-mcp-server received-all.html, verified 2026-08-15). [S]
 */
export const PAGE_LINKS = [
  'a[href*="/company/"]',
  'a[href*="/school/"]',
  'a[href*="/showcase/"]',
  'a[href*="/groups/"]',
  'a[href*="/events/"]',
  'a[href*="/newsletters/"]',
] as const;

/**
 * A list item: what a reader sees as one invitation or suggestion, and what goes away when it is
 * answered, when the smallest box around a card's person and pair is a wrapper inside it
 * (classic `li.invitation-card`; SDUI `[role="listitem"]`, site-evidence.md item 1). [E]
 */
export const LIST_ITEM_SELECTORS = ['li', '[role="listitem"]'] as const;

/**
 * My Network's invitations preview, above its suggestions on the home and grow tabs:
 * <section componentkey="MyNetwork_InvitationsPreview"> (site-evidence.md B, "LinkedIn") [E]. A
 * pair of unread controls there is an invitation's, as on the received screen.
 */
export const INVITATIONS_PREVIEW_SELECTORS = ['[componentkey="MyNetwork_InvitationsPreview"]'] as const;

/**
 * Boxes that are about one person when they link only one: SDUI components (componentkey), list
 * items. A vanity link and a member-id link in one of them are the same person. [G]
 */
export const PERSON_ITEM_SELECTORS = ['[componentkey]', ...LIST_ITEM_SELECTORS] as const;

/**
 * The banner and the clinician's own navigation: people linked there (the "Me" menu) are the
 * clinician, never a card. <header> / #global-nav in both markups; the SDUI header carries
 * componentkey="global-nav" (replicas, after nexushoratio linkedin-tool 2026-03). [S]
 */
export const OWN_NAVIGATION_SELECTORS = ['header', '[role="banner"]', '#global-nav', 'nav'] as const;

/**
 * Where the clinician's own lists put each person: connections (/mynetwork/invite-connect/
 * connections/) and followers / following (/mynetwork/network-manager/people-follow/…). A row
 * is the largest box inside one of these that holds one person.
 */
export const CONNECTION_LIST_SELECTORS = [
  // 2026 SDUI: cards are [componentkey] boxes in the lazy column ("LinkedIn Connections
  // Exporter" PROJECT_STATUS.md, validated live 2026-03-22; nexushoratio for the invitation
  // manager's same column). [S]
  '[data-testid="lazy-column"]',
  // data-view-name="connections-list" around the cards (scraping tutorial "Part 4 - Scraping
  // Lists", undated). [G]
  '[data-view-name="connections-list"]',
  // Classic Ember: <div class="scaffold-finite-scroll__content"><ul><li class="mn-connection-card">
  // (several scrapers, 2021–2024). [E], may be gone.
  '.scaffold-finite-scroll__content',
  // Any list, should all of the above go.
  '[role="list"]',
  'ul',
] as const;

/** Conversations in a conversation list. */
export const CONVERSATION_ITEM_SELECTORS = [
  // <li class="msg-conversation-listitem"> in the /messaging/ sidebar and the overlay's list
  // bubble; it links the thread (/messaging/thread/<id>/), never a profile. nexushoratio
  // 55ca6f3 (2026-03-19). [E]
  'li.msg-conversation-listitem',
  // The overlay's list bubble: <div class="msg-overlay-list-bubble__convo-item--v2"> around
  // <div class="msg-overlay-list-bubble__convo-card-container--v2"> (an ad-hiding extension's
  // scanPromotedMessages hides these by the same classes, 2026). [S]
  '.msg-overlay-list-bubble__convo-item--v2',
  '.msg-overlay-list-bubble__convo-item',
  '.msg-overlay-list-bubble__convo-card-container--v2',
  '.msg-overlay-list-bubble__convo-card-container',
  // The card itself (<div class="msg-conversation-card">, in both lists), should its wrappers be
  // renamed. [G] Only the outermost of these is an item: the others are parts of it.
  '.msg-conversation-card',
] as const;

/** Where a conversation list item shows its participants' names, as one line. */
export const CONVERSATION_NAME_SELECTORS = [
  // <h3 class="msg-conversation-listitem__participant-names msg-conversation-card__participant-names">,
  // nexushoratio 55ca6f3 (2026-03-19). [E]
  '.msg-conversation-listitem__participant-names',
  '.msg-conversation-card__participant-names',
  // The item's only heading, should those classes go. [G]
  'h3',
] as const;

/**
 * The mark on the open conversation's list item. The 2026 list items link no thread (the card is
 * a focusable div; the thread's id is in the address alone once a card is opened: nexushoratio
 * 55ca6f3 and edfc37a, 2026-03/04, and other public scripts reading the open row), so this mark is
 * what ties the open item to the thread in the address. Several scripts find the open row by
 * `.msg-conversations-container__convo-item-link--active` on its link (one notes that no row
 * carries it on the compose page); `.msg-conversation-listitem__link--active`,
 * `.msg-conversation-listitem--active` and aria-current / aria-selected are what others also try. [E]
 */
export const ACTIVE_CONVERSATION_SELECTORS = [
  '.msg-conversations-container__convo-item-link--active',
  '.msg-conversation-listitem__link--active',
  '.msg-conversation-listitem--active',
  '[aria-current="page"]',
  '[aria-selected="true"]',
] as const;

/** A link to one conversation: /messaging/thread/<id>/, on list items and in overlay bubbles. [E] */
export const THREAD_LINK = 'a[href*="/messaging/thread/"]';

/** The header of the thread open on a /messaging/thread/<id>/ page. */
export const THREAD_HEADER_SELECTORS = [
  // <div class="msg-title-bar"> above the message list, holding the profile link
  // a.msg-thread__link-to-profile (nexushoratio 55ca6f3, 2026-03-19; URN-form href in a Rust
  // crate's tests, site-evidence.md item 3). [E]
  '.msg-title-bar',
] as const;

/** Where a thread header shows the other person's name. */
export const THREAD_NAME_SELECTORS = [
  // <h2 class="msg-entity-lockup__entity-title"> inside the profile link. [E]
  '.msg-entity-lockup__entity-title',
  // The header's heading, should that class go. [G]
  'h2',
  // The profile link's own text, should the heading go. [G]
  PROFILE_LINK,
] as const;

/** Hosts of the open shadow roots LinkedIn renders people into; the only shadow roots searched. */
export const OVERLAY_HOST_SELECTORS = [
  // <div id="interop-outlet" data-testid="interop-shadowdom">, end of <body>: its open shadow
  // root holds the messaging overlay (site-evidence.md item 11, "LinkedIn DOM structure (April
  // 2026)"). [E] The overlay inside a /preload/ iframe (Investor Scout) is not reached: content
  // scripts do not run in frames.
  '#interop-outlet',
] as const;

/** An open conversation bubble of the overlay (expanded or minimised); the list bubble is not one. */
export const BUBBLE_SELECTORS = [
  // <div class="msg-overlay-conversation-bubble">, inside the #interop-outlet shadow root. [S]
  '.msg-overlay-conversation-bubble',
] as const;

/** The bubble LinkedIn shows as the one in use; its box takes a reply when none is focused. */
export const ACTIVE_BUBBLE_SELECTORS = [
  // <div class="msg-overlay-conversation-bubble msg-overlay-conversation-bubble--is-active">. [G]
  '.msg-overlay-conversation-bubble--is-active',
] as const;

/** A bubble's header: the profile link and name, apart from the messages' sender links. */
export const BUBBLE_HEADER_SELECTORS = [
  // <header class="msg-overlay-bubble-header">. [S]
  '.msg-overlay-bubble-header',
  // The bubble's only <header>, should that class go. [G]
  'header',
] as const;

/** Where a bubble header shows the other person's name. */
export const BUBBLE_NAME_SELECTORS = [
  // <h2 class="msg-overlay-bubble-header__title">. [S]
  '.msg-overlay-bubble-header__title',
  // The header's heading, should that class go. [G]
  'h2',
  // The profile link's own text, should the heading go. [G]
  PROFILE_LINK,
] as const;

/** The message box of an open conversation, in a /messaging/ thread or an overlay bubble. */
export const COMPOSER_SELECTORS = [
  // form.msg-form div.msg-form__contenteditable[role=textbox][aria-label="Write a message…"]
  // (nexushoratio 55ca6f3; Investor Scout 2026-04). The feed's comment boxes are textboxes too,
  // but outside any msg-form. [E]
  'form.msg-form [contenteditable="true"][role="textbox"]',
  // <div class="msg-form__contenteditable">, should the form lose its class. [E]
  '.msg-form__contenteditable[contenteditable="true"]',
] as const;

/** A person's profile and its sub-pages: /in/<slug>/, /in/<slug>/recent-activity/all/, …. [E] */
export const PROFILE_PATH = '/in/';

/** A profile's top card: photo, name, headline, and Connect / Message / Follow / More. */
export const PROFILE_TOP_CARD_SELECTORS = [
  // SDUI: componentkey="com.linkedin.sdui.profile.card.ref<member id>Topcard", on a <section>
  // (two sources) or a <div> (one), nexushoratio matching it without a tag (site-evidence.md
  // item 5, C4). [E]
  '[componentkey$="Topcard"]',
  // The top card's view name, in the 2025 markup. [S]
  '[data-view-name="profile-top-card"]',
  // Classic: <section class="artdeco-card" data-member-id="…">, the first card in <main>. [E]
  'section[data-member-id]',
] as const;

/**
 * The bar the classic page pins to the top once the top card scrolls away, with the person's
 * name and their Connect / Message / More again. Public scripts find its Connect there ("could
 * be in one of 2 places": `pv-profile-sticky-header-v2__container … //button`), hide
 * `.pv-profile-sticky-header-v2__actions-container`, and read `img.pv-profile-sticky-header__image`
 * (refs 23217484993, 32586334689, 45514140203, 8160852813) [E]. Its SDUI form is unknown: there,
 * a control naming the person in full is guarded wherever it is (ProfileMarkup.namedCopies).
 */
export const PROFILE_STICKY_HEADER_SELECTORS = ['.pv-profile-sticky-header-v2__container', '[class*="pv-profile-sticky-header"]'] as const;

/**
 * The profile's name. On the SDUI page it is an <h2>, often visually hidden, the visible name a
 * <div> (site-evidence.md item 5: three sources); an <h1> in the classic page and one 2026-04
 * capture. The first match in this order wins.
 */
export const PROFILE_HEADING_SELECTORS = [
  '[componentkey$="Topcard"] h1',
  '[componentkey$="Topcard"] h2',
  '[data-view-name="profile-top-card"] h1',
  '[data-view-name="profile-top-card"] h2',
  'section[data-member-id] h1',
  // Should the top card lose its marks: the page's <h1>, else the first <h2> in <main>
  // (selector registry ref 56502868332, "2026 lite UI"). [S]
  'main h1',
  'main h2',
] as const;

/**
 * The member id in the top card's componentkey: "com.linkedin.sdui.profile.card.ref<id>Topcard"
 * (site-evidence.md item 3). [S]
 */
export const TOP_CARD_MEMBER_ID = /ref(ACoA[A-Za-z0-9_-]+)Topcard$/;

/** A link that starts a conversation, naming the person's URN in ?profileUrn= (site-evidence.md item 5). [E] */
export const COMPOSE_LINK = 'a[href*="/messaging/compose/"][href*="profileUrn="]';

/** What a person presses on a profile. */
export const PROFILE_CONTROL_SELECTORS = [
  // Connect / Message / Follow / More in the top card, both markups. [E]
  'button',
  // Classic: the More dropdown's items, <div role="button"> in the top card. [S]
  '[role="button"]',
  // SDUI: the More menu's items, rendered at the end of <body>. [G] (site-evidence.md D.4)
  '[role="menuitem"]',
  // SDUI: Connect as <a aria-label="Invite … to connect" href="/preload/custom-invite/?vanityName=…">
  // (browser-use/browser-harness send-connection-request.md). [E]
  'a[href*="/preload/custom-invite/"]',
  // SDUI: Message as a link to a new conversation (same source). [E]
  'a[href*="/messaging/compose/"]',
] as const;

/** Boxes about someone else that the top card may hold: suggestions LinkedIn slides in after a click. */
export const PROFILE_CARD_SELECTORS = [
  // SDUI: suggestion cards. [S]
  '[role="listitem"]',
  // Classic: suggestion list entries (the More dropdown's <li>s carry no class). [S]
  'li.artdeco-list__item',
] as const;

/** Only the profile's owner has these in its top card, whatever the UI language. */
export const OWN_PROFILE_SELECTORS = [
  // Classic: the "Edit intro" pencil, /in/<slug>/edit/intro/. [S]
  'a[href*="/edit/intro/"]',
  // SDUI: the same, /in/<slug>/edit/forms/intro/new/. [S]
  'a[href*="/edit/forms/intro/"]',
] as const;

/** Feed posts, whose author link and Follow / ✕ are no suggestion even on a profile's activity. [S] */
export const POST_SELECTORS = ['article', '[data-urn]', '[data-view-name="feed-full-update"]'] as const;

// ---------------------------------------------------------------- comments and mentions

/** The clinician's notifications page (the bell opens it; there is no flyout) [S: nexushoratio linkedin-tool, `pathname: '/notifications/'`, 2026-08]. */
export const NOTIFICATIONS_PATH = '/notifications/';

/**
 * One notification: an `<article>` of `main section div.nt-card-list`, numbered
 * `data-nt-card-index` [S: nexushoratio b4a9fef, 2026-08-21; ref 3792609829 `//article[contains(@class,'nt-card')]`].
 */
export const NOTICE_ITEM_SELECTORS = [
  'main article',
  '[data-nt-card-index]',
  // The server-driven pages' list item (site-evidence.md item 1 [E], on the invitation manager);
  // the notifications page rebuilt the same way has no <article> (round-12 German replica [G]).
  '[data-testid="lazy-column"] [role="listitem"]',
] as const;

/** Who a notification's headline names first: `a.nt-card__headline <strong>Name</strong> commented on …` [S: ref 21796466012]. */
export const NOTICE_LEAD = 'strong';

/**
 * What can be pressed on LinkedIn: cards.ts's PRESSABLE, less a link holding a <strong> or a <p>,
 * which is a notification's headline (NOTICE_LEAD; a paragraph where the bold is a class), a
 * sentence naming someone, never a control, whose words are phrasing (a span, an svg). German's
 * "<strong>Jonas</strong> möchte sich mit Ihnen vernetzen" (wants to connect with you), linked to
 * the invitation manager, otherwise reads as a second Connect beside the row's pair (round-12
 * replica [G]). Stable under insertions: a link that holds one keeps it, and an insertion into a
 * link that does not is refused (CardIndex.insert).
 */
export const LINKEDIN_PRESSABLE = 'button, a[href]:not(:has(strong, p)), [role="button"]';

/**
 * A comment or reply: `article.comments-comment-entity` with `data-id="urn:li:comment:(…)"` (replies
 * `--reply`, nested in their comment), or in the 2026 markup a `componentkey` of
 * `replaceableComment_urn:li:comment:…` [E: refs 56472345102, 58114188192, 11044098733;
 * krystianbajno/techka get-post-comments.js]. The first /in/ link is its author's
 * (`a.comments-comment-meta__description-container`, same sources).
 */
export const COMMENT_SELECTORS = [
  '[data-id^="urn:li:comment:"]',
  '[componentkey^="replaceableComment_urn:li:comment:"]',
  'article.comments-comment-entity',
] as const;

/** A post, whose actor link (its author) comes before its comments [S: xldeveloper/openclaw-skills dom-patterns.md, 2024/2025]. */
export const THREAD_POST_SELECTORS = ['[data-urn*="activity"]', '[data-view-name="feed-full-update"]', '.feed-shared-update-v2'] as const;

/**
 * The messages of a thread or bubble: controls in them (a shared post's buttons) are never the
 * conversation's own. <div class="msg-s-message-list-container"> / <ul class="msg-s-message-list-content">
 * (nexushoratio 55ca6f3, 2026-03-19; cyber-bytezz/superkalam-project reads .msg-s-message-list__event). [E]
 */
export const MESSAGE_LIST_SELECTORS = ['.msg-s-message-list-container', '.msg-s-message-list-content', '.msg-s-message-list'] as const;
