// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { facebookAdapter } from '@/lib/sites/facebook/adapter';
import { benchPages } from '../../fixtures/bench';
import { FACEBOOK_PAGES } from '../../fixtures/facebook/pages';
import { loadReplica, loadReplicaHtml, setPageUrl } from './replica-dom';
import { checkPartialEqualsFull, copyAroundCandidate, copyOfCandidate, copyOfPart, markup, outermost } from './scanner-harness';

// Facebook's scanner reads what was added alone on the friends pages and in Messenger; whatever
// it answers must be what a full scan finds, or it must ask for one.

const PIECES = [
  copyOfCandidate,
  copyOfCandidate,
  copyAroundCandidate,
  copyOfPart('[role="button"], button'),
  copyOfPart('a[href]'),
  markup(
    '<div><span dir="auto">Loading…</span></div>',
    '<div><div role="button" aria-label="Confirm all">Confirm all</div><div role="button" aria-label="Delete all">Delete all</div></div>',
    '<div role="button" aria-label="Delete">Delete</div>',
    '<div role="button">Confirm</div>',
    '<div role="button" aria-label="Add friend">Add friend</div>',
    '<a href="https://www.facebook.com/profile.php?id=100077700000001">Noa Field</a>',
    '<div role="progressbar" aria-label="Loading..."></div>',
    '<div role="row"><a href="/messages/t/100077700000002/"><span dir="auto">Ivo Brand</span></a></div>',
  ),
];

const SCANNED = FACEBOOK_PAGES.filter((page) => /\/friends\/(requests|suggestions)?\/?$|\/messages\//.test(new URL(page.url).pathname));

describe('facebookScanner: partial scans equal full ones', () => {
  for (const page of SCANNED) {
    it(`${page.fixture} at ${new URL(page.url).pathname}`, () => {
      const url = new URL(page.url);
      const run = checkPartialEqualsFull(facebookAdapter, url, () => {
        loadReplica(page.fixture);
        setPageUrl(page.url);
      }, PIECES);
      expect(run.answered).toBeGreaterThan(0);
    }, 60_000);
  }

  for (const bench of benchPages({ rows: 40, clientEvery: 10, arrivals: 2 }).filter((p) => p.site === 'facebook')) {
    it(`the bench's ${bench.kind}, with rows streamed in`, () => {
      const url = new URL(bench.url);
      const load = () => {
        loadReplicaHtml(bench.html);
        setPageUrl(bench.url);
        document.querySelector('[data-heavy-list]')!.innerHTML = Array.from({ length: 12 }, (_, i) => bench.rowHtml(i)).join('');
      };
      const run = checkPartialEqualsFull(facebookAdapter, url, load, PIECES);
      expect(run.answered).toBeGreaterThan(0);
    }, 60_000);
  }
});

describe('facebookScanner: plain list appends are read alone', () => {
  for (const bench of benchPages({ rows: 60, clientEvery: 10, arrivals: 2 }).filter((p) => p.site === 'facebook')) {
    it(`the bench's ${bench.kind}: each batch of rows answers, the rows before kept`, () => {
      loadReplicaHtml(bench.html);
      setPageUrl(bench.url);
      const url = new URL(bench.url);
      const list = document.querySelector('[data-heavy-list]')!;
      const scanner = facebookAdapter.scanner!(document);
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
        expect(found!.map((c) => c.element)).toEqual(facebookAdapter.findCandidates(document, url).map((c) => c.element));
        spinner.remove();
        previous = found!;
      }
    });
  }

  it('friend requests: a request card appended to its list answers', () => {
    const page = SCANNED.find((p) => p.fixture === 'facebook/friend-requests.en.html')!;
    loadReplica(page.fixture);
    setPageUrl(page.url);
    const url = new URL(page.url);
    const scanner = facebookAdapter.scanner!(document);
    const before = scanner.scan(url);
    const card = before.find((c) => c.kind === 'request')!.element;
    const copy = card.cloneNode(true) as Element;
    for (const link of copy.querySelectorAll('a[href]')) link.setAttribute('href', link.getAttribute('href')!.replace(/\d{6,}/, '100012300000999'));
    card.parentElement!.append(copy);
    const found = scanner.update([copy], url);
    expect(found).not.toBeNull();
    expect(found!.map((c) => c.element)).toContain(copy);
  });
});
