// @vitest-environment happy-dom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { instagramAdapter, learnedAltForm, ownIdentity, usernameFromAlt } from '@/lib/sites/instagram/adapter';
import { appendLaterItems, loadReplica } from './replica-dom';
import type { Candidate } from '@/lib/sites/types';

const FOLLOW_REQUESTS = new URL('https://www.instagram.com/accounts/activity/?followRequests=1');
const HOME = new URL('https://www.instagram.com/');
const INBOX = new URL('https://www.instagram.com/direct/inbox/');
const CARMEN_THREAD = new URL('https://www.instagram.com/direct/t/118273645501928/');
const DIEGO_THREAD = new URL('https://www.instagram.com/direct/t/118273645509999/');
const MESSAGE_REQUESTS = new URL('https://www.instagram.com/direct/requests/');
const SELF = 'rowan.talks';

/** What replica.js does when a data-replica-navigate link is clicked: the router swaps the outlet. */
function navigate(templateId: string): void {
  const template = document.getElementById(templateId) as HTMLTemplateElement;
  document.querySelector('[data-replica-outlet]')!.replaceChildren(template.content.cloneNode(true));
}

/** A candidate as the test can name it: the element by its harness id (the adapter never reads it). */
function summary(candidate: Candidate) {
  expect(candidate.platform).toBe('instagram');
  return {
    kind: candidate.kind,
    identities: candidate.identities,
    name: candidate.name,
    person: candidate.element.getAttribute('data-replica-person'),
  };
}

const scan = (url: URL, root: ParentNode = document) => instagramAdapter.findCandidates(root, url).map(summary);

/** Which data-replica-action controls were clicked, in order. */
let pressed: string[];
const record = (event: Event) => {
  const control = event.target instanceof Element ? event.target.closest('[data-replica-action]') : null;
  pressed.push(control?.getAttribute('data-replica-action') ?? 'unmarked');
};
beforeEach(() => {
  pressed = [];
  document.addEventListener('click', record, true);
});
afterEach(() => document.removeEventListener('click', record, true));

const request = (identity: string, name: string, person: string) => ({
  kind: 'request',
  identities: [identity],
  name,
  person,
});
const suggestion = (identity: string, name: string, person: string) => ({
  kind: 'suggestion',
  identities: [identity],
  name,
  person,
});
const connection = (identity: string, name: string, person: string) => ({
  kind: 'connection',
  identities: [identity],
  name,
  person,
});
const thread = (name: string, person: string, identities: string[] = []) => ({ kind: 'message', identities, name, person });

describe('follow-requests page (English)', () => {
  beforeEach(() => loadReplica('instagram/follow-requests.en.html'));

  const suggestions = [
    suggestion('birchwood.ceramics', 'Birchwood Ceramics', 'sugg-birchwood'),
    suggestion('kai.lindqvist', 'Kai Lindqvist', 'sugg-kai'),
  ];

  it('finds each request row with its username and full name, falling back to the username', () => {
    expect(scan(FOLLOW_REQUESTS)).toEqual([
      request('maple.quinn', 'Maple Quinn', 'maple'),
      request('j.okonkwo_88', 'Jude Okonkwo', 'jude'),
      request('sunny.fieldhouse', 'sunny.fieldhouse', 'sunny'),
      ...suggestions,
    ]);
  });

  it('finds rows that load later, once, alongside the first ones', () => {
    appendLaterItems();
    expect(scan(FOLLOW_REQUESTS)).toEqual([
      request('maple.quinn', 'Maple Quinn', 'maple'),
      request('j.okonkwo_88', 'Jude Okonkwo', 'jude'),
      request('sunny.fieldhouse', 'sunny.fieldhouse', 'sunny'),
      request('orla.vance', 'Orla Vance', 'orla'),
      request('teo.marsh', 'Teodor Marsh', 'teo'),
      ...suggestions,
    ]);
  });

  it('reads the suggestions below as suggestions (even one whose dismiss icon reads "Remove"), never as requests, and never the clinician', () => {
    const found = instagramAdapter.findCandidates(document, FOLLOW_REQUESTS);
    const requests = found.filter((c) => c.kind === 'request').flatMap((c) => c.identities);
    expect(requests).not.toContain('birchwood.ceramics');
    expect(requests).not.toContain('kai.lindqvist');
    expect(found.flatMap((c) => c.identities)).not.toContain(SELF);
  });

  it('finds the same rows when handed just the list', () => {
    const list = document.getElementById('follow-request-list')!;
    expect(scan(FOLLOW_REQUESTS, list).map((c) => c.person)).toEqual(['maple', 'jude', 'sunny']);
  });

  it('expects candidates on this page', () => {
    expect(instagramAdapter.pageKindOf(FOLLOW_REQUESTS)).not.toBeNull();
  });
});

