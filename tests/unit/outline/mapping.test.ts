// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { identityFromHref } from '@/lib/identity';
import { outlineOf } from '@/lib/outline/outline';
import { loadReplicaHtml, setPageUrl } from '../sites/replica-dom';

// How an outline replaces what it replaces, on small pages made for each point.

const PLACEHOLDER = /^\p{Lu}\p{Ll}+\d$/u;

/** The outline of a page whose body is `body`, at `url`, and that outline parsed back. */
function outline(body: string, url = 'https://www.facebook.com/friends/requests/') {
  setPageUrl(url);
  document.head.innerHTML = '<title>Test page</title>';
  document.body.innerHTML = body;
  const html = outlineOf(document);
  return { html, doc: new DOMParser().parseFromString(html, 'text/html') };
}

const attr = (doc: Document, selector: string, name: string) => doc.querySelector(selector)!.getAttribute(name)!;
const text = (doc: Document, selector: string) => doc.querySelector(selector)!.textContent!;

/** Where each character is an upper-case letter, a lower-case letter, a digit or itself. */
const classes = (id: string) => id.replace(/[A-Z]/g, 'A').replace(/[a-z]/g, 'a').replace(/[0-9]/g, '0');

describe('words', () => {
  it('gives the same word the same placeholder everywhere, and keeps the sites’ own words', () => {
    const { doc } = outline(
      `<div role="listitem">
         <a id="l" href="https://www.linkedin.com/in/rowan-example/"><h2>Rowan Example</h2></a>
         <p>ROWAN example</p>
         <button aria-label="Ignore an invitation to connect from Rowan Example">Ignore</button>
         <img alt="Rowan Example’s profile picture" src="https://media.licdn.com/dms/image/rowan.jpg">
       </div>`,
      'https://www.linkedin.com/mynetwork/invitation-manager/received/',
    );
    const [first, second] = text(doc, 'h2').split(' ') as [string, string];
    expect(first).toMatch(PLACEHOLDER);
    expect(second).toMatch(PLACEHOLDER);
    expect(first).not.toBe(second);
    expect(text(doc, 'p')).toBe(`${first.toUpperCase()} ${second.toLowerCase()}`);
    expect(attr(doc, 'button', 'aria-label')).toBe(`Ignore an invitation to connect from ${first} ${second}`);
    expect(text(doc, 'button')).toBe('Ignore');
    expect(attr(doc, 'img', 'alt')).toBe(`${first} ${second}’s profile picture`);
    expect(identityFromHref('linkedin', attr(doc, '#l', 'href'))).toBe(`${first}-${second}`.toLowerCase());
  });

  it('gives different words different placeholders', () => {
    const letters = (n: number): string => (n < 26 ? '' : letters(Math.floor(n / 26) - 1)) + 'abcdefghijklmnopqrstuvwxyz'[n % 26]!;
    const words = Array.from({ length: 500 }, (_, i) => `Zq${letters(i)}`);
    const { doc } = outline(`<p>${words.join(' ')}</p>`);
    const placeholders = text(doc, 'p').split(' ');
    expect(placeholders).toHaveLength(500);
    expect(new Set(placeholders).size).toBe(500);
    for (const placeholder of placeholders) expect(placeholder).toMatch(PLACEHOLDER);
  });

  it('keeps one-letter words and elisions only as grammar, never as initials', () => {
    const { doc } = outline(
      `<p id="es">Invita a Ana a conectar</p><p id="fr">l’invitation de Zoë · Ajouter ami(e)</p><p id="initial">Chidi A. Okoro</p>`,
    );
    expect(text(doc, '#es')).toMatch(/^Invita a \p{Lu}\p{Ll}+\d a conectar$/u);
    expect(text(doc, '#fr')).toMatch(/^l’invitation de \p{Lu}\p{Ll}+\d · Ajouter ami\(e\)$/u);
    expect(text(doc, '#initial')).not.toMatch(/\bA\./);
  });

  it('keeps short framing words in lower case only, as names they go', () => {
    const { doc } = outline(`<h2>People you may know</h2><p>May Le · Foto do perfil de Minh Do</p>`);
    expect(text(doc, 'h2')).toBe('People you may know');
    expect(text(doc, 'p')).toMatch(/^\p{Lu}\p{Ll}+\d \p{Lu}\p{Ll}+\d · Foto do perfil de \p{Lu}\p{Ll}+\d \p{Lu}\p{Ll}+\d$/u);
  });
});

