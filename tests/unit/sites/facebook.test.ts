// @vitest-environment happy-dom
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { facebookAdapter } from '@/lib/sites/facebook/adapter';
import type { ActionResult, Candidate, CandidateKind, PageKind } from '@/lib/sites/types';
import { heavyFacebook, HEAVY_FACEBOOK_URL } from '../../fixtures/heavy/facebook';
import { FACEBOOK_OWN_POST, FACEBOOK_PAGES } from '../../fixtures/facebook/pages';
import { appendLaterItems, loadReplica } from './replica-dom';

// The tests may read the replicas' data-replica-* attributes to know who is who; the adapter never does.

interface Expected {
  kind: CandidateKind;
  identities: string[];
  name: string;
  /** data-replica-person of the card the candidate's element is (or is inside). */
  person: string;
  thread?: string;
  open?: true;
  /** Loads later (a data-replica-later template). */
  later?: true;
}

/** Which card a candidate's element is: the replica's card it is or is inside, and never one holding others. */
function personOf(element: Element): string {
  const holds = [...element.querySelectorAll('[data-replica-person]')].map((el) => el.getAttribute('data-replica-person'));
  if (holds.length > 0) return `<holds ${holds.join(', ')}>`;
  return element.closest('[data-replica-person]')?.getAttribute('data-replica-person') ?? `<${element.tagName.toLowerCase()} without a person>`;
}

const summary = (candidates: Candidate[]): Expected[] =>
  candidates.map((c) => {
    expect(c.platform).toBe('facebook');
    return {
      kind: c.kind,
      identities: c.identities,
      name: c.name,
      person: personOf(c.element),
      ...(c.thread !== undefined ? { thread: c.thread } : {}),
      ...(c.open ? { open: true as const } : {}),
    };
  });

const strip = ({ later: _later, ...rest }: Expected) => rest;

const of =
  (kind: CandidateKind) =>
  (person: string, identity: string, name: string, later?: 'later'): Expected => ({
    kind,
    identities: [identity],
    name,
    person,
    ...(later ? { later: true as const } : {}),
  });
const request = of('request');
const suggestion = of('suggestion');
const connection = of('connection');
/** A comment, mention or tag; notifications name the person without linking them. */
const mention = (person: string, name: string, identities: string[] = [], later?: 'later'): Expected => ({
  kind: 'mention',
  identities,
  name,
  person,
  ...(later ? { later: true as const } : {}),
});
const chat = (person: string, name: string, thread: string, identities: string[], more: Partial<Expected> = {}): Expected => ({
  kind: 'message',
  identities,
  name,
  person,
  thread,
  ...more,
});

interface Page {
  file: string;
  url: string;
  pageKind: PageKind | null;
  /** Everyone, in page order once the later items are in. */
  people: Expected[];
}

