import type { Platform } from '@/lib/identity/platform';
import type { CardWords } from './card-words';
import { roleOf } from './cards';
import { queryFirst } from './dom';
import { EDIT_PROFILE_WORDS, labelHasWord } from './labels';
import type { Candidate, GuardedAction } from './types';

/** Where a site puts a person's profile header and what is in it; each list in order of preference. */
export interface ProfileMarkup {
  platform: Platform;
  /** The profile's own header and action bar: a guarded control must be inside one. */
  headers: readonly string[];
  /** The profile's heading (the person's name), searched in the whole document. */
  headings: readonly string[];
  /** What a person presses: buttons, and links the site styles as buttons. */
  controls: readonly string[];
  /** Boxes about someone else that the header may hold (a suggestions carousel). */
  cards: readonly string[];
  /** Marks, inside the header, that the profile is the signed-in clinician's own. */
  own: readonly string[];
  /**
   * What a control's labels (aria-label, text) start: labels.ts contactActionOf, or the site's own
   * reading (Facebook's Respond → Confirm accepts a friend request; Instagram's profiles start
   * only Follow and Message, contactActionIn). Always given, so that no content script carries
   * the words of starts its site never shows.
   */
  actionOf: (...labels: string[]) => GuardedAction | null;
  /**
   * The site repeats the header's controls outside it (LinkedIn's sticky header, shown once the
   * top card scrolls away): a control there whose aria-label names the profile's person, in full
   * as the heading does ("Invite Ana Example to connect"), is the profile's own; except inside
   * these boxes (a post's Follow of its author; a menu no button of the header opens).
   */
  namedCopies?: readonly string[];
  /**
   * The header when no `headers` selector matches (profile-heading.ts: the box around the heading
   * that holds the action bar): a second signal, so that the header does not hang on one
   * attribute name the site may rename. Given only by the sites that need it, so that the others'
   * content scripts do not carry it.
   */
  headerAroundHeading?: (doc: Document, markup: ProfileMarkup) => Element | null;
}

export const any = (selectors: readonly string[]) => selectors.join(', ');
export const textOf = (element: Element) => (element.textContent ?? '').replace(/\s+/g, ' ').trim();

/**
 * Whether the header is the clinician's own: by the site's own-profile links first (they do not
 * depend on the UI language), else by a control reading "Edit profile", which only the owner has.
 */
function isOwn(header: Element, markup: ProfileMarkup): boolean {
  if (header.querySelector(any(markup.own))) return true;
  return [...header.querySelectorAll(any(markup.controls))].some((control) =>
    labelHasWord(`${control.getAttribute('aria-label') ?? ''} ${textOf(control)}`, EDIT_PROFILE_WORDS),
  );
}

/** Whether the page's profile header shows that the profile is the clinician's own. */
export function isOwnProfile(doc: Document, markup: ProfileMarkup): boolean {
  const header = profileHeader(doc, markup);
  return !!header && isOwn(header, markup);
}

/**
 * The profile's header: the site's own mark for it (`headers`), else what the markup's own
 * second signal finds (`headerAroundHeading`), else null.
 */
export function profileHeader(doc: Document, markup: ProfileMarkup): Element | null {
  return queryFirst(doc, markup.headers) ?? markup.headerAroundHeading?.(doc, markup) ?? null;
}

/**
 * The profile candidate for a page the adapter has found to be `identities`' profile: named by
 * its heading ('' until rendered), anchored on the heading, else on the header, else on the page.
 * Null when the header shows the profile is the clinician's own.
 */
export function profileCandidate(doc: Document, identities: string[], markup: ProfileMarkup): Candidate | null {
  const header = profileHeader(doc, markup);
  if (header && isOwn(header, markup)) return null;
  const heading = queryFirst(doc, markup.headings);
  return {
    kind: 'profile',
    platform: markup.platform,
    identities,
    name: heading ? textOf(heading) : '',
    element: heading ?? header ?? doc.documentElement,
  };
}

/**
 * Where a control sits as a reader sees it: a menu item rendered apart from its menu's button (in
 * a portal at the end of the page) sits where that button is, found by its aria-controls.
 */
function placeOf(control: Element): Element {
  const menu = control.closest('[role="menu"][id]');
  if (!menu) return control;
  for (const opener of control.ownerDocument.querySelectorAll('[aria-controls]')) {
    if (opener.getAttribute('aria-controls')!.split(/\s+/).includes(menu.id)) return opener;
  }
  return control;
}

/**
 * The guarded control `target` is in, when it is in the profile's own header (not on a card about
 * someone else inside it) and its labels read as starting contact. The page must already be known
 * to be a profile.
 */
export function guardedControlAt(
  target: Element,
  markup: ProfileMarkup,
): { action: GuardedAction; control: Element } | null {
  const control = target.closest(any(markup.controls));
  if (!control) return null;
  const action = markup.actionOf(control.getAttribute('aria-label') ?? '', textOf(control));
  if (!action) return null;
  const place = placeOf(control);
  const header = place.closest(any(markup.headers)) ?? aroundHeading(place, markup);
  const card = place.closest(any(markup.cards));
  if (!header) return markup.namedCopies && !card && !place.closest(any(markup.namedCopies)) && namesTheProfile(control, markup) ? { action, control } : null;
  if (card && card !== header && header.contains(card)) return null;
  return { action, control };
}

/** The header profileHeader finds around the heading, when the site's own mark is missing and it holds `place`. */
function aroundHeading(place: Element, markup: ProfileMarkup): Element | null {
  if (!markup.headerAroundHeading || queryFirst(place.ownerDocument, markup.headers)) return null;
  const header = markup.headerAroundHeading(place.ownerDocument, markup);
  return header?.contains(place) ? header : null;
}

const folded = (text: string) => text.replace(/\s+/g, ' ').trim().toLocaleLowerCase();

/** Whether the control's aria-label holds the profile's name as its heading shows it (two words at least). */
function namesTheProfile(control: Element, markup: ProfileMarkup): boolean {
  const heading = queryFirst(control.ownerDocument, markup.headings);
  const name = heading ? folded(textOf(heading)) : '';
  if (!name.includes(' ')) return false;
  return folded(control.getAttribute('aria-label') ?? '').includes(name);
}

/**
 * The profile owner's own request in their header (a requester's profile shows Accept / Ignore
 * or Confirm / Delete request where Connect / Add friend would be): the smallest box around the
 * one control of `header` reading as accept and the one reading as turning away, outside any of
 * `cards` inside it (a suggestion slid under the header has a pair of its own). Null unless
 * exactly one of each reads so.
 */
export function ownRequestBox(header: Element, controls: string, cards: string, words: CardWords): Element | null {
  const pair: Partial<Record<'accept' | 'negative', Element[]>> = {};
  for (const control of header.querySelectorAll(controls)) {
    const card = control.closest(cards);
    if (card && header.contains(card)) continue;
    const role = roleOf(control, words);
    if (role === 'accept' || role === 'negative') (pair[role] ??= []).push(control);
  }
  if (pair.accept?.length !== 1 || pair.negative?.length !== 1) return null;
  const negative = pair.negative[0]!;
  let box = pair.accept[0]!.parentElement;
  while (box && !box.contains(negative)) box = box.parentElement;
  return box;
}
