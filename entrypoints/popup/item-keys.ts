/**
 * Keys for the popup's items: D declines and I inserts the reply, for the item that holds the
 * focus (the item itself or anything in it). Each key presses the item's own button, so it does
 * exactly what a click would, no more: a flagged reply still asks first, a disabled button does
 * nothing. Never while a text field, a menu or an editable area has the focus (the letters are
 * typed there), and never with Ctrl, Alt or Meta (those are the browser's and the system's).
 * The buttons say so with aria-keyshortcuts, and the popup shows a line about it (KeyHint.tsx).
 */
export const ITEM_KEYS: Readonly<Record<string, string>> = {
  d: 'decline',
  i: 'insert-reply',
};

/** Where typing goes: a letter pressed there is text, not a command. */
function takesText(element: Element): boolean {
  if (element instanceof HTMLElement && element.isContentEditable) return true;
  if (element instanceof HTMLTextAreaElement || element instanceof HTMLSelectElement) return true;
  if (!(element instanceof HTMLInputElement)) return false;
  return !['button', 'checkbox', 'radio', 'submit', 'reset', 'image', 'range', 'color', 'file'].includes(element.type);
}

/** The button a key press means, if it means one: an enabled button of the focused item. */
export function buttonFor(event: Pick<KeyboardEvent, 'key' | 'ctrlKey' | 'altKey' | 'metaKey' | 'repeat'>, focused: Element | null): HTMLButtonElement | null {
  if (event.ctrlKey || event.altKey || event.metaKey || event.repeat) return null;
  const testId = ITEM_KEYS[event.key.toLowerCase()];
  if (!testId || !focused || takesText(focused)) return null;
  const item = focused.closest('[data-testid="detection"]');
  const button = item?.querySelector<HTMLButtonElement>(`button[data-testid="${testId}"]`);
  return button && !button.disabled ? button : null;
}

/** Listens for the keys on the popup's document; returns how to stop. */
export function listenForItemKeys(doc: Document): () => void {
  const onKey = (event: KeyboardEvent) => {
    const button = buttonFor(event, doc.activeElement);
    if (!button) return;
    event.preventDefault();
    button.click();
  };
  doc.addEventListener('keydown', onKey);
  return () => doc.removeEventListener('keydown', onKey);
}
