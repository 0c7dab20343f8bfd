// @vitest-environment happy-dom
import { expect, it } from 'vitest';
import { linkedinAdapter } from '@/lib/sites/linkedin/adapter';
import { LINKEDIN_PAGES } from '../../fixtures/linkedin/pages';
import { loadReplica, setPageUrl } from './replica-dom';
import { copyAroundCandidate, copyOfCandidate, copyOfPart, describeScannerSuite, markup } from './scanner-harness';

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

describeScannerSuite('linkedin', linkedinAdapter, SCANNED, PIECES, () => {
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

it('overlay list: nested item marks are one conversation, read alone or on insertion', () => {
  const url = new URL('https://www.linkedin.com/feed/');
  const item = (name: string) =>
    `<div class="msg-overlay-list-bubble__convo-item--v2"><div class="msg-overlay-list-bubble__convo-card-container--v2">` +
    `<li class="msg-conversation-listitem"><div class="msg-conversation-card" tabindex="0"><h3 class="msg-conversation-card__participant-names">${name}</h3></div></li></div></div>`;
  document.body.innerHTML = `<aside id="msg-overlay"><div class="msg-overlay-list-bubble"><div class="msg-overlay-list-bubble__conversations-list">${item('Ivo Brand')}</div></div></aside>`;
  setPageUrl(url.href);
  const scanner = linkedinAdapter.scanner!(document);
  const outer = () => [...document.querySelectorAll('.msg-overlay-list-bubble__convo-item--v2')];
  expect(scanner.scan(url).map((c) => [c.name, c.element])).toEqual([['Ivo Brand', outer()[0]]]);
  const list = document.querySelector('.msg-overlay-list-bubble__conversations-list')!;
  list.insertAdjacentHTML('beforeend', item('Noa Field'));
  const found = scanner.update([list.lastElementChild!], url);
  expect(found?.map((c) => [c.name, c.element])).toEqual([['Ivo Brand', outer()[0]], ['Noa Field', outer()[1]]]);
  expect(found!.map((c) => c.element)).toEqual(linkedinAdapter.findCandidates(document, url).map((c) => c.element));
});
