// @vitest-environment happy-dom
import { expect, it } from 'vitest';
import { facebookAdapter } from '@/lib/sites/facebook/adapter';
import { FACEBOOK_PAGES } from '../../fixtures/facebook/pages';
import { loadReplica, setPageUrl } from './replica-dom';
import { copyAroundCandidate, copyOfCandidate, copyOfPart, describeScannerSuite, markup } from './scanner-harness';

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

describeScannerSuite('facebook', facebookAdapter, SCANNED, PIECES, () => {
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
