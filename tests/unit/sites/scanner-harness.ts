import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { benchPages, type BenchSite } from '../../fixtures/bench';
import { loadReplica, loadReplicaHtml, setPageUrl } from './replica-dom';
import type { Candidate, SiteAdapter } from '@/lib/sites/types';

/**
 * What every site's PageScanner must do (lib/sites/types.ts): after elements are inserted, its
 * `update` answers exactly what a full findCandidates would (the same elements, kinds, people,
 * names, threads, in the same order), keeping the candidates found before as the same objects;
 * or null, asking for a full scan. Tests here drive random insertions into replica pages.
 */

/** Something to insert: a copy of part of the page (given new numbers), or markup of its own. */
export type Piece = (document: Document, candidates: readonly Candidate[], pick: number) => Element | null;

/** Copies of one of the page's candidates, their long numbers (ids, threads) made new so they are other people. */
export const copyOfCandidate: Piece = (doc, candidates, pick) => {
  const source = candidates.filter((c) => c.element !== doc.body && c.element !== doc.documentElement)[pick % Math.max(1, candidates.length)];
  return source ? renumbered(source.element) : null;
};

/** A copy of the element around one of the candidates (a list's or a card's wrapper). */
export const copyAroundCandidate: Piece = (doc, candidates, pick) => {
  const source = candidates[pick % Math.max(1, candidates.length)]?.element.parentElement;
  // Not a whole page's worth: copies of copies would grow without end.
  return source && source !== doc.body && source !== doc.documentElement && source.getElementsByTagName('*').length < 400 ? renumbered(source) : null;
};

/** A copy of one control or link of the page, alone. */
export const copyOfPart =
  (selector: string): Piece =>
  (doc, _candidates, pick) => {
    const parts = [...doc.body.querySelectorAll(selector)];
    const source = parts[pick % Math.max(1, parts.length)];
    return source ? renumbered(source) : null;
  };

/** Markup of its own. */
export const markup =
  (...html: string[]): Piece =>
  (doc, _candidates, pick) => {
    const box = doc.createElement('div');
    box.innerHTML = html[pick % html.length]!;
    return box.firstElementChild;
  };

