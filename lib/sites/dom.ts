import { actionOf } from './labels';
import type { ActionResult } from './types';

/**
 * querySelectorAll that also looks inside open shadow roots (LinkedIn renders its messaging
 * overlay in one). Closed roots stay closed, as they should.
 */
/**
 * A text node's text with that of the text nodes right after it in the same element: frameworks
 * write `{first} {last}` as adjacent text nodes, and the words are one line. (Read, never merged:
 * normalising the page's text nodes would change its DOM.)
 */
export function textRun(node: Node): string {
  let text = node.nodeValue ?? '';
  for (let next = node.nextSibling; next?.nodeType === Node.TEXT_NODE; next = next.nextSibling) text += next.nodeValue ?? '';
  return text;
}

/** Whether a text node continues the run of the text node before it (textRun read it already). */
export const continuesRun = (node: Node) => node.previousSibling?.nodeType === Node.TEXT_NODE;

export function queryAllDeep<E extends Element = Element>(root: ParentNode, selector: string): E[] {
  const found: E[] = [...root.querySelectorAll<E>(selector)];
  const hosts = root.querySelectorAll('*');
  for (const host of hosts) {
    if (host.shadowRoot) found.push(...queryAllDeep<E>(host.shadowRoot, selector));
  }
  return found;
}

/** The first match of a list of selectors, tried in order of preference. */
export function queryFirst<E extends Element = Element>(root: ParentNode, selectors: readonly string[]): E | null {
  for (const selector of selectors) {
    const found = root.querySelector<E>(selector);
    if (found) return found;
  }
  return null;
}

/** The label a person would read on a control: aria-label first, then its text. */
export function labelOf(element: Element): string {
  return (element.getAttribute('aria-label') ?? element.textContent ?? '').replace(/\s+/g, ' ').trim();
}

/** The clickable controls inside a card, in document order. */
export function controlsIn(card: Element): HTMLElement[] {
  return [...card.querySelectorAll<HTMLElement>('button, [role="button"]')];
}

/**
 * Clicks the card's decline control. Candidates come from the adapter's selectors (most preferred
 * first); a candidate is pressed only when its visible text or its aria-label reads as a decline
 * and neither reads as an accept, so that a layout change can make us refuse, never accept.
 */
export function clickDecline(card: Element, selectors: readonly string[]): ActionResult {
  for (const selector of selectors) {
    for (const control of card.querySelectorAll<HTMLElement>(selector)) {
      const label = labelOf(control);
      const verdicts = [actionOf(control.textContent ?? ''), actionOf(control.getAttribute('aria-label') ?? '')];
      if (verdicts.includes('accept') || !verdicts.includes('decline')) continue;
      if (control.matches(':disabled, [aria-disabled="true"]')) continue;
      control.click();
      return { ok: true, done: `Pressed “${label}” on the page` };
    }
  }
  return { ok: false, reason: 'Could not find the site’s own decline button on this card' };
}