describe('usernames written out', () => {
  it('replaces every piece of a username in text, though a piece is a UI word elsewhere', () => {
    // "theo" is a word of Vietnamese's Follow ("Theo dõi"), and stays in that label.
    const { doc } = outline('<span id="u">theo.blanc</span> <span id="u2">ana_theo</span> <button id="b">Theo dõi</button> <span id="s">Suivre.</span>', 'https://www.instagram.com/');
    expect(text(doc, '#u')).not.toMatch(/theo/i);
    expect(text(doc, '#u2')).not.toMatch(/theo/i);
    expect(text(doc, '#b')).toBe('Theo dõi');
    // A sentence's full stop joins nothing.
    expect(text(doc, '#s')).toBe('Suivre.');
  });
});

describe('numbers and ids', () => {
  it('replaces a Facebook id by other digits of the same length, the same everywhere', () => {
    const { doc } = outline(
      `<a id="request" href="/friends/requests/?profile_id=100089412300001">a</a>
       <a id="profile" href="https://www.facebook.com/profile.php?id=100089412300001">b</a>
       <a id="people" href="/people/Ana-Souza/100089412300002/">c</a>
       <a id="thread" href="/messages/t/100089412300001/">d</a>
       <p>Call 0612345678 · 2h · 3 mutual friends</p>`,
    );
    const base = 'https://www.facebook.com/';
    const ids = ['request', 'profile', 'people'].map((id) => identityFromHref('facebook', attr(doc, `#${id}`, 'href'), base)!);
    for (const id of ids) expect(id).toMatch(/^[1-9][0-9]{14}$/);
    expect(ids[0]).toBe(ids[1]);
    expect(ids[2]).not.toBe(ids[0]);
    expect(ids).not.toContain('100089412300001');
    expect(ids).not.toContain('100089412300002');
    expect(attr(doc, '#people', 'href')).not.toMatch(/Ana|Souza/);
    expect(attr(doc, '#thread', 'href')).toBe(`/messages/t/${ids[0]}/`);
    expect(text(doc, 'p')).toMatch(/ 0[0-9]{9} · 2h · 3 mutual friends$/);
    expect(text(doc, 'p')).not.toContain('0612345678');
  });

  it('replaces usernames and slugs by placeholders each site still reads as one', () => {
    const { doc } = outline(
      `<a id="fb" href="https://www.facebook.com/tessa.lindqvist.hale">a</a>
       <a id="fb-short" href="https://www.facebook.com/anna1">b</a>
       <a id="ig" href="https://www.instagram.com/mira.okafor.lund/"><img alt="mira.okafor.lund's profile picture"></a>
       <a id="ig-de" href="https://www.instagram.com/jonas.weber/"><img alt="jonas.webers Profilbild"></a>
       <a id="li" href="https://www.linkedin.com/in/declan-achterberg-5e91a3/">c</a>
       <a id="li-accented" href="https://www.linkedin.com/in/zo%C3%AB-dubois-4b2a1c/">Zoë Dubois</a>`,
    );
    const fb = identityFromHref('facebook', attr(doc, '#fb', 'href'))!;
    expect(fb).toMatch(/^[a-z0-9]{5,}$/);
    expect(fb).not.toContain('tessa');
    expect(identityFromHref('facebook', attr(doc, '#fb-short', 'href'))).toMatch(/^[a-z0-9]{5,}$/);
    const ig = identityFromHref('instagram', attr(doc, '#ig', 'href'))!;
    expect(ig).toMatch(/^[a-z0-9]+\.[a-z0-9]+\.[a-z0-9]+$/);
    expect(attr(doc, '#ig img', 'alt')).toBe(`${ig}'s profile picture`);
    expect(attr(doc, '#ig-de img', 'alt')).toBe(`${identityFromHref('instagram', attr(doc, '#ig-de', 'href'))}s Profilbild`);
    const li = identityFromHref('linkedin', attr(doc, '#li', 'href'))!;
    expect(li.split('-')).toHaveLength(3);
    expect(li).not.toMatch(/declan|achterberg|5e91a3/);
    const accented = identityFromHref('linkedin', attr(doc, '#li-accented', 'href'))!;
    expect(accented).not.toMatch(/zo|dubois/);
    expect(accented.split('-')[0]).toBe(text(doc, '#li-accented').split(' ')[0]!.toLowerCase());
  });

  it('replaces a LinkedIn member id by another of the same length and case, wherever it is', () => {
    const member = 'ACoAAAHbc3YBx7lW0pYTJn1BfO2mJ0zJg4T0Ifc';
    const { html, doc } = outline(
      `<section componentkey="com.linkedin.sdui.profile.card.ref${member}Topcard">
         <a id="profile" href="/in/${member}/">a</a>
         <a id="message" href="/messaging/compose/?profileUrn=urn%3Ali%3Afsd_profile%3A${member}&amp;recipient=${member}">Message</a>
         <div role="listitem" componentkey="urn:li:invitation:7261234567"></div>
       </section>`,
      'https://www.linkedin.com/in/ACoAAAHbc3YBx7lW0pYTJn1BfO2mJ0zJg4T0Ifc/',
    );
    expect(html).not.toContain(member);
    const id = identityFromHref('linkedin', attr(doc, '#profile', 'href'), 'https://www.linkedin.com/')!;
    const other = attr(doc, '#profile', 'href').split('/')[2]!;
    expect(other).toHaveLength(member.length);
    expect(other.startsWith('ACoA')).toBe(true);
    expect(classes(other)).toBe(classes(member));
    // However lib/identity spells a member id, it is this one.
    expect(id.toLowerCase()).toContain(other.toLowerCase());
    expect(attr(doc, '#message', 'href')).toBe(
      `/messaging/compose/?profileUrn=urn%3Ali%3Afsd_profile%3A${other}&recipient=${other}`,
    );
    expect(attr(doc, 'section', 'componentkey')).toBe(`com.linkedin.sdui.profile.card.ref${other}Topcard`);
    expect(attr(doc, '[role="listitem"]', 'componentkey')).toMatch(/^urn:li:invitation:[1-9][0-9]{9}$/);
    expect(attr(doc, '[role="listitem"]', 'componentkey')).not.toContain('7261234567');
  });

  it('gives conversation keys placeholders of the same shape', () => {
    const linkedin = '2-YTk3ZDFlNmUtMGI0Mi00ZjdhLWJmMjktNmM1ZTg4ZDJhMTcwXzAxMA==';
    const { doc } = outline(
      `<a id="li" href="https://www.linkedin.com/messaging/thread/${linkedin}/">a</a>
       <a id="ig" href="/direct/t/118273645501928/">b</a>
       <a id="fb" href="/messages/e2ee/t/8812000000000032/">c</a>`,
    );
    const li = attr(doc, '#li', 'href').split('/')[5]!;
    expect(li).not.toBe(linkedin);
    expect(classes(li)).toBe(classes(linkedin));
    expect(attr(doc, '#ig', 'href')).toMatch(/^\/direct\/t\/[1-9][0-9]{14}\/$/);
    expect(attr(doc, '#ig', 'href')).not.toContain('118273645501928');
    expect(attr(doc, '#fb', 'href')).toMatch(/^\/messages\/e2ee\/t\/[1-9][0-9]{15}\/$/);
  });
});

