// @vitest-environment happy-dom
/**
 * The outside check, early: replicas of the sites' 2026 pages written from the public evidence
 * (docs site-evidence.md and the sources it cites) without looking at tests/fixtures or the
 * adapters' selectors, in several UI languages and layouts. Each page has a sidecar JSON with the
 * address it is served at and the people a correct adapter reports there; the controls that
 * decline / removeSuggestion must press carry data-holdout-expect (the adapters never read
 * data-holdout-*). Run with: npx vitest run --config tests/holdout/vitest.config.ts
 */
import { readdirSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { identityFromHref, type Platform } from '@/lib/identity';
import { facebookAdapter } from '@/lib/sites/facebook/adapter';
import { instagramAdapter } from '@/lib/sites/instagram/adapter';
import { linkedinAdapter } from '@/lib/sites/linkedin/adapter';
import type { Candidate, CandidateKind, SiteAdapter } from '@/lib/sites/types';

/**
 * What the card's action must do: press the marked control; refuse and press nothing (a card with
 * no such control); or either of those (a language the adapter may not know), never anything else.
 */
type Action =
  | 'decline'
  | 'removeSuggestion'
  | 'refuse-removeSuggestion'
  | 'decline-or-refuse'
  | 'removeSuggestion-or-refuse';

/** One person the page shows, as the sidecar describes them. */
interface Expected {
  kind: CandidateKind;
  /** The profile link the identity comes from; the identity is recomputed from it at test time. */
  href?: string;
  /** What identityFromHref gave for href when the page was written (checked below, for drift). */
  identity: string | null;
  /** Identities an adapter may also report (read from alt text or a thread id), but need not. */
  optionalIdentities?: string[];
  name: string;
  /** Other names that are also right (an Instagram username where the full name is shown too). */
  nameAlternatives?: string[];
  /** May be reported or not; if reported, only with this kind. */
  optional?: boolean;
  /** Arrives in a later batch (template[data-holdout-later]), as infinite lists do. */
  later?: boolean;
  action?: Action;
}

interface Sidecar {
  url: string;
  pageKind?: string | null;
  pageKindAlternatives?: string[];
  notes: string;
  candidates: Expected[];
}

interface Page {
  platform: Platform;
  file: string;
  html: string;
  sidecar: Sidecar;
}

const ADAPTERS: Record<Platform, SiteAdapter> = {
  facebook: facebookAdapter,
  instagram: instagramAdapter,
  linkedin: linkedinAdapter,
};

const HERE = import.meta.dirname;

function pagesOf(platform: Platform): Page[] {
  return readdirSync(resolve(HERE, platform))
    .filter((file) => file.endsWith('.html'))
    .sort()
    .map((file) => ({
      platform,
      file,
      html: readFileSync(resolve(HERE, platform, file), 'utf8'),
      sidecar: JSON.parse(readFileSync(resolve(HERE, platform, file.replace(/\.html$/, '.json')), 'utf8')) as Sidecar,
    }));
}

/** Puts the page in the test document at its real address, with its declarative shadow roots attached (happy-dom's parser leaves them as templates). */
function load(page: Page): void {
  (window as unknown as { happyDOM?: { setURL(url: string): void } }).happyDOM?.setURL(page.sidecar.url);
  const parsed = new DOMParser().parseFromString(page.html, 'text/html');
  for (const script of parsed.querySelectorAll('script')) script.remove();
  const root = document.importNode(parsed.documentElement, true);
  document.documentElement.remove();
  document.appendChild(root);
  for (const template of [...document.querySelectorAll<HTMLTemplateElement>('template[shadowrootmode]')]) {
    const host = template.parentElement!;
    const shadow = host.shadowRoot ?? host.attachShadow({ mode: template.getAttribute('shadowrootmode') as ShadowRootMode });
    shadow.append(template.content.cloneNode(true));
    template.remove();
  }
}

/** What the site does when the list scrolls: the later batch is inserted; returns the inserted elements. */
function appendLater(): Element[] {
  const added: Element[] = [];
  for (const template of document.querySelectorAll<HTMLTemplateElement>('template[data-holdout-later]')) {
    const targets = document.querySelectorAll(template.getAttribute('data-holdout-into')!);
    // A replica's own mistake, not the adapter's: the later batch must have exactly one place to go.
    if (targets.length !== 1) throw new Error(`data-holdout-into matches ${targets.length} elements`);
    const into = targets[0]!;
    const fragment = template.content.cloneNode(true) as DocumentFragment;
    added.push(...fragment.children);
    into.append(fragment);
  }
  return added;
}

const fold = (name: string) => name.normalize('NFC').replace(/\s+/g, ' ').trim();

function identitiesOf(page: Page, expected: Expected): { required: string[]; allowed: Set<string> } {
  const live = expected.href ? identityFromHref(page.platform, expected.href, page.sidecar.url) : null;
  const required = live ? [live] : [];
  return { required, allowed: new Set([...required, ...(expected.optionalIdentities ?? [])]) };
}

function namesOf(expected: Expected): string[] {
  return [expected.name, ...(expected.nameAlternatives ?? [])].map(fold);
}

/** The same person: by a required identity, else by name. */
function samePerson(page: Page, expected: Expected, candidate: Candidate): boolean {
  const { required, allowed } = identitiesOf(page, expected);
  if (candidate.identities.some((id) => required.includes(id) || allowed.has(id))) return true;
  return namesOf(expected).includes(fold(candidate.name));
}

const describeCandidate = (c: Candidate) => `${c.kind} "${c.name}" [${c.identities.join(', ')}]`;

/** Every way the adapter's answer differs from the sidecar, said plainly; [] when it is right. */
function compare(page: Page, found: Candidate[], includeLater: boolean): string[] {
  const problems: string[] = [];
  const expectations = page.sidecar.candidates.filter((e) => includeLater || !e.later);
  const accounted = new Set<Candidate>();
  for (const expected of expectations) {
    const { required, allowed } = identitiesOf(page, expected);
    const matching = found.filter((c) => c.kind === expected.kind && samePerson(page, expected, c));
    for (const c of matching) accounted.add(c);
    if (matching.length === 0) {
      if (expected.optional) continue;
      const otherKind = found.filter((c) => c.kind !== expected.kind && samePerson(page, expected, c));
      problems.push(
        `missing ${expected.kind} "${expected.name}" [${required.join(', ')}]` +
          (otherKind.length ? ` — reported instead as ${otherKind.map(describeCandidate).join('; ')}` : ''),
      );
      continue;
    }
    if (required.length && !matching.some((c) => required.every((id) => c.identities.includes(id)))) {
      problems.push(
        `${expected.kind} "${expected.name}": identities ${matching.map((c) => `[${c.identities.join(', ')}]`).join(' ')}, expected [${required.join(', ')}]`,
      );
    }
    for (const c of matching) {
      const stray = c.identities.filter((id) => !allowed.has(id));
      if (stray.length) problems.push(`${expected.kind} "${expected.name}": stray identities [${stray.join(', ')}]`);
    }
    if (!matching.some((c) => namesOf(expected).includes(fold(c.name)))) {
      problems.push(
        `${expected.kind} "${expected.name}": name ${matching.map((c) => JSON.stringify(c.name)).join(' / ')}, expected ${JSON.stringify(expected.name)}`,
      );
    }
  }
  for (const c of found) {
    if (c.kind === 'profile') continue;
    if (!accounted.has(c)) problems.push(`unexpected ${describeCandidate(c)} on <${c.element.tagName.toLowerCase()}>`);
  }
  // What the adapter did say, so that a failure can be read without rerunning it.
  if (problems.length) problems.push(`(reported: ${found.map(describeCandidate).join('; ') || 'nothing'})`);
  return problems;
}

/** Runs findCandidates; an exception is a finding, not a crash of the whole suite. */
function scan(page: Page): Candidate[] | string {
  try {
    return ADAPTERS[page.platform].findCandidates(document, new URL(page.sidecar.url));
  } catch (error) {
    return `findCandidates threw: ${String(error)}`;
  }
}

/** Every click the page hears while `act` runs, by its target. */
function clicksDuring(act: () => void): Element[] {
  const targets: Element[] = [];
  const record = (event: Event) => targets.push(event.target as Element);
  document.addEventListener('click', record, true);
  try {
    act();
  } finally {
    document.removeEventListener('click', record, true);
  }
  return targets;
}

const label = (element: Element) =>
  `<${element.tagName.toLowerCase()}${element.getAttribute('aria-label') ? ` aria-label="${element.getAttribute('aria-label')}"` : ''}> "${fold(element.textContent ?? '').slice(0, 40)}"`;

function checkAction(page: Page, expected: Expected): string[] {
  load(page);
  appendLater();
  const found = scan(page);
  if (typeof found === 'string') return [found];
  const kind = expected.kind;
  const declines = expected.action!.startsWith('decline');
  const marked = [
    ...document.querySelectorAll(
      `[data-holdout-expect="${declines ? 'decline' : 'removeSuggestion'}"][data-holdout-for="${CSS.escape(expected.name)}"]`,
    ),
  ];
  const matching = found.filter((c) => c.kind === kind && samePerson(page, expected, c));
  if (matching.length === 0) return [`${expected.action}: "${expected.name}" was not detected as a ${kind}, nothing to press`];
  // Where the person is reported twice (a row and its preview), the one holding a marked control.
  const candidate = matching.find((c) => marked.some((m) => c.element.contains(m))) ?? matching[0]!;
  const adapter = ADAPTERS[page.platform];
  let result: ReturnType<SiteAdapter['decline']> | undefined;
  let thrown: unknown;
  const clicks = clicksDuring(() => {
    try {
      result = declines ? adapter.decline(candidate.element) : adapter.removeSuggestion(candidate.element);
    } catch (error) {
      thrown = error;
    }
  });
  if (thrown) return [`${expected.action} "${expected.name}" threw: ${String(thrown)}`];
  const problems: string[] = [];
  if (expected.action === 'refuse-removeSuggestion') {
    if (result?.ok) problems.push(`removeSuggestion "${expected.name}": said ok (${result.done}) on a card with no remove control`);
    if (clicks.length) problems.push(`removeSuggestion "${expected.name}": pressed ${clicks.map(label).join(', ')} on a card with no remove control`);
    return problems;
  }
  const mayRefuse = expected.action!.endsWith('-or-refuse');
  if (mayRefuse && result && !result.ok && clicks.length === 0) return [];
  if (!result?.ok) problems.push(`${expected.action} "${expected.name}": refused (${result && !result.ok ? result.reason : '?'})`);
  if (clicks.length === 0 && result?.ok) problems.push(`${expected.action} "${expected.name}": said ok but no click reached the page`);
  if (clicks.length > 1) problems.push(`${expected.action} "${expected.name}": ${clicks.length} clicks (${clicks.map(label).join(', ')})`);
  for (const target of clicks) {
    if (!marked.some((m) => m === target || m.contains(target))) {
      problems.push(
        `${expected.action} "${expected.name}": pressed ${label(target)} instead of ${marked.map(label).join(' or ') || '(no marked control)'}`,
      );
    }
  }
  return problems;
}

for (const platform of ['facebook', 'instagram', 'linkedin'] as const) {
  describe(`holdout ${platform}`, () => {
    for (const page of pagesOf(platform)) {
      describe(page.file, () => {
        it('the sidecar identities are what lib/identity gives for its links', () => {
          const drift = page.sidecar.candidates
            .filter((e) => e.href && identityFromHref(platform, e.href, page.sidecar.url) !== e.identity)
            .map((e) => `${e.name}: ${e.identity} -> ${identityFromHref(platform, e.href!, page.sidecar.url)}`);
          expect(drift, drift.join(' | ')).toEqual([]);
        });

        if ('pageKind' in page.sidecar || page.sidecar.pageKindAlternatives) {
          it('knows what the page is for', () => {
            const allowed = [...('pageKind' in page.sidecar ? [page.sidecar.pageKind] : []), ...(page.sidecar.pageKindAlternatives ?? [])];
            expect(allowed).toContain(ADAPTERS[platform].pageKindOf(new URL(page.sidecar.url)));
          });
        }

        it('reports exactly the people shown, with kind, identity and name', () => {
          load(page);
          const first = scan(page);
          const problems = typeof first === 'string' ? [first] : compare(page, first, false);
          if (page.sidecar.candidates.some((e) => e.later)) {
            appendLater();
            const all = scan(page);
            problems.push(...(typeof all === 'string' ? [all] : compare(page, all, true)).map((p) => `after the later batch: ${p}`));
          }
          expect(problems, problems.join(' | ')).toEqual([]);
        });

        if (page.sidecar.candidates.some((e) => e.later)) {
          it("the scanner's update after the later batch equals a full scan", () => {
            load(page);
            const adapter = ADAPTERS[platform];
            const url = new URL(page.sidecar.url);
            const scanner = adapter.scanner?.(document);
            if (!scanner) return;
            scanner.scan(url);
            const added = appendLater();
            const updated = scanner.update(added, url);
            const full = adapter.findCandidates(document, url);
            const key = (c: Candidate) => `${c.kind}|${c.name}|${[...c.identities].sort().join(',')}`;
            if (updated) expect(updated.map(key).sort()).toEqual(full.map(key).sort());
          });
        }

        for (const expected of page.sidecar.candidates.filter((e) => e.action)) {
          it(`${expected.action} for "${expected.name}" presses exactly the marked control`, () => {
            const problems = checkAction(page, expected);
            expect(problems, problems.join(' | ')).toEqual([]);
          });
        }
      });
    }
  });
}
