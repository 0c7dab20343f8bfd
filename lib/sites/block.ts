import { BLOCK_WORDS, OPTIONS_WORDS, roleOfLabel, type CardWords } from './card-words';
import { controlLabel } from './cards';
import { labelHasWord } from './labels';
import type { ActionResult } from './types';

/**
 * The one step Boundary takes towards a site's own Block flow for a person with a safety concern:
 * it presses a Block control on that person's card or conversation, or else the card's own menu
 * (or conversation details) where the site keeps Block. It never presses anything in a dialog the
 * card is not in (the site's own "Block Ana?" confirmation stays the clinician's click), nor a
 * control that reads as accepting, adding or anything else.
 */

/** What a site adds to the shared words and where it looks. */
export interface BlockMarkup {
  /** The site's card words, to leave out controls that accept or add. */
  card: CardWords;
  /** The site's own Block words, beyond the shared ones. */
  block?: readonly string[];
  /** The site's own menu label beginnings, beyond the shared ones. */
  menus?: readonly string[];
  /** Glyphs of icon-only "…" menu buttons. */
  glyphs?: readonly string[];
  /** Boxes inside the scope whose controls belong to someone else: a conversation's messages. */
  skip?: string;
}

/** Things one presses: real buttons, role=button, and menu items (a menu already open on the card). */
const CONTROLS = 'button, [role="button"], [role="menuitem"], a[role="button"]';
/** Where a site asks to confirm: pressing Block there would be the clinician's decision made for them. */
const DIALOG = '[role="dialog"], [role="alertdialog"], dialog';
/** A control that announces the menu it opens. */
const OPENS_MENU = '[aria-haspopup="menu"], [aria-haspopup="true"]';

const normal = (label: string) => label.trim().toLocaleLowerCase().replace(/’/g, "'");

/** Whether a label reads as starting a Block flow. */
export function readsAsBlock(label: string, extra: readonly string[] = []): boolean {
  return label.length > 0 && label.length <= 160 && labelHasWord(label, [...BLOCK_WORDS, ...extra]);
}

/** Whether a label begins like a menu's: a word of the list followed by nothing, a space or punctuation. */
export function readsAsOptions(label: string, extra: readonly string[] = [], glyphs: readonly string[] = []): boolean {
  const text = normal(label);
  if (glyphs.includes(text)) return true;
  return [...OPTIONS_WORDS, ...extra].some((word) => text === word || (text.startsWith(word) && /^[\s,:(]/.test(text.slice(word.length))));
}

/** The pressable controls in `scope` a person could press for this card: enabled, and in the card's own layer. */
function controlsOf(scope: Element, skip: string | undefined): HTMLElement[] {
  const layer = scope.closest(DIALOG);
  const found = [...scope.querySelectorAll<HTMLElement>(CONTROLS)].filter(
    (control) =>
      !control.matches(':disabled, [aria-disabled="true"]') &&
      !control.closest('[hidden], [aria-hidden="true"]') &&
      control.closest(DIALOG) === layer &&
      !(skip && control.closest(skip)),
  );
  // A control inside a control counts once: the inner one is what the site listens on.
  return found.filter((control) => !found.some((other) => other !== control && control.contains(other)));
}

/** Whether a control reads as accepting, adding or following: never pressed from here, whatever else it says. */
const takesIn = (label: string, words: CardWords) => {
  const role = roleOfLabel(label, words);
  return role === 'accept' || role === 'add';
};

/** The controls in `scope` whose labels read as Block (an "Unblock" never does). */
export function blockControls(scope: Element, markup: BlockMarkup): HTMLElement[] {
  return controlsOf(scope, markup.skip).filter((control) => {
    const label = controlLabel(control);
    return readsAsBlock(label, markup.block) && !takesIn(label, markup.card);
  });
}

/** The controls in `scope` that open its own menu or details. */
export function optionsControls(scope: Element, markup: BlockMarkup): HTMLElement[] {
  return controlsOf(scope, markup.skip).filter((control) => {
    const label = controlLabel(control);
    if (takesIn(label, markup.card) || readsAsBlock(label, markup.block)) return false;
    return control.matches(OPENS_MENU) || readsAsOptions(label, markup.menus, markup.glyphs);
  });
}

const press = (control: HTMLElement): ActionResult => {
  const label = controlLabel(control);
  control.click();
  return { ok: true, done: `Pressed “${label}” on the page` };
};

/**
 * Presses the one control that starts the site's Block flow for `card`: a Block control in `wider`
 * (the whole conversation pane, where Messenger puts Block under a message request; the card
 * itself by default), else the card's one menu or details control. Refuses, with a reason, when
 * there is none, or more than one and it cannot tell which is this person's.
 */
export function pressBlockStep(card: Element, markup: BlockMarkup, wider: Element = card): ActionResult {
  const blocks = blockControls(wider, markup);
  if (blocks.length === 1) return press(blocks[0]!);
  if (blocks.length > 1) return { ok: false, reason: 'Found more than one Block control here; block them on the page yourself' };
  const menus = optionsControls(card, markup);
  if (menus.length === 1) return press(menus[0]!);
  if (menus.length > 1) return { ok: false, reason: 'Found more than one menu on this card; open the right one on the page yourself' };
  return { ok: false, reason: 'This card has no Block control or menu of its own; block them from their profile’s menu on the site' };
}

/** How many controls on the page read as Block: one more after a press means the site's own flow opened. */
export function blockOffersIn(root: ParentNode): number {
  let count = 0;
  for (const control of root.querySelectorAll(CONTROLS)) if (readsAsBlock(controlLabel(control))) count++;
  return count;
}
