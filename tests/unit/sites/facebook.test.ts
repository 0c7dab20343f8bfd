// @vitest-environment happy-dom
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { facebookAdapter } from '@/lib/sites/facebook/adapter';
import type { Candidate, CandidateKind } from '@/lib/sites/types';
import { appendLaterItems, loadReplica } from './replica-dom';

// The tests may read the replicas' data-replica-* attributes to know who is who; the adapter never does.

interface Expected {
  kind: CandidateKind;
  identities: string[];
  name: string;
  /** data-replica-person of the element the candidate should point at. */
  person: string;
}

const summary = (candidates: Candidate[]): Expected[] =>
  candidates.map((c) => {
    expect(c.platform).toBe('facebook');
    return {
      kind: c.kind,
      identities: c.identities,
      name: c.name,
      person: c.element.getAttribute('data-replica-person') ?? `<${c.element.tagName.toLowerCase()} without a person>`,
    };
  });

const request = (person: string, identity: string, name: string): Expected => ({
  kind: 'request',
  identities: [identity],
  name,
  person,
});
const chat = (person: string, name: string, identities: string[] = []): Expected => ({
  kind: 'message',
  identities,
  name,
  person,
});

interface Page {
  file: string;
  url: string;
  now: Expected[];
  /** What the page's later-loading <template> adds, once it has been appended. */
  later: Expected[];
}

const PAGES: Page[] = [
  {
    file: 'friend-requests.en.html',
    url: 'https://www.facebook.com/friends/requests/',
    now: [
      request('ana', '100089412300001', 'Ana Ruiz-Calder'),
      request('jonah', '100089412300002', 'Jonah Petrakis'),
      request('lena', 'lenafischbach77', 'Lena Fischbach'),
      request('samir', '100089412300004', "Samir O'Donnell"),
    ],
    later: [
      request('priya', '100089412300005', 'Priya Natarajan-Holt'),
      request('kofi', 'kofimensahbaird', 'Kofi Mensah-Baird'),
    ],
  },
  {
    file: 'friend-requests.es.html',
    url: 'https://www.facebook.com/friends/requests/',
    now: [
      request('lucia', '100089412300011', 'Lucía Ferrer Quintana'),
      request('mateo', '100089412300012', 'Mateo Villalba'),
      request('valentina', 'valentinasoler88', 'Valentina Soler'),
      request('diego', '100089412300014', 'Diego Arancibia'),
    ],
    later: [
      request('carmen', '100089412300015', 'Carmen Iturbe'),
      request('andres', 'andresquirogamx', 'Andrés Quiroga'),
    ],
  },
  {
    file: 'friends-home.fr.html',
    url: 'https://www.facebook.com/friends/',
    now: [
      request('camille', '100089412300101', 'Camille Berthier'),
      request('yusuf', 'yusufaydinlaurent', 'Yusuf Aydın-Laurent'),
      request('ines', '100089412300103', 'Inès Morvan'),
    ],
    later: [],
  },
  {
    file: 'friend-requests.mbasic.en.html',
    url: 'https://mbasic.facebook.com/friends/center/requests/',
    now: [
      request('ada', '100089412300201', 'Ada Kowalczyk'),
      request('ruben', 'rubenokafor3', 'Ruben Okafor'),
      request('hana', '100089412300203', 'Hana Sato-Whitfield'),
    ],
    later: [],
  },
  {
    file: 'messages.en.html',
    url: 'https://www.facebook.com/messages/t/100089412300031/',
    now: [
      chat('chat-marta', 'Marta Quell'),
      chat('chat-bookclub', 'Thursday book club'),
      chat('chat-tomas', 'Tomás Leblanc-Reyes'),
      chat('chat-jonah', 'Jonah Weiss'),
      chat('conv-marta', 'Marta Quell', ['martaquell']),
    ],
    later: [chat('chat-oskar', 'Oskar Lindqvist')],
  },
  {
    file: 'message-requests.de.html',
    url: 'https://www.facebook.com/messages/requests/',
    now: [
      chat('req-greta', 'Greta Hollmann'),
      chat('req-piotr', 'Piotr Zieliński-Braun'),
      chat('req-aylin', 'Aylin Demir'),
      chat('conv-greta', 'Greta Hollmann', ['100089412300061']),
    ],
    later: [],
  },
];

