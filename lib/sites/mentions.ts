import { MENTION_WORDS } from './card-words';
import { controlLabel, PRESSABLE } from './cards';
import { labelHasWord } from './labels';
import type { ActionResult } from './types';

/**
 * What the three adapters share for comments, mentions and tags addressed to the clinician (policy
 * rule 4): reading what kind of thing a notification announces from the few words that frame it,
 * and pressing an item's own options menu. Nothing here keeps or returns what anyone wrote.
 */

/** Where what someone wrote would start (a colon, a quotation mark) or the framing sentence ends. */
const STOP = /[:"“”«»„]|[.!?。](?=\s|$)/;
const NOT_WORDS = 'svg, time, abbr, [aria-hidden="true"], script, style';

/**
 * The words that frame a notification ("commented on your post", "a commenté :"): its text outside
 * `lead` (who did it) and outside controls that are not around the lead (a menu, a Follow back, a
 * second link), up to where a quotation of the comment or a second sentence would start. Read to
 * tell a comment from a like; never kept.
 */
export function framing(item: Element, lead: Element): string {
  let text = '';
  const walker = item.ownerDocument.createTreeWalker(item, NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode(); node && text.length < 160; node = walker.nextNode()) {
    const parent = node.parentElement!;
    const control = parent.closest(PRESSABLE);
    if (parent.closest(NOT_WORDS) || lead.contains(parent)) continue;
    if (control && control !== item && item.contains(control) && !control.contains(lead)) continue;
    const value = node.nodeValue ?? '';
    const stop = value.search(STOP);
    text += ` ${stop < 0 ? value : value.slice(0, stop)}`;
    if (stop >= 0) break;
  }
  return text;
}

/**
 * Whether a notification's framing announces a comment, reply, mention, tag or wall post (and not a
 * like or a reaction, which are never mentions). `addressed`: it must also say it is the
 * clinician's ("your post", "mentioned you"), where the site also notifies what others did on
 * others' posts (Facebook, LinkedIn).
 */
export function saysMention(words: string, addressed: boolean): boolean {
  return (
    labelHasWord(words, MENTION_WORDS.said) &&
    !labelHasWord(words, MENTION_WORDS.reacted) &&
    (!addressed || labelHasWord(words, MENTION_WORDS.you))
  );
}

/**
 * Presses the one control of `item` that opens its own options menu (where the site offers to hide
 * or delete a comment, or remove a tag): a control that says it opens a menu (aria-haspopup), or
 * whose label reads as one ("Hide or report this", "Comment options", "…"), outside any item of
 * `nested` inside it (a reply under a comment). Refuses unless there is exactly one.
 */
export function pressItemMenu(item: Element, nested: string | null): ActionResult {
  const menus = [...item.querySelectorAll<HTMLElement>(PRESSABLE)].filter((control) => {
    if ((nested && control.closest(nested) !== item) || control.matches(':disabled, [aria-disabled="true"]')) return false;
    const label = controlLabel(control);
    return control.matches('[aria-haspopup="menu"], [aria-haspopup="true"]') || labelHasWord(label, MENTION_WORDS.menu) || /^(?:…|⋯|\.\.\.)$/.test(label);
  });
  const [menu, ...others] = menus.filter((control) => !menus.some((other) => other !== control && control.contains(other)));
  if (!menu || others.length > 0) return { ok: false, reason: 'This item has no menu of its own to hide or delete it' };
  const label = controlLabel(menu) || '…';
  menu.click();
  return { ok: true, done: `Opened “${label}” on the page` };
}
