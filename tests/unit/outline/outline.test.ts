// @vitest-environment happy-dom
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { identityFromHref, type Platform } from '@/lib/identity';
import { outlineOf } from '@/lib/outline/outline';
import { LOWER_CASE_WORDS, PATH_WORDS, TEXT_WORDS, TOKEN, fold } from '@/lib/outline/words';
import { facebookAdapter } from '@/lib/sites/facebook/adapter';
import { instagramAdapter } from '@/lib/sites/instagram/adapter';
import { linkedinAdapter } from '@/lib/sites/linkedin/adapter';
import type { Candidate, SiteAdapter } from '@/lib/sites/types';
import { PROFILE_PAGES, REPLICA_PAGES, type ReplicaPage } from '../../fixtures/replicas';
import { appendLaterItems, attachReplicaShadowRoots, loadReplica, loadReplicaHtml, setPageUrl } from '../sites/replica-dom';

// Every replica, outlined: nothing of its people may survive, and the outline, loaded as a
// replica at the page's address (which the outline gives with its identities replaced, as a
// profile's person and an open conversation are read from the address), must give the adapter
// the same candidates. The tests read the
// replicas' data-replica-* marks to know who is who; the outline drops them.

const ADAPTERS: Record<Platform, SiteAdapter> = {
  facebook: facebookAdapter,
  instagram: instagramAdapter,
  linkedin: linkedinAdapter,
};

/** Every element of the document, open shadow roots included. */
function allElements(root: ParentNode = document): Element[] {
  const found: Element[] = [];
  for (const element of root.querySelectorAll('*')) {
    found.push(element);
    if (element.shadowRoot) found.push(...allElements(element.shadowRoot));
  }
  return found;
}

const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** Whether `text` holds `needle` as a whole (not inside a longer word, number or id). */
function holdsWhole(text: string, needle: string, flags = 'u'): boolean {
  return new RegExp(`(?<![\\p{L}\\p{M}\\p{N}])${escape(needle)}(?![\\p{L}\\p{M}\\p{N}])`, flags).test(text);
}