/** The data-replica-action of every control clicked while `run` runs. */
function clicksDuring(run: () => void): string[] {
  const clicks: string[] = [];
  const listen = (event: Event) => {
    const target = event.target instanceof Element ? event.target : null;
    clicks.push(target?.closest('[data-replica-action]')?.getAttribute('data-replica-action') ?? '(unmarked)');
  };
  document.addEventListener('click', listen, true);
  try {
    run();
  } finally {
    document.removeEventListener('click', listen, true);
  }
  return clicks;
}

describe.each(PAGES)('$file', ({ file, url, now }) => {
  beforeEach(() => loadReplica(`facebook/${file}`));

  it('finds exactly the expected candidates', () => {
    expect(facebookAdapter.pageKindOf(new URL(url))).not.toBeNull();
    expect(summary(facebookAdapter.findCandidates(document, new URL(url)))).toEqual(now);
  });

  it('never offers a suggestion, the clinician’s own profile or anything in the top bar', () => {
    const found = facebookAdapter.findCandidates(document, new URL(url));
    for (const candidate of found) {
      expect(candidate.element.closest('[role="banner"]')).toBeNull();
      expect(candidate.identities).not.toContain('rileymosscounselling');
    }
    for (const button of document.querySelectorAll('[data-replica-action="add-friend"]')) {
      expect(found.some((c) => c.element.contains(button))).toBe(false);
    }
  });
});

it.each(PAGES.filter((page) => page.later.length > 0))(
  '$file: finds the people that load later, once they arrive',
  ({ file, url, now, later }) => {
    loadReplica(`facebook/${file}`);
    appendLaterItems();
    const all = summary(facebookAdapter.findCandidates(document, new URL(url)));
    // Later chat rows land in the list, before the open conversation's header.
    const rows = now.filter((e) => !e.person.startsWith('conv-'));
    const headers = now.filter((e) => e.person.startsWith('conv-'));
    expect(all).toEqual([...rows, ...later, ...headers]);
  },
);

it('the adapter never reads the test harness’s data-replica-* attributes', () => {
  for (const file of ['adapter.ts', 'selectors.ts']) {
    const source = readFileSync(resolve(__dirname, '../../../lib/sites/facebook', file), 'utf8');
    expect(source, file).not.toMatch(/replica/i);
  }
});

describe('friend request cards', () => {
  const requestPages = PAGES.filter((page) => page.now.some((e) => e.kind === 'request'));

  it.each(requestPages)('decline presses Delete, never Confirm, on every card of $file', ({ file, url }) => {
    loadReplica(`facebook/${file}`);
    appendLaterItems();
    const cards = facebookAdapter.findCandidates(document, new URL(url));
    expect(cards.length).toBeGreaterThan(0);
    for (const card of cards) {
      let result: ReturnType<typeof facebookAdapter.decline> | undefined;
      const clicks = clicksDuring(() => {
        result = facebookAdapter.decline(card.element);
      });
      expect(result?.ok, card.name).toBe(true);
      expect(clicks, card.name).toEqual(['decline']);
    }
  });

  it('refuses when the card’s buttons are unrecognisable', () => {
    loadReplica('facebook/friend-requests.en.html');
    const [card] = facebookAdapter.findCandidates(document, new URL(PAGES[0]!.url));
    for (const button of card!.element.querySelectorAll('[role="button"]')) {
      button.setAttribute('aria-label', '✓');
      button.textContent = '✓';
    }
    let result: ReturnType<typeof facebookAdapter.decline> | undefined;
    const clicks = clicksDuring(() => {
      result = facebookAdapter.decline(card!.element);
    });
    expect(result?.ok).toBe(false);
    expect(clicks).toEqual([]);
  });

  it('refuses rather than press a button that reads both ways', () => {
    loadReplica('facebook/friends-home.fr.html');
    const [card] = facebookAdapter.findCandidates(document, new URL('https://www.facebook.com/friends/'));
    const decline = card!.element.querySelector('[data-replica-action="decline"]')!;
    decline.setAttribute('aria-label', 'Confirmer ou supprimer');
    card!.element.querySelector('[data-replica-action="accept"]')!.remove();
    const clicks = clicksDuring(() => expect(facebookAdapter.decline(card!.element).ok).toBe(false));
    expect(clicks).toEqual([]);
  });

  it('drops a card once its buttons are gone, without merging its neighbours into one', () => {
    loadReplica('facebook/friend-requests.en.html');
    const url = new URL('https://www.facebook.com/friends/requests/');
    // What the page does after Delete: the buttons give way to a note.
    const ana = document.querySelector('[data-replica-person="ana"]')!;
    for (const button of ana.querySelectorAll('[data-replica-action]')) button.remove();
    ana.append('Request removed');
    expect(summary(facebookAdapter.findCandidates(document, url)).map((e) => e.person)).toEqual([
      'jonah',
      'lena',
      'samir',
    ]);
  });

  it('scans a part of the page, as after a mutation', () => {
    loadReplica('facebook/friends-home.fr.html');
    const list = document.querySelector('[data-replica-person="camille"]')!.parentElement!;
    const found = facebookAdapter.findCandidates(list, new URL('https://www.facebook.com/friends/'));
    expect(summary(found).map((e) => e.person)).toEqual(['camille', 'yusuf', 'ines']);
  });

  it('finds nothing on pages it does not read', () => {
    loadReplica('facebook/friend-requests.en.html');
    const others = [
      'https://www.facebook.com/',
      'https://www.facebook.com/friends/suggestions/',
      'https://www.example.com/friends/requests/',
    ];
    for (const other of others) {
      expect(facebookAdapter.pageKindOf(new URL(other))).toBeNull();
      expect(facebookAdapter.findCandidates(document, new URL(other))).toEqual([]);
    }
  });
});