const PAGES: Page[] = [
  {
    file: 'friend-requests.en.html',
    url: 'https://www.facebook.com/friends/requests/',
    pageKind: 'requests',
    people: [
      request('ana', '100089412300001', 'Ana Ruiz-Calder'),
      request('jonah', '100089412300002', 'Jonah Petrakis'),
      request('lena', 'lenafischbach77', 'Lena Fischbach'),
      request('samir', '100089412300004', "Samir O'Donnell"),
      request('priya', '100089412300005', 'Priya Natarajan-Holt', 'later'),
      request('kofi', 'kofimensahbaird', 'Kofi Mensah-Baird', 'later'),
      suggestion('sugg-dana', '100089412300901', 'Dana Whitlock'),
      suggestion('sugg-eli', 'elimarchetti', 'Eli Marchetti'),
      suggestion('sugg-noor', '100089412300903', 'Noor Haddad'),
    ],
  },
  {
    file: 'friend-requests.es.html',
    url: 'https://www.facebook.com/friends/requests/',
    pageKind: 'requests',
    people: [
      request('lucia', '100089412300011', 'Lucía Ferrer Quintana'),
      request('mateo', '100089412300012', 'Mateo Villalba'),
      request('valentina', 'valentinasoler88', 'Valentina Soler'),
      request('diego', '100089412300014', 'Diego Arancibia'),
      request('carmen', '100089412300015', 'Carmen Iturbe', 'later'),
      request('andres', 'andresquirogamx', 'Andrés Quiroga', 'later'),
      suggestion('sugg-rocio', '100089412300911', 'Rocío Benavente'),
      suggestion('sugg-tomas', 'tomasecheverri', 'Tomás Echeverri'),
      suggestion('sugg-irene', '100089412300913', 'Irene Salcedo'),
    ],
  },
  {
    file: 'friends-home.fr.html',
    url: 'https://www.facebook.com/friends/',
    pageKind: 'requests',
    people: [
      request('camille', '100089412300101', 'Camille Berthier'),
      request('yusuf', 'yusufaydinlaurent', 'Yusuf Aydın-Laurent'),
      request('ines', '100089412300103', 'Inès Morvan'),
      suggestion('sugg-hugo', '100089412300191', 'Hugo Delacroix-Ba'),
      suggestion('sugg-maelle', 'maelletran5', 'Maëlle Tran'),
    ],
  },
  {
    file: 'friend-requests.two-pane.en.html',
    url: 'https://www.facebook.com/friends/requests/',
    pageKind: 'requests',
    people: [
      request('rowan', '100089412300301', 'Rowan Ellery'),
      request('maya', '100089412300302', 'Maya Okonjo-Reid'),
      request('teodor', '100089412300303', 'Teodor Marsh'),
      request('ines-b', '100089412300304', 'Inès Borowski', 'later'),
      request('dev', '100089412300305', 'Dev Anand-Kerr', 'later'),
    ],
  },
  {
    file: 'friend-requests.two-pane.de.html',
    url: 'https://www.facebook.com/friends/requests/',
    pageKind: 'requests',
    people: [
      request('greta-h', '100089412300311', 'Greta Hollmann'),
      request('sibel', '100089412300312', 'Sibel Kaya-Brandt'),
      request('lorenz', '100089412300313', 'Lorenz Abt'),
      request('frieda', '100089412300314', 'Frieda Olsen', 'later'),
      request('mirko', '100089412300315', 'Mirko Stanić', 'later'),
    ],
  },
  {
    file: 'friend-requests.two-pane.it.html',
    url: 'https://www.facebook.com/friends/requests/?profile_id=100089412300321',
    pageKind: 'requests',
    people: [
      request('chiara', '100089412300321', 'Chiara Bellandi'),
      request('tommaso', '100089412300322', 'Tommaso Ferri'),
      request('elodie', '100089412300323', 'Élodie Marchand'),
      request('nicolo', '100089412300324', 'Nicolò Sartori', 'later'),
      request('ilaria', '100089412300325', 'Ilaria Conte', 'later'),
    ],
  },
  {
    file: 'friends-home.es.html',
    url: 'https://www.facebook.com/friends',
    pageKind: 'requests',
    people: [
      request('paloma', '100089412300331', 'Paloma Redondo Vidal'),
      request('ignacio', 'ignacioventurarb', 'Ignacio Ventura'),
      suggestion('sugg-ines', '100089412300336', 'Ines Moreau'),
      suggestion('sugg-amparo', 'amparogil33', 'Amparo Gil'),
      suggestion('sugg-noelia', '100089412300339', 'Noelia Prats', 'later'),
    ],
  },
  {
    file: 'friend-suggestions.pt.html',
    url: 'https://www.facebook.com/friends/suggestions/',
    pageKind: 'suggestions',
    people: [
      suggestion('sugg-priya', '100089412300341', 'Priya Natarajan'),
      suggestion('sugg-caio', '100089412300342', 'Caio Monteiro'),
      suggestion('sugg-helena', '100089412300344', 'Helena Vasconcelos', 'later'),
    ],
  },
  {
    file: 'friends-list.fr.html',
    url: 'https://www.facebook.com/friends/list/',
    pageKind: 'connections',
    people: [
      connection('friend-elodie', '100089412300351', 'Élodie Marchand'),
      connection('friend-karim', '100089412300352', 'Karim Benali'),
      connection('friend-solene', 'solenemarchal73', 'Solène Marchal'),
      connection('friend-baptiste', '100089412300354', 'Baptiste Roux', 'later'),
    ],
  },
  {
    file: 'profile-friends.en.html',
    url: 'https://www.facebook.com/riley.moss.counselling/friends',
    pageKind: null,
    people: [
      connection('friend-teodor', 'teodormarsh77', 'Teodor Marsh'),
      connection('friend-obi', '100089412300362', 'Obi Nwosu-Hart'),
      connection('friend-wren', 'wrenashdown9', 'Wren Ashdown'),
      connection('friend-lucan', '100089412300364', 'Lucan Pryce', 'later'),
    ],
  },
  {
    file: 'messages.en.html',
    url: 'https://www.facebook.com/messages/t/100089412300031/',
    pageKind: 'messages',
    people: [
      chat('chat-marta', 'Marta Quell', '/messages/t/100089412300031/', ['100089412300031']),
      // A group's thread id is the group's own Facebook id: no person has it.
      chat('chat-bookclub', 'Thursday book club', '/messages/t/7234000000000451/', ['7234000000000451']),
      chat('chat-tomas', 'Tomás Leblanc-Reyes', '/messages/e2ee/t/8812000000000032/', []),
      chat('chat-jonah', 'Jonah Weiss', '/messages/t/100089412300034/', ['100089412300034']),
      chat('chat-oskar', 'Oskar Lindqvist', '/messages/t/100089412300035/', ['100089412300035'], { later: true }),
      chat('conv-marta', 'Marta Quell', '/messages/t/100089412300031/', ['martaquell', '100089412300031'], { open: true }),
    ],
  },
  {
    file: 'message-requests.de.html',
    url: 'https://www.facebook.com/messages/requests/',
    pageKind: 'messages',
    people: [
      chat('req-greta', 'Greta Hollmann', '/messages/t/100089412300061/', ['100089412300061']),
      chat('req-piotr', 'Piotr Zieliński-Braun', '/messages/t/100089412300062/', ['100089412300062']),
      chat('req-aylin', 'Aylin Demir', '/messages/e2ee/t/9031000000000063/', []),
      chat('conv-greta', 'Greta Hollmann', '/messages/t/100089412300061/', ['100089412300061'], { open: true }),
    ],
  },
  {
    file: 'messenger.en.html',
    url: 'https://www.facebook.com/messages/t/100089412300401/',
    pageKind: 'messages',
    people: [
      chat('chat-nadia', 'Nadia Farrokh', '/messages/t/100089412300401/', ['100089412300401']),
      chat('chat-walkers', 'Sunday walkers', '/messages/t/24681357902468135/', ['24681357902468135']),
      chat('chat-priya', 'Priya Natarajan', '/messages/e2ee/t/7700112233445566/', []),
      chat('chat-greer', 'Greer Halvorsen', '/messages/t/100089412300404/', ['100089412300404'], { later: true }),
      chat('conv-nadia', 'Nadia Farrokh', '/messages/t/100089412300401/', ['nadiafarrokh5', '100089412300401'], { open: true }),
    ],
  },
  {
    file: 'messenger-e2ee.es.html',
    url: 'https://www.facebook.com/messages/e2ee/t/8800112233445501/',
    pageKind: 'messages',
    people: [
      chat('chat-valeria', 'Valeria Montes Ríos', '/messages/e2ee/t/8800112233445501/', []),
      chat('chat-bruno', 'Bruno Escudero', '/messages/t/100089412300412/', ['100089412300412']),
      chat('chat-elodie', 'Élodie Marchand', '/messages/e2ee/t/8800112233445503/', [], { later: true }),
      chat('conv-valeria', 'Valeria Montes Ríos', '/messages/e2ee/t/8800112233445501/', ['valeriamontesrios'], { open: true }),
    ],
  },
  {
    file: 'notifications.en.html',
    url: 'https://www.facebook.com/notifications',
    pageKind: 'notifications',
    // Not Lena (a reaction), Priya (a birthday), Camille (a group post), Teodor (a comment on
    // someone else's post), Greta (a reaction quoting "commented … mentioned you") or Élodie (a
    // share quoting "Commented and tagged you"). Marta's friend request, with its own Confirm /
    // Delete, is a request.
    people: [
      mention('ana', 'Ana Ruiz-Calder'),
      mention('jonah', 'Jonah Petrakis'),
      request('marta', '100089412300099', 'Marta Quell'),
      mention('lucia', 'Lucía Ferrer Quintana'),
      mention('ada', 'Ada Kowalczyk'),
      mention('ines', 'Ines Moreau', [], 'later'),
    ],
  },
  {
    file: 'notifications-flyout.es.html',
    url: 'https://www.facebook.com/',
    pageKind: null,
    // Not Lena («le gustó»), Diego (a birthday), Teodor (someone else's post), nor Lucía's comment
    // on someone else's post in the feed. Marta's friend request, with its own Confirmar /
    // Eliminar, is a request.
    people: [
      mention('ana', 'Ana Ruiz-Calder'),
      mention('carmen', 'Carmen Ruiz'),
      mention('valentina', 'Valentina Soler'),
      request('marta', '100089412300099', 'Marta Quell'),
      mention('priya', 'Priya Natarajan-Holt'),
      mention('ada', 'Ada Kowalczyk', ['100089412300201']),
    ],
  },
  {
    file: 'post-comments.de.html',
    url: FACEBOOK_OWN_POST,
    pageKind: null,
    // Not the clinician's own reply, nor Greta's comment on someone else's post below.
    people: [
      mention('ana', 'Ana Ruiz-Calder', ['100089412300001']),
      mention('jonah', 'Jonah Weiss', ['jonahweiss31']),
      mention('lena', 'Lena Fischbach', ['lenafischbach77']),
      mention('camille', 'Camille Berthier', ['100089412300101'], 'later'),
    ],
  },
];

