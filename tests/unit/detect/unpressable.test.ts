// @vitest-environment happy-dom
import { afterEach, expect, it, vi } from 'vitest';
import { facebookAdapter } from '@/lib/sites/facebook/adapter';
import { instagramAdapter } from '@/lib/sites/instagram/adapter';
import { linkedinAdapter } from '@/lib/sites/linkedin/adapter';
import { runOnReplica } from './content-harness';

/*
 * A request found from its shape, on a page whose labels no word table reads (LinkedIn in
 * Marathi): Decline presses nothing, and says so as a refusal the background words in the
 * clinician's language, not with the adapter's English reason.
 */
let stop: (() => void) | undefined;
afterEach(() => {
  stop?.();
  vi.restoreAllMocks();
});

it('a Decline on a card whose controls say nothing readable presses nothing and is refused as no-control', async () => {
  const run = runOnReplica('linkedin/invitations-sdui.mr.html', 'https://www.linkedin.com/mynetwork/invitation-manager/received/', linkedinAdapter);
  stop = run.stop;
  const priya = run.reported('प्रिया देशपांडे');
  expect(priya?.kind).toBe('request');
  expect(await run.send({ type: 'decline', token: priya!.token })).toEqual({ ok: false, refusal: 'no-control' });
  expect(run.clicks).toEqual([]);
});

it('a reply the open conversation’s editor does not take is refused as not-typed, not claimed with the editor’s English', async () => {
  const run = runOnReplica('instagram/direct-thread.es.html', 'https://www.instagram.com/direct/t/118273645501928/', instagramAdapter);
  stop = run.stop;
  // The open conversation: the one whose thread the address names.
  const open = run.latest().find((c) => c.kind === 'message' && c.open);
  expect(open).toBeDefined();
  // An editor that takes nothing typed into it, as a site's may while it loads (happy-dom has no execCommand of its own).
  Object.defineProperty(document, 'execCommand', { value: () => false, configurable: true });
  try {
    expect(await run.send({ type: 'insert-text', token: open!.token, text: 'Escríbame por el portal seguro.' })).toEqual({ ok: false, refusal: 'not-typed' });
  } finally {
    delete (document as { execCommand?: unknown }).execCommand;
  }
});

it('a reply for a Facebook chat tab goes into that tab’s own box: never a comment box of the feed, never another tab’s', async () => {
  const run = runOnReplica('facebook/chat-tab.group.da.html', 'https://www.facebook.com/groups/4455667788990011/', facebookAdapter);
  stop = run.stop;
  // Around the tab, as a group page has them: a comment box under a post in the main column, and
  // a second chat tab open before it, each as Messenger's and the feed's Lexical boxes are drawn.
  const editor = (label: string, id: string) =>
    `<div contenteditable="true" role="textbox" data-lexical-editor="true" aria-placeholder="Aa" aria-label="${label}" data-replica-editor="${id}"><p><br></p></div>`;
  document.querySelector('[role="main"]')!.insertAdjacentHTML('afterbegin', editor('Skriv en kommentar', 'comment'));
  document.querySelector('[data-replica-person="tab-signe"]')!.insertAdjacentHTML(
    'beforebegin',
    `<div role="dialog" aria-label="Jonas Holm"><a href="/messages/t/100089412806777/">Jonas Holm</a>${editor('Skriv til Jonas Holm', 'jonas')}</div>`,
  );
  const typed: string[] = [];
  Object.defineProperty(document, 'execCommand', {
    configurable: true,
    value: (command: string, _ui: boolean, value?: string) => {
      const box = document.activeElement as HTMLElement;
      if (command === 'insertText' && value) {
        typed.push(box.getAttribute('data-replica-editor') ?? '(none)');
        box.textContent = (box.textContent ?? '') + value;
      }
      return true;
    },
  });
  try {
    await vi.waitFor(() => expect(run.latest().some((c) => c.open && c.name === 'Signe Kristensen')).toBe(true));
    const signe = run.latest().find((c) => c.open && c.name === 'Signe Kristensen')!;
    expect(await run.send({ type: 'insert-text', token: signe.token, text: 'Skriv venligst via den sikre portal.' })).toMatchObject({ ok: true });
    expect(typed).toEqual(['signe']);
  } finally {
    delete (document as { execCommand?: unknown }).execCommand;
  }
});