/** Conversation keys in a link: /messages/t/<id>/, /messages/e2ee/t/<id>/, /direct/t/<id>/, /messaging/thread/<id>/. */
const THREAD_IN_LINK = /\/(?:messages\/(?:e2ee\/)?t|direct\/t|messaging\/thread)\/([^/?#]+)/;

interface Reading {
  candidates: Candidate[];
  profile: Candidate | null;
}

function read(platform: Platform, url: URL): Reading {
  const adapter = ADAPTERS[platform];
  return { candidates: adapter.findCandidates(document, url), profile: adapter.profileOf(document, url) };
}

/** What must not survive: the people the page names, their identities, usernames and threads. */
function secretsOf(platform: Platform, url: URL, { candidates, profile }: Reading) {
  const people = [...candidates, ...(profile ? [profile] : [])];
  const names = people.map((c) => c.name).filter((name) => name.trim() !== '');
  const ids = new Set<string>(people.flatMap((c) => [...c.identities, ...(c.thread ? [c.thread] : [])]));
  const marks = new Set<string>();
  for (const element of allElements()) {
    const person = element.getAttribute('data-replica-person');
    if (person) marks.add(person);
    const href = element.getAttribute('href');
    if (!href) continue;
    const identity = identityFromHref(platform, href, url.href);
    // lib/identity reads a site's own sections (Instagram's /archive/) as usernames too; those stay.
    if (identity && !PATH_WORDS.has(fold(identity))) ids.add(identity);
    const thread = THREAD_IN_LINK.exec(href)?.[1];
    if (thread) ids.add(thread);
  }
  for (const id of [...ids]) ids.add(encodeURIComponent(id));
  return { names, ids: [...ids].filter((id) => id.length > 1), marks: [...marks] };
}

/**
 * Whether a word of a name is in the outline, as somebody's: the sites' own UI words may be, and
 * short framing words ("de", "le") may be in lower case, as the sites write them.
 */
function keepsNameWord(outline: string, folded: string, word: string): boolean {
  const key = fold(word);
  if (word.length < 2 || TEXT_WORDS.has(key) || /^\d+$/.test(word)) return false;
  return LOWER_CASE_WORDS.has(key) ? word !== key && holdsWhole(outline, word) : holdsWhole(folded, key);
}

/** For each pair of values, whether they are equal: a consistent mapping keeps this. */
const equalities = (values: readonly string[]) => values.map((a) => values.map((b) => a === b));

function expectSameCandidates(original: Reading, outlined: Reading): void {
  const shape = (c: Candidate) => ({
    kind: c.kind,
    platform: c.platform,
    identities: c.identities.length,
    named: c.name.trim() !== '',
    thread: c.thread !== undefined,
    open: c.open ?? false,
  });
  const everyone = (r: Reading) => [...r.candidates, ...(r.profile ? [r.profile] : [])];
  expect(everyone(outlined).map(shape)).toEqual(everyone(original).map(shape));
  expect(outlined.profile === null).toBe(original.profile === null);
  // The same people and conversations, told apart as the originals were.
  const identities = (r: Reading) => everyone(r).flatMap((c) => c.identities);
  expect(equalities(identities(outlined))).toEqual(equalities(identities(original)));
  const threads = (r: Reading) => everyone(r).flatMap((c) => (c.thread ? [c.thread] : []));
  expect(equalities(threads(outlined))).toEqual(equalities(threads(original)));
}

/** The address an outline says it reads as the page did, its identities replaced like the links'. */
function addressOf(outline: string): string {
  const address = /Address, with the same placeholders: (\S+)/.exec(outline)?.[1];
  expect(address, 'the outline gives the page’s address').toBeDefined();
  return address!;
}

const PAGES: ReplicaPage[] = [...REPLICA_PAGES, ...PROFILE_PAGES];

describe.each(PAGES)('the outline of $fixture at $url', ({ platform, url, fixture }) => {
  const at = new URL(url);

  /** The replica as a browser shows it; `later`: once its later items have loaded too. */
  function open(later: boolean): void {
    setPageUrl(url);
    loadReplica(fixture);
    attachReplicaShadowRoots();
    if (later) appendLaterItems();
  }

  const hasLater = readFileSync(resolve(import.meta.dirname, '../../fixtures', fixture), 'utf8').includes('data-replica-later');
  const states: [string, boolean][] = hasLater ? [['as it loads', false], ['with its later items', true]] : [['as it loads', false]];

  describe.each(states)('%s', (_, later) => {
    it('keeps no name, id, username or thread of the page', () => {
      open(later);
      const original = read(platform, at);
      const secrets = secretsOf(platform, at, original);
      const outline = outlineOf(document);
      expect(secrets.ids.length + secrets.names.length).toBeGreaterThan(0);
      for (const id of secrets.ids) expect(holdsWhole(outline, id), `id ${id}`).toBe(false);
      for (const mark of secrets.marks) expect(holdsWhole(outline, mark, 'iu'), `person ${mark}`).toBe(false);
      // Class names are the site's code; a name's word may happen to be part of one.
      const unclassed = outline.replace(/\sclass="[^"]*"/g, '');
      const folded = fold(unclassed);
      for (const name of secrets.names) {
        expect(fold(outline).includes(fold(name)), `name ${name}`).toBe(false);
        for (const [word] of name.matchAll(TOKEN)) {
          expect(keepsNameWord(unclassed, folded, word), `“${word}” of ${name}`).toBe(false);
        }
      }
    });

    it('gives the same candidates, loaded as a replica at the address it gives', () => {
      open(later);
      const original = read(platform, at);
      const outline = outlineOf(document);
      const address = addressOf(outline);
      expect(new URL(address).origin).toBe(at.origin);
      setPageUrl(address);
      loadReplicaHtml(outline);
      expectSameCandidates(original, read(platform, new URL(address)));
    });
  });
});

describe('a name that is part of a site word', () => {
  it('“Sol” goes, though Catalan’s “Sol·licitat” is kept whole', () => {
    setPageUrl('https://www.instagram.com/');
    loadReplicaHtml('<!DOCTYPE html><html><body><div role="button"><span>Sol·licitat</span></div><span>Sol Varga</span><span>sol</span></body></html>');
    const outline = outlineOf(document);
    expect(outline).toContain('Sol·licitat');
    expect(holdsWhole(outline.replaceAll('Sol·licitat', ''), 'Sol', 'iu')).toBe(false);
    expect(outline).not.toContain('Varga');
  });
});