const pageOf = (file: string) => PAGES.find((page) => page.file === file)!;
const found = (url: string, root: ParentNode = document) => facebookAdapter.findCandidates(root, new URL(url));

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

function press(run: () => ActionResult): { result: ActionResult; clicks: string[] } {
  let result: ActionResult = { ok: false, reason: 'not run' };
  const clicks = clicksDuring(() => {
    result = run();
  });
  return { result, clicks };
}

it('every Facebook replica is tested here', () => {
  expect(FACEBOOK_PAGES.map((page) => page.fixture).sort()).toEqual(PAGES.map((page) => `facebook/${page.file}`).sort());
});

describe.each(PAGES)('$file', ({ file, url, pageKind, people }) => {
  beforeEach(() => loadReplica(`facebook/${file}`));

  it('is the page kind its address says', () => {
    expect(facebookAdapter.pageKindOf(new URL(url))).toBe(pageKind);
  });

  it('finds exactly the expected candidates', () => {
    expect(summary(found(url))).toEqual(people.filter((p) => !p.later).map(strip));
  });

  it('finds the people that load later, once they arrive, in page order', () => {
    appendLaterItems();
    expect(summary(found(url))).toEqual(people.map(strip));
  });

  it('never offers the clinician, anything in the top bar, or a look-alike control’s box', () => {
    appendLaterItems();
    for (const candidate of found(url)) {
      expect(candidate.element.closest('[role="banner"]')).toBeNull();
      expect(candidate.identities).not.toContain('rileymosscounselling');
      // A suggestion's Add friend is on its own card; anywhere else it is no one's card.
      if (candidate.kind !== 'suggestion') expect(candidate.element.querySelector('[data-replica-action="add-friend"]')).toBeNull();
    }
  });
});

describe('friend requests', () => {
  const requestPages = PAGES.filter((page) => page.people.some((p) => p.kind === 'request'));

  it.each(requestPages)('decline presses Delete, never Confirm, on every card of $file', ({ file, url }) => {
    loadReplica(`facebook/${file}`);
    appendLaterItems();
    const cards = found(url).filter((c) => c.kind === 'request');
    expect(cards.length).toBeGreaterThan(0);
    for (const card of cards) {
      const { result, clicks } = press(() => facebookAdapter.decline(card.element));
      expect(result.ok, card.name).toBe(true);
      expect(clicks, card.name).toEqual(['decline']);
    }
  });

  it('refuses when the card’s buttons are unrecognisable', () => {
    loadReplica('facebook/friend-requests.two-pane.en.html');
    const [card] = found('https://www.facebook.com/friends/requests/');
    for (const button of card!.element.querySelectorAll('[role="button"]')) {
      button.setAttribute('aria-label', '✓');
      button.textContent = '✓';
    }
    const { result, clicks } = press(() => facebookAdapter.decline(card!.element));
    expect(result.ok).toBe(false);
    expect(clicks).toEqual([]);
  });

  it('refuses rather than press a button that reads both ways', () => {
    loadReplica('facebook/friends-home.fr.html');
    const [card] = found('https://www.facebook.com/friends/');
    const decline = card!.element.querySelector('[data-replica-action="decline"]')!;
    decline.setAttribute('aria-label', 'Confirmer ou supprimer');
    card!.element.querySelector('[data-replica-action="accept"]')!.remove();
    const { result, clicks } = press(() => facebookAdapter.decline(card!.element));
    expect(result.ok).toBe(false);
    expect(clicks).toEqual([]);
  });

  it('on the two-pane list, the whole row is the card: one link wrapping avatar, name and both buttons', () => {
    loadReplica('facebook/friend-requests.two-pane.en.html');
    const [rowan] = found('https://www.facebook.com/friends/requests/');
    expect(rowan!.element.tagName).toBe('A');
    expect(rowan!.element.closest('[role="navigation"]')).not.toBeNull();
    expect(rowan!.element.closest('[role="main"]')).toBeNull();
  });

  it('drops a card once its buttons are gone, without merging its neighbours into one', () => {
    loadReplica('facebook/friend-requests.two-pane.de.html');
    const url = 'https://www.facebook.com/friends/requests/';
    const greta = document.querySelector('[data-replica-person="greta-h"]')!;
    for (const button of greta.querySelectorAll('[data-replica-action]')) button.remove();
    greta.append('Anfrage entfernt');
    expect(summary(found(url)).map((e) => e.person)).toEqual(['sibel', 'lorenz']);
  });

  it('scans a part of the page, as after a mutation', () => {
    loadReplica('facebook/friends-home.fr.html');
    const list = document.querySelector('[data-replica-person="camille"]')!.parentElement!;
    expect(summary(found('https://www.facebook.com/friends/', list)).map((e) => e.person)).toEqual(['camille', 'yusuf', 'ines']);
  });

  it('a box with one pair and two people (a page invitation from someone) is no one’s request', () => {
    loadReplica('facebook/friend-requests.two-pane.it.html');
    const invite = document.querySelector('[data-replica-person="page-invite"]')!;
    expect(found('https://www.facebook.com/friends/requests/').some((c) => c.element.contains(invite) || invite.contains(c.element))).toBe(false);
    // With the page's link gone, the inviter alone would make a card: the page link is what stops it.
    invite.querySelector('a[href*="studiopilatesbrera"]')!.remove();
    expect(found('https://www.facebook.com/friends/requests/').some((c) => invite.contains(c.element))).toBe(true);
  });
});

describe('suggestions', () => {
  const suggestionPages = PAGES.filter((page) => page.people.some((p) => p.kind === 'suggestion'));

  it.each(suggestionPages)('removeSuggestion presses Remove / ✕, never Add friend, on every suggestion of $file', ({ file, url }) => {
    loadReplica(`facebook/${file}`);
    appendLaterItems();
    const cards = found(url).filter((c) => c.kind === 'suggestion');
    expect(cards.length).toBeGreaterThan(0);
    for (const card of cards) {
      const { result, clicks } = press(() => facebookAdapter.removeSuggestion(card.element));
      expect(result.ok, card.name).toBe(true);
      expect(clicks, card.name).toEqual(['remove-suggestion']);
    }
  });

  it('refuses on a card whose only control adds the person', () => {
    loadReplica('facebook/friends-home.es.html');
    const amparo = found('https://www.facebook.com/friends/').find((c) => c.name === 'Amparo Gil')!;
    amparo.element.querySelector('[data-replica-action="remove-suggestion"]')!.remove();
    const { result, clicks } = press(() => facebookAdapter.removeSuggestion(amparo.element));
    expect(result.ok).toBe(false);
    expect(clicks).toEqual([]);
  });

  it('a suggestion whose request was already sent (Cancel request only) is no pair, so no card', () => {
    loadReplica('facebook/friend-suggestions.pt.html');
    expect(found('https://www.facebook.com/friends/suggestions/').map((c) => c.name)).not.toContain('Bruna Teixeira');
  });
});

