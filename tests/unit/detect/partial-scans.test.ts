// @vitest-environment happy-dom
import { afterEach, describe, expect, it } from 'vitest';
import { facebookAdapter } from '@/lib/sites/facebook/adapter';
import type { Candidate, PageScanner } from '@/lib/sites/types';
import { watch, type PageChange } from '@/lib/detect/watcher';
import { heavyFacebook, HEAVY_FACEBOOK_URL } from '../../fixtures/heavy/facebook';
import { loadReplica } from '../sites/replica-dom';

// Partial scans (a scanner looking at added elements alone) must answer exactly what a scan of
// the whole page would, or decline (null). These tests insert things at random into the
// replicas and compare every answer with a full scan of the page as it then is.

/** A small seeded PRNG, so that a failure can be replayed. */
function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = Math.imul(state ^ (state >>> 15), state | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const shape = (candidates: readonly Candidate[]) =>
  candidates.map((c) => ({ kind: c.kind, platform: c.platform, identities: c.identities, name: c.name }));

/** Checks `got` against a full scan: same people, same names, same elements, same order. */
function expectSameAsFullScan(got: readonly Candidate[], url: URL): void {
  const want = facebookAdapter.findCandidates(document, url);
  expect(shape(got)).toEqual(shape(want));
  got.forEach((candidate, i) => expect(candidate.element).toBe(want[i]!.element));
}

/** Things a page might add: copies of its own cards (as someone else, or the same person), and odd pieces. */
function makeInsertable(next: () => number, templates: readonly Element[], serial: number): Element {
  const roll = next();
  if (roll < 0.6 && templates.length > 0) {
    const copy = templates[Math.floor(next() * templates.length)]!.cloneNode(true) as Element;
    if (next() < 0.85) {
      // Someone new: every profile link in the copy points at a new person.
      for (const link of copy.querySelectorAll('a[href]')) {
        const href = link.getAttribute('href')!;
        link.setAttribute('href', /\d{6,}/.test(href) ? href.replace(/\d{6,}/, String(100099000000000 + serial)) : href.replace(/facebook\.com\/[a-z.0-9]+/i, `facebook.com/new.person.${serial}`));
      }
    }
    return copy;
  }
  const pieces = [
    `<div role="button" aria-label="Delete" tabindex="0"><span>Delete</span></div>`,
    `<div><div role="button" aria-label="Confirm">Confirm</div><div role="button" aria-label="Delete">Delete</div></div>`,
    `<a href="https://www.facebook.com/profile.php?id=${100098000000000 + serial}">Lone ${serial}</a>`,
    `<span><a href="https://www.facebook.com/friends/suggestions/?profile_id=${100097000000000 + serial}">Suggested ${serial}</a></span>`,
    `<a href="https://www.facebook.com/friends/requests/">See all</a>`,
    `<div role="region" aria-label="More"><div><a href="https://www.facebook.com/friends/requests/?profile_id=${100096000000000 + serial}">Req ${serial}</a><div role="button">Confirm</div><div role="button">Delete</div></div></div>`,
    `<div role="progressbar" aria-label="Loading..."></div>`,
    `<div role="listitem"><a href="https://www.facebook.com/people/X/${100095000000000 + serial}/">P ${serial}</a><div role="button">Confirm</div><div role="button">Delete</div></div>`,
  ];
  const holder = document.createElement('div');
  holder.innerHTML = pieces[Math.floor(next() * pieces.length)]!;
  return holder.firstElementChild!;
}

/**
 * Random insertions, each step checked. `stream`: copies of cards into the lists that hold
 * cards, as infinite scrolling does; otherwise anything, anywhere.
 */
function exercise(fixture: string, href: string, seed: number, steps: number, stream: boolean) {
  loadReplica(fixture);
  const url = new URL(href);
  const scanner: PageScanner = facebookAdapter.scanner!(document);
  let reported = scanner.scan(url);
  expectSameAsFullScan(reported, url);
  const next = random(seed);
  const templates = () => [...document.querySelectorAll('[data-replica-person]')];
  let partial = 0;
  for (let step = 0; step < steps; step++) {
    const added: Element[] = [];
    const count = 1 + Math.floor(next() * 3);
    const places = [...document.body.querySelectorAll('*')].filter((e) => !['SCRIPT', 'STYLE', 'svg', 'path', 'TEMPLATE'].includes(e.tagName));
    for (let i = 0; i < count; i++) {
      const cards = templates();
      const element = stream
        ? makeInsertable(() => next() * 0.5, cards, step * 10 + i)
        : makeInsertable(next, cards, step * 10 + i);
      const home = cards[Math.floor(next() * cards.length)]?.parentElement;
      const place = stream || next() < 0.5 ? (home ?? document.body) : places[Math.floor(next() * places.length)]!;
      // Insert beside or into an element: at the end, at the start, or before a random child.
      const children = [...place.children];
      const before = next() < 0.5 ? null : children[Math.floor(next() * children.length)] ?? null;
      place.insertBefore(element, before);
      added.push(element);
    }
    const outermost = added.filter((element) => !added.some((other) => other !== element && other.contains(element)));
    const got = scanner.update(outermost, url);
    if (got === null) {
      reported = scanner.scan(url);
      expectSameAsFullScan(reported, url);
      continue;
    }
    partial++;
    expectSameAsFullScan(got, url);
    // Only additions: what was reported before is still there, as the same objects.
    for (const candidate of reported) expect(got).toContain(candidate);
    reported = got;
  }
  return partial;
}

// Each random test compares a few dozen partial scans with full ones: well within a second on an
// idle machine, but given room for a busy one.
describe('Facebook partial scans', { timeout: 30_000 }, () => {
  afterEach(() => {
    document.body.innerHTML = '';
  });

  const pages = [
    ['facebook/friend-requests.en.html', 'https://www.facebook.com/friends/requests/'],
    ['facebook/friend-requests.es.html', 'https://www.facebook.com/friends/requests/'],
    ['facebook/friend-requests.mbasic.en.html', 'https://mbasic.facebook.com/friends/center/requests/'],
    ['facebook/friends-home.fr.html', 'https://www.facebook.com/friends/'],
  ] as const;

  for (const [fixture, href] of pages) {
    it(`cards arriving in ${fixture}'s lists: partial scans, each what a full scan gives`, () => {
      let partial = 0;
      for (const seed of [1, 2]) partial += exercise(fixture, href, seed, 25, true);
      // The partial path was taken, not declined every time.
      expect(partial).toBeGreaterThan(25);
    });
    it(`anything inserted anywhere in ${fixture}: a partial scan, if any, is what a full scan gives`, () => {
      for (const seed of [3, 4]) exercise(fixture, href, seed, 25, false);
    });
  }

  // One case for each thing that can make new elements change what was there before them.
  const id = (n: number) => String(100089000000000 + n);
  const card = (n: number, link = `https://www.facebook.com/friends/requests/?profile_id=${id(n)}`) =>
    `<div class="card"><a href="${link}">Person ${n}</a><div><div role="button" aria-label="Confirm">Confirm</div><div role="button" aria-label="Delete">Delete</div></div></div>`;
  const fromHtml = (html: string) => {
    const holder = document.createElement('div');
    holder.innerHTML = html;
    return holder.firstElementChild!;
  };
  const cases: { name: string; url: string; page: string; into: string; before?: string; html: string }[] = [
    {
      name: 'a card alone in an empty box grows to the box',
      url: 'https://www.facebook.com/friends/requests/',
      page: `<div role="main"><div data-pagelet="FriendRequests"><div id="list">${card(1)}${card(2)}</div><div><div id="empty"></div></div></div></div>`,
      into: '#empty',
      html: card(3),
    },
    {
      name: 'buttons beside a link that was on no card make a card of it',
      url: 'https://www.facebook.com/friends/requests/',
      page: `<div role="main"><div data-pagelet="FriendRequests"><div id="list">${card(1)}</div><div><div id="lone"><a href="https://www.facebook.com/profile.php?id=${id(9)}">Lone</a></div></div></div></div>`,
      into: '#lone',
      html: `<div><div role="button">Confirm</div><div role="button">Delete</div></div>`,
    },
    {
      name: 'a link put beside buttons that were on no card makes a card',
      url: 'https://www.facebook.com/friends/requests/',
      page: `<div role="main"><div data-pagelet="FriendRequests"><div id="list">${card(1)}</div><div><div id="buttons"><div><div role="button">Confirm</div><div role="button">Delete</div></div></div></div></div></div>`,
      into: '#buttons',
      html: `<span><a href="https://www.facebook.com/profile.php?id=${id(7)}">Late link</a></span>`,
    },
    {
      name: 'a second person inside a card unmakes it',
      url: 'https://www.facebook.com/friends/requests/',
      page: `<div role="main"><div data-pagelet="FriendRequests"><div id="list">${card(1)}${card(2)}</div></div></div>`,
      into: '#list > .card',
      html: `<span><a href="https://www.facebook.com/profile.php?id=${id(8)}">Other</a></span>`,
    },
    {
      name: 'a suggestions link turns a section of requests into suggestions',
      url: 'https://www.facebook.com/friends/',
      page: `<div role="main"><div role="region" id="region"><a href="https://www.facebook.com/friends/requests/">See all</a><div role="list"><div role="listitem">${card(1, `https://www.facebook.com/profile.php?id=${id(1)}`)}</div></div></div></div>`,
      into: '#region',
      html: `<a href="https://www.facebook.com/friends/suggestions/">See all suggestions</a>`,
    },
    {
      name: 'a card put before the others comes first',
      url: 'https://www.facebook.com/friends/requests/',
      page: `<div role="main"><div data-pagelet="FriendRequests"><div id="list">${card(1)}${card(2)}${card(3)}</div></div></div>`,
      into: '#list',
      before: '#list > .card',
      html: card(4),
    },
    {
      name: 'cards added to the end of a list come last',
      url: 'https://www.facebook.com/friends/requests/',
      page: `<div role="main"><div data-pagelet="FriendRequests"><div id="list">${card(1)}${card(2)}</div></div></div>`,
      into: '#list',
      html: card(5),
    },
  ];
  for (const c of cases) {
    it(`${c.name}: a partial scan says so, or declines`, () => {
      document.body.innerHTML = c.page;
      const url = new URL(c.url);
      const scanner = facebookAdapter.scanner!(document);
      const before = scanner.scan(url);
      expectSameAsFullScan(before, url);
      const element = fromHtml(c.html);
      document.querySelector(c.into)!.insertBefore(element, c.before ? document.querySelector(c.before) : null);
      const got = scanner.update([element], url);
      if (got !== null) expectSameAsFullScan(got, url);
    });
  }

  it('cards streaming into the heavy replica are all scanned on their own', () => {
    const heavy = heavyFacebook({ streamCards: 300, clientEvery: 40, arrivals: 0, clients: 100 });
    const parsed = new DOMParser().parseFromString(heavy.html, 'text/html');
    for (const script of parsed.querySelectorAll('script')) script.remove();
    const page = document.importNode(parsed.documentElement, true);
    document.documentElement.remove();
    document.appendChild(page);
    const url = new URL(HEAVY_FACEBOOK_URL);
    const scanner = facebookAdapter.scanner!(document);
    expect(scanner.scan(url)).toEqual([]);
    const list = document.querySelector('[data-heavy-list]')!;
    let reported: Candidate[] = [];
    for (let from = 0; from < 300; from += 50) {
      const holder = document.createElement('div');
      holder.innerHTML = Array.from({ length: 50 }, (_, i) => heavy.cardHtml(from + i)).join('');
      const cards = [...holder.children];
      list.append(...cards);
      const got = scanner.update(cards, url);
      expect(got).not.toBeNull();
      expectSameAsFullScan(got!, url);
      expect(got!.slice(0, reported.length)).toEqual(reported);
      reported = got!;
    }
    expect(reported.map((c) => c.identities[0])).toEqual(heavy.people.slice(0, 300).map(([id]) => id));
  });
});

describe('watch: what changed since the last scan', () => {
  let controller: AbortController;
  afterEach(() => controller.abort());

  const settle = () => new Promise((resolve) => setTimeout(resolve, 150));
  /** Waits for the scan a change calls for (a busy machine may run the watcher's timers late). */
  const scanned = async (changes: readonly PageChange[], count = 1) => {
    for (let waited = 0; changes.length < count && waited < 3000; waited += 25) await new Promise((resolve) => setTimeout(resolve, 25));
  };

  function start() {
    document.body.innerHTML = '<div id="list"><div class="card"><a href="/in/ana/">Ana</a><div role="button">Ignore</div></div></div>';
    controller = new AbortController();
    const changes: PageChange[] = [];
    const tracked = new Set(document.querySelectorAll('.card'));
    watch(document.body, { scan: (change) => changes.push(change), isTracked: (el) => tracked.has(el), signal: controller.signal });
    return changes;
  }

  it('passes on added cards alone, once, for a burst', async () => {
    const changes = start();
    const list = document.getElementById('list')!;
    const cards = Array.from({ length: 5 }, (_, i) => {
      const card = document.createElement('div');
      card.innerHTML = `<a href="/in/person-${i}/">Person ${i}</a>`;
      list.append(card);
      return card;
    });
    await scanned(changes);
    await settle();
    expect(changes).toEqual([{ full: false, added: cards }]);
  });

  it('asks for a full scan when a link leaves, or a card changes', async () => {
    const changes = start();
    document.querySelector('.card [role="button"]')!.remove();
    await scanned(changes);
    expect(changes.map((c) => c.full)).toEqual([true]);
  });

  it('buttons added alone call for no scan, but the next scan sees them', async () => {
    const changes = start();
    const buttons = document.createElement('div');
    buttons.innerHTML = '<div role="button">Confirm</div>';
    document.body.append(buttons);
    await settle();
    expect(changes).toEqual([]);
    const card = document.createElement('div');
    card.innerHTML = '<a href="/in/zoe/">Zoe</a>';
    document.body.append(card);
    await scanned(changes);
    expect(changes).toEqual([{ full: false, added: [buttons, card] }]);
  });

  it('buttons leaving outside any reported card make the next scan a full one, without calling for it', async () => {
    const changes = start();
    const loose = document.createElement('div');
    loose.innerHTML = '<div role="button">Remove</div>';
    document.body.append(loose);
    await settle();
    loose.remove();
    await settle();
    expect(changes).toEqual([]);
    const card = document.createElement('div');
    card.innerHTML = '<a href="/in/zoe/">Zoe</a>';
    document.body.append(card);
    await scanned(changes);
    expect(changes).toEqual([{ full: true, added: [] }]);
  });

  it('a link that changes address makes the next scan a full one, without calling for it', async () => {
    const changes = start();
    document.querySelector('a')!.setAttribute('href', '/in/someone-else/');
    await settle();
    expect(changes).toEqual([]);
    const card = document.createElement('div');
    card.innerHTML = '<a href="/in/zoe/">Zoe</a>';
    document.body.append(card);
    await scanned(changes);
    expect(changes).toEqual([{ full: true, added: [] }]);
  });
});
