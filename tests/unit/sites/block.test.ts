// @vitest-environment happy-dom
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { blockOffersIn, pressBlockStep, readsAsBlock, readsAsOptions } from '@/lib/sites/block';
import { facebookAdapter } from '@/lib/sites/facebook/adapter';
import { instagramAdapter } from '@/lib/sites/instagram/adapter';
import { linkedinAdapter } from '@/lib/sites/linkedin/adapter';
import type { Candidate, SiteAdapter } from '@/lib/sites/types';
import { loadReplica, loadReplicaHtml } from './replica-dom';

// The tests read the replicas' data-replica-* attributes and labels to know what was pressed; the adapters never do.

/** Every click the test document hears, by the clicked element's label. */
let clicked: string[] = [];
const record = (event: Event) => {
  const target = event.composedPath()[0] as Element;
  clicked.push(target.getAttribute('aria-label') ?? target.querySelector('[aria-label]')?.getAttribute('aria-label') ?? target.textContent?.trim() ?? '');
};
beforeEach(() => {
  clicked = [];
  document.addEventListener('click', record, true);
});
afterEach(() => document.removeEventListener('click', record, true));

function candidateOf(adapter: SiteAdapter, url: string, matches: (c: Candidate) => boolean, root: ParentNode = document): Candidate {
  const found = adapter.findCandidates(root, new URL(url)).filter(matches);
  expect(found, 'one candidate').toHaveLength(1);
  return found[0]!;
}

describe('words', () => {
  it('reads Block in the languages the sites ship, and never Unblock', () => {
    for (const label of ['Block', 'Block Ana Ruiz', 'Report / Block', 'Bloquear', 'Bloquer', 'Blockieren', 'Blocca', 'Zablokuj', 'Engelle']) {
      expect(readsAsBlock(label), label).toBe(true);
    }
    for (const label of ['Unblock', 'Desbloquear', 'Débloquer', 'Sblocca', 'Blockierung aufheben', 'Blocked', '']) {
      expect(readsAsBlock(label), label).toBe(false);
    }
  });

  it('reads a menu from the start of its label only', () => {
    for (const label of ['More options for Nadia Farrokh', 'More', 'Más opciones para Valeria', 'Weitere Optionen', 'Altre azioni']) {
      expect(readsAsOptions(label), label).toBe(true);
    }
    // A site's own menus and details come from its word table.
    expect(readsAsOptions('Información de la conversación', ['información de la conversación'])).toBe(true);
    expect(readsAsOptions('Información de la conversación')).toBe(false);
    for (const label of ['…more', 'Settings, help and more', 'Start a voice call', 'Moreau', 'Message']) {
      expect(readsAsOptions(label), label).toBe(false);
    }
  });
});

describe('Facebook', () => {
  it('opens the chat row’s own menu, and the open conversation’s details, on Messenger (English)', () => {
    loadReplica('facebook/messenger.en.html');
    const url = 'https://www.facebook.com/messages/t/100089412300401/';
    const row = candidateOf(facebookAdapter, url, (c) => c.name === 'Nadia Farrokh' && !c.open);
    expect(facebookAdapter.blockStep!(row.element)).toEqual({ ok: true, done: 'Pressed “More options for Nadia Farrokh” on the page' });
    const header = candidateOf(facebookAdapter, url, (c) => c.name === 'Nadia Farrokh' && c.open === true);
    expect(facebookAdapter.blockStep!(header.element).ok).toBe(true);
    expect(clicked).toEqual(['More options for Nadia Farrokh', 'Conversation information']);
  });

  it('presses Blockieren under a message request, never Annehmen (German)', () => {
    loadReplica('facebook/message-requests.de.html');
    const open = candidateOf(facebookAdapter, 'https://www.facebook.com/messages/requests/', (c) => c.open === true);
    expect(facebookAdapter.blockStep!(open.element)).toEqual({ ok: true, done: 'Pressed “Blockieren” on the page' });
    expect(clicked).toEqual(['Blockieren']);
  });

  it('opens the row menu on the encrypted Messenger in Spanish', () => {
    loadReplica('facebook/messenger-e2ee.es.html');
    const rows = facebookAdapter.findCandidates(document, new URL('https://www.facebook.com/messages/e2ee/t/8800112233445501/')).filter((c) => !c.open);
    expect(facebookAdapter.blockStep!(rows[0]!.element).ok).toBe(true);
    expect(clicked[0]).toMatch(/^Más opciones para /);
  });

  it('refuses on a friend request card, which has neither Block nor a menu, and presses nothing', () => {
    loadReplica('facebook/friend-requests.en.html');
    const ana = candidateOf(facebookAdapter, 'https://www.facebook.com/friends/requests/', (c) => c.name === 'Ana Ruiz-Calder');
    const result = facebookAdapter.blockStep!(ana.element);
    expect(result.ok).toBe(false);
    expect(clicked).toEqual([]);
  });
});

