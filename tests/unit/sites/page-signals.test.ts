// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
// A content script loads its own site's identity rules with its adapter; these pages are of all three sites.
import '@/lib/identity';
import { looksUnreadable, pageSignals } from '@/lib/sites/page-signals';

const REQUESTS = new URL('https://www.facebook.com/friends/requests/');

function page(html: string): Document {
  document.body.innerHTML = html;
  return document;
}

const TOP_BAR = `<div role="banner"><a href="https://www.facebook.com/riley.moss.counselling">Riley</a>
  <div role="button" aria-label="Add to story">Add</div><div role="button" aria-label="Remove notification">x</div></div>`;

describe('pageSignals', () => {
  it('counts people by their profile links, each once, and card controls by what their labels say', () => {
    const doc = page(`${TOP_BAR}
      <div role="navigation" aria-label="Friend requests">
        <a href="https://www.facebook.com/friends/requests/?profile_id=100000000000001">
          <span>Rowan Example</span>
          <div role="button" aria-label="Confirm">Confirm</div><div role="button" aria-label="Delete">Delete</div></a>
        <a href="/profile.php?id=100000000000002">Casey</a><a href="https://www.facebook.com/profile.php?id=100000000000002">Casey</a>
        <button>Löschen</button><span tabindex="0">Delete</span>
      </div>
      <div role="main"><a href="/friends/">Friends</a><a href="/groups/123/">A group</a><button>See all</button></div>`);
    // The banner's own link and buttons do not count; a <span> is not a control.
    expect(pageSignals(doc, 'facebook', REQUESTS)).toEqual({ people: 2, accepts: 1, declines: 2, paired: 1 });
  });

  it('a header inside a section is that section’s, and counts; the page’s own header does not', () => {
    const doc = page(`<header><a href="https://www.linkedin.com/in/maren-holt/">Me</a></header>
      <main><section><header><a href="https://www.linkedin.com/in/rowan-example/">Rowan</a></header></section></main>`);
    expect(pageSignals(doc, 'linkedin', new URL('https://www.linkedin.com/mynetwork/invitation-manager/received/')).people).toBe(1);
  });

  it('reads icon-only dismiss buttons and Connect links as a suggestion’s pair', () => {
    const doc = page(`<div><a href="https://www.linkedin.com/in/sam-suggest/">Sam Suggest</a>
      <a aria-label="Invite Sam Suggest to connect" href="/preload/custom-invite/?vanityName=sam-suggest">Connect</a>
      <button aria-label="Dismiss">✕</button></div>`);
    expect(pageSignals(doc, 'linkedin', new URL('https://www.linkedin.com/mynetwork/grow/'))).toEqual({ people: 1, accepts: 1, declines: 1, paired: 1 });
  });

  it('reads labels in other languages and verbs last (card-words.ts)', () => {
    const doc = page(`<a href="https://www.linkedin.com/in/ana/">Ana</a>
      <button aria-label="Einladung von Ana ignorieren">Ignorieren</button><button aria-label="Annehmen">Annehmen</button>`);
    expect(pageSignals(doc, 'linkedin', new URL('https://www.linkedin.com/mynetwork/'))).toEqual({ people: 1, accepts: 1, declines: 1, paired: 1 });
  });

  it('finds a person with two controls in a language no word table knows', () => {
    const doc = page(`<ul><li><a href="/profile.php?id=100000000000003">Ana</a><div role="button">დადასტურება</div><div role="button">წაშლა</div></li></ul>`);
    expect(pageSignals(doc, 'facebook', REQUESTS)).toEqual({ people: 1, accepts: 0, declines: 0, paired: 1 });
  });
});

describe('looksUnreadable', () => {
  it.each([
    ['a person with a pair of controls on a requests page', { people: 1, accepts: 1, declines: 1, paired: 0 }, 'requests', true],
    ['people and controls on a page of no known kind', { people: 9, accepts: 9, declines: 9, paired: 0 }, null, false],
    ['controls that are not a pair (only accepts)', { people: 4, accepts: 4, declines: 0, paired: 0 }, 'requests', false],
    ['a pair but nobody linked', { people: 0, accepts: 3, declines: 3, paired: 0 }, 'suggestions', false],
    ['an empty requests page', { people: 0, accepts: 0, declines: 0, paired: 0 }, 'requests', false],
    ['several people on a messages page, no buttons', { people: 3, accepts: 0, declines: 0, paired: 0 }, 'messages', true],
    ['two people on a messages page', { people: 2, accepts: 0, declines: 0, paired: 0 }, 'messages', false],
    ['several people on a connections page, no buttons', { people: 5, accepts: 0, declines: 0, paired: 0 }, 'connections', false],
    ['a person with two controls in a language Boundary cannot read', { people: 1, accepts: 0, declines: 0, paired: 1 }, 'requests', true],
  ] as const)('%s', (_label, signals, kind, unreadable) => {
    expect(looksUnreadable(signals, kind)).toBe(unreadable);
  });
});
