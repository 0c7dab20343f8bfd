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

/**
 * Elements left out with everything in them: code, styles, what only scripts read, and SVG
 * animations, which could set a link to a script when a maintainer opens the outline.
 */
const DROPPED_ELEMENTS = new Set(['script', 'style', 'link', 'noscript', 'animate', 'animateMotion', 'animateTransform', 'set']);

/** Elements whose content is a value someone typed or the page's own code: kept empty. */
const EMPTIED_ELEMENTS = new Set(['textarea', 'template']);

const VOID_ELEMENTS = new Set([
  'area', 'base', 'br', 'col', 'embed', 'hr', 'img', 'input', 'link', 'meta', 'param', 'source', 'track', 'wbr',
]);

/**
 * Attributes left out: inline styles and scripts, embedded documents, a meta refresh's redirect,
 * shadow-root markers, and our replicas' marks.
 */
const DROPPED_ATTRIBUTE = /^(?:on|data-replica-|shadowroot)|^(?:style|srcdoc|nonce|integrity|ping|poster|background|manifest|http-equiv)$/;

/** Attributes a person reads: replaced as text, the sites' UI words kept. */
const TEXT_ATTRIBUTE =
  /^(?:aria-(?:label|description|roledescription|valuetext|placeholder|braillelabel|brailleroledescription)|alt|title|placeholder|label|value|content|summary|abbr|download|datetime)$/;

/** <meta name> whose content is a setting of the page. */
const META_SETTING = /^(?:viewport|referrer|robots|color-scheme|theme-color|format-detection)$/;

/** Attributes holding an address. */
const URL_ATTRIBUTE = /^(?:href|xlink:href|action|formaction|cite|itemid|itemtype)$/;

/** Attributes holding an image (or what loads one): never kept. */
const IMAGE_ATTRIBUTE = /^(?:src|srcset|imagesrcset|lowsrc)$/;

/** Elements whose `href` is an image. */
const IMAGE_ELEMENT = /^(?:image|feImage)$/;

/**
 * Attributes that name other elements: ids and references to them. Words the page's texts and
 * links had replaced are replaced here too (id="thread-ana"), so references still meet their ids.
 */
const REFERENCE_ATTRIBUTE = /^(?:id|for|name|form|list|headers|usemap|slot|aria-(?:labelledby|describedby|controls|owns|activedescendant|details|errormessage|flowto))$/;

/**
 * The sites' structural data-* attributes, which the adapters read (pagelet and view names, test
 * ids): their words stay, the ids in them go, as in role, type, dir, componentkey and every other
 * attribute. Any other data-* is a script's data and may hold a name: read as text.
 */
const STRUCTURAL_DATA = /^data-(?:pagelet|testid|view-name|visualcompletion|lexical-editor|imgperflogname|display-contents|sdui-screen|view-tracking-scope|control-name)$/;

const ADDRESS = /^(?:https?:)?\/\//i;

const escapeText = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/\u00a0/g, '&nbsp;');
const escapeAttribute = (text: string) => text.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/\u00a0/g, '&nbsp;');

/** What an attribute's value becomes in the outline; null leaves the attribute out. */
function attributeValue(element: Element, name: string, value: string, placeholders: Placeholders): string | null {
  const svg = element.namespaceURI === SVG;
  const lower = name.toLowerCase();
  const tag = element.localName;
  if (lower === 'class') return value;
  if (DROPPED_ATTRIBUTE.test(lower) || (lower === 'value' && (tag === 'input' || tag === 'textarea'))) return null;
  if (IMAGE_ATTRIBUTE.test(lower)) return tag === 'img' || tag === 'source' || tag === 'input' ? 'data:,' : null;
  if (tag === 'object' && lower === 'data') return null;
  if (URL_ATTRIBUTE.test(lower)) {
    if (IMAGE_ELEMENT.test(tag)) return 'data:,';
    if (value.startsWith('#') && svg) return `#${placeholders.replace(value.slice(1), 'reference')}`;
    return outlineUrl(value, placeholders);
  }
  if (ADDRESS.test(value.trim())) return outlineUrl(value, placeholders);
  if (TEXT_ATTRIBUTE.test(lower) || (lower.startsWith('data-') && !STRUCTURAL_DATA.test(lower))) {
    // <meta name="viewport" content="width=device-width">: settings, not words of the page.
    const setting = lower === 'content' && META_SETTING.test(element.getAttribute('name') ?? '');
    return setting ? value : placeholders.replace(value, 'text');
  }
  // An SVG's geometry (d, viewBox, cx) is drawing, not data; its url(#…) references are ids.
  if (svg && !value.includes('url(') && !REFERENCE_ATTRIBUTE.test(lower) && !/^(?:aria|data)-/.test(lower)) return value;
  return placeholders.replace(value, REFERENCE_ATTRIBUTE.test(lower) ? 'reference' : 'structure');
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
  return (
    `<!--\n  Boundary page outline of a page on ${commentSafe(origin)}, saved ${new Date().toISOString().slice(0, 10)}.\n` +
    '  The page\u2019s structure (tags, roles, aria-* and data-* attributes, class names, link shapes),\n' +
    '  with every text, name, id, username, number and image replaced by a placeholder, the same\n' +
    '  original always by the same one: nothing about any person on the page remains.\n' +
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