describe('structure', () => {
  it('keeps classes, roles and the sites’ structural names, and replaces the ids in them', () => {
    const { doc } = outline(
      `<div data-pagelet="FriendRequests" class="x1n2onr6 msg-overlay-bubble-header">
         <div data-testid="lazy-column" data-view-name="pending-invitation" role="list" aria-hidden="false">
           <section id="thread-rowan" data-replica-person="rowan" data-member-id="987654321" data-tooltip="Ana Souza, Remove"><h2>Rowan</h2></section>
           <div role="region" aria-labelledby="thread-rowan"></div>
         </div>
       </div>`,
    );
    expect(attr(doc, '[data-pagelet]', 'data-pagelet')).toBe('FriendRequests');
    expect(attr(doc, '[data-pagelet]', 'class')).toBe('x1n2onr6 msg-overlay-bubble-header');
    expect(attr(doc, '[role="list"]', 'data-testid')).toBe('lazy-column');
    expect(attr(doc, '[role="list"]', 'data-view-name')).toBe('pending-invitation');
    expect(attr(doc, '[role="list"]', 'aria-hidden')).toBe('false');
    const section = doc.querySelector('section')!;
    expect(section.id).toBe(`thread-${text(doc, 'h2').toLowerCase()}`);
    expect(attr(doc, '[role="region"]', 'aria-labelledby')).toBe(section.id);
    expect(section.hasAttribute('data-replica-person')).toBe(false);
    expect(section.getAttribute('data-member-id')).toMatch(/^[1-9][0-9]{8}$/);
    expect(section.getAttribute('data-member-id')).not.toBe('987654321');
    // A script's data may name someone the page shows nowhere else.
    expect(section.getAttribute('data-tooltip')).toMatch(/^\p{Lu}\p{Ll}+\d \p{Lu}\p{Ll}+\d, Remove$/u);
  });

  it('leaves out images, styles, scripts, comments, typed values, embedded pages and animations', () => {
    const { html, doc } = outline(
      `<img id="photo" src="https://scontent.xx.fbcdn.net/v/rowan.jpg" srcset="https://scontent.xx.fbcdn.net/v/rowan2.jpg 2x" style="background:url(rowan.jpg)">
       <svg><image id="avatar" href="https://scontent.xx.fbcdn.net/a.jpg" xlink:href="https://scontent.xx.fbcdn.net/a.jpg"></image></svg>
       <script>window.rowanSecret = 1</script><style>.rowan { color: red }</style><noscript>rowan</noscript>
       <!-- rowan's comment -->
       <embed src="https://www.facebook.com/plugins/rowan"><video src="https://x.fbcdn.net/rowan.mp4" poster="https://x.fbcdn.net/rowan.jpg"></video>
       <input id="box" value="rowan example" aria-label="Message"><textarea>rowan draft</textarea>
       <template id="later"><p>Rowan later</p></template>
       <a id="script-link" href="javascript:alert('rowan')" onclick="rowan()">x</a>
       <svg><a id="svg-link" href="/"><set attributeName="href" to="javascript:alert('rowan')"></set></a></svg>`,
    );
    expect(html.toLowerCase()).not.toContain('rowan');
    expect(attr(doc, '#photo', 'src')).toBe('data:,');
    expect(attr(doc, '#photo', 'srcset')).toBe('data:,');
    expect(doc.querySelector('#photo')!.hasAttribute('style')).toBe(false);
    expect(html).toContain('<image id="avatar" href="data:," xlink:href="data:,"></image>');
    expect(doc.querySelectorAll('script, style, noscript')).toHaveLength(0);
    expect(doc.querySelector('embed')!.hasAttribute('src')).toBe(false);
    expect(doc.querySelector('video')!.getAttributeNames()).toEqual([]);
    expect(doc.querySelector('#box')!.hasAttribute('value')).toBe(false);
    expect(attr(doc, '#box', 'aria-label')).toBe('Message');
    expect(text(doc, 'textarea')).toBe('');
    expect((doc.querySelector('#later') as HTMLTemplateElement).content.childNodes).toHaveLength(0);
    expect(doc.querySelector('#script-link')!.hasAttribute('href')).toBe(false);
    expect(doc.querySelector('#script-link')!.hasAttribute('onclick')).toBe(false);
    expect(doc.querySelector('#svg-link')!.children).toHaveLength(0);
  });

  it('replaces other sites’ names and query values, and email addresses', () => {
    const { html, doc } = outline(
      `<a id="site" href="https://www.rowan-example-therapy.com/about/rowan?ref=rowan&amp;utm=spring">a</a>
       <a id="mail" href="mailto:rowan@example.org">b</a>
       <a id="out" href="https://l.facebook.com/l.php?u=https%3A%2F%2Frowan-example.org%2Fme%3Fid%3Drowan&amp;h=AT0xYz">c</a>`,
    );
    expect(html.toLowerCase()).not.toMatch(/rowan|spring/);
    const site = new URL(attr(doc, '#site', 'href'));
    expect(site.hostname).toMatch(/^www\.[a-z0-9]+-[a-z0-9]+-[a-z0-9]+\.com$/);
    expect([...site.searchParams.keys()]).toEqual(['ref', 'utm']);
    expect(attr(doc, '#mail', 'href')).toMatch(/^mailto:[a-z0-9]+@[a-z0-9]+\.[a-z0-9]+$/);
    const out = new URL(attr(doc, '#out', 'href'));
    expect(out.hostname).toBe('l.facebook.com');
    const inner = new URL(out.searchParams.get('u')!);
    expect(inner.pathname).toMatch(/^\/[a-z]+[0-9]$/);
    expect(inner.searchParams.get('id')).toMatch(/^[a-z]+[0-9]$/);
  });

  it('writes open shadow roots as declarative shadow DOM that loads back', () => {
    setPageUrl('https://www.linkedin.com/feed/');
    document.body.innerHTML = '<h2 id="light">Zoë Dubois</h2><div id="interop-outlet"></div><div id="closed"></div>';
    const open = document.getElementById('interop-outlet')!.attachShadow({ mode: 'open' });
    open.innerHTML = '<aside class="msg-overlay-container"><h2 class="msg-overlay-bubble-header__title">Zoë Dubois</h2></aside>';
    document.getElementById('closed')!.attachShadow({ mode: 'closed' }).innerHTML = '<p>Kept inside</p>';
    const html = outlineOf(document);
    expect(html).toContain('<div id="interop-outlet"><template shadowrootmode="open"><aside class="msg-overlay-container">');
    expect(html).not.toContain('Kept inside');
    loadReplicaHtml(html);
    const shadow = document.getElementById('interop-outlet')!.shadowRoot!;
    const name = shadow.querySelector('.msg-overlay-bubble-header__title')!.textContent!;
    expect(name).not.toContain('Zo');
    expect(name).toBe(document.getElementById('light')!.textContent);
  });
});