describe('Instagram', () => {
  it('opens the conversation information of the open thread, in Spanish and Italian', () => {
    loadReplica('instagram/direct-thread.es.html');
    const carmen = candidateOf(instagramAdapter, 'https://www.instagram.com/direct/t/118273645501928/', (c) => c.open === true);
    expect(instagramAdapter.blockStep!(carmen.element)).toEqual({ ok: true, done: 'Pressed “Información de la conversación” on the page' });
    loadReplica('instagram/direct-thread.it.html');
    const open = candidateOf(instagramAdapter, 'https://www.instagram.com/direct/t/340011223344556/', (c) => c.open === true);
    expect(instagramAdapter.blockStep!(open.element).ok).toBe(true);
    expect(clicked).toEqual(['Información de la conversación', 'Informazioni sulla conversazione']);
  });

  it('refuses on a follow request, pressing neither Confirm nor Delete', () => {
    loadReplica('instagram/follow-requests.en.html');
    const [first] = instagramAdapter.findCandidates(document, new URL('https://www.instagram.com/accounts/activity/?followRequests=1')).filter((c) => c.kind === 'request');
    expect(instagramAdapter.blockStep!(first!.element).ok).toBe(false);
    expect(clicked).toEqual([]);
  });
});

describe('LinkedIn', () => {
  it('opens the thread header’s options list, and an inbox row’s', () => {
    loadReplica('linkedin/messaging.en.html');
    const url = 'https://www.linkedin.com/messaging/thread/2-YTk3ZDFlNmUtMGI0Mi00ZjdhLWJmMjktNmM1ZTg4ZDJhMTcwXzAxMA==/';
    const header = candidateOf(linkedinAdapter, url, (c) => c.open === true);
    expect(linkedinAdapter.blockStep!(header.element)).toEqual({ ok: true, done: 'Pressed “Open the options list in your conversation with Ana Souza” on the page' });
    const ben = candidateOf(linkedinAdapter, url, (c) => c.name === 'Ben Ortiz');
    expect(linkedinAdapter.blockStep!(ben.element).ok).toBe(true);
    expect(clicked).toEqual(['Open the options list in your conversation with Ana Souza', 'Open the options list in your conversation with Ben Ortiz']);
  });

  it('opens the overlay bubble’s menu in its shadow root, not Minimise or Close (Spanish)', () => {
    loadReplica('linkedin/messaging-overlay.es.html');
    const shadow = document.getElementById('interop-outlet')!.attachShadow({ mode: 'open' });
    shadow.append((document.getElementById('interop-outlet-content') as HTMLTemplateElement).content.cloneNode(true));
    const zoe = candidateOf(linkedinAdapter, 'https://www.linkedin.com/feed/', (c) => c.name.startsWith('Zoë'), shadow);
    expect(linkedinAdapter.blockStep!(zoe.element).ok).toBe(true);
    expect(clicked).toEqual(['Abrir el menú de opciones de tu conversación con Zoë Dubois']);
  });

  it('refuses on an invitation card (no menu there), pressing neither Ignore nor Accept', () => {
    loadReplica('linkedin/invitations-sdui.en.html');
    const [first] = linkedinAdapter.findCandidates(document, new URL('https://www.linkedin.com/mynetwork/invitation-manager/received/')).filter((c) => c.kind === 'request');
    expect(linkedinAdapter.blockStep!(first!.element).ok).toBe(false);
    expect(clicked).toEqual([]);
  });
});

describe('what is never pressed', () => {
  const card = (html: string) => {
    loadReplicaHtml(`<!DOCTYPE html><html><body>${html}</body></html>`);
    return document.querySelector('[data-card]')!;
  };
  const markup = {};

  it('the site’s own confirmation: a Block in a dialog the card is not in', () => {
    const ana = card('<div data-card><a href="/ana">Ana</a><div role="button" aria-label="More options for Ana"></div></div><div role="dialog"><div role="button">Block</div></div>');
    expect(pressBlockStep(ana, markup, document.body)).toMatchObject({ ok: true, done: 'Pressed “More options for Ana” on the page' });
    expect(clicked).toEqual(['More options for Ana']);
  });

  it('Unblock, a control that accepts, two Blocks it cannot tell apart, two menus', () => {
    expect(pressBlockStep(card('<div data-card><div role="button">Unblock</div><div role="button">Accept</div></div>'), markup).ok).toBe(false);
    expect(pressBlockStep(card('<div data-card><button>Block</button><button>Bloquear</button></div>'), markup).ok).toBe(false);
    expect(pressBlockStep(card('<div data-card><button aria-label="More options"></button><button aria-label="Options"></button></div>'), markup).ok).toBe(false);
    expect(pressBlockStep(card('<div data-card><button aria-label="Block" disabled></button></div>'), markup).ok).toBe(false);
    expect(clicked).toEqual([]);
  });

  it('counts the Block controls a page offers, so a new one tells that the flow opened', () => {
    const ana = card('<div data-card><div role="button" aria-label="More options for Ana"></div></div>');
    expect(blockOffersIn(document)).toBe(0);
    ana.insertAdjacentHTML('afterend', '<div role="menu"><div role="menuitem">Block</div></div>');
    expect(blockOffersIn(document)).toBe(1);
  });
});