describe('notifications panel over the home feed (Portuguese)', () => {
  beforeEach(() => loadReplica('instagram/activity-panel.pt.html'));

  it('finds the follow requests and the suggestion in the open panel, and nothing else on the page', () => {
    expect(scan(HOME)).toEqual([
      request('nina.arruda', 'Nina Arruda', 'nina'),
      request('caio.b_', 'caio.b_', 'caio'),
      request('bia.tavares', 'Beatriz Tavares', 'bia'),
      suggestion('vila.flores.cafe', 'Vila Flores Café', 'sugg-vila'),
    ]);
  });

  it('finds them when handed the panel itself', () => {
    const panel = document.querySelector('[role="dialog"]')!;
    expect(scan(HOME, panel).map((c) => c.person)).toEqual(['nina', 'caio', 'bia', 'sugg-vila']);
  });

  it('finds nothing once the panel is closed: a post, the sidebar’s Seguir-only suggestion and the clinician are no cards', () => {
    document.querySelector('[role="dialog"]')!.remove();
    expect(scan(HOME)).toEqual([]);
  });

  it('finds each request once when another dialog opens inside the panel', () => {
    const panel = document.querySelector('[role="dialog"]')!;
    const inner = document.createElement('div');
    inner.setAttribute('role', 'dialog');
    inner.append(...panel.children);
    panel.append(inner);
    expect(scan(HOME).map((c) => c.person)).toEqual(['nina', 'caio', 'bia', 'sugg-vila']);
  });

  it('does not expect candidates on the home page itself', () => {
    expect(instagramAdapter.pageKindOf(HOME)).toBeNull();
  });
});

describe('Direct inbox (English)', () => {
  beforeEach(() => loadReplica('instagram/direct-inbox.en.html'));

  it('finds each conversation in the thread list by name, and no notes or own links', () => {
    expect(scan(INBOX)).toEqual([
      thread('Priya Natarajan', 'priya'),
      thread('marco.lentz', 'marco'),
      thread('Wren Adeyemi', 'wren'),
    ]);
  });

  it('expects candidates on Direct pages', () => {
    expect(instagramAdapter.pageKindOf(INBOX)).not.toBeNull();
    expect(instagramAdapter.pageKindOf(CARMEN_THREAD)).not.toBeNull();
    expect(instagramAdapter.pageKindOf(MESSAGE_REQUESTS)).not.toBeNull();
  });
});

describe('open conversation (Spanish)', () => {
  beforeEach(() => loadReplica('instagram/direct-thread.es.html'));

  const rows = [
    thread('Carmen Ruiz', 'thread-carmen'),
    thread('Diego Fuentes', 'thread-diego'),
    thread('Alba Serrano', 'thread-alba'),
  ];

  it('keys each linked row by its thread, and the open header by the address’s', () => {
    const found = instagramAdapter.findCandidates(document, CARMEN_THREAD);
    expect(found.map((c) => [c.thread, c.open ?? false])).toEqual([
      ['/direct/t/118273645501928/', false],
      ['/direct/t/118273645509999/', false],
      ['/direct/t/118273645507777/', false],
      ['/direct/t/118273645501928/', true],
    ]);
    expect(instagramAdapter.threadOf(CARMEN_THREAD)).toBe('/direct/t/118273645501928/');
  });

  it('finds the thread list and the open conversation’s header, not the mention or profile card inside it', () => {
    expect(scan(CARMEN_THREAD)).toEqual([
      ...rows,
      { kind: 'message', identities: ['carmen.ruiz.m'], name: 'Carmen Ruiz', person: 'carmen' },
    ]);
  });

  it('reports no header when the conversation’s header links no one, rather than the clinician’s own link', () => {
    for (const link of document.querySelectorAll('[data-replica-person="carmen"] a')) link.remove();
    expect(scan(CARMEN_THREAD)).toEqual(rows);
  });

  it('follows single-page navigation to another conversation', () => {
    navigate('thread-diego');
    expect(scan(DIEGO_THREAD)).toEqual([
      ...rows,
      { kind: 'message', identities: ['diego.fuentes'], name: 'Diego Fuentes', person: 'diego' },
    ]);
  });

  it('finds the open conversation’s message box, before and after navigation', () => {
    expect(instagramAdapter.findComposer(document)?.getAttribute('data-replica-editor')).toBe('carmen');
    navigate('thread-diego');
    expect(instagramAdapter.findComposer(document)?.getAttribute('data-replica-editor')).toBe('diego');
  });
});

describe('message requests (French)', () => {
  beforeEach(() => loadReplica('instagram/direct-requests.fr.html'));

  it('finds each message request by name; hidden requests and "Tout supprimer" are not people', () => {
    expect(scan(MESSAGE_REQUESTS)).toEqual([
      thread('Élodie Marchand', 'elodie'),
      thread('bastien.roy', 'bastien'),
    ]);
  });

  it('has no message box with no conversation open', () => {
    expect(instagramAdapter.findComposer(document)).toBeNull();
  });
});

