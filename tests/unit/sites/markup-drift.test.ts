// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import type { Platform } from '@/lib/identity/platform';
import { facebookAdapter } from '@/lib/sites/facebook/adapter';
import { instagramAdapter } from '@/lib/sites/instagram/adapter';
import { linkedinAdapter } from '@/lib/sites/linkedin/adapter';
import type { Candidate, SiteAdapter } from '@/lib/sites/types';
import { REPLICA_PAGES } from '../../fixtures/replicas';
import { UNSEEN_PAGES } from '../../fixtures/unseen';
import { loadReplica, setPageUrl } from './replica-dom';

/*
 * What the sites change between one deploy and the next, or between one user's rollout and
 * another's, without changing what the page shows: the hashed class names (Facebook's and
 * Instagram's atomic classes, LinkedIn's SDUI ones are generated at build time), and how deep
 * the wrappers go (a layout component added or dropped around a row's parts). On every replica,
 * each such change must leave what the adapter finds exactly as it was: the same people, kinds,
 * names, and cards. A reading that leaned on a class name or on a fixed depth fails here.
 */

const ADAPTERS: Record<Platform, SiteAdapter> = { facebook: facebookAdapter, instagram: instagramAdapter, linkedin: linkedinAdapter };

const PAGES = [...new Map([...REPLICA_PAGES, ...UNSEEN_PAGES].map((page) => [`${page.fixture} ${page.url}`, page])).values()];

/** A small seeded generator, so that a failure replays exactly. */
function random(seed: number): () => number {
  let state = seed >>> 0 || 1;
  return () => {
    state ^= state << 13;
    state ^= state >>> 17;
    state ^= state << 5;
    return (state >>> 0) / 2 ** 32;
  };
}

const seedOf = (text: string) => [...text].reduce((hash, char) => Math.imul(hash ^ char.charCodeAt(0), 0x01000193), 0x811c9dc5);

/**
 * A class token as a build tool generates it: Facebook's and Instagram's atomic `x1n2onr6`,
 * CSS-module hashes such as `_a9zs` or `e1f2a3b4`, with a digit somewhere. Words such as LinkedIn's
 * Ember `invitation-card__action-btn` are names its developers chose and stay.
 */
const HASHED = /^(?:x[0-9a-z]{4,9}|_[0-9a-z]{3,9}|(?=[a-z]*\d)[0-9a-z]{6,10})$/;

/** Every hashed class renamed, the same way wherever it appears (a new deploy's stylesheet). */
function renameHashedClasses(rng: () => number): void {
  const renamed = new Map<string, string>();
  const fresh = (old: string) => {
    let name = renamed.get(old);
    if (!name) {
      const body = Array.from({ length: Math.max(4, old.length - 1) }, () => 'abcdefghijklmnopqrstuvwxyz0123456789'[Math.floor(rng() * 36)]).join('');
      name = old.startsWith('_') ? `_${body}` : `x${body}`;
      renamed.set(old, name);
    }
    return name;
  };
  for (const element of document.querySelectorAll('[class]')) {
    const tokens = element.getAttribute('class')!.split(/\s+/).filter(Boolean);
    element.setAttribute('class', tokens.map((token) => (HASHED.test(token) ? fresh(token) : token)).join(' '));
  }
}

/**
 * One more layout wrapper inside about a third of the `div`s that have elements in them: the
 * div's children move, in order, into a new div with a generated class. The page looks and reads
 * the same; only the depth between a row and its parts changes.
 */
function addWrappers(rng: () => number): void {
  const divs = [...document.body.querySelectorAll('div')].filter((div) => div.firstElementChild && !div.closest('template'));
  for (const div of divs) {
    if (rng() > 0.33) continue;
    const wrapper = document.createElement('div');
    wrapper.className = `x${Math.floor(rng() * 36 ** 6).toString(36)}`;
    wrapper.append(...div.childNodes);
    div.append(wrapper);
  }
}

/** Every <button> as a div with the button role, as some rollouts draw them; attributes and content kept. */
function buttonsAsDivs(): void {
  for (const button of [...document.body.querySelectorAll('button')]) {
    const div = document.createElement('div');
    for (const { name, value } of button.attributes) if (name !== 'type') div.setAttribute(name, value);
    if (!div.hasAttribute('role')) div.setAttribute('role', 'button');
    if (!div.hasAttribute('tabindex')) div.setAttribute('tabindex', '0');
    div.append(...button.childNodes);
    button.replaceWith(div);
  }
}

/** Every link's address written the other way: a path made absolute on the page's origin, an address on it made a path. */
function linksWrittenOtherwise(origin: string): void {
  for (const link of document.body.querySelectorAll('a[href]')) {
    const href = link.getAttribute('href')!;
    if (href.startsWith('/') && !href.startsWith('//')) link.setAttribute('href', origin + href);
    else if (href.startsWith(origin + '/')) link.setAttribute('href', href.slice(origin.length));
  }
}

