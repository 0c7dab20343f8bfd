import { MENU_WORDS, REACTED_WORDS, SAID_WORDS } from './card-words';
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

/**
 * The words that frame a notification ("commented on your post", "a commenté :"): its text without
 * `lead` (who did it, whose name may hold a full stop), up to where a quotation of the comment or
 * a second sentence would start. Read to tell a comment from a like; never kept.
 */
export const framing = (item: Element, lead?: Element | null) => (item.textContent ?? '').replace(lead?.textContent ?? '', ' ').split(STOP)[0]!;

/**
 * Whether a notification's framing announces a comment, reply, mention, tag or wall post (and not a
 * like or a reaction, which are never mentions). `addressed`: words one of which must also say it
 * is the clinician's ("your post", "mentioned you"), where the site also notifies what others did
 * on others' posts (Facebook, LinkedIn).
 */
export function saysMention(words: string, addressed?: readonly string[]): boolean {
  return labelHasWord(words, SAID_WORDS) && !labelHasWord(words, REACTED_WORDS) && (!addressed || labelHasWord(words, addressed));
}

/**
 * What the adapters refuse with, and report done with: the background words both for the popup
 * (handlers.ts: action_no_mention_menu, result_mention_menu_opened), so content scripts carry none.
 */
export const NO_MENU: ActionResult = { ok: false, reason: '' };

/**
 * Presses the one control of `item` that opens its own options menu (where the site offers to hide
 * or delete a comment, or remove a tag): a control that says it opens a menu (aria-haspopup), or
 * whose label reads as one ("Hide or report this", "Comment options"), outside any item of
 * `nested` inside it (a reply under a comment). Refuses unless there is exactly one.
 */
export function pressItemMenu(item: Element, nested?: string): ActionResult {
  const menus = [...item.querySelectorAll<HTMLElement>(PRESSABLE)].filter(
    (control) =>
      (!nested || control.closest(nested) === item) &&
      (control.matches('[aria-haspopup="menu"], [aria-haspopup="true"]') || labelHasWord(controlLabel(control), MENU_WORDS)),
  );
  const [menu, ...others] = menus.filter((control) => !menus.some((other) => other !== control && control.contains(other)));
  if (!menu || others.length > 0) return NO_MENU;
  menu.click();
  return { ok: true, done: '' };
}