describe('request rows, by structure', () => {
  it('skips a row with no profile link instead of merging it into its neighbour', () => {
    document.body.innerHTML = `
      <div role="main"><div>
        <div data-replica-person="unlinked">
          <span role="link"><img alt=""></span><span dir="auto">no.link.here</span>
          <div><button type="button">Confirm</button><button type="button">Delete</button></div>
        </div>
        <div data-replica-person="linked">
          <a href="/linked.person/">linked.person</a><span dir="auto">Linked Person</span>
          <div><button type="button">Confirm</button><button type="button">Delete</button></div>
        </div>
      </div></div>`;
    expect(scan(FOLLOW_REQUESTS)).toEqual([request('linked.person', 'Linked Person', 'linked')]);
  });

  it('does not take someone else’s followers list (Follow by the name, Remove at the end) for requests, suggestions or connections', () => {
    document.body.innerHTML = `
      <div role="dialog" aria-label="Followers">
        <div data-replica-person="follower">
          <a href="/old.friend/"><img alt="old.friend's profile picture"></a>
          <div><a href="/old.friend/">old.friend</a> · <div role="button">Follow</div><span>Old Friend</span></div>
          <div><button type="button">Remove</button></div>
        </div>
      </div>`;
    expect(scan(new URL('https://www.instagram.com/rowan.talks/followers/'))).toEqual([]);
  });
});

describe('decline', () => {
  const card = (url: URL, person: string) =>
    instagramAdapter.findCandidates(document, url).find((c) => c.element.getAttribute('data-replica-person') === person)!
      .element;

  it('presses Delete on a request row and nothing else', () => {
    loadReplica('instagram/follow-requests.en.html');
    const result = instagramAdapter.decline(card(FOLLOW_REQUESTS, 'jude'));
    expect(result).toEqual({ ok: true, done: 'Pressed “Delete” on the page' });
    expect(pressed).toEqual(['decline']);
  });

  it('presses Excluir on a role="button" pair in the Portuguese panel', () => {
    loadReplica('instagram/activity-panel.pt.html');
    const result = instagramAdapter.decline(card(HOME, 'nina'));
    expect(result).toEqual({ ok: true, done: 'Pressed “Excluir” on the page' });
    expect(pressed).toEqual(['decline']);
  });

  it('refuses, pressing nothing, when no button reads as a decline', () => {
    document.body.innerHTML = `
      <div role="listitem" data-replica-person="x">
        <a href="/someone.new/">someone.new</a>
        <button type="button" data-replica-action="accept"><div dir="auto">Confirm</div></button>
        <div role="button" data-replica-action="other"><svg aria-label="More options"><title>More options</title></svg></div>
        <button type="button" data-replica-action="other"><div dir="auto">⋯</div></button>
      </div>`;
    const result = instagramAdapter.decline(document.querySelector('[data-replica-person]')!);
    expect(result.ok).toBe(false);
    expect(pressed).toEqual([]);
  });

  it('refuses a label that reads as both decline and accept', () => {
    document.body.innerHTML = `
      <div data-replica-person="x">
        <button type="button" data-replica-action="accept">Confirm and remove from suggestions</button>
      </div>`;
    expect(instagramAdapter.decline(document.querySelector('[data-replica-person]')!).ok).toBe(false);
    expect(pressed).toEqual([]);
  });
});

describe('findComposer', () => {
  it('never offers a post’s comment box as the message box', () => {
    loadReplica('instagram/activity-panel.pt.html');
    expect(document.querySelector('article textarea')).not.toBeNull();
    expect(instagramAdapter.findComposer(document)).toBeNull();
  });

  it('falls back to a textarea in older Direct layouts', () => {
    document.body.innerHTML = `<div role="main"><div><textarea placeholder="Message..."></textarea></div></div>`;
    expect(instagramAdapter.findComposer(document)).toBe(document.querySelector('textarea'));
  });

  it('looks inside open shadow roots', () => {
    document.body.innerHTML = '<div id="host"></div>';
    const shadow = document.getElementById('host')!.attachShadow({ mode: 'open' });
    shadow.innerHTML = '<div contenteditable="true" role="textbox" aria-label="Message"></div>';
    expect(instagramAdapter.findComposer(document)).toBe(shadow.querySelector('[role="textbox"]'));
  });

  it('finds no message box on the inbox with no conversation open', () => {
    loadReplica('instagram/direct-inbox.en.html');
    expect(instagramAdapter.findComposer(document)).toBeNull();
  });
});