describe('Messenger', () => {
  it('follows a single-page switch to another conversation', () => {
    loadReplica('facebook/messages.en.html');
    const outlet = document.querySelector('[data-replica-outlet]')!;
    const next = document.getElementById('ms-en-conv-jonah') as HTMLTemplateElement;
    outlet.replaceChildren(next.content.cloneNode(true));
    const jonah = new URL('https://www.facebook.com/messages/t/100089412300034/');
    const rows = PAGES.find((page) => page.file === 'messages.en.html')!.now.slice(0, -1);
    expect(summary(facebookAdapter.findCandidates(document, jonah))).toEqual([
      ...rows,
      chat('conv-jonah', 'Jonah Weiss', ['100089412300034']),
    ]);
    expect(facebookAdapter.findComposer(document)?.getAttribute('data-replica-editor')).toBe('jonah');
  });

  it('findComposer picks the conversation’s message box, not another editable box', () => {
    loadReplica('facebook/messages.en.html');
    const box = facebookAdapter.findComposer(document);
    expect(box?.getAttribute('data-replica-editor')).toBe('marta');
    expect(box?.getAttribute('aria-label')).toBe('Message');
  });

  it('findComposer finds nothing where there is no message box (an unanswered request)', () => {
    loadReplica('facebook/message-requests.de.html');
    expect(facebookAdapter.findComposer(document)).toBeNull();
  });

  it('findComposer keeps to the conversation when the box’s label is in another language', () => {
    loadReplica('facebook/messages.en.html');
    document.querySelector('[data-replica-editor="marta"]')!.setAttribute('aria-label', 'メッセージ');
    expect(facebookAdapter.findComposer(document)?.getAttribute('data-replica-editor')).toBe('marta');
  });

  describe('inside an open shadow root', () => {
    let host: HTMLElement;
    beforeEach(() => {
      loadReplica('facebook/message-requests.de.html');
      host = document.createElement('div');
      document.body.append(host);
    });
    afterEach(() => host.remove());

    it('findComposer looks through it', () => {
      host.attachShadow({ mode: 'open' }).innerHTML =
        '<div role="main"><div contenteditable="true" role="textbox" aria-label="Nachricht"><p><br></p></div></div>';
      expect(facebookAdapter.findComposer(document)?.getAttribute('aria-label')).toBe('Nachricht');
    });

    it('findComposer takes a message box outside any conversation pane (a chat tab) only by its label', () => {
      const shadow = host.attachShadow({ mode: 'open' });
      shadow.innerHTML =
        '<div contenteditable="true" role="textbox" aria-label="Kommentieren"></div>' +
        '<div contenteditable="true" role="textbox" aria-label="Nachricht an Greta"></div>';
      expect(facebookAdapter.findComposer(document)?.getAttribute('aria-label')).toBe('Nachricht an Greta');
    });
  });
});
