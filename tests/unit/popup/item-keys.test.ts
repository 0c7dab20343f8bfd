// @vitest-environment happy-dom
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { buttonFor, listenForItemKeys } from '@/entrypoints/popup/item-keys';

let pressed: string[];
let stop: () => void;

beforeEach(() => {
  pressed = [];
  document.body.innerHTML = `
    <ul>
      <li data-testid="detection" id="ana">
        <h2>Ana</h2>
        <details><summary id="ana-summary">Answer instead</summary><select id="ana-picker"><option>Insist</option></select></details>
        <button data-testid="decline" id="ana-decline">Decline</button>
      </li>
      <li data-testid="detection" id="teo">
        <textarea id="teo-text"></textarea>
        <input id="teo-box" type="text"><input id="teo-tick" type="checkbox">
        <div id="teo-edit" contenteditable="true"></div>
        <button data-testid="insert-reply" id="teo-insert">Insert reply</button>
        <button data-testid="copy-reply" id="teo-copy">Copy</button>
      </li>
      <li data-testid="detection" id="sam"><button data-testid="decline" id="sam-decline" disabled>Decline</button><a id="sam-link" href="#">x</a></li>
    </ul>
    <button id="outside">Lock</button>`;
  for (const button of document.querySelectorAll('button')) button.addEventListener('click', () => pressed.push(button.id));
  stop = listenForItemKeys(document);
});
afterEach(() => stop());

const press = (focusId: string, key: string, init: KeyboardEventInit = {}) => {
  (document.getElementById(focusId) as HTMLElement).focus();
  document.activeElement!.dispatchEvent(new KeyboardEvent('keydown', { key, bubbles: true, cancelable: true, ...init }));
};

describe('the popup’s item keys', () => {
  it('D declines and I inserts, for the item that has the focus, from anything in it', () => {
    press('ana-summary', 'd');
    press('teo-copy', 'i');
    press('ana-decline', 'D');
    expect(pressed).toEqual(['ana-decline', 'teo-insert', 'ana-decline']);
  });

  it('a key the item has no button for, or a disabled one, does nothing', () => {
    press('ana-summary', 'i');
    press('teo-copy', 'd');
    press('sam-link', 'd');
    expect(pressed).toEqual([]);
  });

  it('never while typing: text fields, menus and editable areas keep their letters', () => {
    for (const id of ['teo-text', 'teo-box', 'teo-edit', 'ana-picker']) press(id, 'i');
    press('ana-picker', 'd');
    expect(pressed).toEqual([]);
    // A checkbox takes no text: the key still means the item's button.
    press('teo-tick', 'i');
    expect(pressed).toEqual(['teo-insert']);
  });

  it('never outside an item, with a modifier, or held down', () => {
    press('outside', 'd');
    press('ana-summary', 'd', { ctrlKey: true });
    press('ana-summary', 'd', { altKey: true });
    press('ana-summary', 'd', { metaKey: true });
    press('ana-summary', 'd', { repeat: true });
    expect(pressed).toEqual([]);
    expect(buttonFor({ key: 'd', ctrlKey: false, altKey: false, metaKey: false, repeat: false }, null)).toBeNull();
  });
});