const ACTIVITY = new URL('https://www.instagram.com/accounts/activity/');
const IT_THREAD = new URL('https://www.instagram.com/direct/t/340011223344556/');
const OWN_FOLLOWERS = new URL('https://www.instagram.com/rowan.talks/followers/');
const OWN_FOLLOWING = new URL('https://www.instagram.com/rowan.talks/following/');

describe('usernames from avatar alt texts, in many languages', () => {
  it.each([
    ["priya.nat's profile picture", 'priya.nat'],
    ['Priya.Nat’s profile picture', 'priya.nat'],
    ['Foto del perfil de lucia.romero', 'lucia.romero'],
    ['Foto de perfil de lucia.romero', 'lucia.romero'],
    ['Photo de profil de camille.berthier', 'camille.berthier'],
    ['jonas.webers Profilbild', 'jonas.weber'],
    ['nils.haass Profilbild', 'nils.haas'],
    ['Profilbild von lena.krueger', 'lena.krueger'],
    ['Foto do perfil de rafa.lima', 'rafa.lima'],
    ['Immagine del profilo di giulia.ferri', 'giulia.ferri'],
    ['hanako.yamada_07のプロフィール写真', 'hanako.yamada_07'],
    ['minji.kim님의 프로필 사진', 'minji.kim'],
    ["elif.kaya'in profil resmi", 'elif.kaya'],
    ['Profielfoto van sanne.devries', 'sanne.devries'],
    ['Zdjęcie profilowe ola.nowak', 'ola.nowak'],
    ['Käyttäjän aino.virtanen profiilikuva', 'aino.virtanen'],
    ['Фото профиля ivan.petrov', 'ivan.petrov'],
    ['wei.zhang的头像', 'wei.zhang'],
    ['Ảnh đại diện của lan.nguyen', 'lan.nguyen'],
    ['arjun.mehta का प्रोफ़ाइल चित्र', 'arjun.mehta'],
    ['Picha ya wasifu ya amani.mwangi', 'amani.mwangi'],
  ])('%s → %s', (alt, username) => {
    expect(usernameFromAlt(alt)).toBe(username);
  });

  it.each([
    'user-profile-picture',
    'Photo by Mira Okafor-Lund on May 02, 2026.',
    'Foto de padaria.do.bairro: pão de fermentação natural.',
    "Mira Okafor-Lund's profile picture",
    "explore's profile picture",
    "'s profile picture",
    'Profilbild',
    'プロフィール写真',
    'Foto profil baru dari pantai',
    'Käyttäjän profiilikuva',
    'Picha ya wasifu ya',
  ])('reads no username in “%s”', (alt) => {
    expect(usernameFromAlt(alt)).toBeNull();
  });

  it('learns the page’s wording from the clinician’s own avatar in the navigation, in a language no list holds', () => {
    document.body.innerHTML = `<nav><a href="/${SELF}/"><img alt="Фото профілю ${SELF}"><span>Профіль</span></a></nav>
      <main><div role="button"><img alt="Фото профілю oksana.k"><span>Оксана</span></div></main>`;
    expect(usernameFromAlt('Фото профілю oksana.k', document)).toBeNull();
    expect(ownIdentity(document, INBOX)).toBe(SELF);
    expect(usernameFromAlt('Фото профілю oksana.k', document)).toBe('oksana.k');
    expect(usernameFromAlt('Фото профілю', document)).toBeNull();
    // Another page's wording is not this one's: a new scan learns again.
    document.body.innerHTML = `<nav><a href="/${SELF}/"><img alt="${SELF}"></a></nav>`;
    ownIdentity(document, INBOX);
    expect(usernameFromAlt('Фото профілю oksana.k', document)).toBeNull();
  });

  it('reads a notification that links a comment as a mention in any language, and a like of a comment as none', () => {
    const ACTIVITY = new URL('https://www.instagram.com/accounts/activity/');
    const row = (user: string, words: string, href: string) =>
      `<div data-replica-person="${user}"><a href="/${user}/"><img alt=""></a><span><a href="/${user}/">${user}</a> ${words}</span><a href="${href}"><img alt=""></a></div>`;
    document.body.innerHTML = `<main><div>
      ${row('erik.lund_', 'nämnde dig i en kommentar: hej', '/p/DFk2Lm8pQr4/c/18041234567890123/')}
      ${row('sara.holm', 'liked your comment: hej', '/p/DFk2Lm8pQr4/c/18041234567890124/')}
      ${row('maja.l', 'gillade ditt inlägg.', '/p/DFk2Lm8pQr4/')}
    </div></main>`;
    expect(instagramAdapter.findCandidates(document, ACTIVITY).map(summary)).toEqual([
      { kind: 'mention', identities: ['erik.lund_'], name: 'erik.lund_', person: 'erik.lund_' },
    ]);
  });

  it.each([
    ['rowan.talks', 'a bare username leaves no wording'],
    ['rowan.talks.old · 3', 'a longer username is not this one'],
    ['xrowan.talks profile photo', 'nor one the username is part of'],
    ['rowan.talks and rowan.talks', 'nor the username twice'],
  ])('learns no wording from “%s” (%s)', (alt) => {
    expect(learnedAltForm(alt, SELF)).toBeNull();
  });
});

