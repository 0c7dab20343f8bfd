// @vitest-environment happy-dom
import { beforeEach, describe, expect, it } from 'vitest';
import { linkedinAdapter } from '@/lib/sites/linkedin/adapter';
import type { Candidate } from '@/lib/sites/types';
import { appendLaterItems, loadReplica } from './replica-dom';

const INVITATIONS = new URL('https://www.linkedin.com/mynetwork/invitation-manager/received/');
const MYNETWORK = new URL('https://www.linkedin.com/mynetwork/');
const THREAD = new URL(
  'https://www.linkedin.com/messaging/thread/2-YTk3ZDFlNmUtMGI0Mi00ZjdhLWJmMjktNmM1ZTg4ZDJhMTcwXzAxMA==/',
);
const FEED = new URL('https://www.linkedin.com/feed/');
const SELF = 'maren-holt-counselling';

/** What the overlay fixture's inline script does in a browser: the overlay, in an open shadow root. */
function openOverlay(): ShadowRoot {
  const shadow = document.getElementById('interop-outlet')!.attachShadow({ mode: 'open' });
  const template = document.getElementById('interop-outlet-content') as HTMLTemplateElement;
  shadow.append(template.content.cloneNode(true));
  return shadow;
}

/** A candidate as the tests compare it; the element is told by the fixture's replica attribute. */
const summary = ({ kind, platform, identities, name, element }: Candidate) => ({
  kind,
  platform,
  identities,
  name,
  person: element.getAttribute('data-replica-person'),
});

const found = (url: URL) => linkedinAdapter.findCandidates(document, url).map(summary);

const request = (person: string, identity: string, name: string) => ({
  kind: 'request',
  platform: 'linkedin',
  identities: [identity],
  name,
  person,
});

const message = (person: string, identities: string[], name: string) => ({
  kind: 'message',
  platform: 'linkedin',
  identities,
  name,
  person,
});

/** Every control press on the page, as the replica's data-replica-action names it. */
function recordPresses(): string[] {
  const presses: string[] = [];
  document.addEventListener('click', (event) => {
    const control = (event.target as Element).closest('[data-replica-action]');
    if (control) presses.push(control.getAttribute('data-replica-action')!);
  });
  return presses;
}

const card = (person: string) => document.querySelector(`[data-replica-person="${person}"]`)!;

describe('current invitation manager (English)', () => {
  beforeEach(() => loadReplica('linkedin/invitations-current.en.html'));

  it('finds each person invitation, not the page or newsletter ones', () => {
    expect(found(INVITATIONS)).toEqual([
      request('ana-souza', 'ana-souza-7c1d2e', 'Ana Souza'),
      request('ben-ortiz', 'ben-ortiz-3f9a10', 'Ben Ortiz'),
    ]);
  });

  it('finds invitations that load later, and still not the event one', () => {
    appendLaterItems();
    expect(found(INVITATIONS)).toEqual([
      request('ana-souza', 'ana-souza-7c1d2e', 'Ana Souza'),
      request('ben-ortiz', 'ben-ortiz-3f9a10', 'Ben Ortiz'),
      request('chidi-okafor', 'chidi-okafor-b81e44', 'Chidi Okafor'),
    ]);
  });

  it('scans just the part of the page it is given', () => {
    appendLaterItems();
    const lastCard = document.querySelector('#received-invitations')!.lastElementChild!.previousElementSibling!;
    const wrapper = document.createElement('div');
    lastCard.replaceWith(wrapper);
    wrapper.append(lastCard);
    expect(linkedinAdapter.findCandidates(wrapper, INVITATIONS).map(summary)).toEqual([
      request('chidi-okafor', 'chidi-okafor-b81e44', 'Chidi Okafor'),
    ]);
  });

  it('takes nothing from the sent-invitations tab', () => {
    expect(found(new URL('https://www.linkedin.com/mynetwork/invitation-manager/sent/'))).toEqual([]);
  });

  it('never presses Reply or Accept', () => {
    const presses = recordPresses();
    linkedinAdapter.decline(card('ana-souza'));
    expect(presses).not.toContain('accept');
    expect(presses).not.toContain('reply');
  });

  // clickDecline (lib/sites/dom.ts) skips any label with an accept word, and LinkedIn's English
  // label "Ignore an invitation to connect from …" contains "connect". Flip to `it` once fixed there.
  it('declines with Ignore', () => {
    const presses = recordPresses();
    expect(linkedinAdapter.decline(card('ana-souza')).ok).toBe(true);
    expect(presses).toEqual(['decline']);
  });
});

describe('classic invitation manager (French)', () => {
  beforeEach(() => loadReplica('linkedin/invitations-classic.fr.html'));

  it('finds each person invitation, not the page one', () => {
    expect(found(INVITATIONS)).toEqual([
      request('camille-durand', 'camille-durand-5e8f21', 'Camille Durand'),
      request('hugo-lefevre', 'hugo-lefevre-09ab3c', 'Hugo Lefèvre'),
      request('ines-moreau', 'ines-moreau-71c0d4', 'Inès Moreau'),
    ]);
  });

  it('declines with Ignorer, never Répondre or Accepter', () => {
    const presses = recordPresses();
    const result = linkedinAdapter.decline(card('camille-durand'));
    expect(result).toEqual({ ok: true, done: 'Pressed “Ignorer l’invitation de Camille Durand” on the page' });
    expect(presses).toEqual(['decline']);
  });
});

