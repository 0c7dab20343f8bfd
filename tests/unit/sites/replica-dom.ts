import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';

/**
 * Puts a replica (a path under tests/fixtures) in the test document. Its scripts belong to the
 * browser harness (replica.js, LinkedIn's overlay builder), not to the page, and happy-dom would
 * not run them, so they are left out; tests do what they would with the helpers below.
 */
export function loadReplica(fixture: string): void {
  loadReplicaHtml(readFileSync(resolve(import.meta.dirname, '../../fixtures', fixture), 'utf8'));
}

/**
 * Puts a page's HTML in the test document, as loadReplica does, building its declarative shadow
 * roots (`<template shadowrootmode>`) as a browser's parser would; happy-dom's parser does not.
 */
export function loadReplicaHtml(html: string): void {
  const parsed = new DOMParser().parseFromString(html, 'text/html');
  for (const script of parsed.querySelectorAll('script')) script.remove();
  const page = document.importNode(parsed.documentElement, true);
  document.documentElement.remove();
  document.appendChild(page);
  attachDeclarativeShadowRoots(document);
}

function attachDeclarativeShadowRoots(root: ParentNode): void {
  for (const template of root.querySelectorAll<HTMLTemplateElement>('template[shadowrootmode]')) {
    const host = template.parentElement;
    if (!host || host.shadowRoot) continue;
    const shadow = host.attachShadow({ mode: template.getAttribute('shadowrootmode') === 'closed' ? 'closed' : 'open' });
    shadow.append(template.content);
    template.remove();
    attachDeclarativeShadowRoots(shadow);
  }
}

/**
 * What the replicas' inline scripts do with `<template id="<host>-content">` (LinkedIn's
 * messaging overlay): its content becomes the open shadow root of `#<host>`.
 */
export function attachReplicaShadowRoots(): void {
  for (const template of document.querySelectorAll<HTMLTemplateElement>('template[id$="-content"]')) {
    const host = document.getElementById(template.id.slice(0, -'-content'.length));
    if (host && !host.shadowRoot) host.attachShadow({ mode: 'open' }).append(template.content.cloneNode(true));
  }
}

/** Puts the test document at `url`, the real address a replica is served at. */
export function setPageUrl(url: string): void {
  (window as unknown as { happyDOM: { setURL(url: string): void } }).happyDOM.setURL(url);
}

/** What replica.js does when a later page of items is due (infinite scroll). */
export function appendLaterItems(): void {
  for (const template of document.querySelectorAll<HTMLTemplateElement>('template[data-replica-later]')) {
    document.querySelector(template.getAttribute('data-replica-into')!)!.append(template.content.cloneNode(true));
  }
}