describe('Direct inbox with div[role=button] rows (English, 2026)', () => {
  beforeEach(() => loadReplica('instagram/direct-inbox-buttons.en.html'));
  const first = [
    thread('Priya Natarajan', 'priya', ['priya.nat']),
    thread('marco.lentz', 'marco', ['marco.lentz']),
    thread('Wren Adeyemi', 'wren'),
    thread('Pottery Thursdays', 'group'),
    thread('Inês Ferro', 'ines', ['ines.ferro']),
  ];

  it('finds every row by its avatar’s username; a generic avatar gives the name only, a group no one; notes and the clinician are not rows', () => {
    expect(scan(INBOX)).toEqual(first);
  });

  it('finds the rows that load as the list scrolls', () => {
    appendLaterItems();
    expect(scan(INBOX)).toEqual([...first, thread('Sol Varga', 'sol', ['sol.varga']), thread('Tamsin Oduya', 'tamsin', ['tamsin.oduya'])]);
  });

  it('gives rows that do not link their thread no thread key, and none is the open conversation', () => {
    for (const candidate of instagramAdapter.findCandidates(document, INBOX)) {
      expect(candidate.thread).toBeUndefined();
      expect(candidate.open).toBeUndefined();
    }
    expect(instagramAdapter.threadOf(INBOX)).toBeNull();
  });

  it('still reads the rows when the thread list has no label at all', () => {
    document.querySelector('[aria-label="Thread list"]')!.removeAttribute('aria-label');
    expect(scan(INBOX)).toEqual(first);
  });
});

describe('Direct inbox with div[role=button] rows (German)', () => {
  beforeEach(() => loadReplica('instagram/direct-inbox-buttons.de.html'));

  it('reads both German alt wordings, the genitive s after a final s too, and the row that loads later', () => {
    appendLaterItems();
    expect(scan(INBOX)).toEqual([
      thread('Jonas Weber', 'jonas', ['jonas.weber']),
      thread('Lena Krüger', 'lena', ['lena.krueger']),
      thread('Nils Haas', 'nils', ['nils.haas']),
      thread('Greta Hollmann', 'greta', ['greta_hollmann']),
      thread('Emil Brandt', 'emil', ['emil.brandt']),
    ]);
  });
});

describe('open conversation with div[role=button] rows and header (Italian)', () => {
  beforeEach(() => loadReplica('instagram/direct-thread.it.html'));

  it('finds the rows and the open header (not the header’s own button, the profile card or the shared profile)', () => {
    const found = instagramAdapter.findCandidates(document, IT_THREAD);
    expect(found.map(summary)).toEqual([
      thread('Giulia Ferri', 'row-giulia', ['giulia.ferri']),
      thread('Marco Bassi', 'row-marco', ['marco.bassi_']),
      thread('Marta Quell', 'row-marta'),
      thread('Giulia Ferri', 'giulia', ['giulia.ferri']),
    ]);
    expect(found.map((c) => [c.open ?? false, c.thread ?? null])).toEqual([
      [false, null],
      [false, null],
      [false, null],
      [true, '/direct/t/340011223344556/'],
    ]);
    expect(instagramAdapter.threadOf(IT_THREAD)).toBe('/direct/t/340011223344556/');
  });

  it('finds the open conversation’s message box', () => {
    expect(instagramAdapter.findComposer(document)?.getAttribute('data-replica-editor')).toBe('giulia');
  });
});

describe('threadOf', () => {
  it.each([
    ['https://www.instagram.com/direct/t/118273645501928/', '/direct/t/118273645501928/'],
    ['https://www.instagram.com/direct/t/118273645501928', '/direct/t/118273645501928/'],
    ['https://www.instagram.com/direct/t/118273645501928/?hl=es', '/direct/t/118273645501928/'],
    ['https://www.instagram.com/direct/inbox/', null],
    ['https://www.instagram.com/direct/requests/', null],
    ['https://www.instagram.com/carmen.ruiz.m/', null],
  ])('%s → %s', (href, key) => {
    expect(instagramAdapter.threadOf(new URL(href))).toBe(key);
  });
});

