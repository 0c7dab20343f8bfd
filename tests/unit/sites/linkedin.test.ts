// @vitest-environment happy-dom
import { beforeEach, describe, expect, it } from 'vitest';
import { linkedinAdapter } from '@/lib/sites/linkedin/adapter';
import type { Candidate } from '@/lib/sites/types';
import { LINKEDIN_SDUI_PROFILE, LINKEDIN_URN_THREAD } from '../../fixtures/linkedin/pages';
import { appendLaterItems, loadReplica } from './replica-dom';

const INVITATIONS = new URL('https://www.linkedin.com/mynetwork/invitation-manager/received/');
const INVITATIONS_FR = new URL('https://fr.linkedin.com/mynetwork/invitation-manager/received/');
const INVITATIONS_MUTUAL = new URL('https://www.linkedin.com/mynetwork/invitation-manager/received/PEOPLE_WITH_MUTUAL_CONNECTION/');
const MYNETWORK = new URL('https://www.linkedin.com/mynetwork/');
const GROW = new URL('https://www.linkedin.com/mynetwork/grow/');
const CONNECTIONS = new URL('https://www.linkedin.com/mynetwork/invite-connect/connections/');
const THREAD = new URL(
  'https://www.linkedin.com/messaging/thread/2-YTk3ZDFlNmUtMGI0Mi00ZjdhLWJmMjktNmM1ZTg4ZDJhMTcwXzAxMA==/',
);
const URN_THREAD = new URL(LINKEDIN_URN_THREAD);
const SDUI_PROFILE = new URL(LINKEDIN_SDUI_PROFILE);
const FEED = new URL('https://www.linkedin.com/feed/');
/** The clinician, by vanity name and by the member id messaging links her with. */
const SELF = ['maren-holt-counselling', 'urn:ACoAAA0mYsElFzXqWpLkJhGfDsAzXcVbNmQwErT'];

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

const person = (kind: Candidate['kind']) => (who: string, identities: string | string[], name: string) => ({
  kind,
  platform: 'linkedin',
  identities: typeof identities === 'string' ? [identities] : identities,
  name,
  person: who,
});
const request = person('request');
const suggestion = person('suggestion');
const connection = person('connection');
const message = (who: string, identities: string[], name: string) => person('message')(who, identities, name);

/** Every control press on the page, as the replica's data-replica-action names it ("wrapper" for a wrapper div). */
function recordPresses(): string[] {
  const presses: string[] = [];
  document.addEventListener('click', (event) => {
    const control = (event.target as Element).closest('[data-replica-action]');
    if (control) presses.push(control.getAttribute('data-replica-action')!);
  });
  return presses;
}

const card = (who: string) => document.querySelector(`[data-replica-person="${who}"]`)!;

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

  it('declines with Ignore, never Reply or Accept', () => {
    const presses = recordPresses();
    expect(linkedinAdapter.decline(card('ana-souza'))).toEqual({
      ok: true,
      done: 'Pressed “Ignore an invitation to connect from Ana Souza” on the page',
    });
    expect(presses).toEqual(['decline']);
  });
});

