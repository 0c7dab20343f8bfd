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
    // A heading: a card holding one is the profile header's preview, not a card (isCard).
    '<h1><span dir="auto">Noa Field</span></h1>',
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

it('a heading arriving inside a request card asks for a full scan, which reads the card as the profile preview it now is', () => {
  const page = SCANNED.find((p) => p.fixture === 'facebook/friend-requests.en.html')!;
  loadReplica(page.fixture);
  setPageUrl(page.url);
  const url = new URL(page.url);
  const scanner = facebookAdapter.scanner!(document);
  const card = scanner.scan(url).find((c) => c.kind === 'request')!.element;
  const heading = document.createElement('h1');
  heading.textContent = 'Noa Field';
  card.append(heading);
  const full = facebookAdapter.findCandidates(document, url);
  expect(full.map((c) => c.element)).not.toContain(card);
  const found = scanner.update([heading], url);
  if (found !== null) expect(found.map((c) => c.element)).toEqual(full.map((c) => c.element));
  expect(found).toBeNull();
});

it('a second link of a request’s person, added beside the name’s box, grows the card as a full scan would (identities in page order)', () => {
  const url = new URL('https://www.facebook.com/friends/requests/');
  loadReplica('facebook/friend-requests.nested.hr.html');
  setPageUrl(url.href);
  const scanner = facebookAdapter.scanner!(document);
  const ivana = scanner.scan(url).find((c) => c.name === 'Ivana Jurić')!;
  expect(ivana.identities).toEqual(['100089412703001']);
  // Her vanity address, linked from a new avatar before her other links (the box around her card).
  const avatar = document.createElement('a');
  avatar.setAttribute('href', 'https://www.facebook.com/ivana.juric.7');
  avatar.innerHTML = '<svg aria-label="Ivana Jurić" role="img"></svg>';
  const row = ivana.element.closest('[data-replica-person="ivana"]')!;
  row.prepend(avatar);
  const found = scanner.update([avatar], url);
  expect(found).not.toBeNull();
  const full = facebookAdapter.findCandidates(document, url);
  expect(found!.map((c) => [c.element, c.identities])).toEqual(full.map((c) => [c.element, c.identities]));
  expect(full.find((c) => c.name === 'Ivana Jurić')!.identities).toEqual(['ivanajuric7', '100089412703001']);
});