describe('activity page without ?followRequests (Spanish)', () => {
  beforeEach(() => loadReplica('instagram/follow-requests.es.html'));
  const requests = [
    request('lucia.romero', 'Lucía Romero', 'lucia'),
    request('pablo_ortiz', 'pablo_ortiz', 'pablo'),
    request('lucia.fq', 'Lucía Ferrer Quintana', 'lucia-fq'),
  ];
  const suggestions = [
    suggestion('bruno.salas', 'Bruno Salas', 'sugg-bruno'),
    suggestion('olga.vidal.ceramica', 'olga.vidal.ceramica', 'sugg-olga'),
  ];

  it('finds each request by its own pair, the one loading later too, and the suggestions below; not the toolbar, the new follower or the like', () => {
    expect(scan(ACTIVITY)).toEqual([...requests, ...suggestions]);
    appendLaterItems();
    expect(scan(ACTIVITY)).toEqual([...requests, request('nerea.gil', 'Nerea Gil', 'nerea'), ...suggestions]);
  });

  it('expects requests on the activity page with or without the parameter', () => {
    expect(instagramAdapter.pageKindOf(ACTIVITY)).toBe('requests');
    expect(instagramAdapter.pageKindOf(FOLLOW_REQUESTS)).toBe('requests');
  });
});

describe('notifications drawer that is not a dialog (French)', () => {
  beforeEach(() => loadReplica('instagram/activity-drawer.fr.html'));

  it('finds requests and suggestions in the drawer wherever it is, and not the post behind it (Suivre + its ✕)', () => {
    appendLaterItems();
    expect(scan(HOME)).toEqual([
      request('camille.berthier', 'Camille Berthier', 'camille'),
      request('hugo.lfv', 'Hugo Lefèvre', 'hugo'),
      suggestion('anais.morel', 'Anaïs Morel', 'sugg-anais'),
      suggestion('theo.blanc', 'Théo Blanc', 'sugg-theo'),
    ]);
  });
});

describe('home "Sugestões para você" (Portuguese)', () => {
  beforeEach(() => loadReplica('instagram/home-suggestions.pt.html'));

  it('finds each suggestion card with its name past the context line, the late one too; not the post’s Seguir or the sidebar', () => {
    appendLaterItems();
    expect(scan(HOME)).toEqual([
      suggestion('rafa.lima', 'Rafael Lima', 'sugg-rafael'),
      suggestion('ana.souza.arte', 'Ana Souza', 'sugg-ana'),
      suggestion('joao.pires.rj', 'João Pires', 'sugg-joao'),
    ]);
  });
});

describe('home’s right rail, wide layout (German)', () => {
  beforeEach(() => loadReplica('instagram/home-rail.de.html'));

  it('finds Folgen-only people in the block that links to /explore/people/, named past a line that names someone else; not the post’s Folgen or the clinician', () => {
    expect(scan(HOME)).toEqual([
      suggestion('ilse.morgenroth', 'ilse.morgenroth', 'rail-ilse'),
      suggestion('nina.arruda', 'Nina Arruda', 'rail-nina'),
    ]);
  });

  it('refuses to remove a rail suggestion, which has no ✕, pressing nothing', () => {
    const [first] = instagramAdapter.findCandidates(document, HOME);
    expect(instagramAdapter.removeSuggestion(first!.element).ok).toBe(false);
    expect(pressed).toEqual([]);
  });
});

describe('the clinician’s own Followers dialog (English)', () => {
  beforeEach(() => loadReplica('instagram/own-followers.en.html'));
  const followers = [
    connection('maeve.dunn', 'Maeve Dunn', 'maeve'),
    connection('otto_b', 'Otto Brandt', 'otto'),
    connection('j.okonkwo_88', 'j.okonkwo_88', 'jude'),
  ];

  it('finds each follower as a connection (never a suggestion for the Follow beside Remove), and the rows loading later', () => {
    expect(scan(OWN_FOLLOWERS)).toEqual(followers);
    appendLaterItems();
    expect(scan(OWN_FOLLOWERS)).toEqual([...followers, connection('june.okafor', 'June Okafor', 'june')]);
  });

  it('is the clinician’s by the navigation link alone, when the header shows no own-profile mark yet', () => {
    for (const mark of document.querySelectorAll('header a[href*="/accounts/edit"], header a[href*="/archive/"]')) mark.remove();
    expect(scan(OWN_FOLLOWERS)).toEqual(followers);
  });

  it('keeps a lone follower’s row to their own box, below the list’s title, search and ✕', () => {
    appendLaterItems();
    for (const row of document.querySelectorAll('#followers > [data-replica-person]:not([data-replica-person="maeve"])')) row.remove();
    const [only, ...others] = instagramAdapter.findCandidates(document, OWN_FOLLOWERS);
    expect(others).toEqual([]);
    expect([only!.kind, only!.identities, only!.name]).toEqual(['connection', ['maeve.dunn'], 'Maeve Dunn']);
    const row = only!.element;
    expect(row.contains(document.querySelector('[data-replica-person="maeve"]'))).toBe(true);
    expect(row.querySelector('h1, input, [aria-label="Close"]')).toBeNull();
    expect(instagramAdapter.connectionStep!(row)).toEqual({ ok: true, done: 'Pressed “Remove” on the page' });
    expect(pressed).toEqual(['remove']);
  });

  it('reads nobody on someone else’s followers list', () => {
    for (const mark of document.querySelectorAll('header a[href*="/accounts/edit"], header a[href*="/archive/"]')) mark.remove();
    expect(scan(new URL('https://www.instagram.com/maeve.dunn/followers/'))).toEqual([]);
  });

  it('is nobody’s profile, and the list has no page kind of its own (the address cannot tell whose it is)', () => {
    expect(instagramAdapter.profileOf(document, OWN_FOLLOWERS)).toBeNull();
    expect(instagramAdapter.pageKindOf(OWN_FOLLOWERS)).toBeNull();
  });
});