describe('the outline as a whole', () => {
  it('says what it is, for which site and when, and the page’s address with its identities replaced', () => {
    const { html } = outline('<p>Hello</p>', 'https://www.facebook.com/friends/requests/?profile_id=100089412300001');
    const comment = /<!--([\s\S]*?)-->/.exec(html)![1]!;
    expect(html.startsWith('<!doctype html>\n<!--')).toBe(true);
    expect(comment).toContain('Boundary page outline');
    expect(comment).toContain('https://www.facebook.com,');
    expect(comment).toContain(new Date().toISOString().slice(0, 10));
    expect(comment).toMatch(/replaced/);
    expect(html).not.toContain('100089412300001');
    expect(comment).toMatch(/Address, with the same placeholders: https:\/\/www\.facebook\.com\/friends\/requests\/\?profile_id=[1-9][0-9]{14}\n/);
  });

  it('gives an address that holds -- in a form the comment cannot end on', () => {
    const { html } = outline('<p>Hello</p>', 'https://www.linkedin.com/in/ana--souza-->x/');
    const comment = /<!--([\s\S]*?)-->/.exec(html)![1]!;
    const address = /Address, with the same placeholders: (\S+)/.exec(comment)![1]!;
    expect(decodeURIComponent(new URL(address).pathname)).toMatch(/^\/in\/[a-z0-9]+--[a-z0-9]+-->[a-z0-9]+\/$/);
    expect(comment).not.toContain('--');
  });

  it('reads the page and never changes it', () => {
    setPageUrl('https://www.facebook.com/messages/t/100089412300031/');
    document.body.innerHTML = '<div role="main" data-x="1"><h2><a href="/marta.quell/">Marta Quell</a></h2><img src="https://x.fbcdn.net/a.jpg"></div>';
    document.body.firstElementChild!.attachShadow({ mode: 'open' }).innerHTML = '<slot></slot><b>Marta</b>';
    const before = document.documentElement.outerHTML;
    const observer = new MutationObserver(() => {});
    observer.observe(document, { subtree: true, childList: true, attributes: true, characterData: true });
    const first = outlineOf(document);
    expect(observer.takeRecords()).toEqual([]);
    observer.disconnect();
    expect(document.documentElement.outerHTML).toBe(before);
    expect(document.body.firstElementChild!.shadowRoot!.innerHTML).toBe('<slot></slot><b>Marta</b>');
    // The same page gives the same outline: a maintainer can ask for it again.
    expect(outlineOf(document)).toBe(first);
  });
});
