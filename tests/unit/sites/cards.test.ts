// @vitest-environment happy-dom
import { describe, expect, it, vi } from 'vitest';
import { identityFromHref } from '@/lib/identity';
import type { Platform } from '@/lib/identity/platform';
import { roleOfLabel } from '@/lib/sites/card-words';
import { controlToPress, findCards, personRows, pressRole, type PersonMark } from '@/lib/sites/cards';

/** Profile links as people, the way an adapter would mark them. */
function linkMarks(platform: Platform, base: string): PersonMark[] {
  return [...document.querySelectorAll('a[href]')].flatMap((element) => {
    const identity = identityFromHref(platform, element.getAttribute('href')!, base);
    return identity ? [{ element, identity }] : [];
  });
}

function page(html: string) {
  document.body.innerHTML = html;
}

describe('roleOfLabel: what a control says it does, in six languages', () => {
  it.each([
    ['Confirm', 'accept'],
    ['Accept Rowan Example’s invitation', 'accept'],
    ['Aceptar', 'accept'],
    ['Bestätigen', 'accept'],
    ['Conferma', 'accept'],
    ['Delete', 'negative'],
    ['Ignore an invitation to connect from Rowan Example', 'negative'],
    ['Einladung von Ana ignorieren', 'negative'],
    ['Supprimer la demande', 'negative'],
    ['Excluir', 'negative'],
    ['Rimuovi', 'negative'],
    ['✕', 'negative'],
    ['Add friend', 'add'],
    ['Agregar a amigos', 'add'],
    ['Invite Sam Suggest to connect', 'add'],
    ['Invitez Ana à rejoindre votre réseau', 'add'],
    ['Seguir de volta', 'add'],
    ['Dejar de seguir', 'state'],
    ['Following', 'state'],
    ['Cancel request', 'state'],
    ['Friends', 'state'],
    ['Verwijderen', 'negative'],
    ['Potwierdź', 'accept'],
    ['Удалить', 'negative'],
    ['承認する', 'accept'],
    ['フォロー中', 'state'],
  ] as const)('%s reads as %s', (label, role) => {
    expect(roleOfLabel(label)).toBe(role);
  });

  it('reads nothing into names, sentences and empty labels', () => {
    expect(roleOfLabel('Rowan Example')).toBeNull();
    expect(roleOfLabel('')).toBeNull();
    expect(roleOfLabel('3 mutual friends')).toBe('state');
    expect(roleOfLabel('Confirm '.repeat(40))).toBeNull();
  });
});

describe('findCards', () => {
  it('finds a two-pane Facebook request row that wraps its own buttons, named by its avatar text', () => {
    page(`
      <div role="navigation" aria-label="Friend requests"><h1>Friend requests</h1>
        <div role="button">View sent requests</div>
        <a role="link" href="https://www.facebook.com/friends/requests/?profile_id=100000000000001">
          <svg aria-label="Rowan Example" role="img"></svg>
          <span dir="auto">Rowan Example</span><span dir="auto">3 mutual friends</span>
          <div role="button" aria-label="Confirm"><span>Confirm</span></div>
          <div role="button" aria-label="Delete"><span>Delete</span></div>
        </a>
        <a role="link" href="https://www.facebook.com/friends/requests/?profile_id=100000000000002">
          <span dir="auto">Casey Other</span>
          <div role="button" aria-label="Confirm"></div><div role="button" aria-label="Delete"></div>
        </a>
      </div>
      <div role="main"><span>Select people's names to preview their profile.</span></div>`);
    const cards = findCards(document, linkMarks('facebook', 'https://www.facebook.com/friends/requests/'));
    expect(cards.map((c) => [c.kind, c.identities, c.name])).toEqual([
      ['request', ['100000000000001'], 'Rowan Example'],
      ['request', ['100000000000002'], 'Casey Other'],
    ]);
    expect(cards[0]!.card.tagName).toBe('A');
    expect(controlToPress(cards[0]!.card, 'negative')?.getAttribute('aria-label')).toBe('Delete');
  });

  it('tells requests from suggestions by their pair, and leaves a toolbar pair alone', () => {
    page(`
      <div><div role="button">Confirm all</div><div role="button">Delete all</div></div>
      <ul>
        <li><a href="/ana.example"><span>Ana Example</span></a><div role="button">Confirm</div><div role="button">Delete</div></li>
        <li><a href="/bo.example"><span>Bo Example</span></a><div role="button">Add friend</div><div role="button">Remove</div></li>
        <li><a href="/cy.example"><span>Cy Example</span></a><div role="button">Friends</div></li>
      </ul>`);
    const cards = findCards(document, linkMarks('facebook', 'https://www.facebook.com/friends/'));
    expect(cards.map((c) => [c.kind, c.identities[0], c.name])).toEqual([
      ['request', 'anaexample', 'Ana Example'],
      ['suggestion', 'boexample', 'Bo Example'],
    ]);
  });

  it('finds a 2026 LinkedIn invitation whose Accept is a link, and presses the Ignore button, not its wrapper', () => {
    page(`
      <div data-testid="lazy-column">
        <div componentkey="k1"><div data-display-contents="true"><div role="listitem">
          <a href="/in/rowan-example/" tabindex="-1"><img alt="Rowan Example’s profile picture"></a>
          <p><a href="/in/rowan-example/"><strong>Rowan Example</strong></a></p>
          <p>Rowan Example follows you and is inviting you to connect</p>
          <div data-view-name="invitation-action"><button aria-label="Ignore an invitation to connect from Rowan Example">Ignore</button></div>
          <div><a href="/mynetwork/invitation-manager/received/" aria-label="Accept Rowan Example’s invitation">Accept</a></div>
          <div><a href="/messaging/compose/?invitation=urn%3Ali%3Afsd_invitation%3A1">Message</a></div>
        </div></div></div>
        <div><a href="/in/sam-suggest/">Sam Suggest</a><button aria-label="Invite Sam Suggest to connect">Connect</button>
          <button aria-label="Dismiss">✕</button></div>
      </div>`);
    const cards = findCards(document, linkMarks('linkedin', 'https://www.linkedin.com/mynetwork/invitation-manager/received/'));
    expect(cards.map((c) => [c.kind, c.identities[0], c.name])).toEqual([
      ['request', 'rowan-example', 'Rowan Example'],
      ['suggestion', 'sam-suggest', 'Sam Suggest'],
    ]);
    const clicks: string[] = [];
    document.addEventListener('click', (event) => clicks.push((event.target as Element).tagName));
    expect(pressRole(cards[0]!.card, 'negative').ok).toBe(true);
    expect(clicks).toEqual(['BUTTON']);
  });

  it('makes no card of a box that reaches two people at once', () => {
    page(`<div><a href="/ana.example">Ana</a><a href="/bo.example">Bo</a><div role="button">Confirm</div><div role="button">Delete</div></div>`);
    expect(findCards(document, linkMarks('facebook', 'https://www.facebook.com/friends/'))).toEqual([]);
  });

  it('refuses to press when a card has two different controls of the role', () => {
    page(`<div id="card"><a href="/ana.example">Ana</a><button>Delete</button><button>Remove</button><button>Confirm</button></div>`);
    expect(controlToPress(document.getElementById('card')!, 'negative')).toBeNull();
    expect(pressRole(document.getElementById('card')!, 'negative').ok).toBe(false);
  });
});

