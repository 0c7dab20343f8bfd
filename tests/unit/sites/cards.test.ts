// @vitest-environment happy-dom
import { describe, expect, it, vi } from 'vitest';
import { identityFromHref } from '@/lib/identity';
import type { Platform } from '@/lib/identity/platform';
import { BLOCK_WORDS, CARD_WORDS, roleOfLabel } from '@/lib/sites/card-words';
import { labelHasWord } from '@/lib/sites/labels';
import { controlToPress, findCards, personRows, pressRole, type PersonMark } from '@/lib/sites/cards';
import { linkMarks as facebookLinkMarks } from '@/lib/sites/facebook/adapter';

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
    ['Einladung zum Vernetzen von Lukas Brandtner ignorieren', 'negative'],
    ['Einladung zum Vernetzen annehmen', 'accept'],
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

describe('roleOfLabel: the further languages', () => {
  it.each([
    ['حذف', 'negative'],
    ['تأكيد', 'accept'],
    ['إضافة صديق', 'add'],
    ['מחק', 'negative'],
    ['Hapus', 'negative'],
    ['Konfirmasi', 'accept'],
    ['Tambah Teman', 'add'],
    ['Ohita kutsu', 'negative'],
    ['Hyväksy kutsu', 'accept'],
    ['Kutsu Eero Salo verkostoosi', 'add'],
    ['Bjud in Eva Berg att ansluta', 'add'],
    ['Odstranit', 'negative'],
    ['Xóa', 'negative'],
    ['Bỏ theo dõi', 'state'],
    ['Theo dõi', 'add'],
    ['हटाएँ', 'negative'],
    ['पुष्टि करें', 'accept'],
    ['ลบ', 'negative'],
    ['삭제', 'negative'],
    ['요청 삭제', 'negative'],
    ['확인', 'accept'],
    ['팔로잉', 'state'],
    // Chinese and Japanese: words inside a label, the longest first at each place.
    ['友達リクエストを削除', 'negative'],
    ['山本 大輔さんを非表示にする', 'negative'],
    ['山本 大輔さんにつながりを申請', 'add'],
    ['フォローリクエストを承認', 'accept'],
    ['删除', 'negative'],
    ['删除好友请求', 'negative'],
    ['已关注', 'state'],
    ['取消关注', 'state'],
    ['关注', 'add'],
    ['加好友', 'add'],
    ['承認しない', 'negative'],
    ['承認待ち', 'state'],
    ['팔로우 취소', 'state'],
    ['Add to Close Friends', 'add'],
    ['Yok say', 'negative'],
    // Turkish capitals lowered by no locale: İptal is "iptal", and "Ignore" stays "ignore" in any browser.
    ['İptal', 'state'],
    ['IGNORE', 'negative'],
    // A capitalised word inside a label is a name's before it is an action.
    ['Follow Glenn Close', 'add'],
    ['Einladung zum Vernetzen von Sil de Vries annehmen', 'accept'],
    ['Invite Ana Hide to connect', 'add'],
    ['Close', 'negative'],
    ['Ana Souza · Not Now', 'negative'],
  ] as const)('%s reads as %s', (label, role) => {
    expect(roleOfLabel(label)).toBe(role);
  });

  it('lists no word both as turning a person away and as taking them in', () => {
    // A control is pressed only when its label turns the person away: a word in both lists would
    // make a Confirm read as a Delete in some language.
    const fold = (word: string) => word.normalize('NFC').toLocaleLowerCase();
    const away = new Set(CARD_WORDS.negative.map(fold));
    const taking = [...CARD_WORDS.accept, ...CARD_WORDS.add, ...CARD_WORDS.state].map(fold);
    expect(taking.filter((word) => away.has(word))).toEqual([]);
  });

  it('reads every word of every list as its own role when it stands alone', () => {
    const misread = (['accept', 'add', 'negative', 'state'] as const).flatMap((role) =>
      CARD_WORDS[role].filter((word) => roleOfLabel(word) !== role).map((word) => `${word}: ${roleOfLabel(word)} (listed ${role})`),
    );
    expect(misread).toEqual([]);
  });
});

