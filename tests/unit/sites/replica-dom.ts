import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';

/**
 * Puts a replica (a path under tests/fixtures) in the test document. Its scripts belong to the
 * browser harness (replica.js, LinkedIn's overlay builder), not to the page, and happy-dom would
 * not run them, so they are left out; tests do what they would with the helpers below.
 */
export function loadReplica(fixture: string): void {
  const html = readFileSync(resolve(import.meta.dirname, '../../fixtures', fixture), 'utf8');
  const parsed = new DOMParser().parseFromString(html, 'text/html');
  for (const script of parsed.querySelectorAll('script')) script.remove();
  const page = document.importNode(parsed.documentElement, true);
  document.documentElement.remove();
  document.appendChild(page);
}

/** What replica.js does when a later page of items is due (infinite scroll). */
export function appendLaterItems(): void {
  for (const template of document.querySelectorAll<HTMLTemplateElement>('template[data-replica-later]')) {
    document.querySelector(template.getAttribute('data-replica-into')!)!.append(template.content.cloneNode(true));
  }
}
