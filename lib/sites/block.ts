import { BLOCK_WORDS, OPTIONS_WORDS } from './card-words';
import { controlLabel } from './cards';
import { labelHasWord, lowerLabel } from './labels';
import type { ActionResult } from './types';

/**
 * The one step Boundary takes towards a site's own Block flow for a person with a safety concern:
 * it presses a Block control on that person's card or conversation, or else the card's own menu
 * (or conversation details) where the site keeps Block. It never presses anything in a dialog the
 * card is not in (the site's own "Block Ana?" confirmation stays the clinician's click), nor an
 * "Unblock" (whole words: "block" is not in it), nor a control it cannot read as either.
 */

/** What a site adds to the shared words (card-words.ts) and what it leaves out. */
export interface BlockMarkup {
  /** The beginnings of the site's own menu and details labels, beyond the shared ones. */
  menus?: readonly string[];
  /** Glyphs of icon-only "…" menu buttons. */
  glyphs?: readonly string[];
  /** Boxes inside the scope whose controls belong to someone else: a conversation's messages. */
  skip?: string;
}

/** Things one presses: buttons, role=button, and menu items (a menu already open on the card). */
const CONTROLS = 'button, [role="button"], [role="menuitem"]';
/** Where a site asks to confirm: pressing Block there would be the clinician's decision made for them. */
const DIALOG = '[role="dialog"], [role="alertdialog"], dialog';

/** Whether a label reads as starting a Block flow. */
export const readsAsBlock = (label: string): boolean => label.length <= 160 && labelHasWord(label, BLOCK_WORDS);

/** Whether a label begins like a menu's: a word of the list followed by nothing, a space or punctuation. */
export function readsAsOptions(label: string, extra: readonly string[] = [], glyphs: readonly string[] = []): boolean {
  const text = lowerLabel(label.trim()).replace(/’/g, "'");
  return glyphs.includes(text) || [...OPTIONS_WORDS, ...extra].some((word) => text.startsWith(word) && /^($|[\s,:(])/.test(text.slice(word.length)));
}

/** The enabled controls in `scope`, in the card's own layer, innermost only (the inner one is what the site listens on). */
function controlsOf(scope: Element, skip: string | undefined): HTMLElement[] {
  const layer = scope.closest(DIALOG);
  const found = [...scope.querySelectorAll<HTMLElement>(CONTROLS)].filter(
    (control) =>
      !control.matches(':disabled, [aria-disabled="true"]') &&
      !control.closest('[hidden], [aria-hidden="true"]') &&
      control.closest(DIALOG) === layer &&
      !(skip && control.closest(skip)),
  );
  return found.filter((control) => !found.some((other) => other !== control && control.contains(other)));
}

/**
 * Presses the one control that starts the site's Block flow for `card`: a Block control in `wider`
 * (the whole conversation pane, where Messenger puts Block under a message request; the card
 * itself by default), else the card's one menu or details control. Refuses, with a reason, when
 * there is none, or more than one and it cannot tell which is this person's.
 */
export function pressBlockStep(card: Element, markup: BlockMarkup, wider: Element = card): ActionResult {
  const blocks = controlsOf(wider, markup.skip).filter((control) => readsAsBlock(controlLabel(control)));
  const menus = controlsOf(card, markup.skip).filter((control) => {
    const label = controlLabel(control);
    return !readsAsBlock(label) && (control.matches('[aria-haspopup="menu"], [aria-haspopup="true"]') || readsAsOptions(label, markup.menus, markup.glyphs));
  });
  const [control, ...others] = blocks.length > 0 ? blocks : menus;
  if (!control) return { ok: false, reason: 'No Block or menu on this card' };
  if (others.length > 0) return { ok: false, reason: 'Several Block or menu controls here' };
  const label = controlLabel(control);
  control.click();
  return { ok: true, done: `Pressed “${label}” on the page` };
}

/** How many controls on the page read as Block: one more after a press means the site's own flow opened. */
export function blockOffersIn(root: ParentNode): number {
  return [...root.querySelectorAll(CONTROLS)].filter((control) => readsAsBlock(controlLabel(control))).length;
}