describe('connections', () => {
  const connectionPages = PAGES.filter((page) => page.people.some((p) => p.kind === 'connection'));

  it.each(connectionPages)('connectionStep opens the friend’s own menu, one click, on every row of $file', ({ file, url }) => {
    loadReplica(`facebook/${file}`);
    appendLaterItems();
    const rows = found(url);
    expect(rows.length).toBeGreaterThan(0);
    for (const row of rows) {
      const { result, clicks } = press(() => facebookAdapter.connectionStep!(row.element));
      expect(result.ok, row.name).toBe(true);
      expect(clicks, row.name).toEqual(['friend-menu']);
    }
  });

  it('refuses on a row without a menu, and on one with two', () => {
    loadReplica('facebook/profile-friends.en.html');
    const url = 'https://www.facebook.com/riley.moss.counselling/friends';
    const [teodor, obi] = found(url);
    teodor!.element.querySelector('[data-replica-action="friend-menu"]')!.remove();
    obi!.element.append(obi!.element.querySelector('[data-replica-action="friend-menu"]')!.cloneNode(true));
    for (const row of [teodor!, obi!]) {
      const { result, clicks } = press(() => facebookAdapter.connectionStep!(row.element));
      expect(result.ok, row.name).toBe(false);
      expect(clicks).toEqual([]);
    }
  });

  it('someone else’s friends tab holds their friends, not the clinician’s: nothing', () => {
    loadReplica('facebook/profile-friends.en.html');
    document.querySelector('a[href*="/stories/create"]')!.remove();
    document.querySelector('[aria-label="Edit profile"]')!.remove();
    expect(found('https://www.facebook.com/riley.moss.counselling/friends')).toEqual([]);
  });

  it('reads the friends tab under its other addresses', () => {
    loadReplica('facebook/profile-friends.en.html');
    for (const url of [
      'https://www.facebook.com/riley.moss.counselling/friends_all',
      'https://www.facebook.com/profile.php?id=100089412300999&sk=friends',
    ]) {
      expect(summary(found(url)).map((e) => e.person), url).toEqual(['friend-teodor', 'friend-obi', 'friend-wren']);
    }
  });

  it('a friend’s profile preview beside the list is not another row', () => {
    loadReplica('facebook/friends-list.fr.html');
    document.querySelector('[role="main"]')!.innerHTML =
      '<div data-pagelet="ProfileActions"><h1>Élodie Marchand</h1><a href="https://www.facebook.com/profile.php?id=100089412300351">Aurélie</a>' +
      '<div role="button" aria-label="Amis">Amis</div><div role="button" aria-label="Message">Message</div></div>';
    const rows = found('https://www.facebook.com/friends/list/?profile_id=100089412300351');
    expect(rows.filter((c) => c.identities.includes('100089412300351')).length).toBeLessThanOrEqual(2);
    expect(rows.every((c) => c.kind === 'connection')).toBe(true);
  });
});