let serial = 0;
function renumbered(element: Element): Element {
  const copy = element.cloneNode(true) as Element;
  serial++;
  for (const node of [copy, ...copy.querySelectorAll('*')]) {
    for (const attribute of [...node.attributes]) {
      if (/\d{6,}/.test(attribute.value)) node.setAttribute(attribute.name, attribute.value.replace(/\d{6,}/g, (digits) => String(BigInt(digits) + BigInt(serial * 7919))));
      else if (attribute.name === 'href' && /^\/[\w.]+\/?$/.test(attribute.value)) node.setAttribute('href', attribute.value.replace(/[\w.]+/, (name) => `${name}_${serial}`));
      else if (attribute.name === 'alt' && /^[\w.]+['’]s/.test(attribute.value)) node.setAttribute('alt', attribute.value.replace(/^[\w.]+/, (name) => `${name}_${serial}`));
    }
  }
  return copy;
}

/** The added elements still on the page, none inside another (what content-main passes on). */
export function outermost(added: readonly Element[]): Element[] {
  const all = new Set(added.filter((element) => element.isConnected));
  return [...all].filter((element) => {
    for (let at = element.parentElement; at; at = at.parentElement) if (all.has(at)) return false;
    return true;
  });
}

/** Where to insert: beside a candidate (in its list), inside one, or anywhere in the page's body. */
function placeFor(doc: Document, candidates: readonly Candidate[], where: number, pick: number): { parent: Element; before: Node | null } {
  const listed = candidates.filter((c) => c.element.parentElement && c.element !== doc.body);
  let parent: Element;
  if (where === 0 && listed.length > 0) parent = listed[pick % listed.length]!.element.parentElement!;
  else if (where === 1 && listed.length > 0) {
    const card = listed[pick % listed.length]!.element;
    const inside = [card, ...card.querySelectorAll('*')].filter((el) => !(el instanceof SVGElement));
    parent = inside[(pick >> 3) % inside.length]!;
  } else {
    const all = [...doc.body.querySelectorAll('*')].filter((el) => !(el instanceof SVGElement) && el.localName !== 'template');
    parent = all[pick % all.length] ?? doc.body;
  }
  const children = [...parent.childNodes];
  return { parent, before: children[(pick >> 5) % (children.length + 1)] ?? null };
}

/** The plain facts of candidates, elements compared by identity. */
const facts = (candidates: readonly Candidate[], elements: Map<Element, number>) =>
  candidates.map(({ kind, platform, identities, name, element, thread, open }) => {
    if (!elements.has(element)) elements.set(element, elements.size);
    return { kind, platform, identities, name, element: elements.get(element), thread, open };
  });

export interface ScannerRun {
  /** Updates that answered, and those that asked for a full scan. */
  answered: number;
  refused: number;
}

const step = fc.record({
  piece: fc.nat(),
  pick: fc.nat({ max: 1 << 20 }),
  where: fc.nat({ max: 3 }),
  count: fc.integer({ min: 1, max: 3 }),
});

/**
 * Random sequences of insertions into the page `load` builds; after each, the scanner's update
 * must equal a fresh full scan. Returns how often update answered.
 */
export function checkPartialEqualsFull(adapter: SiteAdapter, url: URL, load: () => void, pieces: readonly Piece[], runs = 25): ScannerRun {
  const tally: ScannerRun = { answered: 0, refused: 0 };
  fc.assert(
    fc.property(fc.array(step, { minLength: 1, maxLength: 8 }), (steps) => {
      load();
      const scanner = adapter.scanner!(document);
      let previous = scanner.scan(url);
      expect(facts(previous, new Map())).toEqual(facts(adapter.findCandidates(document, url), new Map()));
      for (const { piece, pick, where, count } of steps) {
        const added: Element[] = [];
        for (let i = 0; i < count; i++) {
          const element = pieces[(piece + i) % pieces.length]!(document, previous, pick + i * 131);
          if (!element) continue;
          const { parent, before } = placeFor(document, previous, where, pick + i * 977);
          parent.insertBefore(element, before);
          added.push(element);
        }
        const partial = scanner.update(outermost(added), url);
        const full = adapter.findCandidates(document, url);
        if (partial === null) {
          tally.refused++;
          previous = scanner.scan(url);
          continue;
        }
        tally.answered++;
        const elements = new Map<Element, number>();
        expect(facts(partial, elements)).toEqual(facts(full, elements));
        // The candidates found before, when they say the same, are the same objects. One element can
        // be read twice (two pairs of controls lifted to one list item), so it is one of those before.
        const said = (c: Candidate) => JSON.stringify(facts([c], new Map()));
        const before = new Map<Element, Candidate[]>();
        for (const c of previous) before.set(c.element, [...(before.get(c.element) ?? []), c]);
        for (const candidate of partial) {
          const same = (before.get(candidate.element) ?? []).filter((old) => said(old) === said(candidate));
          if (same.length > 0) expect(same).toContain(candidate);
        }
        previous = partial;
      }
    }),
    { numRuns: runs },
  );
  return tally;
}

/**
 * The suite every site's scanner runs: random insertions into each replica it scans and into the
 * site's bench pages, answers equal to a full scan; and plain appends of bench rows answered
 * (not refused), the rows before kept. Site-specific cases go in `more`, inside the second block.
 */
export function describeScannerSuite(
  site: BenchSite,
  adapter: SiteAdapter,
  pages: readonly { fixture: string; url: string }[],
  pieces: readonly Piece[],
  more: () => void = () => undefined,
): void {
  describe(`${site}Scanner: partial scans equal full ones`, () => {
    for (const page of pages) {
      it(`${page.fixture} at ${new URL(page.url).pathname}`, () => {
        const url = new URL(page.url);
        const run = checkPartialEqualsFull(adapter, url, () => {
          loadReplica(page.fixture);
          setPageUrl(page.url);
        }, pieces);
        expect(run.answered).toBeGreaterThan(0);
      }, 60_000);
    }

    for (const bench of benchPages({ rows: 40, clientEvery: 10, arrivals: 2 }).filter((p) => p.site === site)) {
      it(`the bench's ${bench.kind}, with rows streamed in`, () => {
        const url = new URL(bench.url);
        const load = () => {
          loadReplicaHtml(bench.html);
          setPageUrl(bench.url);
          document.querySelector('[data-heavy-list]')!.innerHTML = Array.from({ length: 12 }, (_, i) => bench.rowHtml(i)).join('');
        };
        const run = checkPartialEqualsFull(adapter, url, load, pieces);
        expect(run.answered).toBeGreaterThan(0);
      }, 60_000);
    }
  });

  describe(`${site}Scanner: plain list appends are read alone`, () => {
    for (const bench of benchPages({ rows: 60, clientEvery: 10, arrivals: 2 }).filter((p) => p.site === site)) {
      it(`the bench's ${bench.kind}: each batch of rows answers, the rows before kept`, () => {
        loadReplicaHtml(bench.html);
        setPageUrl(bench.url);
        const url = new URL(bench.url);
        const list = document.querySelector('[data-heavy-list]')!;
        const scanner = adapter.scanner!(document);
        let previous = scanner.scan(url);
        for (let from = 0; from < 60; from += 10) {
          const box = document.createElement('div');
          box.innerHTML = Array.from({ length: 10 }, (_, i) => bench.rowHtml(from + i)).join('');
          const rows = [...box.children];
          list.append(...rows);
          // The stream's "loading" indicator, added alone beside the list.
          const spinner = document.createElement('div');
          spinner.setAttribute('role', 'progressbar');
          list.after(spinner);
          const found = scanner.update(outermost([...rows, spinner]), url);
          expect(found).not.toBeNull();
          expect(found!.filter((c) => list.contains(c.element))).toHaveLength(from + 10);
          for (const old of previous) expect(found).toContain(old);
          expect(found!.map((c) => c.element)).toEqual(adapter.findCandidates(document, url).map((c) => c.element));
          spinner.remove();
          previous = found!;
        }
      });
    }

    more();
  });
}