describe('labels in a browser whose language is Turkish', () => {
  it('reads English and Turkish labels alike, whatever the browser’s own lower case does with I', () => {
    // toLocaleLowerCase() follows the browser's language: in Turkish, "I" lowers to a dotless "ı".
    const own = String.prototype.toLocaleLowerCase;
    const spy = vi.spyOn(String.prototype, 'toLocaleLowerCase').mockImplementation(function (this: string) {
      return own.call(this, 'tr');
    });
    try {
      expect(roleOfLabel('Ignore Invitation From Irene')).toBe('negative');
      expect(roleOfLabel('İPTAL ET')).toBe('state');
      expect(labelHasWord('Ivo BLOCKIEREN', BLOCK_WORDS)).toBe(true);
    } finally {
      spy.mockRestore();
    }
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

  it('picks, of two people on one invitation, the one its Ignore and Accept name', () => {
    page(`<div role="listitem"><a href="/in/harriet-example/">Harriet Example</a>
      <p><a href="/in/mutual-friend/">Mo Mutual</a> is a mutual connection</p>
      <button aria-label="Ignore an invitation to connect from Harriet Example">Ignore</button>
      <button aria-label="Accept Harriet Example’s invitation">Accept</button></div>`);
    const cards = findCards(document, linkMarks('linkedin', 'https://www.linkedin.com/mynetwork/invitation-manager/received/'));
    expect(cards.map((c) => [c.kind, c.identities, c.name])).toEqual([['request', ['harriet-example'], 'Harriet Example']]);
  });

  it('makes no card of a box that reaches two people at once', () => {
    page(`<div><a href="/ana.example">Ana</a><a href="/bo.example">Bo</a><div role="button">Confirm</div><div role="button">Delete</div></div>`);
    expect(findCards(document, linkMarks('facebook', 'https://www.facebook.com/friends/'))).toEqual([]);
  });

  it('makes no card of a row without a person that grows into its neighbour’s row', () => {
    page(`
      <div id="list">
        <div><span>no.link.here</span><div><button>Confirm</button><button>Delete</button></div></div>
        <div id="linked"><a href="/linked.person/">linked.person</a><div><button>Confirm</button><button>Delete</button></div></div>
      </div>`);
    const cards = findCards(document, linkMarks('facebook', 'https://www.facebook.com/friends/'));
    expect(cards.map((c) => c.card.id)).toEqual(['linked']);
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

  it('finds a person linked twice in nested boxes, each holding the pair, once: the outer box', () => {
    page(`<div role="list"><div role="listitem"><div id="outer">
      <a href="/friends/requests/?profile_id=100000000000001&amp;__tn__=%2CP-R" aria-label="Ana Example"><svg aria-label="Ana Example"></svg></a>
      <div id="inner"><a href="/friends/requests/?profile_id=100000000000001"><span>Ana Example</span></a>
        <div><div role="button">დადასტურება</div><div role="button">წაშლა</div></div></div>
    </div></div></div>`);
    const cards = findCards(document, linkMarks('facebook', 'https://www.facebook.com/friends/requests/'), undefined, { unreadPairs: 'request' });
    expect(cards.map((c) => [c.card.id, c.identities])).toEqual([['outer', ['100000000000001']]]);
  });

  it('finds none of them without the option', () => {
    page(html);
    const cards = findCards(document, linkMarks('facebook', 'https://www.facebook.com/friends/requests/'));
    expect(cards.map((c) => c.identities[0])).toEqual(['cyexample']);
  });
});

describe('findCards: one person linked twice, the avatar beside the name’s box', () => {
  // Facebook's marks: a link wrapping an svg[aria-label] carries that name.
  const facebookMarks = () => facebookLinkMarks(document.querySelectorAll('a[href]'), new URL('https://www.facebook.com/friends/requests/'), new Set());
  const row = (id: string, avatar: string, name: string) => `
    <div role="listitem"><div id="${id}">
      <a href="/${avatar}"><svg aria-label="${name}"></svg></a>
      <div><a href="/friends/requests/?profile_id=${id.replace(/\D/g, '')}"><span>Marko Babić</span></a>
        <div><div role="button">Confirm</div><div role="button">Delete</div></div></div>
    </div></div>`;

  it('grows the card over the avatar when it names the same person: both identities', () => {
    page(`<div role="list">${row('row100000000000002', 'marko.babic.33', 'Marko Babić')}</div>`);
    const cards = findCards(document, facebookMarks());
    expect(cards.map((c) => [c.card.id, c.identities, c.name])).toEqual([['row100000000000002', ['markobabic33', '100000000000002'], 'Marko Babić']]);
  });

  it('in a language without words too: one card, both identities, nothing pressed', () => {
    page(`<div role="list">${row('row100000000000002', 'marko.babic.33', 'Marko Babić').replace('>Confirm<', '>დადასტურება<').replace('>Delete<', '>წაშლა<')}</div>`);
    const cards = findCards(document, facebookMarks(), undefined, { unreadPairs: 'request' });
    expect(cards.map((c) => [c.card.id, c.identities, c.name, c.labelsRead])).toEqual([['row100000000000002', ['markobabic33', '100000000000002'], 'Marko Babić', false]]);
    expect(pressRole(cards[0]!.card, 'negative').ok).toBe(false);
  });

  it('keeps the name’s box when the link beside it names someone else', () => {
    page(`<div role="list">${row('row100000000000002', 'ana.horvat.1', 'Ana Horvat')}</div>`);
    const cards = findCards(document, facebookMarks());
    expect(cards.map((c) => [c.card.id, c.identities])).toEqual([['', ['100000000000002']]]);
  });
});

describe('findCards with loneAdds: suggestions with Follow alone', () => {
  const html = `<ul>
      <li><a href="/ana.example">Ana Example</a><button>Follow</button></li>
      <li><a href="/bo.example">Bo Example</a><button>Following</button></li>
      <li><a href="/cy.example">Cy Example</a><button>Follow</button><button aria-label="Dismiss">✕</button></li>
    </ul>`;

  it('finds a person with one Follow and nothing else as a suggestion that has nothing to remove', () => {
    page(html);
    const cards = findCards(document, linkMarks('instagram', 'https://www.instagram.com/explore/people/'), undefined, { loneAdds: true });
    expect(cards.map((c) => [c.kind, c.identities[0], c.negative === null])).toEqual([
      ['suggestion', 'ana.example', true],
      ['suggestion', 'cy.example', false],
    ]);
    expect(pressRole(cards[0]!.card, 'negative').ok).toBe(false);
  });

  it('finds only the pair without the option', () => {
    page(html);
    const cards = findCards(document, linkMarks('instagram', 'https://www.instagram.com/explore/people/'));
    expect(cards.map((c) => c.identities[0])).toEqual(['cy.example']);
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

describe('personRows: rows never grow into a stop', () => {
  it('a lone person in a column stays below the column, not the whole page', () => {
    page(`<div id="page"><nav role="navigation" id="nav"><div><a href="/ana.example">Ana Example</a></div></nav>
      <div role="main"><p>Nothing here</p></div></div>`);
    const scope = document.getElementById('page')!;
    const marks = linkMarks('facebook', 'https://www.facebook.com/friends/list/');
    expect(personRows(scope, marks).map((r) => r.row.id)).toEqual(['nav']);
    expect(personRows(scope, marks, '[role="navigation"]').map((r) => r.row.tagName)).toEqual(['DIV']);
  });
});

describe('cost: reading a page costs each card its own marks and controls', () => {
  /** How often findCards and personRows ask whether one element holds another, on a list of `n` cards. */
  function containsCalls(n: number): number {
    page(
      `<div id="list">${Array.from(
        { length: n },
        (_, i) => `<div><a href="/person.number${i}">Person ${i}</a><div role="button">Confirm</div><div role="button">Delete</div></div>`,
      ).join('')}</div>`,
    );
    const marks = linkMarks('facebook', 'https://www.facebook.com/friends/requests/');
    const original = Node.prototype.contains;
    let calls = 0;
    Node.prototype.contains = function (this: Node, other: Node | null) {
      calls++;
      return original.call(this, other);
    };
    try {
      expect(findCards(document.body, marks)).toHaveLength(n);
      expect(personRows(document.getElementById('list')!, marks)).toHaveLength(n);
    } finally {
      Node.prototype.contains = original;
    }
    return calls;
  }

  /** How often findCards compares two elements' places in the page, on a list of `n` labelled cards. */
  function placeComparisons(n: number): number {
    page(
      `<div id="list">${Array.from(
        { length: n },
        (_, i) => `<div><a href="/person.number${i}">Person ${i}</a><div role="button">Confirm</div><div role="button">Delete</div></div>`,
      ).join('')}</div>`,
    );
    const marks = linkMarks('facebook', 'https://www.facebook.com/friends/requests/');
    const compare = vi.spyOn(Node.prototype, 'compareDocumentPosition');
    try {
      expect(findCards(document.body, marks).map((card) => card.name)).toEqual(Array.from({ length: n }, (_, i) => `Person ${i}`));
      return compare.mock.calls.length;
    } finally {
      compare.mockRestore();
    }
  }

  it('gives labelled cards in page order without sorting them again', () => {
    expect(placeComparisons(50)).toBe(0);
  });

  it('grows with the number of cards, not with its square', () => {
    const small = containsCalls(50);
    const large = containsCalls(200);
    expect(large).toBeLessThanOrEqual(small * 4 + 10);
  });
});
