/**
 * Every selector the LinkedIn adapter uses, in one place. Lists run in order of preference:
 * LinkedIn's current server-driven markup first (data-view-name, componentkey, roles), its classic
 * Ember markup next. Hashed class names (`_8d13e6f0`) change with every release and are never
 * used; neither is one language's wording. The messaging app still ships its readable msg-*
 * class names and few data attributes, so messaging leans on those, on roles and on link shapes.
 */

/** A link to a person's profile: /in/<slug>/, on every page that shows people. Seen 2026-11. */
export const PROFILE_LINK = 'a[href*="/in/"]';

/** One element per pending invitation: person, page, newsletter or event alike. */
export const INVITATION_CARD_SELECTORS = [
  // Current: the role="listitem" of each invitation on /mynetwork/invitation-manager/received/
  // and in the /mynetwork/ preview (suggestions there are "cohort-card"s). Seen 2026-11.
  '[data-view-name="pending-invitation"]',
  // Classic fallback: <li class="invitation-card"> on the same pages. Seen 2026-11.
  'li.invitation-card',
] as const;

/**
 * Links that say who or what an invitation comes from; the first in the card, in page order,
 * decides. Person invitations lead with the person's photo link; page, newsletter and event
 * invitations lead with the page's own logo link, even when they go on to link the person who
 * sent them. All in both markups' invitation cards.
 */
export const INVITATION_SUBJECT_LINKS = [
  // A person's invitation. Seen 2026-11.
  PROFILE_LINK,
  // "… invited you to follow <Company>". Seen 2026-11.
  'a[href*="/company/"]',
  // Showcase and school pages, invited to like company pages.
  'a[href*="/showcase/"]',
  'a[href*="/school/"]',
  // "… invited you to subscribe to <Newsletter>". Seen 2026-11.
  'a[href*="/newsletters/"]',
  // "… invited you to attend <Event>". Seen 2026-11.
  'a[href*="/events/"]',
  // Group invitations.
  'a[href*="/groups/"]',
] as const;

/** Where an invitation card shows the person's name; the first match with text wins. */
export const INVITATION_NAME_SELECTORS = [
  // Classic: <span class="invitation-card__title"> inside the profile link, which also holds the
  // headline, so it must be tried before the link itself. Seen 2026-11.
  '.invitation-card__title',
  // Current: the profile link's text (the photo link before it has none). Seen 2026-11.
  PROFILE_LINK,
] as const;

/** Controls that may be an invitation's Ignore button; clickDecline reads each label before pressing. */
export const LINKEDIN_DECLINE_SELECTORS = [
  // Current: Reply / Ignore / Accept in a card all carry data-view-name="invitation-action". Seen 2026-11.
  '[data-view-name="invitation-action"]',
  // Classic fallback: artdeco buttons in <div class="invitation-card__action-container">. Seen 2026-11.
  '.invitation-card__action-container button',
  // Last resort, should both names change: any control in the card, still judged by its label.
  'button, [role="button"]',
] as const;

/** Conversations in a conversation list. */
export const CONVERSATION_ITEM_SELECTORS = [
  // <li class="msg-conversation-listitem"> in the /messaging/ sidebar and the overlay's list
  // bubble; it links the thread (/messaging/thread/<id>/), never a profile. Seen 2026-11.
  'li.msg-conversation-listitem',
] as const;

/** Where a conversation list item shows its participants' names, as one line. */
export const CONVERSATION_NAME_SELECTORS = [
  // <h3 class="msg-conversation-listitem__participant-names">. Seen 2026-11.
  '.msg-conversation-listitem__participant-names',
  // The item's only heading, should that class go. Seen 2026-11.
  'h3',
] as const;

/** The header of the thread open on a /messaging/thread/<id>/ page. */
export const THREAD_HEADER_SELECTORS = [
  // <div class="msg-title-bar"> above the message list, holding the profile link. Seen 2026-11.
  '.msg-title-bar',
] as const;

/** Where a thread header shows the other person's name. */
export const THREAD_NAME_SELECTORS = [
  // <h2 class="msg-entity-lockup__entity-title"> inside the profile link. Seen 2026-11.
  '.msg-entity-lockup__entity-title',
  // The header's heading, should that class go. Seen 2026-11.
  'h2',
  // The profile link's own text, should the heading go.
  PROFILE_LINK,
] as const;

