// @vitest-environment happy-dom
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { instagramAdapter } from '@/lib/sites/instagram/adapter';
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
const thread = (name: string, person: string) => ({ kind: 'message', identities: [], name, person });

describe('follow-requests page (English)', () => {
  beforeEach(() => loadReplica('instagram/follow-requests.en.html'));

  it('finds each request row with its username and full name, falling back to the username', () => {
    expect(scan(FOLLOW_REQUESTS)).toEqual([
      request('maple.quinn', 'Maple Quinn', 'maple'),
      request('j.okonkwo_88', 'Jude Okonkwo', 'jude'),
      request('sunny.fieldhouse', 'sunny.fieldhouse', 'sunny'),
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
    ]);
  });

  it('leaves out suggestions (even one whose dismiss icon reads "Remove") and the clinician’s own links', () => {
    const identities = instagramAdapter.findCandidates(document, FOLLOW_REQUESTS).flatMap((c) => c.identities);
    expect(identities).not.toContain('birchwood.ceramics');
    expect(identities).not.toContain('kai.lindqvist');
    expect(identities).not.toContain(SELF);
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

  it('finds the follow requests in the open panel and nothing else on the page', () => {
    expect(scan(HOME)).toEqual([
      request('nina.arruda', 'Nina Arruda', 'nina'),
      request('caio.b_', 'caio.b_', 'caio'),
      request('bia.tavares', 'Beatriz Tavares', 'bia'),
    ]);
  });

  it('finds them when handed the panel itself', () => {
    const panel = document.querySelector('[role="dialog"]')!;
    expect(scan(HOME, panel).map((c) => c.person)).toEqual(['nina', 'caio', 'bia']);
  });

  it('finds nothing once the panel is closed: feed, sidebar and suggestions are not requests', () => {
    document.querySelector('[role="dialog"]')!.remove();
    expect(scan(HOME)).toEqual([]);
  });

  it('finds each request once when another dialog opens inside the panel', () => {
    const panel = document.querySelector('[role="dialog"]')!;
    const inner = document.createElement('div');
    inner.setAttribute('role', 'dialog');
    inner.append(...panel.children);
    panel.append(inner);
    expect(scan(HOME).map((c) => c.person)).toEqual(['nina', 'caio', 'bia']);
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

  it('does not take a followers list (Follow by the name, Remove at the end) for requests', () => {
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