describe('rebuilt invitation manager, 2026 (English)', () => {
  beforeEach(() => loadReplica('linkedin/invitations-sdui.en.html'));

  const first = [
    request('rowan-achebe-lind', 'rowan-achebe-lind-2c4f81', 'Rowan Achebe-Lind'),
    request('greta-hollmann', 'greta-hollmann-3e7a10', 'Greta Hollmann'),
    suggestion('sam-okafor-reyes', 'sam-okafor-reyes-5f2e91', 'Sam Okafor-Reyes'),
    suggestion('idris-calloway', 'idris-calloway-8b3d44', 'Idris Calloway'),
  ];

  it('finds each person’s invitation and the suggestions, not the page and school invitations or the acknowledgement', () => {
    expect(found(INVITATIONS)).toEqual(first);
  });

  it('finds the rows the lazy column renders later, and not a page invitation told only by its Ignore', () => {
    appendLaterItems();
    expect(found(INVITATIONS)).toEqual([...first, request('ilse-navarro', 'ilse-navarro-4d2c7b', 'Ilse Navarro')]);
  });

  it('reads a page invitation that leads with a profile link as a page’s, by its page link alone', () => {
    const school = [...document.querySelectorAll('[role="listitem"]')].find((item) => item.textContent!.includes('Northgate'))!;
    school.querySelector('button[aria-label^="Ignore"]')!.setAttribute('aria-label', 'Ignorar la invitación de Tomasz Wren');
    expect(found(INVITATIONS)).toEqual(first);
  });

  it('reads a card that links its person both by vanity name and by member id as one person with both identities', () => {
    card('rowan-achebe-lind').querySelector('a[tabindex="-1"]')!.setAttribute('href', 'https://www.linkedin.com/in/ACoAAB9rOwAnAcHeBeLiNd0123456789abcdEF');
    expect(found(INVITATIONS)[0]).toEqual(
      request('rowan-achebe-lind', ['rowan-achebe-lind-2c4f81', 'urn:ACoAAB9rOwAnAcHeBeLiNd0123456789abcdEF'], 'Rowan Achebe-Lind'),
    );
  });

  it('declines by pressing the Ignore button itself, never its wrapper, the Accept link or anything else', () => {
    const presses = recordPresses();
    expect(linkedinAdapter.decline(card('rowan-achebe-lind')).ok).toBe(true);
    expect(presses).toEqual(['decline']);
  });

  it('removes a suggestion with its Dismiss ✕, never Connect', () => {
    const presses = recordPresses();
    expect(linkedinAdapter.removeSuggestion(card('sam-okafor-reyes'))).toEqual({ ok: true, done: 'Pressed “Dismiss” on the page' });
    expect(presses).toEqual(['dismiss']);
  });

  it('refuses to remove a suggestion that has no Dismiss, or a request', () => {
    const presses = recordPresses();
    expect(linkedinAdapter.removeSuggestion(card('idris-calloway')).ok).toBe(false);
    expect(linkedinAdapter.removeSuggestion(card('greta-hollmann')).ok).toBe(false);
    expect(presses).toEqual([]);
  });

  it('refuses to decline a card with no Ignore', () => {
    const presses = recordPresses();
    card('greta-hollmann').querySelector('[data-replica-action="decline"]')!.remove();
    expect(linkedinAdapter.decline(card('greta-hollmann')).ok).toBe(false);
    expect(presses).toEqual([]);
  });
});

describe('rebuilt invitation manager, 2026 (French)', () => {
  beforeEach(() => loadReplica('linkedin/invitations-sdui.fr.html'));

  it('tells page and event invitations from people’s by their links, though their labels read alike', () => {
    appendLaterItems();
    expect(found(INVITATIONS_FR)).toEqual([
      request('elodie-marchand', 'elodie-marchand-9c3b20', 'Élodie Marchand'),
      request('noemie-faure', 'noémie-faure-71a2b3', 'Noémie Faure'),
      suggestion('ambre-lacaze', 'ambre-lacaze-0c7d19', 'Ambre Lacaze'),
      request('lucien-barre', 'lucien-barre-5a6b7c', 'Lucien Barre'),
    ]);
  });

  it('declines with Ignorer (the Accepter is a link), and removes a suggestion with its ✕', () => {
    const presses = recordPresses();
    expect(linkedinAdapter.decline(card('elodie-marchand')).ok).toBe(true);
    expect(linkedinAdapter.removeSuggestion(card('ambre-lacaze')).ok).toBe(true);
    expect(presses).toEqual(['decline', 'dismiss']);
  });
});

