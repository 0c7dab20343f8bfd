import { outlineUrl } from './links';
import { Placeholders, type Reading } from './placeholders';

/*
 * An anonymised outline of a page, for a bug report when Boundary cannot read a page: the page's
 * structure as Boundary saw it (tags, roles, aria-* and data-* attributes, class names, which are
 * the site's code, and the shapes of its links), with every text, name, id, username and image
 * replaced by placeholders, the same original always by the same placeholder. A maintainer loads
 * it as a replica and sees what Boundary saw; nothing about any person on the page remains.
 * Nothing is sent anywhere: the clinician saves the file and decides what to do with it.
 */

const SVG = 'http://www.w3.org/2000/svg';

/** Elements left out with everything in them: code, styles, and what only scripts read. */
const DROPPED_ELEMENTS = new Set(['script', 'style', 'link', 'noscript']);

/** Elements whose content is a value someone typed or the page's own code: kept empty. */
const EMPTIED_ELEMENTS = new Set(['textarea', 'template']);

const VOID_ELEMENTS = new Set([
  'area', 'base', 'br', 'col', 'embed', 'hr', 'img', 'input', 'link', 'meta', 'param', 'source', 'track', 'wbr',
]);

/** Attributes left out: inline styles and scripts, embedded documents, and our own replicas' marks. */
const DROPPED_ATTRIBUTES = new Set([
  'style', 'srcdoc', 'nonce', 'integrity', 'ping', 'poster', 'background', 'manifest', 'shadowrootmode',
  'shadowrootdelegatesfocus', 'shadowrootclonable', 'shadowrootserializable',
]);

/** Attributes a person reads: replaced as text, the sites' UI words kept. */
const TEXT_ATTRIBUTES = new Set([
  'aria-label', 'aria-description', 'aria-roledescription', 'aria-valuetext', 'aria-placeholder', 'aria-braillelabel',
  'aria-brailleroledescription', 'alt', 'title', 'placeholder', 'label', 'value', 'content', 'summary', 'abbr',
  'download',
]);

/** <meta name> whose content is a setting of the page. */
const META_SETTINGS = new Set(['viewport', 'referrer', 'robots', 'color-scheme', 'theme-color', 'format-detection']);

/** Attributes holding an address. */
const URL_ATTRIBUTES = new Set(['href', 'xlink:href', 'action', 'formaction', 'cite', 'itemid', 'itemtype']);

/** Attributes holding an image (or what loads one): never kept. */
const IMAGE_ATTRIBUTES = new Set(['src', 'srcset', 'imagesrcset', 'lowsrc']);

/** Elements whose `href` is an image. */
const IMAGE_ELEMENTS = new Set(['image', 'feImage']);

/**
 * Structural attributes whose words are the site's own (pagelet and view names, component keys,
 * roles): kept, save the ids in them. Every other attribute (id, for, aria-labelledby, unknown
 * data-*) is read as a reference, where words the page used in its texts are replaced too.
 */
const STRUCTURAL_ATTRIBUTES = new Set([
  'role', 'type', 'dir', 'lang', 'tabindex', 'contenteditable', 'spellcheck', 'draggable', 'hidden', 'disabled',
  'checked', 'selected', 'readonly', 'required', 'multiple', 'autofocus', 'inert', 'translate', 'crossorigin', 'rel',
  'target', 'method', 'enctype', 'autocomplete', 'inputmode', 'enterkeyhint', 'charset', 'http-equiv', 'property',
  'width', 'height', 'size', 'rows', 'cols', 'maxlength', 'minlength', 'min', 'max', 'step', 'colspan', 'rowspan',
  'scope', 'datetime', 'loading', 'decoding', 'fetchpriority', 'referrerpolicy', 'sizes', 'media', 'is', 'part',
  'popover', 'novalidate', 'open', 'componentkey', 'data-pagelet', 'data-testid', 'data-view-name',
  'data-visualcompletion', 'data-lexical-editor', 'data-imgperflogname', 'data-display-contents', 'data-sdui-screen',
  'data-view-tracking-scope', 'data-control-name', 'jsname', 'jscontroller', 'jsaction', 'jsmodel',
]);

/** aria-* attributes whose values are names read aloud or references, not tokens: not structural. */
const ARIA_REFERENCES = new Set([
  'aria-labelledby', 'aria-describedby', 'aria-controls', 'aria-owns', 'aria-activedescendant', 'aria-details',
  'aria-errormessage', 'aria-flowto',
]);

const escapeText = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/\u00a0/g, '&nbsp;');
const escapeAttribute = (text: string) => text.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/\u00a0/g, '&nbsp;');

