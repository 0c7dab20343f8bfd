// @vitest-environment happy-dom
import fc from 'fast-check';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { identityFromHref } from '@/lib/identity';
import { inDocumentOrder, inPageOrder } from '@/lib/sites/card-index';
import { CardIndex, type PersonMark } from '@/lib/sites/cards';

// Issue #16: no quadratic step. Cards whose labels Boundary cannot read (or lone Follow buttons)
// used to be sorted into place by comparing cards two by two; each comparison walks the page
// between them, so a long list cost about n² log n. They are now put in order by one walk.
afterEach(() => vi.restoreAllMocks());

const marks = (): PersonMark[] =>
  [...document.querySelectorAll('a[href]')].flatMap((element) => {
    const identity = identityFromHref('facebook', element.getAttribute('href')!, 'https://www.facebook.com/friends/requests/');
    return identity ? [{ element, identity }] : [];
  });

/** A list mixing cards read from labels, cards in an unknown language, and lone adds. */
function list(rows: number): void {
  document.body.innerHTML = `<div role="list">${Array.from({ length: rows }, (_, i) => {
    const person = `<a href="/p${i}.example"><span>P ${i}</span></a>`;
    const controls = [
      '<div role="button">Confirm</div><div role="button">Delete</div>',
      '<div role="button">დადასტურება</div><div role="button">წაშლა</div>',
      '<button>Add friend</button>',
    ][i % 3];
    return `<div role="listitem">${person}${controls}</div>`;
  }).join('')}</div>`;
}

describe('cards come in page order without comparing them two by two', () => {
  it('a long list of mixed cards: in page order, and no element compared', () => {
    for (const rows of [30, 300]) {
      list(rows);
      // The adapter's marks in another order than the page's, as some adapters list them.
      const index = new CardIndex(document, marks().reverse(), undefined, { unreadPairs: 'request', loneAdds: true });
      const spy = vi.spyOn(Node.prototype, 'compareDocumentPosition');
      const cards = index.cards();
      const compared = spy.mock.calls.length;
      spy.mockRestore();
      expect(cards.map((c) => c.identities[0])).toEqual(Array.from({ length: rows }, (_, i) => `p${i}example`));
      expect(compared, `${rows} rows`).toBe(0);
    }
  });

  it('inDocumentOrder equals sorting by page order, on random trees with items inside items (property)', () => {
    // A tree as nested child counts; items picked among its elements by index.
    const tree = fc.array(fc.integer({ min: 0, max: 4 }), { minLength: 1, maxLength: 40 });
    fc.assert(
      fc.property(tree, fc.array(fc.nat(), { maxLength: 30 }), fc.boolean(), (shape, picks, detached) => {
        const root = document.createElement('div');
        if (!detached) document.body.replaceChildren(root);
        const all: Element[] = [root];
        // Each number is how many children the next element (breadth first) gets.
        let at = 0;
        for (const count of shape) {
          const parent = all[at++];
          if (!parent) break;
          for (let i = 0; i < count; i++) all.push(parent.appendChild(document.createElement(i % 2 ? 'span' : 'div')));
        }
        const items = [...new Set(picks.map((n) => all[n % all.length]!))].map((element) => ({ element }));
        const expected = [...items].sort((a, b) => inPageOrder(a.element, b.element));
        expect(inDocumentOrder(items, (item) => item.element)).toEqual(expected);
      }),
      { numRuns: 300 },
    );
  });
});
