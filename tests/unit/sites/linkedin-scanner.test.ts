// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { linkedinAdapter } from '@/lib/sites/linkedin/adapter';
import { benchPages } from '../../fixtures/bench';
import { LINKEDIN_PAGES } from '../../fixtures/linkedin/pages';
import { loadReplica, loadReplicaHtml, setPageUrl } from './replica-dom';
import { checkPartialEqualsFull, copyAroundCandidate, copyOfCandidate, copyOfPart, markup, outermost } from './scanner-harness';

// LinkedIn's scanner reads what was added alone on invitations, My Network and messaging; whatever
// it answers must be what a full scan finds, or it must ask for one.

const PIECES = [
  copyOfCandidate,
  copyOfCandidate,
  copyAroundCandidate,
  copyOfPart('button, [role="button"]'),
  copyOfPart('a[href*="/in/"]'),
  markup(
    '<div><span>Loading…</span></div>',
    '<div><button aria-label="Accept all">Accept all</button><button aria-label="Ignore all">Ignore all</button></div>',
    '<button aria-label="Ignore">Ignore</button>',
    '<button>Accept</button>',
    '<button aria-label="Connect">Connect</button>',
    '<a href="https://www.linkedin.com/in/noa-field-77a1b2/">Noa Field</a>',
    '<li><a href="https://www.linkedin.com/in/ivo-brand-1c2d3e/">Ivo Brand</a><a href="https://www.linkedin.com/in/ACoAAB1234567890abcdefghij/">Ivo</a><button aria-label="Accept Ivo’s invitation">Accept</button><button aria-label="Ignore">Ignore</button></li>',
    '<li class="msg-conversation-listitem"><a href="/messaging/thread/2-abcdef==/"><h3 class="msg-conversation-listitem__participant-names">Ivo Brand</h3></a></li>',
    '<div role="progressbar" aria-label="Loading..."></div>',
  ),
];

const SCANNED = LINKEDIN_PAGES.filter((page) => !/\/in\/|connections|people-follow/.test(new URL(page.url).pathname));

describe('linkedinScanner: partial scans equal full ones', () => {
  for (const page of SCANNED) {
    it(`${page.fixture} at ${new URL(page.url).pathname}`, () => {
      const url = new URL(page.url);
      const run = checkPartialEqualsFull(linkedinAdapter, url, () => {
        loadReplica(page.fixture);
        setPageUrl(page.url);
      }, PIECES);
      expect(run.answered).toBeGreaterThan(0);
    }, 60_000);
  }

  for (const bench of benchPages({ rows: 40, clientEvery: 10, arrivals: 2 }).filter((p) => p.site === "linkedin")) {
    it(`the bench's ${bench.kind}, with rows streamed in`, () => {
      const url = new URL(bench.url);
      const load = () => {
        loadReplicaHtml(bench.html);
        setPageUrl(bench.url);
        document.querySelector('[data-heavy-list]')!.innerHTML = Array.from({ length: 12 }, (_, i) => bench.rowHtml(i)).join('');
      };
      const run = checkPartialEqualsFull(linkedinAdapter, url, load, PIECES);
      expect(run.answered).toBeGreaterThan(0);
    }, 60_000);
  }
});

describe('linkedinScanner: plain list appends are read alone', () => {
  for (const bench of benchPages({ rows: 60, clientEvery: 10, arrivals: 2 }).filter((p) => p.site === "linkedin")) {
    it(`the bench's ${bench.kind}: each batch of rows answers, the rows before kept`, () => {
      loadReplicaHtml(bench.html);
      setPageUrl(bench.url);
      const url = new URL(bench.url);
      const list = document.querySelector('[data-heavy-list]')!;
      const scanner = linkedinAdapter.scanner!(document);
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
        expect(found!.map((c) => c.element)).toEqual(linkedinAdapter.findCandidates(document, url).map((c) => c.element));
        spinner.remove();
        previous = found!;
      }
    });
  }

  it('invitations: an invitation appended to its list answers', () => {
    const page = SCANNED.find((p) => p.fixture === 'linkedin/invitations-current.en.html')!;
    loadReplica(page.fixture);
    setPageUrl(page.url);
    const url = new URL(page.url);
    const scanner = linkedinAdapter.scanner!(document);
    const before = scanner.scan(url);
    const card = before.find((c) => c.kind === 'request')!.element;
    const copy = card.cloneNode(true) as Element;
    for (const link of copy.querySelectorAll('a[href*="/in/"]')) link.setAttribute('href', link.getAttribute('href')!.replace(/\/in\/([^/]+)/, '/in/$1-copy'));
    card.parentElement!.append(copy);
    const found = scanner.update([copy], url);
    expect(found).not.toBeNull();
    expect(found!.map((c) => c.element)).toContain(copy);
    expect(found!.map((c) => c.element)).toEqual(linkedinAdapter.findCandidates(document, url).map((c) => c.element));
  });
});
