import type { ActionResult } from './types';

/**
 * Types text into a site's message box the way a person's keyboard would: through the editor's
 * own input events, so rich-text editors (Lexical on Facebook and Instagram, LinkedIn's
 * composer) update their state rather than just their DOM. Line breaks go in as soft breaks
 * (Shift+Enter), which never send. Nothing here presses Enter or a Send button.
 */
export function typeInto(box: HTMLElement, text: string): ActionResult {
  const doc = box.ownerDocument;
  box.focus();
  if (box instanceof HTMLTextAreaElement || box instanceof HTMLInputElement) {
    box.setSelectionRange(box.value.length, box.value.length);
  } else {
    const selection = doc.getSelection();
    selection?.selectAllChildren(box);
    selection?.collapseToEnd();
  }
  const before = box instanceof HTMLTextAreaElement ? box.value : box.innerText;
  const lines = text.split(/\r?\n/);
  lines.forEach((line, i) => {
    if (i > 0) doc.execCommand('insertLineBreak');
    if (line) doc.execCommand('insertText', false, line);
  });
  const after = box instanceof HTMLTextAreaElement ? box.value : box.innerText;
  const firstLine = lines.find(Boolean) ?? '';
  if (after === before || !after.includes(firstLine)) {
    return { ok: false, reason: 'The message box did not take the text' };
  }
  return { ok: true, done: 'Reply put in the message box; read it over, then send it yourself' };
}