/** Hosts of the open shadow roots LinkedIn renders people into; the only shadow roots searched. */
export const OVERLAY_HOST_SELECTORS = [
  // <div id="interop-outlet">, end of <body> on every page; its shadow root holds the messaging
  // overlay. Seen 2026-11.
  '#interop-outlet',
] as const;

/** An open conversation bubble of the overlay (expanded or minimised); the list bubble is not one. */
export const BUBBLE_SELECTORS = [
  // <div class="msg-overlay-conversation-bubble">, inside the #interop-outlet shadow root. Seen 2026-11.
  '.msg-overlay-conversation-bubble',
] as const;

/** A bubble's header: the profile link and name, apart from the messages' sender links. */
export const BUBBLE_HEADER_SELECTORS = [
  // <header class="msg-overlay-bubble-header">. Seen 2026-11.
  '.msg-overlay-bubble-header',
  // The bubble's only <header>, should that class go. Seen 2026-11.
  'header',
] as const;

/** Where a bubble header shows the other person's name. */
export const BUBBLE_NAME_SELECTORS = [
  // <h2 class="msg-overlay-bubble-header__title">. Seen 2026-11.
  '.msg-overlay-bubble-header__title',
  // The header's heading, should that class go. Seen 2026-11.
  'h2',
  // The profile link's own text, should the heading go.
  PROFILE_LINK,
] as const;

/** The message box of an open conversation, in a /messaging/ thread or an overlay bubble. */
export const COMPOSER_SELECTORS = [
  // The rich-text box: contenteditable role="textbox" inside <form class="msg-form">; the feed's
  // comment boxes are textboxes too, but outside any msg-form. Seen 2026-11.
  'form.msg-form [contenteditable="true"][role="textbox"]',
  // <div class="msg-form__contenteditable">, should the form lose its class. Seen 2026-11.
  '.msg-form__contenteditable[contenteditable="true"]',
] as const;

/** A person's profile and its sub-pages: /in/<slug>/, /in/<slug>/recent-activity/all/, …. Seen 2026-11. */
export const PROFILE_PATH = '/in/';

/** A profile's top card: photo, name, headline, and Connect / Message / Follow / More. */
export const PROFILE_TOP_CARD_SELECTORS = [
  // Current: the top card's view name. Seen 2026-11.
  '[data-view-name="profile-top-card"]',
  // Current, should the view name go: <section componentkey="…Topcard">. Seen 2026-11.
  'section[componentkey*="Topcard"]',
  // Classic: <section class="artdeco-card" data-member-id="…">, the first card in <main>. Seen 2026-11.
  'section[data-member-id]',
] as const;

/** The profile's name. */
export const PROFILE_HEADING_SELECTORS = [
  // The top card's <h1>, in both markups. Seen 2026-11.
  '[data-view-name="profile-top-card"] h1',
  'section[componentkey*="Topcard"] h1',
  'section[data-member-id] h1',
  // Should the top card lose its marks: the page's only <h1>.
  'main h1',
] as const;

/** What a person presses on a profile. */
export const PROFILE_CONTROL_SELECTORS = [
  // Connect / Message / Follow / More in the top card, both markups. Seen 2026-11.
  'button',
  // Classic: the More dropdown's items, <div role="button"> in the top card. Seen 2026-11.
  '[role="button"]',
  // Current: the More menu's items, rendered at the end of <body>. Seen 2026-11.
  '[role="menuitem"]',
  // Current: Connect as a link to the invitation form. Seen 2026-11.
  'a[href*="/preload/custom-invite/"]',
  // Current: Message as a link to a new conversation. Seen 2026-11.
  'a[href*="/messaging/compose/"]',
] as const;

/** Boxes about someone else that the top card may hold: suggestions LinkedIn slides in after a click. */
export const PROFILE_CARD_SELECTORS = [
  // Current: suggestion cards. Seen 2026-11.
  '[role="listitem"]',
  // Classic: suggestion list entries (the More dropdown's <li>s carry no class). Seen 2026-11.
  'li.artdeco-list__item',
] as const;

/** Only the profile's owner has these in its top card, whatever the UI language. */
export const OWN_PROFILE_SELECTORS = [
  // Classic: the "Edit intro" pencil, /in/<slug>/edit/intro/. Seen 2026-11.
  'a[href*="/edit/intro/"]',
  // Current: the same, /in/<slug>/edit/forms/intro/new/. Seen 2026-11.
  'a[href*="/edit/forms/intro/"]',
] as const;