describe('the clinician’s own Following dialog (Spanish)', () => {
  beforeEach(() => loadReplica('instagram/own-following.es.html'));

  it('finds each followed account as a connection, the late one too; the Hashtags link is no one', () => {
    appendLaterItems();
    expect(scan(OWN_FOLLOWING)).toEqual([
      connection('julia.navarro', 'Julia Navarro', 'julia'),
      connection('carmen.ruiz.m', 'Carmen Ruiz', 'carmen'),
      connection('vera.solis', 'Vera Solís', 'vera'),
    ]);
  });
});

describe('suggestions pages', () => {
  it('expects suggestions on /explore/people/ and nothing by address on home or profiles', () => {
    expect(instagramAdapter.pageKindOf(new URL('https://www.instagram.com/explore/people/'))).toBe('suggestions');
    expect(instagramAdapter.pageKindOf(HOME)).toBeNull();
    expect(instagramAdapter.pageKindOf(new URL('https://www.instagram.com/mira.okafor.lund/'))).toBeNull();
  });

  it('finds a profile’s similar-accounts suggestions, not the profile’s own Follow', () => {
    loadReplica('instagram/profile.en.html');
    expect(scan(new URL('https://www.instagram.com/mira.okafor.lund/'))).toEqual([
      { kind: 'suggestion', identities: ['halvard.nyeng'], name: 'halvard.nyeng', person: null },
      { kind: 'suggestion', identities: ['odile.marsh_'], name: 'odile.marsh_', person: null },
    ]);
  });
});

describe('actions', () => {
  const card = (url: URL, person: string) =>
    instagramAdapter.findCandidates(document, url).find((c) => c.element.getAttribute('data-replica-person') === person)!.element;

  it('declines with Eliminar on the Spanish activity page, a <button> and a div[role=button] alike', () => {
    loadReplica('instagram/follow-requests.es.html');
    expect(instagramAdapter.decline(card(ACTIVITY, 'lucia'))).toEqual({ ok: true, done: 'Pressed “Eliminar” on the page' });
    expect(instagramAdapter.decline(card(ACTIVITY, 'lucia-fq'))).toEqual({ ok: true, done: 'Pressed “Eliminar” on the page' });
    expect(pressed).toEqual(['decline', 'decline']);
  });

  it('declines with Supprimer in the French drawer', () => {
    loadReplica('instagram/activity-drawer.fr.html');
    expect(instagramAdapter.decline(card(HOME, 'hugo')).ok).toBe(true);
    expect(pressed).toEqual(['decline']);
  });

  it.each([
    ['instagram/follow-requests.es.html', ACTIVITY, 'sugg-olga'],
    ['instagram/activity-drawer.fr.html', HOME, 'sugg-anais'],
    ['instagram/home-suggestions.pt.html', HOME, 'sugg-rafael'],
    ['instagram/follow-requests.en.html', FOLLOW_REQUESTS, 'sugg-kai'],
  ])('removes a suggestion on %s with its ✕, never Follow', (fixture, url, person) => {
    loadReplica(fixture);
    expect(instagramAdapter.removeSuggestion(card(url, person)).ok).toBe(true);
    expect(pressed).toEqual(['dismiss']);
  });

  it('refuses to remove a suggestion whose card has no ✕, pressing nothing', () => {
    document.body.innerHTML = `
      <div id="card"><a href="/ze.cerqueira/">ze.cerqueira</a><div role="button" data-replica-action="follow">Seguir</div></div>`;
    expect(instagramAdapter.removeSuggestion(document.getElementById('card')!).ok).toBe(false);
    expect(pressed).toEqual([]);
  });

  it('starts removing a follower with their Remove (the site asks next), never Follow', () => {
    loadReplica('instagram/own-followers.en.html');
    expect(instagramAdapter.connectionStep!(card(OWN_FOLLOWERS, 'otto'))).toEqual({ ok: true, done: 'Pressed “Remove” on the page' });
    expect(pressed).toEqual(['remove']);
  });

  it('starts unfollowing with Siguiendo (the site asks next)', () => {
    loadReplica('instagram/own-following.es.html');
    expect(instagramAdapter.connectionStep!(card(OWN_FOLLOWING, 'julia'))).toEqual({ ok: true, done: 'Pressed “Siguiendo” on the page' });
    expect(pressed).toEqual(['following']);
  });

  it('refuses a connection step on a row with only Follow, pressing nothing', () => {
    document.body.innerHTML = `
      <div id="row"><a href="/new.person/">new.person</a><button type="button" data-replica-action="follow">Follow</button></div>`;
    expect(instagramAdapter.connectionStep!(document.getElementById('row')!).ok).toBe(false);
    expect(pressed).toEqual([]);
  });
});