describe('My Network (German)', () => {
  beforeEach(() => loadReplica('linkedin/mynetwork.de.html'));

  it('finds the previewed invitations, not the page invitation or the suggestions', () => {
    expect(found(MYNETWORK)).toEqual([
      request('lena-vogt', 'lena-vogt-62d1f0', 'Lena Vogt'),
      request('tobias-brandt', 'tobias-brandt-a4c97e', 'Tobias Brandt'),
    ]);
  });

  it('declines with Ignorieren, never Annehmen', () => {
    const presses = recordPresses();
    expect(linkedinAdapter.decline(card('lena-vogt')).ok).toBe(true);
    expect(presses).toEqual(['decline']);
  });

  it('still finds Ignorieren by its label when the buttons lose their data-view-name', () => {
    const presses = recordPresses();
    for (const button of card('tobias-brandt').querySelectorAll('button')) button.removeAttribute('data-view-name');
    expect(linkedinAdapter.decline(card('tobias-brandt')).ok).toBe(true);
    expect(presses).toEqual(['decline']);
  });

  it('refuses when no button reads as a decline', () => {
    const presses = recordPresses();
    const [first, second] = card('lena-vogt').querySelectorAll('button');
    first!.setAttribute('aria-label', 'Weitere Optionen');
    first!.textContent = 'Mehr';
    second!.setAttribute('aria-label', 'Lena Vogt eine Nachricht senden');
    second!.textContent = 'Nachricht';
    expect(linkedinAdapter.decline(card('lena-vogt')).ok).toBe(false);
    expect(presses).toEqual([]);
  });

  it('refuses on a card whose only button accepts', () => {
    const presses = recordPresses();
    card('lena-vogt').querySelector('[data-replica-action="decline"]')!.remove();
    expect(linkedinAdapter.decline(card('lena-vogt')).ok).toBe(false);
    expect(presses).toEqual([]);
  });
});

describe('messaging page (English)', () => {
  beforeEach(() => loadReplica('linkedin/messaging.en.html'));

  it('finds each conversation by name, and the open thread by profile', () => {
    expect(found(THREAD)).toEqual([
      message('list-ana-souza', [], 'Ana Souza'),
      message('list-ben-ortiz', [], 'Ben Ortiz'),
      message('list-carla-mendes-dev-patel', [], 'Carla Mendes, Dev Patel'),
      message('thread-ana-souza', ['ana-souza-7c1d2e'], 'Ana Souza'),
    ]);
  });

  it('finds the thread’s message box', () => {
    expect(linkedinAdapter.findComposer(document)?.getAttribute('data-replica-editor')).toBe('thread-ana-souza');
  });
});

describe('messaging overlay in a shadow root (Spanish)', () => {
  beforeEach(() => loadReplica('linkedin/messaging-overlay.es.html'));

  it('finds nothing in the feed itself, and no message box but the overlay’s', () => {
    expect(document.getElementById('interop-outlet')!.shadowRoot).toBeNull();
    expect(found(FEED)).toEqual([]);
    expect(linkedinAdapter.findComposer(document)).toBeNull();
  });

  it('names the overlay’s shadow root for the watcher, and no other', () => {
    expect(linkedinAdapter.shadowRoots?.(document)).toEqual([]);
    const shadow = openOverlay();
    document.body.append(document.createElement('div'));
    document.body.lastElementChild!.attachShadow({ mode: 'open' });
    expect(linkedinAdapter.shadowRoots?.(document)).toEqual([shadow]);
  });

  it('finds each open bubble through the shadow root, with the percent-encoded slug decoded', () => {
    openOverlay();
    expect(found(FEED)).toEqual([
      message('bubble-zoe-dubois', ['zoë-dubois-4b2a1c'], 'Zoë Dubois'),
      message('bubble-rafael-gomez', ['rafael-gomez-77e0aa'], 'Rafael Gómez'),
    ]);
  });

  it('finds the message box through the shadow root, preferring the one being typed in', () => {
    const shadow = openOverlay();
    expect(linkedinAdapter.findComposer(document)?.getAttribute('data-replica-editor')).toBe('bubble-zoe-dubois');
    shadow.querySelector<HTMLElement>('[data-replica-editor="bubble-rafael-gomez"]')!.focus();
    expect(linkedinAdapter.findComposer(document)?.getAttribute('data-replica-editor')).toBe('bubble-rafael-gomez');
  });
});

describe('every fixture', () => {
  const pages: [string, URL, (() => unknown)?][] = [
    ['invitations-current.en.html', INVITATIONS, appendLaterItems],
    ['invitations-classic.fr.html', INVITATIONS],
    ['mynetwork.de.html', MYNETWORK],
    ['messaging.en.html', THREAD],
    ['messaging-overlay.es.html', FEED, openOverlay],
  ];

  it.each(pages)('%s: exactly the marked elements, once each, never the clinician', (name, url, prepare) => {
    loadReplica(`linkedin/${name}`);
    prepare?.();
    const shadow = document.getElementById('interop-outlet')?.shadowRoot;
    const marked = [document, ...(shadow ? [shadow] : [])].flatMap((root) => [
      ...root.querySelectorAll('[data-replica-person]'),
    ]);
    const candidates = linkedinAdapter.findCandidates(document, url);
    expect(candidates.map((c) => c.element)).toEqual(marked);
    expect(candidates.flatMap((c) => c.identities)).not.toContain(SELF);
  });
});

describe('pageKindOf', () => {
  it.each([
    ['https://www.linkedin.com/mynetwork/invitation-manager/received/', true],
    ['https://www.linkedin.com/mynetwork/invitation-manager/', true],
    ['https://www.linkedin.com/messaging/', true],
    [THREAD.href, true],
    ['https://www.linkedin.com/mynetwork/invitation-manager/sent/', false],
    ['https://www.linkedin.com/feed/', false],
    ['https://www.linkedin.com/in/ana-souza-7c1d2e/', false],
  ])('%s → %s', (href, expected) => {
    expect(linkedinAdapter.pageKindOf(new URL(href)) !== null).toBe(expected);
  });
});