describe('Messenger', () => {
  it('threadOf gives the open thread’s key in the rows’ form, and nothing elsewhere', () => {
    const cases: [string, string | null][] = [
      ['https://www.facebook.com/messages/t/100089412300031/', '/messages/t/100089412300031/'],
      ['https://www.facebook.com/messages/t/100089412300031', '/messages/t/100089412300031/'],
      ['https://www.facebook.com/messages/e2ee/t/8800112233445501/?ref=x', '/messages/e2ee/t/8800112233445501/'],
      ['https://web.facebook.com/messages/t/7234000000000451/', '/messages/t/7234000000000451/'],
      ['https://www.facebook.com/messages/requests/', null],
      ['https://www.facebook.com/messages/', null],
      ['https://www.messenger.com/t/100089412300031/', null],
      ['https://www.example.com/messages/t/100089412300031/', null],
    ];
    for (const [url, thread] of cases) expect(facebookAdapter.threadOf(new URL(url)), url).toBe(thread);
  });

  it('on an encrypted thread whose header has no profile link, the open conversation comes from its row', () => {
    loadReplica('facebook/messenger-e2ee.es.html');
    const header = document.querySelector('[data-replica-person="conv-valeria"]')!;
    header.querySelector('a')!.remove();
    const open = found('https://www.facebook.com/messages/e2ee/t/8800112233445501/').filter((c) => c.open);
    expect(summary(open)).toEqual([chat('conv-valeria', 'Valeria Montes Ríos', '/messages/e2ee/t/8800112233445501/', [], { open: true })]);
  });

  it('with nothing but the address, the open conversation is the pane, named by the row of that thread', () => {
    loadReplica('facebook/messenger.en.html');
    document.querySelector('[data-replica-person="conv-nadia"]')!.remove();
    document.querySelector('[aria-current="page"][href*="/messages/t/"]')!.removeAttribute('aria-current');
    const [open] = found('https://www.facebook.com/messages/t/100089412300401/').filter((c) => c.open);
    expect(open).toMatchObject({ name: 'Nadia Farrokh', identities: ['100089412300401'], thread: '/messages/t/100089412300401/' });
    expect(open!.element.getAttribute('role')).toBe('main');
  });

  it('no open conversation on the inbox with none open', () => {
    loadReplica('facebook/messenger.en.html');
    document.querySelector('[role="main"]')!.innerHTML = '<span>No chats selected</span>';
    for (const row of document.querySelectorAll('[aria-current="page"]')) row.removeAttribute('aria-current');
    expect(found('https://www.facebook.com/messages/').filter((c) => c.open)).toEqual([]);
  });

  it('follows a single-page switch to another conversation', () => {
    loadReplica('facebook/messages.en.html');
    const outlet = document.querySelector('[data-replica-outlet]')!;
    const next = document.getElementById('ms-en-conv-jonah') as HTMLTemplateElement;
    outlet.replaceChildren(next.content.cloneNode(true));
    const jonah = 'https://www.facebook.com/messages/t/100089412300034/';
    const rows = pageOf('messages.en.html').people.filter((p) => !p.later && !p.open).map(strip);
    expect(summary(found(jonah))).toEqual([
      ...rows,
      chat('conv-jonah', 'Jonah Weiss', '/messages/t/100089412300034/', ['100089412300034'], { open: true }),
    ]);
    expect(facebookAdapter.findComposer(document)?.getAttribute('data-replica-editor')).toBe('jonah');
  });

  it('findComposer finds the encrypted thread’s Lexical box (contenteditable without a value)', () => {
    loadReplica('facebook/messenger-e2ee.es.html');
    expect(facebookAdapter.findComposer(document)?.getAttribute('data-replica-editor')).toBe('valeria');
  });

  it('findComposer picks the conversation’s message box, not the note box in the chat list', () => {
    loadReplica('facebook/messenger.en.html');
    expect(facebookAdapter.findComposer(document)?.getAttribute('data-replica-editor')).toBe('nadia');
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

  describe('outside the conversation pane', () => {
    let host: HTMLElement;
    beforeEach(() => {
      loadReplica('facebook/message-requests.de.html');
      host = document.createElement('div');
      document.body.append(host);
    });
    afterEach(() => host.remove());

    it('findComposer looks through open shadow roots', () => {
      host.attachShadow({ mode: 'open' }).innerHTML =
        '<div role="main"><div contenteditable="true" role="textbox" aria-label="Nachricht"><p><br></p></div></div>';
      expect(facebookAdapter.findComposer(document)?.getAttribute('aria-label')).toBe('Nachricht');
    });

    it.each(['Nachricht an Greta', 'Write to Greta Hollmann', 'Escribe a Greta'])(
      'findComposer takes a chat tab’s box only by its label (%s)',
      (label) => {
        host.innerHTML =
          '<div contenteditable="true" role="textbox" aria-label="Kommentieren" data-lexical-editor="true"></div>' +
          `<div contenteditable="true" role="textbox" aria-label="${label}"></div>`;
        expect(facebookAdapter.findComposer(document)?.getAttribute('aria-label')).toBe(label);
      },
    );
  });
});

describe('addresses', () => {
  it('pageKindOf knows every page kind by its address alone', () => {
    const cases: [string, PageKind | null][] = [
      ['https://www.facebook.com/friends', 'requests'],
      ['https://www.facebook.com/friends/requests/?profile_id=100089412300301', 'requests'],
      ['https://de-de.facebook.com/friends/requests', 'requests'],
      ['https://www.facebook.com/friends/suggestions/?profile_id=100089412300341', 'suggestions'],
      ['https://www.facebook.com/friends/list/', 'connections'],
      ['https://www.facebook.com/messages/t/100089412300031/', 'messages'],
      ['https://www.facebook.com/messages/e2ee/t/8800112233445501/', 'messages'],
      ['https://www.facebook.com/messages/requests/', 'messages'],
      ['https://www.facebook.com/messages', 'messages'],
      ['https://www.facebook.com/', null],
      ['https://www.facebook.com/friends/birthdays/', null],
      ['https://www.facebook.com/friendsofnature', null],
      ['https://www.facebook.com/riley.moss.counselling/friends', null],
      ['https://mbasic.facebook.com/friends/center/requests/', null],
      ['https://www.example.com/friends/requests/', null],
    ];
    for (const [url, kind] of cases) expect(facebookAdapter.pageKindOf(new URL(url)), url).toBe(kind);
  });

  it('finds nothing on pages it does not read', () => {
    loadReplica('facebook/friend-requests.en.html');
    for (const other of ['https://www.facebook.com/', 'https://www.facebook.com/groups/feed/', 'https://www.example.com/friends/requests/']) {
      expect(found(other)).toEqual([]);
    }
  });
});

it('the adapter never reads the test harness’s data-replica-* attributes', () => {
  for (const file of ['adapter.ts', 'selectors.ts', 'words.ts']) {
    const source = readFileSync(resolve(__dirname, '../../../lib/sites/facebook', file), 'utf8');
    expect(source, file).not.toMatch(/replica/i);
  }
});

it('the heavy benchmark replica: every streamed card is a request, in order', () => {
  // The cost of a scan is checked in cards.test.ts (it grows with the cards, not their square);
  // here, that the generated page of deep wrappers and atomic classes reads right.
  const heavy = heavyFacebook({ streamCards: 300, clientEvery: 40, arrivals: 0, clients: 100 });
  const parsed = new DOMParser().parseFromString(heavy.html, 'text/html');
  for (const script of parsed.querySelectorAll('script')) script.remove();
  const page = document.importNode(parsed.documentElement, true);
  document.documentElement.remove();
  document.appendChild(page);
  document.querySelector('[data-heavy-list]')!.innerHTML = Array.from({ length: 300 }, (_, i) => heavy.cardHtml(i)).join('');
  const requests = found(HEAVY_FACEBOOK_URL).filter((c) => c.kind === 'request');
  expect(requests.map((c) => c.identities[0])).toEqual(heavy.people.slice(0, 300).map(([id]) => id));
}, 30_000);

describe('friend requests shown as notifications', () => {
  const url = new URL('https://www.facebook.com/notifications');
  const row = (href: string, buttons: string) => `
    <div role="main"><div role="grid" aria-label="x"><div role="row" id="row">
      <div role="gridcell"><a href="${href}"><span dir="auto"><strong>Nino Beridze</strong> …</span></a>${buttons}</div>
      <div role="gridcell"><div role="button" aria-haspopup="menu" aria-label="…"></div></div>
    </div></div></div>`;
  const georgian = '<div><div role="button">დადასტურება</div><div role="button">წაშლა</div></div>';

  it('a notification that says it is a friend request is one with two controls in a language without words, and nothing on it is pressed', () => {
    for (const href of [
      'https://www.facebook.com/friends/requests/?profile_id=100089412799001&notif_id=1&ref=notif',
      'https://www.facebook.com/nino.beridze.5?notif_id=1&notif_t=friend_request&ref=notif',
    ]) {
      document.body.innerHTML = row(href, georgian);
      const found = facebookAdapter.findCandidates(document, url);
      expect(found.map((c) => [c.kind, c.name]), href).toEqual([['request', 'Nino Beridze']]);
      const clicks: Element[] = [];
      document.addEventListener('click', (event) => clicks.push(event.target as Element), { capture: true, once: true });
      expect(facebookAdapter.decline(found[0]!.element).ok).toBe(false);
      expect(clicks).toEqual([]);
    }
  });

  it('a notification of another kind with two unread controls is no request', () => {
    document.body.innerHTML = row('https://www.facebook.com/nino.beridze.5?notif_id=1&notif_t=group_invite&ref=notif', georgian);
    expect(facebookAdapter.findCandidates(document, url)).toEqual([]);
  });

  it('Confirm / Delete inside the notification’s link: the request, and Delete is what decline presses', () => {
    document.body.innerHTML = row(
      'https://www.facebook.com/profile.php?id=100089412799002&notif_id=1&notif_t=friend_request&ref=notif',
      '',
    ).replace('…</span></a>', '…</span><div role="button" aria-label="Confirm" id="yes"></div><div role="button" aria-label="Delete" id="no"></div></a>');
    const found = facebookAdapter.findCandidates(document, url);
    expect(found.map((c) => [c.kind, c.identities, c.name])).toEqual([['request', ['100089412799002'], 'Nino Beridze']]);
    let pressed = '';
    document.getElementById('no')!.addEventListener('click', () => (pressed = 'no'));
    document.getElementById('yes')!.addEventListener('click', () => (pressed = 'yes'));
    expect(facebookAdapter.decline(found[0]!.element).ok).toBe(true);
    expect(pressed).toBe('no');
  });
});

describe('the two-pane preview of the selected request', () => {
  const url = 'https://www.facebook.com/friends/requests/?profile_id=100089412701002';
  const pairs = [
    ['Bekräfta förfrågan', 'Ta bort förfrågan'],
    ['Confirm request', 'Delete request'],
    ['Lägg till vän', 'Ta bort'],
  ];

  it.each(pairs)('its header’s own %s / %s is the previewed person’s profile, not another card (by the pagelet, or by its h1 alone)', (positive, negative) => {
    for (const pagelet of [true, false]) {
      loadReplica('facebook/friend-requests.preview.sv.html');
      if (!pagelet) document.querySelector('[data-pagelet="ProfileActions"]')!.removeAttribute('data-pagelet');
      document.querySelector('[data-replica-action="respond"]')!.outerHTML =
        `<div aria-label="${positive}" role="button"><span>${positive}</span></div><div aria-label="${negative}" role="button"><span>${negative}</span></div>`;
      const page = new URL(url);
      const people = facebookAdapter.findCandidates(document, page).map((c) => personOf(c.element));
      expect(people, String(pagelet)).toEqual(['astrid', 'nils', 'elin']);
      expect(facebookAdapter.scanner!(document).scan(page).map((c) => personOf(c.element))).toEqual(people);
    }
  });
});

describe('chats outside Messenger (the top bar’s flyout, chat tabs)', () => {
  const tab = (thread: string) => `
    <div role="dialog" aria-label="Signe Kristensen" id="tab">
      <a href="${thread}"><span dir="auto">Signe Kristensen</span></a><div role="button" aria-label="Close chat"></div>
      <div role="log"><div role="row"><a href="/messages/t/100089412806999/">a thread pasted in a message</a></div></div>
      <div contenteditable="true" role="textbox" aria-label="Write to Signe Kristensen" data-lexical-editor="true"></div>
    </div>`;

  it('a chat tab is an open conversation, its thread and person from its header’s thread link', () => {
    document.body.innerHTML = `<div role="main"><p>feed</p></div>${tab('/messages/t/100089412806001/')}`;
    const found = facebookAdapter.findCandidates(document, new URL('https://www.facebook.com/'));
    expect(found.map((c) => [c.kind, c.identities, c.name, c.thread, c.open, c.element.id])).toEqual([
      ['message', ['100089412806001'], 'Signe Kristensen', '/messages/t/100089412806001/', true, 'tab'],
    ]);
  });

  it('no chat: a post’s comment box in a dialog without a thread link, a profile’s Message link outside any popup, a thread link in the main column', () => {
    document.body.innerHTML = `
      <div role="main"><a href="/messages/t/100089412806002/">Message</a></div>
      <div data-pagelet="ProfileActions"><a aria-label="Message" href="/messages/t/100089412806003/">Message</a></div>
      <div role="dialog" aria-label="Photo"><a href="https://www.facebook.com/ana.lima.7">Ana Lima</a>
        <div contenteditable="true" role="textbox" aria-label="Write a comment…"></div></div>`;
    expect(facebookAdapter.findCandidates(document, new URL('https://www.facebook.com/photo/?fbid=1'))).toEqual([]);
  });

  it('findComposer finds a chat tab’s Lexical box whose label no word table reads, and not a comment box in a dialog', () => {
    document.body.innerHTML = `<div role="dialog" aria-label="Photo"><div contenteditable="true" role="textbox" aria-label="Skriv en kommentar" data-lexical-editor="true"></div></div>`;
    expect(facebookAdapter.findComposer(document)).toBeNull();
    document.body.insertAdjacentHTML('beforeend', tab('/messages/t/100089412806001/').replace('Write to', 'Skriv til'));
    expect(facebookAdapter.findComposer(document)?.getAttribute('aria-label')).toBe('Skriv til Signe Kristensen');
  });

  it('a chat tab opened over a friends page: the scanner’s answer is a full scan’s', () => {
    loadReplica('facebook/friends-home.web.ko.html');
    const url = new URL('https://web.facebook.com/friends');
    const scanner = facebookAdapter.scanner!(document);
    const before = scanner.scan(url);
    const holder = document.createElement('div');
    holder.innerHTML = tab('/messages/e2ee/t/6120394857601928/');
    const added = holder.firstElementChild!;
    document.body.append(added);
    const after = scanner.update([added], url) ?? scanner.scan(url);
    const full = facebookAdapter.findCandidates(document, url);
    expect(after).toEqual(full);
    expect(full.length).toBe(before.length + 1);
    expect(full.at(-1)).toMatchObject({ kind: 'message', identities: [], name: 'Signe Kristensen', open: true });
  });
});

describe('people you may know in a feed', () => {
  const unit = (href: string, add: string) => `
    <div class="unit" id="unit"><a href="${href}"><img alt=""><span dir="auto">Pavel Lebedev</span></a>
      <div role="button" aria-label="${add}"></div><div role="button" aria-label="Remove" id="remove"></div></div>`;

  it('a card in the feed linked through the suggestions list’s preview is a suggestion; Remove is what is pressed', () => {
    document.body.innerHTML = `<div role="main"><div role="feed">${unit('https://www.facebook.com/friends/suggestions/?profile_id=100089412803901', 'Add friend')}<div><a href="https://www.facebook.com/friends/suggestions/?profile_id=100089412803902">Ana</a></div></div></div>`;
    const found = facebookAdapter.findCandidates(document, new URL('https://www.facebook.com/'));
    expect(found.map((c) => [c.kind, c.identities, c.name, c.element.id])).toEqual([['suggestion', ['100089412803901'], 'Pavel Lebedev', 'unit']]);
    let pressed = '';
    document.getElementById('remove')!.addEventListener('click', () => (pressed = 'remove'));
    expect(facebookAdapter.removeSuggestion(found[0]!.element).ok).toBe(true);
    expect(pressed).toBe('remove');
  });

  it('no card: a suggested Page (Follow / Remove, its own address), the same preview card outside any feed', () => {
    document.body.innerHTML = `<div role="main"><div role="feed">${unit('https://www.facebook.com/yoga.studio.lotos.msk', 'Follow')}</div></div>`;
    expect(facebookAdapter.findCandidates(document, new URL('https://www.facebook.com/'))).toEqual([]);
    document.body.innerHTML = `<div role="main">${unit('https://www.facebook.com/friends/suggestions/?profile_id=100089412803901', 'Add friend')}</div>`;
    expect(facebookAdapter.findCandidates(document, new URL('https://www.facebook.com/'))).toEqual([]);
  });
});

describe('a requester’s own profile, its header showing Confirm / Delete request', () => {
  const url = new URL('https://www.facebook.com/ingrid.haugen.bergen');
  const requests = () => facebookAdapter.findCandidates(document, url).filter((c) => c.kind === 'request');

  it('is their request, named and identified as the profile is; decline presses Delete request alone', () => {
    loadReplica('facebook/profile-request.nb.html');
    const [request, ...others] = requests();
    expect(others).toEqual([]);
    expect(request).toMatchObject({ name: 'Ingrid Haugen', identities: facebookAdapter.profileOf(document, url)!.identities });
    const pressed: string[] = [];
    document.addEventListener('click', (event) => pressed.push((event.target as Element).closest('[data-replica-action]')!.getAttribute('data-replica-action')!), { capture: true, once: true });
    expect(facebookAdapter.decline(request!.element).ok).toBe(true);
    expect(pressed).toEqual(['decline']);
  });

  it('is nobody’s on the clinician’s own profile, on a header with only one of the pair, or on an address that is no profile', () => {
    loadReplica('facebook/profile-request.nb.html');
    document.querySelector('[data-pagelet="ProfileActions"] [role="button"]')!.insertAdjacentHTML('beforebegin', '<a href="/stories/create/" role="link"><span>Legg til i historien</span></a>');
    expect(requests()).toEqual([]);
    loadReplica('facebook/profile-request.nb.html');
    document.querySelector('[data-replica-action="decline"]')!.remove();
    expect(requests()).toEqual([]);
    loadReplica('facebook/profile-request.nb.html');
    expect(facebookAdapter.findCandidates(document, new URL('https://www.facebook.com/groups/123456789012345/')).filter((c) => c.kind === 'request')).toEqual([]);
  });
});

describe('a requester’s profile whose header shows Respond, its menu holding Confirm / Delete request', () => {
  const it_ = { url: new URL('https://www.facebook.com/profile.php?id=100089412300791'), fixture: 'facebook/profile-respond.it.html' };
  const pt = { url: new URL('https://www.facebook.com/profile.php?id=100089412300781'), fixture: 'facebook/profile-respond.pt.html' };
  const requests = (url: URL) => facebookAdapter.findCandidates(document, url).filter((c) => c.kind === 'request');
  /** The replica actions clicked, in order (replica.js does not run here: the test plays the site). */
  const clicks = () => {
    const pressed: string[] = [];
    document.addEventListener('click', (event) => pressed.push((event.target as Element).closest('[data-replica-action]')?.getAttribute('data-replica-action') ?? '?'), { capture: true });
    return pressed;
  };
  /** The menu the site renders at the end of the page once Rispondi is pressed. */
  const renderMenu = (items: [string, string][]) =>
    document.body.insertAdjacentHTML(
      'beforeend',
      `<div role="menu" id="pr-it-respond">${items.map(([label, action]) => `<div role="menuitem" tabindex="0" data-replica-action="${action}"><span dir="auto">${label}</span></div>`).join('')}</div>`,
    );

  it('menu closed: the request is theirs; decline presses Rispondi, then Elimina richiesta once the menu is there', () => {
    loadReplica(it_.fixture);
    const [request, ...others] = requests(it_.url);
    expect(others).toEqual([]);
    expect(request).toMatchObject({ name: 'Marta Ferrandini', identities: facebookAdapter.profileOf(document, it_.url)!.identities });
    const pressed = clicks();
    const first = facebookAdapter.decline(request!.element);
    expect(first.ok && 'then' in first).toBe(true);
    expect(pressed).toEqual(['respond-menu']);
    renderMenu([['Conferma', 'accept'], ['Elimina richiesta', 'decline']]);
    const second = (first as { then: () => ActionResult }).then();
    expect(second.ok).toBe(true);
    expect(pressed).toEqual(['respond-menu', 'decline']);
  });

  it('a menu that opens without the pair is not pressed in', () => {
    loadReplica(it_.fixture);
    const [request] = requests(it_.url);
    const pressed = clicks();
    const first = facebookAdapter.decline(request!.element) as { then: () => ActionResult };
    renderMenu([['Modifica elenco di amici', 'edit-list'], ['Rimuovi dagli amici', 'unfriend']]);
    expect(first.then().ok).toBe(false);
    expect(pressed).toEqual(['respond-menu']);
  });

  it('menu open: decline presses Excluir solicitação at once, never Confirmar', () => {
    loadReplica(pt.fixture);
    const [request, ...others] = requests(pt.url);
    expect(others).toEqual([]);
    expect(request).toMatchObject({ name: 'Renata Albuquerque' });
    const pressed = clicks();
    const result = facebookAdapter.decline(request!.element);
    expect(result.ok && !('then' in result)).toBe(true);
    expect(pressed).toEqual(['delete-request']);
  });

  it('is nobody’s request: a menu button that is not Respond, an open menu without the pair, two Respond buttons, the clinician’s own profile', () => {
    loadReplica(it_.fixture);
    const opener = document.querySelector('[data-replica-action="respond-menu"]')!;
    opener.setAttribute('aria-label', 'Amici');
    opener.textContent = 'Amici';
    expect(requests(it_.url)).toEqual([]);
    loadReplica(pt.fixture);
    document.querySelector('[role="menu"] [data-replica-action="delete-request"]')!.remove();
    expect(requests(pt.url)).toEqual([]);
    loadReplica(it_.fixture);
    const twin = document.querySelector('[data-replica-action="respond-menu"]')!;
    twin.after(twin.cloneNode(true));
    expect(requests(it_.url)).toEqual([]);
    loadReplica(it_.fixture);
    document.querySelector('[data-replica-action="respond-menu"]')!.insertAdjacentHTML('beforebegin', '<a href="/stories/create/" role="link"><span>Aggiungi alla storia</span></a>');
    expect(requests(it_.url)).toEqual([]);
  });
});

describe('a Polish requester’s profile (Odpowiedz): Respond read in a language beyond the first five', () => {
  const url = new URL('https://www.facebook.com/zofia.kaminska.wrobel');
  const requests = () => facebookAdapter.findCandidates(document, url).filter((c) => c.kind === 'request');

  it('is her request; a comment’s Odpowiedz (Reply) on the timeline is no second one', () => {
    loadReplica('facebook/profile-respond.pl.html');
    document
      .querySelector('[data-pagelet="ProfileTimeline"] [role="article"]')!
      .insertAdjacentHTML('beforeend', '<div role="article" aria-label="Komentarz"><a href="https://www.facebook.com/tomasz.nowicki.gda" role="link">Tomasz Nowicki</a><div role="button" tabindex="0">Odpowiedz</div></div>');
    expect(requests().map((c) => c.name)).toEqual(['Zofia Kamińska-Wróbel']);
  });

  it('is nobody’s request when the header’s Odpowiedz opens no menu (a reply, not Respond)', () => {
    loadReplica('facebook/profile-respond.pl.html');
    const opener = document.querySelector('[data-replica-action="respond-menu"]')!;
    opener.removeAttribute('aria-haspopup');
    opener.removeAttribute('aria-controls');
    expect(requests()).toEqual([]);
  });
});

describe('a profile header without its pagelet mark is found from its heading and action bar', () => {
  // Every profile replica, read with the ProfileActions pagelet's name as the site gives it and
  // with that name gone: the profile, the guard's answers for every control and the owner's
  // request must not change. The heading and the action bar beside it are the second signal.
  const PROFILES = [
    { url: 'https://www.facebook.com/tessa.lindqvist.hale', fixture: 'facebook/profile.en.html' },
    { url: 'https://www.facebook.com/profile.php?id=100089412300777', fixture: 'facebook/profile.es.html' },
    { url: 'https://www.facebook.com/profile.php?id=100089412300781', fixture: 'facebook/profile-respond.pt.html' },
    { url: 'https://www.facebook.com/oksana.melnyk.lviv/?__tn__=%2CdC-R', fixture: 'facebook/profile.uk.html' },
    { url: 'https://www.facebook.com/nguyen.thu.ha.1990', fixture: 'facebook/profile.vi.html' },
    { url: 'https://www.facebook.com/ingrid.haugen.bergen', fixture: 'facebook/profile-request.nb.html' },
    { url: 'https://www.facebook.com/riley.moss.counselling/friends', fixture: 'facebook/profile-friends.en.html' },
    { url: 'https://www.facebook.com/profile.php?id=100089412300791', fixture: 'facebook/profile-respond.it.html' },
    { url: 'https://www.facebook.com/zofia.kaminska.wrobel', fixture: 'facebook/profile-respond.pl.html' },
  ];
  const CONTROLS = '[role="button"], a[href*="/messages/t/"], [role="menuitem"]';

  /** What the adapter reads of the profile page now, in terms that survive a reload. */
  function reading(url: URL) {
    const profile = facebookAdapter.profileOf(document, url);
    const guard = [...document.querySelectorAll(CONTROLS)].map((control, i) => `${i}:${facebookAdapter.guardedActionAt!(control, url)?.action ?? '-'}`);
    const requests = facebookAdapter
      .findCandidates(document, url)
      .filter((c) => c.kind === 'request')
      .map((c) => [c.name, c.identities, [...c.element.querySelectorAll('[data-replica-action]')].map((a) => a.getAttribute('data-replica-action'))]);
    return { profile: profile && { name: profile.name, identities: profile.identities, text: profile.element.textContent }, guard, requests };
  }

  for (const { url, fixture } of PROFILES) {
    it(fixture, () => {
      const address = new URL(url);
      loadReplica(fixture);
      const marked = reading(address);
      loadReplica(fixture);
      const pagelets = document.querySelectorAll('[data-pagelet="ProfileActions"]');
      expect(pagelets.length).toBeGreaterThan(0);
      for (const pagelet of pagelets) pagelet.removeAttribute('data-pagelet');
      expect(reading(address)).toEqual(marked);
    });
  }

  it('the guard still holds the header’s own Add friend, and nothing on a card slid under it', () => {
    const url = new URL('https://www.facebook.com/tessa.lindqvist.hale');
    loadReplica('facebook/profile.en.html');
    for (const pagelet of document.querySelectorAll('[data-pagelet="ProfileActions"]')) pagelet.removeAttribute('data-pagelet');
    const own = document.querySelector('[data-replica-action="add-friend"]:not([data-replica-person] *)')!;
    expect(facebookAdapter.guardedActionAt!(own, url)?.action).toBe('add-friend');
    const others = [...document.querySelectorAll('[data-replica-person] [role="button"]')];
    expect(others.length).toBeGreaterThan(0);
    expect(others.map((control) => facebookAdapter.guardedActionAt!(control, url))).toEqual(others.map(() => null));
  });

  it('the clinician’s own profile stays their own: no profile candidate, no request', () => {
    const url = new URL('https://www.facebook.com/ingrid.haugen.bergen');
    loadReplica('facebook/profile-request.nb.html');
    document.querySelector('[data-pagelet="ProfileActions"] [role="button"]')!.insertAdjacentHTML('beforebegin', '<a href="/stories/create/" role="link"><span>Legg til i historien</span></a>');
    for (const pagelet of document.querySelectorAll('[data-pagelet="ProfileActions"]')) pagelet.removeAttribute('data-pagelet');
    expect(facebookAdapter.profileOf(document, url)).toBeNull();
    expect(facebookAdapter.findCandidates(document, url).filter((c) => c.kind === 'request')).toEqual([]);
  });
});

describe('round-11 probe: what a card is, from its link and its line', () => {
  const card = (href: string, pair: [string, string], line = '') => `
    <div class="c"><a href="${href}"><svg aria-label="Nino Beridze" role="img"></svg></a>
      <div><a href="${href}"><span dir="auto">Nino Beridze</span></a>${line}</div>
      <div role="button" aria-label="${pair[0]}" id="yes"></div><div role="button" aria-label="${pair[1]}" id="no"></div></div>`;
  const georgian: [string, string] = ['დადასტურება', 'წაშლა'];
  const kinds = (url: string) => facebookAdapter.findCandidates(document, new URL(url)).map((c) => [c.kind, c.identities, c.name]);

  it('on the requests page, an unread pair on a card the suggestions list previews is a suggestion; one the requests list previews a request', () => {
    document.body.innerHTML = `<div role="main">${card('/friends/suggestions/?profile_id=100089413199001', georgian)}</div>`;
    expect(kinds('https://www.facebook.com/friends/requests/')).toEqual([['suggestion', ['100089413199001'], 'Nino Beridze']]);
    document.body.innerHTML = `<div role="main">${card('/friends/requests/?profile_id=100089413199001', georgian)}</div>`;
    expect(kinds('https://www.facebook.com/friends/requests/')).toEqual([['request', ['100089413199001'], 'Nino Beridze']]);
  });

  it('a mutual friend named and linked on a request’s line is not the card’s person', () => {
    const line = '<span dir="auto">Mutual friend: <a href="/petya.ivanova.sf">Petya Ivanova</a></span>';
    document.body.innerHTML = `<div role="main">${card('/friends/requests/?profile_id=100089413199002', ['Confirm', 'Delete'], line)}</div>`;
    expect(kinds('https://www.facebook.com/friends/requests/')).toEqual([['request', ['100089413199002'], 'Nino Beridze']]);
  });

  it('in the feed, a unit that links the suggestions list holds suggestions; a post with Follow and Hide does not', () => {
    const unit = `<div>${card('/nino.beridze.5', ['Add friend', 'Remove'])}<a href="/friends/suggestions/">See all</a></div>`;
    const post = `<div><h4><a href="/some.page.7"><strong>Some Page</strong></a></h4><div role="button" aria-label="Follow"></div><div role="button" aria-label="Hide"></div></div>`;
    document.body.innerHTML = `<div role="main"><div role="feed">${post}${unit}</div></div>`;
    expect(kinds('https://www.facebook.com/')).toEqual([['suggestion', ['ninoberidze5'], 'Nino Beridze']]);
  });
});