describe('profile heading', () => {
  const MIRA = new URL('https://www.instagram.com/mira.okafor.lund/');

  it('takes the header’s h2, never the bio in its h1', () => {
    loadReplica('instagram/profile.en.html');
    const found = instagramAdapter.profileOf(document, MIRA)!;
    expect(found.name).toBe('mira.okafor.lund');
    expect(found.element.tagName).toBe('H2');
  });

  it('takes an h1 that reads as the username in the layout without an h2', () => {
    document.body.innerHTML = `
      <main><header><section><h1 dir="auto">mira.okafor.lund</h1><button type="button">Follow</button></section>
      <section><span>Mira Okafor-Lund</span></section></header></main>`;
    const found = instagramAdapter.profileOf(document, MIRA)!;
    expect(found.name).toBe('mira.okafor.lund');
    expect(found.element.tagName).toBe('H1');
  });

  it('names nobody rather than reading a bio h1 in that layout', () => {
    document.body.innerHTML = `<main><header><section><h1 dir="auto">Ceramics · sea swims · Aarhus</h1></section></header></main>`;
    expect(instagramAdapter.profileOf(document, MIRA)!.name).toBe('');
  });
});

describe('performance', () => {
  const requestRow = (i: number) =>
    `<div><a href="/person.${i}/"><img alt="person.${i}'s profile picture"></a><a href="/person.${i}/"><span>person.${i}</span></a>` +
    `<span>Person ${i}</span><div><button type="button">Confirm</button><button type="button">Delete</button></div></div>`;
  const inboxRow = (i: number) => `<div role="button"><img alt="person.${i}'s profile picture"><span>Person ${i}</span><span>Hi · 2d</span></div>`;
  const followerRow = (i: number) =>
    `<div><a href="/person.${i}/"><img alt="person.${i}'s profile picture"></a><a href="/person.${i}/">person.${i}</a><span>Person ${i}</span><div role="button">Remove</div></div>`;

  /**
   * How many DOM look-ups one scan of `count` cards made by `row` costs (contains, closest,
   * matches, querySelector(All), document-order comparisons, tree walkers), after checking what it
   * finds. Counting calls rather than timing keeps the test exact on a busy machine.
   */
  function scanCost(count: number, row: (i: number) => string, wrap: (rows: string) => string, url: URL): number {
    document.body.innerHTML = wrap(Array.from({ length: count }, (_, i) => row(i)).join(''));
    expect(instagramAdapter.findCandidates(document, url)).toHaveLength(count);
    let calls = 0;
    const spies = [
      vi.spyOn(Node.prototype, 'contains'),
      vi.spyOn(Node.prototype, 'compareDocumentPosition'),
      vi.spyOn(Element.prototype, 'closest'),
      vi.spyOn(Element.prototype, 'matches'),
      vi.spyOn(Element.prototype, 'querySelector'),
      vi.spyOn(Element.prototype, 'querySelectorAll'),
      vi.spyOn(Document.prototype, 'querySelectorAll'),
      vi.spyOn(Document.prototype, 'createTreeWalker'),
    ];
    try {
      instagramAdapter.findCandidates(document, url);
      for (const spy of spies) calls += spy.mock.calls.length;
    } finally {
      for (const spy of spies) spy.mockRestore();
    }
    return calls;
  }

  it.each([
    ['follow requests', requestRow, (rows: string) => `<main>${rows}</main>`, ACTIVITY],
    ['inbox rows', inboxRow, (rows: string) => `<main><div aria-label="Thread list">${rows}</div></main>`, INBOX],
    [
      'followers',
      followerRow,
      (rows: string) => `<a href="/rowan.talks/"><img alt="rowan.talks's profile picture"></a><div role="dialog"><h1>Followers</h1><div>${rows}</div></div>`,
      OWN_FOLLOWERS,
    ],
  ])('scans %s at a cost that grows with their number, not its square', (_, row, wrap, url) => {
    const small = scanCost(250, row, wrap, url);
    const large = scanCost(1000, row, wrap, url);
    // Four times the cards: four times the look-ups (a step per pair of cards would be sixteen).
    expect(large / small).toBeGreaterThan(3);
    expect(large / small).toBeLessThan(4.5);
  }, 60_000);
});
