// @vitest-environment happy-dom
import { expect, it, vi } from 'vitest';
import { instagramAdapter } from '@/lib/sites/instagram/adapter';
import { benchPages } from '../../fixtures/bench';
import { INSTAGRAM_PAGES } from '../../fixtures/instagram/pages';
import { loadReplica, loadReplicaHtml, setPageUrl } from './replica-dom';
import { copyAroundCandidate, copyOfCandidate, copyOfPart, describeScannerSuite, markup } from './scanner-harness';

// Instagram's scanner reads what was added alone on the activity page and the Direct thread
// list; whatever it answers must be what a full scan finds, or it must ask for one.

const PIECES = [
  copyOfCandidate,
  copyOfCandidate,
  copyAroundCandidate,
  copyOfPart('button, [role="button"]'),
  copyOfPart('a[href^="/"]'),
  copyOfPart('img'),
  markup(
    '<div><span dir="auto">Loading…</span></div>',
    '<div><button type="button">Confirm</button><button type="button">Delete</button></div>',
    '<button type="button">Delete</button>',
    '<button type="button"><div dir="auto">Follow</div></button>',
    '<a href="/noa.field_77/" role="link"><span dir="auto">noa.field_77</span></a>',
    '<a href="/ivo.brand_12/"><img alt="ivo.brand_12\'s profile picture" src="data:,"></a>',
    '<span dir="auto">Followed by noa.field_77</span>',
    '<div role="listitem"><div><a href="/lia.moss_3/"><img alt="lia.moss_3\'s profile picture" src="data:,"></a></div><div><a href="/lia.moss_3/"><span dir="auto">lia.moss_3</span></a><span dir="auto">Lia Moss</span></div><div><button type="button">Confirm</button><button type="button">Delete</button></div></div>',
    '<div><a href="/ana.reis_4/"><img alt="ana.reis_4\'s profile picture" src="data:,"></a><span>ana.reis_4 commented: lovely</span></div>',
    '<div role="listitem"><div role="button" tabindex="0"><img alt="user-profile-picture" src="data:,"><span dir="auto">Ivo Brand</span></div></div>',
    '<a href="/direct/t/118273645509999/"><span dir="auto">Noa Field</span></a>',
    '<div role="progressbar" aria-label="Loading..."></div>',
  ),
];

/** The kinds read alone: the activity page's follow requests (a page showing notifications is read whole) and the thread list without an open conversation. */
const SCANNED = INSTAGRAM_PAGES.filter((page) => /^\/(accounts\/activity|direct\/(inbox|requests))\//.test(new URL(page.url).pathname) && !page.fixture.includes('notifications'));

describeScannerSuite('instagram', instagramAdapter, SCANNED, PIECES, () => {
  it('an open conversation, notifications, home and profiles ask for full scans', () => {
    for (const page of INSTAGRAM_PAGES.filter((p) => !SCANNED.includes(p))) {
      loadReplica(page.fixture);
      setPageUrl(page.url);
      const url = new URL(page.url);
      const scanner = instagramAdapter.scanner!(document);
      scanner.scan(url);
      const box = document.createElement('div');
      document.body.append(box);
      expect(scanner.update([box], url), page.fixture).toBeNull();
    }
  });

  it('a follow request appended to its list answers, and one named beside it by username is read again', () => {
    const page = SCANNED.find((p) => p.fixture === 'instagram/follow-requests.en.html')!;
    loadReplica(page.fixture);
    setPageUrl(page.url);
    const url = new URL(page.url);
    const scanner = instagramAdapter.scanner!(document);
    const before = scanner.scan(url);
    const request = before.find((c) => c.kind === 'request')!;
    // A line naming someone by a username not linked yet is that request's name, until the username is linked.
    const line = document.createElement('span');
    line.setAttribute('dir', 'auto');
    line.textContent = 'zed.q_01';
    request.element.prepend(line);
    expect(instagramAdapter.findCandidates(document, url).find((c) => c.element === request.element)!.name).toBe('zed.q_01');
    // Inside a request already read: a full scan, which reads that name.
    expect(scanner.update([line], url)).toBeNull();
    expect(scanner.scan(url).find((c) => c.element === request.element)!.name).toBe('zed.q_01');
    const copy = request.element.cloneNode(true) as Element;
    copy.querySelector('span[dir="auto"]')!.remove();
    for (const link of copy.querySelectorAll('a[href^="/"]')) link.setAttribute('href', '/zed.q_01/');
    for (const img of copy.querySelectorAll('img[alt]')) img.setAttribute('alt', "zed.q_01's profile picture");
    request.element.parentElement!.append(copy);
    const found = scanner.update([copy], url);
    expect(found).not.toBeNull();
    expect(found!.map((c) => c.element)).toContain(copy);
    expect(found!.find((c) => c.element === request.element)!.name).not.toBe('zed.q_01');
    expect(found!.map((c) => [c.element, c.name])).toEqual(instagramAdapter.findCandidates(document, url).map((c) => [c.element, c.name]));
  });

  // Reading follow requests once compared rows in page order n log n times, each comparison
  // walking the list's rows in the browser: a count of comparisons, not a timing, catches it.
  it('reading the bench requests page compares page order a bounded number of times, whatever its length', () => {
    const comparisons = (rows: number) => {
      const bench = benchPages({ rows, clientEvery: 10, arrivals: 2 }).find((p) => p.site === 'instagram' && p.kind === 'requests')!;
      loadReplicaHtml(bench.html);
      setPageUrl(bench.url);
      document.querySelector('[data-heavy-list]')!.innerHTML = Array.from({ length: rows }, (_, i) => bench.rowHtml(i)).join('');
      const spy = vi.spyOn(Node.prototype, 'compareDocumentPosition');
      const found = instagramAdapter.findCandidates(document, new URL(bench.url));
      const count = spy.mock.calls.length;
      spy.mockRestore();
      expect(found.filter((c) => c.kind === 'request')).toHaveLength(rows);
      return count;
    };
    const small = comparisons(50);
    const large = comparisons(400);
    // Eight times the rows: the same few comparisons (the suggestions' cards put in place).
    expect(large).toBeLessThanOrEqual(small + 8 * Math.ceil(Math.log2(400)));
  });
});
