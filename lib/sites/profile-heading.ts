import { queryFirst } from './dom';
import { EDIT_PROFILE_WORDS, labelHasWord } from './labels';
import { any, textOf, type ProfileMarkup } from './profile';

/**
 * A profile's header found without the site's own mark for it: the smallest box around the
 * profile's heading, inside the page's main region, that holds the action bar (a control reading
 * as starting contact: Add friend, Follow, Message, Respond's Confirm; or as the owner's: Edit
 * profile, the own-profile links), outside any card about someone else; or, when the heading's own
 * part of the page holds none, the part just before or after it that does. Null when none does.
 * ProfileMarkup.headerAroundHeading for the sites whose header has a single mark (Facebook's
 * ProfileActions pagelet, site-evidence item 7).
 */
export function headerAroundHeading(doc: Document, markup: ProfileMarkup): Element | null {
  const heading = queryFirst(doc, markup.headings);
  const main = heading?.closest('[role="main"]');
  if (!heading || !main) return null;
  const { actionOf } = markup;
  const barIn = (box: Element) =>
    box.querySelector(any(markup.own)) !== null ||
    [...box.querySelectorAll(any(markup.controls))].some((control) => {
      const card = control.closest(any(markup.cards));
      if (card && box.contains(card)) return false;
      const label = control.getAttribute('aria-label') ?? '';
      return actionOf(label, textOf(control)) !== null || labelHasWord(`${label} ${textOf(control)}`, EDIT_PROFILE_WORDS);
    });
  let section: Element = heading;
  for (let box = heading.parentElement; box && box !== main; box = box.parentElement) {
    if (barIn(box)) return box;
    section = box;
  }
  // The heading can sit beside the action bar's box rather than inside it (Facebook's h1 after
  // its pagelet, site-evidence item 7): the box just before the heading's, else just after it.
  for (const beside of [section.previousElementSibling, section.nextElementSibling]) if (beside && barIn(beside)) return beside;
  return null;
}