/** A tracking parameter on every link to elsewhere on the site, as Facebook's `__tn__` and LinkedIn's `trk`. */
function trackingOnLinks(origin: string): void {
  for (const link of document.body.querySelectorAll('a[href]')) {
    const href = link.getAttribute('href')!;
    if (!(href.startsWith('/') || href.startsWith(origin))) continue;
    const [path, hash] = href.split('#') as [string, string?];
    link.setAttribute('href', `${path}${path.includes('?') ? '&' : '?'}__tn__=%2CdC-R-R${hash !== undefined ? `#${hash}` : ''}`);
  }
}

/** The page's text nodes, outside scripts and styles. */
function textNodes(): Text[] {
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  const nodes: Text[] = [];
  for (let node = walker.nextNode(); node; node = walker.nextNode()) if (node.nodeValue!.trim() !== '' && !node.parentElement?.closest('script, style, template')) nodes.push(node as Text);
  return nodes;
}

/** Every text split in two at its first space, as a framework writes `{first} {last}`: the same words in two text nodes. */
function textsSplit(): void {
  for (const node of textNodes()) {
    const space = node.nodeValue!.indexOf(' ', 1);
    if (space > 0 && space < node.nodeValue!.length - 1) node.splitText(space);
  }
}

/** Every text in a plain span of its own, as the sites wrap names and labels in layers of spans. */
function textsInSpans(): void {
  for (const node of textNodes()) {
    const span = document.createElement('span');
    node.replaceWith(span);
    span.append(node);
  }
}

/** role="link" on every link without a role, as Instagram writes most of its links. */
function linkRoles(): void {
  for (const link of document.body.querySelectorAll('a[href]:not([role])')) link.setAttribute('role', 'link');
}

/**
 * A control a person presses (Confirm, Delete, ✕): a button with a few words or an icon, not a
 * whole row drawn as one (Instagram's Direct rows are role=button, holding a name and an avatar).
 */
const CONTROL = 'button, [role="button"]';
const isSmallControl = (element: Element) =>
  element.matches(CONTROL) && !element.querySelector('img, a[href], [role="button"], button') && (element.textContent ?? '').trim().length <= 40;

/** Each pair of controls side by side in the other order (Delete before Confirm), as a right-to-left or a newer layout may put them. */
function pairsSwapped(): void {
  for (const parent of [...document.body.querySelectorAll('*')]) {
    const controls = [...parent.children].filter((child) => isSmallControl(child) || (child.children.length === 1 && isSmallControl(child.firstElementChild!)));
    if (controls.length === 2 && parent.children.length === 2) parent.append(controls[0]!);
  }
}

/**
 * Controls' words in title case ("Confirm Request", "Eliminar Solicitud"), as another rollout may
 * write them. (Not upper case: lower-casing it again is not the same word in every language;
 * Turkish KAPALI is kapalı.)
 */
function labelsRecased(): void {
  const recase = (text: string) => text.replace(/(^|\s)(\p{Ll})/gu, (_, space: string, letter: string) => space + letter.toUpperCase());
  for (const control of [...document.body.querySelectorAll(CONTROL)].filter(isSmallControl)) {
    const label = control.getAttribute('aria-label');
    if (label) control.setAttribute('aria-label', recase(label));
    const walker = document.createTreeWalker(control, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) node.nodeValue = recase(node.nodeValue!);
  }
}

function personOf(element: Element): string {
  return element.closest('[data-replica-person]')?.getAttribute('data-replica-person') ?? `<${element.tagName.toLowerCase()}>`;
}

const summary = (candidates: readonly Candidate[]) =>
  candidates.map((c) => ({ kind: c.kind, identities: c.identities, name: c.name, person: personOf(c.element), ...(c.thread !== undefined && { thread: c.thread }), ...(c.open && { open: true }) }));

const DRIFTS: [string, (rng: () => number, origin: string) => void][] = [
  ['its hashed classes renamed', renameHashedClasses],
  ['a wrapper more inside a third of its divs', addWrappers],
  ['its buttons drawn as divs with the button role', buttonsAsDivs],
  ['its links’ addresses written the other way (path or whole address)', (_rng, origin) => linksWrittenOtherwise(origin)],
  ['a tracking parameter on every link within the site', (_rng, origin) => trackingOnLinks(origin)],
  ['its texts split in two at a space', textsSplit],
  ['each of its texts in a span of its own', textsInSpans],
  ['role="link" on its links', linkRoles],
  ['its pairs of controls in the other order', pairsSwapped],
  ['its controls’ words in title case', labelsRecased],
];

describe.each(PAGES)('$fixture at $url', (page) => {
  const adapter = ADAPTERS[page.platform];
  const url = new URL(page.url);
  const read = () => summary(adapter.findCandidates(document, url));

  it.each(DRIFTS)('reads the same with %s', (_name, drift) => {
    loadReplica(page.fixture);
    setPageUrl(page.url);
    const before = read();
    drift(random(seedOf(page.fixture)), url.origin);
    expect(read()).toEqual(before);
  });
});