describe('2025 variant: data-view-name on an inner node, actions in wrapper divs (German)', () => {
  beforeEach(() => loadReplica('linkedin/invitations-inner.de.html'));

  it('finds the whole list item as the card, not the inner node; the group invitation is none', () => {
    appendLaterItems();
    expect(found(INVITATIONS_MUTUAL)).toEqual([
      request('lena-vogt', 'lena-vogt-62d1f0', 'Lena Vogt'),
      request('katrin-oberle', 'katrin-oberle-8d4f21', 'Katrin Oberle'),
      request('malte-siebert', 'malte-siebert-1f0e2d', 'Malte Siebert'),
    ]);
  });

  it('presses the button inside the invitation-action wrapper, never the wrapper', () => {
    const presses = recordPresses();
    expect(linkedinAdapter.decline(card('katrin-oberle'))).toEqual({
      ok: true,
      done: 'Pressed “Einladung von Katrin Oberle ignorieren” on the page',
    });
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

  it('finds the previewed invitations and the suggestions, not the page invitation', () => {
    expect(found(MYNETWORK)).toEqual([
      request('lena-vogt', 'lena-vogt-62d1f0', 'Lena Vogt'),
      request('tobias-brandt', 'tobias-brandt-a4c97e', 'Tobias Brandt'),
      suggestion('jonas-keller', 'jonas-keller-1b2c3d', 'Jonas Keller'),
      suggestion('sofia-russo', 'sofia-russo-8e7f6a', 'Sofia Russo'),
    ]);
  });

  it('declines with Ignorieren, never Annehmen', () => {
    const presses = recordPresses();
    expect(linkedinAdapter.decline(card('lena-vogt')).ok).toBe(true);
    expect(presses).toEqual(['decline']);
  });

  it('removes a suggestion with its ausblenden ✕, never Vernetzen', () => {
    const presses = recordPresses();
    expect(linkedinAdapter.removeSuggestion(card('jonas-keller'))).toEqual({ ok: true, done: 'Pressed “Jonas Keller ausblenden” on the page' });
    expect(presses).toEqual(['dismiss']);
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

describe('grow page (Italian)', () => {
  beforeEach(() => loadReplica('linkedin/grow.it.html'));

  it('finds the previewed invitation and every suggested person, as they load, not the page invitation or the company', () => {
    appendLaterItems();
    expect(found(GROW)).toEqual([
      request('giulia-ferraris', 'giulia-ferraris-3b9d01', 'Giulia Ferraris'),
      suggestion('teodor-marsh', 'teodor-marsh-6a5b4c', 'Teodor Marsh'),
      suggestion('sara-conti', 'sara-conti-0d7e44', 'Sara Conti'),
      suggestion('marco-vitale', 'marco-vitale-2b6e18', 'Marco Vitale'),
      suggestion('leo-bassani', 'leo-bassani-7c2f90', 'Leo Bassani'),
    ]);
  });

  it('removes suggestions with their ✕ (labelled or not), never Collegati or Segui', () => {
    const presses = recordPresses();
    expect(linkedinAdapter.removeSuggestion(card('teodor-marsh'))).toEqual({ ok: true, done: 'Pressed “Ignora Teodor Marsh” on the page' });
    expect(linkedinAdapter.removeSuggestion(card('leo-bassani')).ok).toBe(true);
    expect(presses).toEqual(['dismiss', 'dismiss']);
  });

  it('declines the previewed invitation with Ignora', () => {
    const presses = recordPresses();
    expect(linkedinAdapter.decline(card('giulia-ferraris')).ok).toBe(true);
    expect(presses).toEqual(['decline']);
  });
});

describe('connections (Portuguese)', () => {
  beforeEach(() => loadReplica('linkedin/connections.pt.html'));

  it('finds each connection with the member id its Message link names, as the list loads; the suggestion beside it is one', () => {
    const before = [
      connection('ines-moreau', ['ines-moreau-71c0d4', 'urn:ACoAAE1nEsMoReAu0PqRsTuVwXyZ123456789'], 'Inês Moreau'),
      connection('rui-tavares', ['rui-tavares-0b4c8e', 'urn:ACoAAF9rUiTaVaReS7xYz0AbCdEfGhIjKlMnOpQ'], 'Rui Tavares'),
    ];
    const joana = suggestion('joana-pires', 'joana-pires-9f1d3a', 'Joana Pires');
    expect(found(CONNECTIONS)).toEqual([...before, joana]);
    appendLaterItems();
    expect(found(CONNECTIONS)).toEqual([
      ...before,
      connection('beatriz-lobo', ['beatriz-lobo-6e2a31', 'urn:ACoAAG2bEaTrIzLoBo9ZyXwVuTsRqPoNmLkJiHg'], 'Beatriz Lobo'),
      joana,
    ]);
  });

  it('opens each connection’s own "…" menu, one click, never Message', () => {
    appendLaterItems();
    const presses = recordPresses();
    for (const who of ['ines-moreau', 'rui-tavares', 'beatriz-lobo']) {
      const result = linkedinAdapter.connectionStep!(card(who));
      expect(result.ok, who).toBe(true);
    }
    expect(presses).toEqual(['more', 'more', 'more']);
  });

  it('reads a connection linked both ways (photo by member id, name by vanity name) as one person', () => {
    card('rui-tavares').querySelector('a[style]')!.setAttribute('href', '/in/ACoAAF9rUiTaVaReS7xYz0AbCdEfGhIjKlMnOpQ');
    expect(found(CONNECTIONS)[1]).toEqual(
      connection('rui-tavares', ['rui-tavares-0b4c8e', 'urn:ACoAAF9rUiTaVaReS7xYz0AbCdEfGhIjKlMnOpQ'], 'Rui Tavares'),
    );
  });

  it('presses Following where a card has no menu (a followed person), and refuses where it has neither', () => {
    const presses = recordPresses();
    const rui = card('rui-tavares');
    rui.querySelector('[data-replica-action="more"]')!.outerHTML = '<button type="button" data-replica-action="following">Seguindo</button>';
    expect(linkedinAdapter.connectionStep!(rui)).toEqual({ ok: true, done: 'Pressed “Seguindo” on the page' });
    rui.querySelector('[data-replica-action="following"]')!.remove();
    expect(linkedinAdapter.connectionStep!(rui).ok).toBe(false);
    expect(presses).toEqual(['following']);
  });

  it('reads nobody as a connection on other pages', () => {
    expect(found(MYNETWORK).filter((c) => c.kind === 'connection')).toEqual([]);
    expect(found(new URL('https://www.linkedin.com/mynetwork/network-manager/people-follow/followers/')).map((c) => c.kind)).toEqual([
      'connection',
      'connection',
      'suggestion',
    ]);
  });
});

describe('followers (English, search-result cards)', () => {
  beforeEach(() => loadReplica('linkedin/followers.en.html'));
  const FOLLOWERS = new URL('https://www.linkedin.com/mynetwork/network-manager/people-follow/followers/');

  it('finds each follower by the name shown, not the screen-reader label, as the list loads; a lone Follow back is no suggestion', () => {
    appendLaterItems();
    expect(found(FOLLOWERS)).toEqual([
      connection('wren-holloway', 'wren-holloway-5c7e90', 'Wren Holloway'),
      connection('lena-vogt', 'lena-vogt-62d1f0', 'Lena Vogt'),
      connection('owen-strachan', 'owen-strachan-7f1b02', 'Owen Strachan'),
    ]);
  });

  it('presses Following (LinkedIn then asks to unfollow); a follower with only Follow back has no step', () => {
    const presses = recordPresses();
    expect(linkedinAdapter.connectionStep!(card('lena-vogt')).ok).toBe(true);
    expect(linkedinAdapter.connectionStep!(card('wren-holloway')).ok).toBe(false);
    expect(presses).toEqual(['following']);
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

  it('keys each row by its thread, and the open header by the address’s, marked open', () => {
    const candidates = linkedinAdapter.findCandidates(document, THREAD);
    expect(candidates.map((c) => [c.thread, c.open])).toEqual([
      ['/messaging/thread/2-YTk3ZDFlNmUtMGI0Mi00ZjdhLWJmMjktNmM1ZTg4ZDJhMTcwXzAxMA==/', undefined],
      ['/messaging/thread/2-ZDk4YjFjMmUtNGE1Zi00YzMyLWE3YjgtOTBlMWYyZDNjNGI1XzAxMA==/', undefined],
      ['/messaging/thread/2-MGM1ZTdhOWItM2QyZi00ZTFhLThiNmMtN2Y0ZDVlNmEwYjFjXzAxMA==/', undefined],
      [linkedinAdapter.threadOf(THREAD), true],
    ]);
    expect(candidates[0]!.thread).toBe(linkedinAdapter.threadOf(THREAD));
  });

  it('finds the thread’s message box', () => {
    expect(linkedinAdapter.findComposer(document)?.getAttribute('data-replica-editor')).toBe('thread-ana-souza');
  });
});

describe('messaging with member-id profile links (Spanish)', () => {
  beforeEach(() => loadReplica('linkedin/messaging-urn.es.html'));

  it('reads the header’s /in/ACoA… link as a member id, exactly, never as a slug', () => {
    expect(found(URN_THREAD)).toEqual([
      message('list-priya-natarajan', [], 'Priya Natarajan'),
      message('list-priya-natarajan-other', [], 'Priya Natarajan'),
      message('list-mateo-ibanez', [], 'Mateo Ibáñez'),
      message('thread-priya-natarajan', ['urn:ACoAAB7qR2sTuVwXy9Z0aBcDeFgHiJkLmNoPqRs'], 'Priya Natarajan'),
    ]);
  });

  it('tells two threads with people of the same name apart by their keys, encoded or not', () => {
    const [open, other, , header] = linkedinAdapter.findCandidates(document, URN_THREAD);
    expect(open!.thread).toBe(linkedinAdapter.threadOf(URN_THREAD));
    expect(header).toMatchObject({ open: true, thread: linkedinAdapter.threadOf(URN_THREAD) });
    expect(other!.thread).toBe('/messaging/thread/2-MTIzNGFiY2QtZWZnaC00aWprLWxtbm8tcHFyc3R1dnd4eXo5XzAxMA==/');
    expect(other!.thread).not.toBe(open!.thread);
    const elsewhere = new URL('https://www.linkedin.com/messaging/thread/2-MTIzNGFiY2QtZWZnaC00aWprLWxtbm8tcHFyc3R1dnd4eXo5XzAxMA%3D%3D/');
    expect(linkedinAdapter.threadOf(elsewhere)).toBe(other!.thread);
  });
});

describe('messaging whose list items link no thread (Spanish, 2026)', () => {
  const OPEN = new URL('https://www.linkedin.com/messaging/thread/2-NzQxMGE5YjMtYzJkMS00ZjBlLTlhOGItMWM2ZDNlNWY3YTlhXzAxMA==/');
  beforeEach(() => loadReplica('linkedin/messaging.es.html'));
  const threads = () => linkedinAdapter.findCandidates(document, OPEN).map((c) => [c.name, c.thread ?? null]);

  it('ties the item marked open to the address’s thread, and no other item', () => {
    expect(threads()).toEqual([
      ['Lucía Romero Vidal', linkedinAdapter.threadOf(OPEN)],
      ['Javier Ortega', null],
      ['Carmen Ruiz', null],
      ['Lucía Romero Vidal', linkedinAdapter.threadOf(OPEN)],
    ]);
  });

  it('gives no thread to an item still marked open while the header is another person’s', () => {
    // Just after another conversation is opened: the address and header are new, the mark is not yet moved.
    document.querySelector('.msg-entity-lockup__entity-title')!.textContent = 'Carmen Ruiz';
    expect(threads().slice(0, 3).map(([, thread]) => thread)).toEqual([null, null, null]);
  });

  it('gives no thread to any item when none is marked open, or on an address with no thread', () => {
    document.querySelector('.msg-conversations-container__convo-item-link--active')!.classList.remove('msg-conversations-container__convo-item-link--active');
    expect(threads().slice(0, 3).map(([, thread]) => thread)).toEqual([null, null, null]);
    loadReplica('linkedin/messaging.es.html');
    const list = linkedinAdapter.findCandidates(document, new URL('https://www.linkedin.com/messaging/'));
    expect(list.slice(0, 3).map((c) => c.thread ?? null)).toEqual([null, null, null]);
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

  it('finds each open bubble through the shadow root, open, with the percent-encoded slug decoded', () => {
    openOverlay();
    expect(found(FEED)).toEqual([
      message('bubble-zoe-dubois', ['zoë-dubois-4b2a1c'], 'Zoë Dubois'),
      message('bubble-rafael-gomez', ['rafael-gomez-77e0aa'], 'Rafael Gómez'),
    ]);
  });

  it('marks open only the bubble whose box a reply would go into: the active one, then the one being typed in', () => {
    const shadow = openOverlay();
    const open = () => linkedinAdapter.findCandidates(document, FEED).map((c) => [c.element.getAttribute('data-replica-person'), c.open]);
    expect(open()).toEqual([
      ['bubble-zoe-dubois', true],
      ['bubble-rafael-gomez', undefined],
    ]);
    shadow.querySelector<HTMLElement>('[data-replica-editor="bubble-rafael-gomez"]')!.focus();
    expect(open()).toEqual([
      ['bubble-zoe-dubois', undefined],
      ['bubble-rafael-gomez', true],
    ]);
  });

  it('finds the message box through the shadow root, preferring the one being typed in, each inside its own bubble', () => {
    const shadow = openOverlay();
    const [zoe, rafael] = linkedinAdapter.findCandidates(document, FEED);
    const first = linkedinAdapter.findComposer(document)!;
    expect(first.getAttribute('data-replica-editor')).toBe('bubble-zoe-dubois');
    expect(zoe!.element.contains(first)).toBe(true);
    shadow.querySelector<HTMLElement>('[data-replica-editor="bubble-rafael-gomez"]')!.focus();
    const typed = linkedinAdapter.findComposer(document)!;
    expect(typed.getAttribute('data-replica-editor')).toBe('bubble-rafael-gomez');
    expect(rafael!.element.contains(typed)).toBe(true);
  });
});

describe('the new profile page (English)', () => {
  beforeEach(() => loadReplica('linkedin/profile-sdui.en.html'));

  it('is the profile of the slug in the address and of the member id in its top card, named by the hidden h2', () => {
    expect(linkedinAdapter.profileOf(document, SDUI_PROFILE)).toMatchObject({
      kind: 'profile',
      identities: ['odile-brennan-vos-3a7c2e', 'urn:ACoAAH3oDiLeBrEnNaNvOs0123456789AbCdEfG'],
      name: 'Odile Brennan-Vos',
    });
  });

  it('still has the member id from the Message link when the top card’s key names none', () => {
    document.querySelector('[componentkey$="Topcard"]')!.setAttribute('componentkey', 'com.linkedin.sdui.profile.card.Topcard');
    expect(linkedinAdapter.profileOf(document, SDUI_PROFILE)?.identities).toEqual([
      'odile-brennan-vos-3a7c2e',
      'urn:ACoAAH3oDiLeBrEnNaNvOs0123456789AbCdEfG',
    ]);
  });

  it('guards Connect (a link to the invitation form), Message and Follow, wherever the click lands', () => {
    for (const action of ['connect', 'message', 'follow']) {
      const control = document.querySelector(`[data-replica-action="${action}"]`)!;
      for (const target of [control, ...control.querySelectorAll('*')]) {
        expect(linkedinAdapter.guardedActionAt(target, SDUI_PROFILE), `${action} ${target.tagName}`).toEqual({ action, control });
      }
    }
  });

  it('lets through More, the post’s Follow and everyone else’s Connect and Follow', () => {
    const others = [
      document.querySelector('[data-replica-action="more"]')!,
      ...document.querySelectorAll('article [data-replica-action], [data-replica-person] [data-replica-action]'),
    ];
    expect(others.length).toBeGreaterThan(5);
    for (const control of others) expect(linkedinAdapter.guardedActionAt(control, SDUI_PROFILE), control.outerHTML).toBeNull();
  });

  it('finds the suggestions beside the profile, never the profile’s own top card or its post', () => {
    expect(found(SDUI_PROFILE)).toEqual([
      suggestion('chidi-okafor', 'chidi-okafor-b81e44', 'Chidi Okafor'),
      suggestion('wynne-castellanos', 'wynne-castellanos-4e8c0a', 'Wynne Castellanos'),
      suggestion('arlo-pennington', 'arlo-pennington-1c3e5a', 'Arlo Pennington'),
    ]);
  });

  it('is not a profile to guard once the top card has the owner’s Edit intro', () => {
    document.querySelector('[componentkey$="Topcard"] section')!.insertAdjacentHTML(
      'beforeend',
      '<a href="/in/odile-brennan-vos-3a7c2e/edit/forms/intro/new/" aria-label="Edit intro"></a>',
    );
    expect(linkedinAdapter.profileOf(document, SDUI_PROFILE)).toBeNull();
  });
});

describe('every fixture', () => {
  const pages: [string, URL, (() => unknown)?][] = [
    ['invitations-current.en.html', INVITATIONS, appendLaterItems],
    ['invitations-classic.fr.html', INVITATIONS],
    ['invitations-sdui.en.html', INVITATIONS, appendLaterItems],
    ['invitations-sdui.fr.html', INVITATIONS_FR, appendLaterItems],
    ['invitations-inner.de.html', INVITATIONS_MUTUAL, appendLaterItems],
    ['mynetwork.de.html', MYNETWORK],
    ['grow.it.html', GROW, appendLaterItems],
    ['connections.pt.html', CONNECTIONS, appendLaterItems],
    ['followers.en.html', new URL('https://www.linkedin.com/mynetwork/network-manager/people-follow/followers/'), appendLaterItems],
    ['messaging.en.html', THREAD],
    ['messaging-urn.es.html', URN_THREAD],
    ['messaging-overlay.es.html', FEED, openOverlay],
    ['profile-sdui.en.html', SDUI_PROFILE],
  ];

  it.each(pages)('%s: exactly the marked elements, once each, never the clinician', (name, url, prepare) => {
    loadReplica(`linkedin/${name}`);
    prepare?.();
    const shadow = document.getElementById('interop-outlet')?.shadowRoot;
    const marked = [document, ...(shadow ? [shadow] : [])].flatMap((root) => [...root.querySelectorAll('[data-replica-person]')]);
    const candidates = linkedinAdapter.findCandidates(document, url);
    expect(candidates.map((c) => c.element)).toEqual(marked);
    for (const self of SELF) expect(candidates.flatMap((c) => c.identities)).not.toContain(self);
  });

  it.each(pages)('%s: a request only on the invitation pages, a connection only on the clinician’s lists', (name, url, prepare) => {
    loadReplica(`linkedin/${name}`);
    prepare?.();
    const kinds = new Set(linkedinAdapter.findCandidates(document, url).map((c) => c.kind));
    if (!url.pathname.startsWith('/mynetwork/') || /\/invite-connect\/|\/people-follow\//.test(url.pathname)) expect(kinds.has('request')).toBe(false);
    if (!/\/invite-connect\/connections\/|\/people-follow\//.test(url.pathname)) expect(kinds.has('connection')).toBe(false);
    if (!url.pathname.startsWith('/messaging/') && name !== 'messaging-overlay.es.html') expect(kinds.has('message')).toBe(false);
  });
});

describe('a long page of invitations', () => {
  /** `count` rebuilt-manager rows, every fifth a suggestion. */
  function page(count: number): void {
    const rows = Array.from({ length: count }, (_, i) =>
      i % 5 === 4
        ? `<div componentkey="s${i}"><div data-display-contents="true"><div><a href="/in/suggested-${i}/">S ${i}</a>
             <button aria-label="Invite S ${i} to connect">Connect</button><button aria-label="Dismiss">✕</button></div></div></div>`
        : `<div componentkey="k${i}"><div data-display-contents="true"><div role="listitem">
             <a href="/in/person-${i}/" tabindex="-1"><img alt=""></a><p><a href="/in/person-${i}/"><strong>P ${i}</strong></a></p>
             <div><button aria-label="Ignore an invitation to connect from P ${i}">Ignore</button></div>
             <div><a href="/mynetwork/invitation-manager/received/" aria-label="Accept P ${i}’s invitation">Accept</a></div></div></div></div>`,
    );
    document.body.innerHTML = `<main><div data-testid="lazy-column">${rows.join('')}</div></main>`;
  }
  /**
   * What one scan of a page of `count` cards asks of the DOM: how many queries in all, and how many
   * of the page as a whole (the document, <body>, <main>, the lazy column). A scan that went over
   * the page once per card would ask the page as often as there are cards.
   */
  function queries(count: number): { all: number; ofThePage: number } {
    page(count);
    const whole = new Set<unknown>([document, document.documentElement, document.body, document.querySelector('main'), document.querySelector('[data-testid]')]);
    const counts = { all: 0, ofThePage: 0 };
    // Every prototype the page's nodes inherit from, whichever of them defines a method.
    const protos = new Set<object>();
    for (const node of [document, document.body]) {
      for (let proto = Object.getPrototypeOf(node); proto && proto !== Object.prototype; proto = Object.getPrototypeOf(proto)) protos.add(proto);
    }
    const spies = (['querySelectorAll', 'querySelector', 'closest', 'contains', 'compareDocumentPosition'] as const).flatMap((method) =>
      [...protos]
        .filter((proto) => Object.prototype.hasOwnProperty.call(proto, method))
        .map((proto) => {
          const original = (proto as unknown as Record<string, (...args: unknown[]) => unknown>)[method]!;
          (proto as unknown as Record<string, unknown>)[method] = function (this: unknown, ...args: unknown[]) {
            counts.all++;
            if (whole.has(this)) counts.ofThePage++;
            return original.apply(this, args);
          };
          return () => ((proto as unknown as Record<string, unknown>)[method] = original);
        }),
    );
    try {
      expect(linkedinAdapter.findCandidates(document, INVITATIONS)).toHaveLength(count);
    } finally {
      for (const restore of spies) restore();
    }
    return counts;
  }

  it('is read in one pass: the page is queried as often for 400 cards as for 100, and each card costs the same', () => {
    const small = queries(100);
    const large = queries(400);
    expect(large.ofThePage).toBe(small.ofThePage);
    expect(large.all).toBeLessThanOrEqual(4 * small.all + 50);
  });
});

describe('pageKindOf', () => {
  it.each([
    ['https://www.linkedin.com/mynetwork/invitation-manager/received/', 'requests'],
    ['https://www.linkedin.com/mynetwork/invitation-manager/received/PEOPLE_WITH_MUTUAL_CONNECTION/', 'requests'],
    ['https://www.linkedin.com/mynetwork/invitation-manager/', 'requests'],
    ['https://www.linkedin.com/mynetwork/', 'suggestions'],
    ['https://www.linkedin.com/mynetwork/grow/', 'suggestions'],
    ['https://www.linkedin.com/mynetwork/invite-connect/connections/', 'connections'],
    ['https://www.linkedin.com/mynetwork/network-manager/people-follow/followers/', 'connections'],
    ['https://www.linkedin.com/mynetwork/network-manager/people-follow/following/', 'connections'],
    ['https://www.linkedin.com/messaging/', 'messages'],
    [THREAD.href, 'messages'],
    ['https://www.linkedin.com/mynetwork/invitation-manager/sent/', null],
    ['https://www.linkedin.com/mynetwork/network-manager/company/', null],
    ['https://www.linkedin.com/feed/', null],
    ['https://www.linkedin.com/in/ana-souza-7c1d2e/', null],
  ])('%s → %s', (href, expected) => {
    expect(linkedinAdapter.pageKindOf(new URL(href))).toBe(expected);
  });
});

describe('threadOf', () => {
  it.each([
    [THREAD.href, '/messaging/thread/2-YTk3ZDFlNmUtMGI0Mi00ZjdhLWJmMjktNmM1ZTg4ZDJhMTcwXzAxMA==/'],
    ['https://www.linkedin.com/messaging/thread/2-YTk3ZDFl==?foo=bar', '/messaging/thread/2-YTk3ZDFl==/'],
    ['https://www.linkedin.com/messaging/thread/2-YTk3ZDFl%3D%3D/', '/messaging/thread/2-YTk3ZDFl==/'],
    ['https://www.linkedin.com/messaging/', null],
    ['https://www.linkedin.com/feed/', null],
  ])('%s → %s', (href, expected) => {
    expect(linkedinAdapter.threadOf(new URL(href))).toBe(expected);
  });
});

describe('My Network in a UI language no word table reads', () => {
  // An unread pair is an invitation's only in the invitations preview; below it, a suggestion's;
  // and a follower's Follow back beside a ✕ no table reads is neither (round-11 Swahili replica).
  const card = (person: string, positive: string, negative: string) =>
    `<div componentkey="k-${person}"><div role="listitem" data-replica-person="${person}">` +
    `<a href="/in/${person}/"><span>${person}</span></a>` +
    `<button type="button" aria-label="${negative}"><span>${negative.split(' ')[0]}</span></button>` +
    `<button type="button" aria-label="${positive}"><span>${positive.split(' ')[0]}</span></button></div></div>`;
  beforeEach(() => {
    document.body.innerHTML =
      `<main><section componentkey="MyNetwork_InvitationsPreview">${card('amina-mwangi', 'Kubali mwaliko', 'Puuza mwaliko')}</section>` +
      `<section>${card('neema-wanjiru', 'Unganisha sasa', 'Ondoa pendekezo')}` +
      `<div><div role="listitem" data-replica-person="hendra"><a href="/in/hendra/"><span>hendra</span></a>` +
      `<button type="button" aria-label="Ondoa"><svg></svg></button><button type="button">Follow back</button></div></div></section></main>`;
  });

  it.each([GROW, MYNETWORK])('reads the preview’s unread pair as an invitation, the others as a suggestion, and no follower (%s)', (url) => {
    expect(found(url).map(({ kind, person }) => [kind, person])).toEqual([
      ['request', 'amina-mwangi'],
      ['suggestion', 'neema-wanjiru'],
    ]);
  });
});
