// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { facebookAdapter } from '@/lib/sites/facebook/adapter';
import { instagramAdapter } from '@/lib/sites/instagram/adapter';
import { linkedinAdapter } from '@/lib/sites/linkedin/adapter';
import type { SiteAdapter } from '@/lib/sites/types';
import { roleOf } from '@/lib/sites/cards';
import { looksUnreadable, pageSignals } from '@/lib/sites/page-signals';
import { REPLICA_PAGES } from '../../fixtures/replicas';
import { loadReplica, setPageUrl } from './replica-dom';

// A site rolled out in a UI language no word table knows: every control's label is in Georgian.
// On the pages that exist to list requests, the people with a pair of controls are still found
// (detection does not depend on the language), and nothing on them is pressed (that does); where
// a page mixes kinds that only the labels tell apart (Facebook's Friends home), Boundary says it
// cannot read the page rather than show nothing.

const ADAPTERS: Record<string, SiteAdapter> = { facebook: facebookAdapter, instagram: instagramAdapter, linkedin: linkedinAdapter };
const UNKNOWN_WORDS = ['დადასტურება', 'წაშლა', 'მიღება', 'უარყოფა'];

/** Rewrites every control's aria-label and text into words Boundary cannot read. */
function relabelControls(): void {
  let i = 0;
  // Buttons, and links that read as one (LinkedIn's Accept drawn as a link to the page itself).
  const controls = [...document.querySelectorAll<HTMLElement>('button, [role="button"], a[href]')].filter((el) => el.localName !== 'a' || (roleOf(el) !== null && !el.querySelector('button, [role="button"]')));
  for (const control of controls) {
    const word = UNKNOWN_WORDS[i++ % UNKNOWN_WORDS.length]!;
    if (control.hasAttribute('aria-label')) control.setAttribute('aria-label', word);
    for (const label of control.querySelectorAll('[aria-label]')) label.setAttribute('aria-label', word);
    // Text only where the control holds text, so that icons stay icons; a leading ellipsis
    // ("…more") is punctuation, not a word, and stays.
    const text = (control.textContent ?? '').trim();
    if (text) control.textContent = `${/^(?:…|\.{3})/u.exec(text)?.[0] ?? ''}${word}`;
  }
}

const REQUEST_PAGES = REPLICA_PAGES.filter((page) => ADAPTERS[page.platform]!.pageKindOf(new URL(page.url)) === 'requests');

describe.each(REQUEST_PAGES)('$fixture with its controls in an unknown language', ({ platform, url, fixture }) => {
  const adapter = ADAPTERS[platform]!;
  const requestsOf = () =>
    adapter
      .findCandidates(document, new URL(url))
      .filter((c) => c.kind === 'request')
      .map((c) => c.identities.join(' '));

  it('still finds the requests, or says it cannot read the page; and presses nothing', () => {
    loadReplica(fixture);
    setPageUrl(url);
    const before = requestsOf();
    expect(before.length).toBeGreaterThan(0);
    relabelControls();
    const after = adapter.findCandidates(document, new URL(url));
    const requests = after.filter((c) => c.kind === 'request');
    const foundAll = before.every((person) => requests.some((c) => c.identities.join(' ') === person));
    if (!foundAll) {
      expect(after, 'found nobody, so the page must read as unreadable').toEqual([]);
      expect(looksUnreadable(pageSignals(document, platform, new URL(url)), 'requests')).toBe(true);
    }
    for (const candidate of requests) expect(adapter.decline(candidate.element).ok).toBe(false);
  });
});

it('covers request pages of every site', () => {
  expect(new Set(REQUEST_PAGES.map((page) => page.platform))).toEqual(new Set(['facebook', 'instagram', 'linkedin']));
});
