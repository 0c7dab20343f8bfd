import { controlsIn, labelOf } from '@/lib/sites/dom';

/**
 * Whether the page did something after Boundary pressed one of its controls on a card. A click
 * that reaches a wrapper instead of the site's button, or a site that changed how its buttons
 * work, looks exactly like success from the click alone; only the page's answer tells them apart.
 * The sites answer by taking the card away, or by replacing its buttons with a line such as
 * "Request removed".
 */

/** What a card looks like to a person: its text and its controls, with their labels and states. */
export type CardLook = string;

export function lookOf(card: Element): CardLook {
  const controls = controlsIn(card).map((control) => {
    const off = control.matches(':disabled, [aria-disabled="true"]') ? '!' : '';
    // A menu button opening its menu says so on itself.
    const open = control.getAttribute('aria-expanded') === 'true' ? '+' : '';
    return `${off}${open}${labelOf(control)}`;
  });
  return JSON.stringify([(card.textContent ?? '').replace(/\s+/g, ' ').trim(), controls]);
}

/** Whether the card left the page, was hidden, or looks different from `before`. */
export function cardChanged(card: Element, before: CardLook): boolean {
  if (!card.isConnected) return true;
  if (card.closest('[hidden], [aria-hidden="true"]')) return true;
  return lookOf(card) !== before;
}

/** How long the page has to react; the sites answer within a few hundred milliseconds. */
export const REACTION_TIMEOUT_MS = 3000;

/** Where sites open what a card's control starts (a confirmation, a menu): outside the card. */
const OPENED = '[role="dialog"], [role="alertdialog"], [role="menu"], dialog[open]';

/** The dialogs and menus open now, so that one opened by a click can be told from them. */
export function openedNow(root: ParentNode): Set<Element> {
  return new Set(root.querySelectorAll(OPENED));
}

/** Whether a dialog or menu that was not open before (`before`) is open now. */
export function somethingOpened(root: ParentNode, before: ReadonlySet<Element>): boolean {
  return [...root.querySelectorAll(OPENED)].some((element) => !before.has(element));
}

/**
 * Resolves true as soon as the card changes from `before` (taken just before the click), or
 * `elsewhere` says the page answered outside it (a dialog opened), false when neither happened
 * after `timeoutMs`. It watches the tree the card is in (a document or a shadow root), because
 * sites often remove a card by replacing a box around it.
 */
export function pageReacted(
  card: Element,
  before: CardLook,
  timeoutMs = REACTION_TIMEOUT_MS,
  elsewhere: () => boolean = () => false,
): Promise<boolean> {
  return pageShows(card.getRootNode(), () => cardChanged(card, before) || elsewhere(), timeoutMs);
}

/**
 * Resolves true as soon as `shown()` holds, checked on every change to the tree of `root` (a
 * document or a shadow root), false when it still does not after `timeoutMs`.
 */
export function pageShows(root: Node, shown: () => boolean, timeoutMs = REACTION_TIMEOUT_MS): Promise<boolean> {
  if (shown()) return Promise.resolve(true);
  return new Promise((resolve) => {
    const finish = (answer: boolean) => {
      observer.disconnect();
      clearTimeout(timer);
      resolve(answer);
    };
    const observer = new MutationObserver(() => {
      if (shown()) finish(true);
    });
    observer.observe(root, {
      subtree: true,
      childList: true,
      characterData: true,
      attributeFilter: ['aria-label', 'aria-expanded', 'disabled', 'aria-disabled', 'hidden', 'aria-hidden', 'open'],
    });
    const timer = setTimeout(() => finish(shown()), timeoutMs);
  });
}