/** What an attribute's value becomes in the outline; null leaves the attribute out. */
function attributeValue(element: Element, name: string, value: string, placeholders: Placeholders): string | null {
  const svg = element.namespaceURI === SVG;
  const lower = name.toLowerCase();
  if (lower === 'class') return value;
  if (DROPPED_ATTRIBUTES.has(lower) || lower.startsWith('on') || lower.startsWith('data-replica-')) return null;
  const tag = element.localName;
  if (lower === 'value' && (tag === 'input' || tag === 'textarea')) return null;
  if (IMAGE_ATTRIBUTES.has(lower)) return tag === 'img' || tag === 'source' || tag === 'input' ? 'data:,' : null;
  if (URL_ATTRIBUTES.has(lower)) {
    if (IMAGE_ELEMENTS.has(tag)) return 'data:,';
    if (value.startsWith('#') && svg) return `#${placeholders.replace(value.slice(1), 'reference')}`;
    return outlineUrl(value, placeholders);
  }
  if (tag === 'object' && lower === 'data') return null;
  if (TEXT_ATTRIBUTES.has(lower)) {
    if (lower === 'content') {
      if (/^(?:https?:)?\/\//i.test(value.trim())) return outlineUrl(value, placeholders);
      // <meta name="viewport" content="width=device-width">: settings, not words of the page.
      if (element.hasAttribute('http-equiv') || META_SETTINGS.has(element.getAttribute('name') ?? '')) return value;
    }
    return placeholders.replace(value, 'text');
  }
  // An SVG's geometry (d, viewBox, cx) is drawing, not data; its url(#…) references are ids.
  if (svg && !value.includes('url(') && lower !== 'id' && !lower.startsWith('aria-') && !lower.startsWith('data-')) return value;
  // An address in a data-* attribute (a lazy image, a link for scripts).
  if (/^(?:https?:)?\/\//i.test(value.trim())) return outlineUrl(value, placeholders);
  const reading: Reading =
    STRUCTURAL_ATTRIBUTES.has(lower) || (lower.startsWith('aria-') && !ARIA_REFERENCES.has(lower)) ? 'structure' : 'reference';
  return placeholders.replace(value, reading);
}

class Writer {
  readonly out: string[] = [];
  constructor(private readonly placeholders: Placeholders) {}

  children(parent: ParentNode): void {
    for (const child of parent.childNodes) this.node(child);
  }

  node(node: Node): void {
    if (node.nodeType === Node.TEXT_NODE) {
      const text = node.nodeValue ?? '';
      this.out.push(escapeText(/\S/.test(text) ? this.placeholders.replace(text, 'text') : text));
    } else if (node.nodeType === Node.ELEMENT_NODE) {
      this.element(node as Element);
    }
    // Comments, processing instructions and doctypes inside the page say nothing Boundary reads.
  }

  private element(element: Element): void {
    const tag = element.localName;
    if (DROPPED_ELEMENTS.has(tag)) return;
    let open = `<${tag}`;
    for (const attribute of element.attributes) {
      const value = attributeValue(element, attribute.name, attribute.value, this.placeholders);
      if (value !== null) open += ` ${attribute.name}="${escapeAttribute(value)}"`;
    }
    this.out.push(`${open}>`);
    if (VOID_ELEMENTS.has(tag) && element.namespaceURI !== SVG) return;
    const shadow = element.shadowRoot;
    if (shadow) {
      // Declarative shadow DOM: loading the outline builds the same open shadow root.
      this.out.push(`<template shadowrootmode="${shadow.mode}">`);
      this.children(shadow);
      this.out.push('</template>');
    }
    if (!EMPTIED_ELEMENTS.has(tag)) this.children(element);
    this.out.push(`</${element.localName}>`);
  }
}

/** An address as a comment can hold it: `--` and `>` would end the comment, and mean the same encoded. */
const commentSafe = (address: string) => address.replace(/-(?=-)/g, '%2D').replace(/>/g, '%3E');

/**
 * What the outline is, for whoever opens it. The page's address is given as its links are, its
 * identities replaced by the same placeholders: served there, the outline reads to Boundary as the
 * page did (a profile's person and an open conversation are read from the address).
 */
function header(origin: string, address: string | null): string {
  const date = new Date().toISOString().slice(0, 10);
  return (
    `<!--\n  Boundary page outline of a page on ${commentSafe(origin)}, saved ${date}.\n` +
    '  The page\u2019s structure as Boundary saw it: tags, roles, aria-* and data-* attributes, class\n' +
    '  names and the shapes of links. Every text, name, id, username, number and image was replaced\n' +
    '  by a placeholder (the same original always by the same placeholder), so nothing about any\n' +
    '  person on the page remains. Scripts, styles and typed values were left out.\n' +
    (address ? `  Address, with the same placeholders: ${commentSafe(address)}\n` : '') +
    '-->\n'
  );
}

/**
 * The page's anonymised outline, as a complete HTML document: open shadow roots included as
 * declarative shadow DOM, so that loading the file rebuilds them. Reads the page, never changes it.
 */
export function outlineOf(doc: Document): string {
  const placeholders = new Placeholders();
  const root = doc.documentElement;
  const location = doc.location;
  const web = location !== null && /^https?:$/.test(location.protocol);
  // First, so that a username only the address names is known as one in the page's attributes.
  const address = web ? outlineUrl(location.href, placeholders) : null;
  const top = `<!doctype html>\n${header(web ? location.origin : 'an unknown site', address)}`;
  if (!root) return top;
  // Two passes: the first meets every text and link, so that the second knows, in an id or a
  // data-* value met before them, which words the page's texts and links had replaced.
  new Writer(placeholders).node(root);
  const writer = new Writer(placeholders);
  writer.node(root);
  return `${top}${writer.out.join('')}\n`;
}