describe('findCards with unreadPairs: a UI language without a word table', () => {
  const html = `
    <div role="list">
      <div role="listitem"><a href="/ana.example"><span>Ana Example</span></a><div role="button">დადასტურება</div><div role="button">წაშლა</div></div>
      <div role="listitem"><a href="/bo.example"><span>Bo Example</span></a><div role="button">დადასტურება</div></div>
      <div role="listitem"><a href="/cy.example"><span>Cy Example</span></a><div role="button">Confirm</div><div role="button">Delete</div></div>
    </div>`;

  it('finds one person with two controls it cannot read, in page order with the cards it can', () => {
    page(html);
    const cards = findCards(document, linkMarks('facebook', 'https://www.facebook.com/friends/requests/'), undefined, { unreadPairs: 'request' });
    expect(cards.map((c) => [c.kind, c.identities[0], c.labelsRead])).toEqual([
      ['request', 'anaexample', false],
      ['request', 'cyexample', true],
    ]);
    // Nothing on the unread card is pressed: no control reads as turning away.
    expect(pressRole(cards[0]!.card, 'negative').ok).toBe(false);
  });

  it('finds none of them without the option', () => {
    page(html);
    const cards = findCards(document, linkMarks('facebook', 'https://www.facebook.com/friends/requests/'));
    expect(cards.map((c) => c.identities[0])).toEqual(['cyexample']);
  });
});

describe('personRows', () => {
  it('gives each person in a list one row, however many marks they have', () => {
    page(`<ul id="list">
      <li><a href="/ana.example"><img alt=""></a><a href="/ana.example">Ana Example</a><div role="button">Friends</div></li>
      <li><a href="/bo.example">Bo Example</a></li></ul>`);
    const rows = personRows(document.getElementById('list')!, linkMarks('facebook', 'https://www.facebook.com/friends/list/'));
    expect(rows.map((r) => [r.row.tagName, r.identities, r.name])).toEqual([
      ['LI', ['anaexample'], 'Ana Example'],
      ['LI', ['boexample'], 'Bo Example'],
    ]);
  });
});

describe('a page of many cards', () => {
  /** `count` cards, each one person and a pair, the way a long invitation list renders. */
  function cardsPage(count: number): PersonMark[] {
    page(
      Array.from(
        { length: count },
        (_, i) => `<div><a href="/person.${i}x"><b>P ${i}</b></a><div><button>Delete</button></div><div><button>Confirm</button></div></div>`,
      ).join(''),
    );
    return linkMarks('facebook', 'https://www.facebook.com/friends/');
  }

  /** How many times findCards and personRows ask whether one element holds another. */
  function containsCalls(count: number): number {
    const marks = cardsPage(count);
    const contains = vi.spyOn(Node.prototype, 'contains');
    try {
      expect(findCards(document, marks)).toHaveLength(count);
      expect(personRows(document.body, marks)).toHaveLength(count);
      return contains.mock.calls.length;
    } finally {
      contains.mockRestore();
    }
  }

  it('reads each card from its own elements: no question grows with the page times the page', () => {
    expect(containsCalls(200)).toBeLessThanOrEqual(4 * containsCalls(50) + 10);
  });
});
