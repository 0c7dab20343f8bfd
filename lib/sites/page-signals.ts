import { identityFromHref } from '@/lib/identity/read';
import type { Platform } from '@/lib/identity/platform';
import { PRESSABLE, findCards, roleOf, type PersonMark } from './cards';
import type { PageKind } from './types';

/**
 * What a page shows of people and of the controls that act on them, counted without any of an
 * adapter's assumptions about where cards are or how they are built: links that lib/identity
 * reads as a person's profile, and buttons whose labels read as accept / add or as decline /
 * remove (lib/sites/labels). When an adapter recognises nobody on a page that shows these, the
 * site has most likely changed its markup, and Boundary says so instead of showing a blank that
 * looks exactly like "no clients here".
 */
export interface PageSignals {
  /** Distinct people linked outside the site's own top bar (the clinician's own link lives there). */
  people: number;
  /** Controls that read as taking a person in: accept, confirm, add, follow, connect. */
  accepts: number;
  /** Controls that read as turning a person away: delete, ignore, decline, remove, dismiss. */
  declines: number;
  /**
   * People each on a box of their own with a pair of controls, whatever the controls' labels say
   * (cards.ts with `unreadPairs`): a site in a language no word table knows still shows these.
   */
  paired: number;
}

/**
 * The site's top bar: ARIA's banner, and a `header` that is not inside a section of the page
 * (which is what makes a header a banner in HTML). The clinician's own profile link, and the
 * site's navigation, sit there on every page.
 */
const TOP_BAR = '[role="banner"], header';
const SECTIONING = 'main, article, aside, nav, section, [role="main"], [role="article"], [role="region"], [role="dialog"]';

function inTopBar(element: Element): boolean {
  for (let at = element.closest(TOP_BAR); at; at = at.parentElement?.closest(TOP_BAR) ?? null) {
    if (at.matches('[role="banner"]')) return true;
    // A header inside a section of the page is that section's header, not the site's.
    if (!at.parentElement?.closest(SECTIONING)) return true;
  }
  return false;
}

/** Counts a page's people and card controls (see PageSignals). */
export function pageSignals(root: ParentNode, platform: Platform, url: URL): PageSignals {
  const people = new Set<string>();
  const marks: PersonMark[] = [];
  for (const link of root.querySelectorAll('a[href]')) {
    const identity = identityFromHref(platform, link.getAttribute('href') ?? '', url.href);
    if (!identity || inTopBar(link)) continue;
    people.add(identity);
    marks.push({ element: link, identity });
  }
  let accepts = 0;
  let declines = 0;
  for (const control of root.querySelectorAll(PRESSABLE)) {
    if (inTopBar(control)) continue;
    const role = roleOf(control);
    if (role === 'accept' || role === 'add') accepts++;
    else if (role === 'negative') declines++;
  }
  const paired = findCards(root, marks, undefined, { unreadPairs: 'request' }).length;
  return { people: people.size, accepts, declines, paired };
}

/**
 * Whether a page Boundary should read (its kind is known from its address) but whose adapter
 * recognised nobody looks unreadable rather than empty: it links a person and shows a pair of
 * card controls (accept and decline, or add and remove), or a person on a box of their own with
 * two controls in a language Boundary cannot read, or, on a messages page, links several
 * people (conversations need no buttons). A notifications page is asked only after its adapter
 * read none of its notifications at all (noticesOn): most of them are nobody's candidates (likes,
 * birthdays), and a page of likes alone is read, not unreadable; one that links several people
 * and no notification Boundary can read has likely changed.
 */
export function looksUnreadable(signals: PageSignals, pageKind: PageKind | null): boolean {
  if (pageKind === null) return false;
  if (signals.people >= 1 && signals.accepts >= 1 && signals.declines >= 1) return true;
  if (pageKind === 'notifications') return signals.people >= 3;
  if (pageKind !== 'messages' && signals.paired >= 1) return true;
  return pageKind === 'messages' && signals.people >= 3;
}
