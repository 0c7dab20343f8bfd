import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { BrowserContext, CDPSession, Page } from '@playwright/test';
import { EXTENSION_DIR } from './support/browser';
import { closedShadowHosts, guardDialog } from './support/guard';
import type { Replicas } from './support/replicas';
import { detectionFor, expect, replicaState, test, type Boundary } from './support/test';

/**
 * A page that wants to learn who is on the list, or to make Boundary act for it: it posts
 * messages shaped like Boundary's own, fires events, and probes for the extension's files and
 * any mark left in its DOM. It must learn nothing and change nothing.
 */
function hostileScript(extensionId: string) {
  const findings: string[] = [];
  (window as unknown as { __hostile: { findings: string[]; done: boolean } }).__hostile = { findings, done: false };
  const forged = [
    { type: 'decline', token: '00000000-0000-0000-0000-000000000000' },
    { type: 'insert-text', token: 'x', text: 'Yes, you are my client' },
    { type: 'resend' },
    { type: 'page-candidates', url: location.href, recognised: true, candidates: [] },
    { type: 'get-detections', tabId: 0 },
    { type: 'clients-changed' },
  ];
  const attack = async () => {
    for (const message of forged) {
      window.postMessage(message, '*');
      window.dispatchEvent(new CustomEvent('message', { detail: message }));
      document.dispatchEvent(new CustomEvent(message.type, { detail: message }));
    }
    window.dispatchEvent(new CustomEvent('wxt:locationchange', { detail: { newUrl: 'https://evil.example/' } }));
    // The extension's files: none is web-accessible, so the page cannot even tell it is installed.
    for (const file of ['manifest.json', 'popup.html', 'options.html', 'content-scripts/facebook.js', 'icon/16.png']) {
      try {
        const response = await fetch(`chrome-extension://${extensionId}/${file}`);
        findings.push(`fetched ${file}: ${response.status}`);
      } catch {
        // Refused, as it should be.
      }
    }
    const runtime = (window as unknown as { chrome?: { runtime?: { sendMessage?: unknown } } }).chrome?.runtime;
    if (runtime?.sendMessage) findings.push('chrome.runtime.sendMessage is reachable from the page');
    // Any mark on the cards or the document: attributes, classes, extra nodes, shadow hosts.
    for (const element of document.querySelectorAll('*')) {
      for (const attribute of element.getAttributeNames()) {
        if (/boundary|wxt|extension/i.test(attribute) || /boundary/i.test(element.getAttribute(attribute) ?? '')) {
          findings.push(`attribute ${attribute} on ${element.tagName}`);
        }
      }
      if (element.shadowRoot) findings.push(`open shadow root on ${element.tagName}`);
    }
  };
  window.addEventListener('load', () => {
    void attack().then(() => {
      (window as unknown as { __hostile: { done: boolean } }).__hostile.done = true;
    });
  });
}

test('a hostile page learns nothing and breaks nothing', async ({ boundary, context, replicas, extensionId }) => {
  await boundary.importCsv('name,facebook\nLena Fischbach,lena.fischbach.77\n');
  const site = await context.newPage();
  await site.addInitScript(hostileScript, extensionId);
  await site.goto(replicas.serve('https://www.facebook.com/friends/requests/', 'facebook/friend-requests.en.html'));
  await expect.poll(() => site.evaluate(() => (window as unknown as { __hostile: { done: boolean } }).__hostile.done)).toBe(true);
  // Let any forged command run its course, then look.
  await site.waitForTimeout(500);

  const popup = await boundary.openPopup(site);
  await expect(detectionFor(popup, 'Lena Fischbach', 'request', 'exact')).toHaveCount(1);
  await expect(popup.getByTestId('detection')).toHaveCount(1);

  const findings = await site.evaluate(() => (window as unknown as { __hostile: { findings: string[] } }).__hostile.findings);
  expect(findings).toEqual([]);
  const state = await replicaState(site);
  expect(state.actions).toEqual([]);
  expect(state.sent).toEqual([]);
  expect(state.foreignMutations).toEqual([]);
  expect(Object.values(state.editors).every((text) => text === '')).toBe(true);
  expect(replicas.unexpected.filter((url) => !url.endsWith('/favicon.ico'))).toEqual([]);

  // Boundary still works for the clinician afterwards.
  await detectionFor(popup, 'Lena Fischbach', 'request').getByTestId('decline').click();
  await expect.poll(async () => (await replicaState(site)).actions).toEqual([{ action: 'decline', person: 'lena' }]);
});

test('names carrying HTML or script show as plain text in the options page and the popup', async ({
  boundary,
  context,
  replicas,
}) => {
  const payload = '<img src=x onerror="document.title=`owned`">Ana';
  const { page: options } = await boundary.importCsv(
    `name,aliases,facebook\n"${payload.replaceAll('"', '""')}","<script>alert(1)</script>",100089412300001\n`,
  );
  await boundary.showView(options, 'clients');
  const row = options.getByTestId('client-row');
  await expect(row).toContainText(payload);
  await expect(row).toContainText('<script>alert(1)</script>');
  await expect(options.locator('[data-testid="client-row"] img, [data-testid="client-row"] script')).toHaveCount(0);

  const site = await context.newPage();
  await site.goto(replicas.serve('https://www.facebook.com/friends/requests/', 'facebook/friend-requests.en.html'));
  const popup = await boundary.openPopup(site);
  const detection = popup.getByTestId('detection');
  await expect(detection).toContainText(payload);
  await expect(popup.locator('[data-testid="detection"] img')).toHaveCount(0);
  expect(await popup.title()).not.toBe('owned');
  expect(await options.title()).not.toBe('owned');
});

test('a template carrying HTML shows as text in options and popup, and goes into the message box as text', async ({
  boundary,
  context,
  replicas,
}) => {
  const payload = '<b>Hello</b> <img src=x onerror="document.title=`owned`"> please use the secure channels.';
  await boundary.importCsv('name,linkedin\nAna Souza,ana-souza-7c1d2e\n');
  const options = await boundary.openOptions('replies');
  const row = options.locator('[data-testid="template-row"][data-template-id="builtin/en/conversation-short"]');
  await row.getByTestId('template-edit').click();
  const form = options.getByTestId('template-form');
  await form.getByTestId('template-body').fill(payload);
  await expect(form.getByTestId('template-preview')).toHaveText(payload);
  await expect(options.locator('[data-testid="template-preview"] img, [data-testid="template-preview"] b')).toHaveCount(0);
  await form.getByTestId('template-save').click();
  await expect(form).toHaveCount(0);

  const site = await context.newPage();
  await site.goto(
    replicas.serve(
      'https://www.linkedin.com/messaging/thread/2-YTk3ZDFlNmUtMGI0Mi00ZjdhLWJmMjktNmM1ZTg4ZDJhMTcwXzAxMA==/',
      'linkedin/messaging.en.html',
    ),
  );
  const popup = await boundary.openPopup(site);
  const ana = popup.locator('[data-testid="detection"][data-kind="message"][data-match="exact"]');
  await expect(ana.getByTestId('reply-edit')).toHaveValue(payload);
  // A text box: whatever the payload, it is text, never markup.
  await expect(popup.locator('[data-testid="reply-edit"] img')).toHaveCount(0);
  await ana.getByTestId('insert-reply').click();
  await expect(ana.getByTestId('action-result')).toHaveAttribute('data-ok', 'true');
  const state = await replicaState(site);
  expect(state.editors['thread-ana-souza']).toBe(payload);
  await expect(site.locator('[data-replica-editor] img, [data-replica-editor] b')).toHaveCount(0);
  expect(await site.title()).not.toBe('owned');
  expect(await popup.title()).not.toBe('owned');
});

// --- The profile guard and the content script's lifetime, against a page that tries them ------

const TESSA = { url: 'https://www.facebook.com/tessa.lindqvist.hale', fixture: 'facebook/profile.en.html', name: 'Tessa Lindqvist-Hale' };
/** Tessa on the list by her profile link: on her profile the guard is armed. */
const TESSA_LISTED = 'name,status,facebook\nTessa Lindqvist-Hale,current,tessa.lindqvist.hale\n';
const ADD_FRIEND = '[data-replica-action="add-friend"]:not([data-replica-person] *)';
/** The names a content script of the extension could give an element of its own, in any version. */
const LEGACY_ELEMENT_NAMES = ['boundary-guard', 'boundary-dialog', 'boundary-question', 'boundary-ui'];
const CONTENT_SCRIPT_NAMES = ['facebook', 'instagram', 'linkedin'];

/** Element names with a hyphen (custom elements) that a built content script creates. */
function customElementNamesInBuild(): string[] {
  const dir = path.join(EXTENSION_DIR, 'content-scripts');
  const names = new Set<string>();
  for (const file of readdirSync(dir)) {
    const code = readFileSync(path.join(dir, file), 'utf8');
    for (const [, name] of code.matchAll(/createElement\(\s*[`'"]([a-z][a-z0-9]*-[a-z0-9._-]*)[`'"]/g)) names.add(name!);
    if (code.includes('customElements')) names.add('(customElements used)');
  }
  return [...names];
}

interface Watch {
  /** Everything the page heard: window messages, and events named like WXT's with their detail. */
  heard: string[];
  /** Elements added straight under <body> by someone other than the replica, as the page saw them. */
  appeared: { tag: string; shadowRoot: string; internals: string; page: string }[];
  /** Elements of the page's own classes the browser upgraded (a class run for our host would show here). */
  upgraded: string[];
  /** Calls of the page world's attachShadow it did not make itself. */
  attachShadowCalls: number;
  /** What <body> held when the page finished parsing: anything else there was added later. */
  initial: Element[];
}

/**
 * A page that listens for everything Boundary could say, owns every custom element name Boundary
 * ever used (each class asks for the element's internals, which reach even a closed root), and
 * tries to answer any question that shows up: click its host, press Enter and Escape on it,
 * close it. Installed before any script of the page or the extension runs.
 */
function watchingPage({
  extensionId,
  elementNames,
  scriptNames,
  ignoreUntrusted,
}: {
  extensionId: string;
  elementNames: string[];
  scriptNames: string[];
  /** Act like a site that ignores clicks on its controls that no person made. */
  ignoreUntrusted: boolean;
}) {
  if (ignoreUntrusted) {
    window.addEventListener(
      'click',
      (event) => {
        if (!event.isTrusted && event.target instanceof Element && event.target.closest('[data-replica-action]')) event.stopImmediatePropagation();
      },
      true,
    );
  }
  const watch: Watch = { heard: [], appeared: [], upgraded: [], attachShadowCalls: 0, initial: [] };
  (window as unknown as { __watch: Watch }).__watch = watch;
  window.addEventListener('message', (event) => watch.heard.push(`message ${JSON.stringify(event.data)}`), true);
  for (const script of scriptNames) {
    for (const name of ['wxt:content-script-started', 'wxt:locationchange']) {
      for (const type of [`${extensionId}:${script}:${name}`, name]) {
        for (const target of [window, document]) {
          target.addEventListener(type, (event) => watch.heard.push(`event ${type} ${JSON.stringify((event as CustomEvent).detail)}`), true);
        }
      }
    }
  }
  const internals = new WeakMap<Element, ElementInternals>();
  for (const name of elementNames) {
    customElements.define(
      name,
      class extends HTMLElement {
        constructor() {
          super();
          watch.upgraded.push(name);
          internals.set(this, this.attachInternals());
        }
      },
    );
  }
  const attachShadow = Element.prototype.attachShadow;
  Element.prototype.attachShadow = function (init: ShadowRootInit) {
    watch.attachShadowCalls++;
    return attachShadow.call(this, init);
  };
  const appearing = new MutationObserver((records) => {
    for (const record of records) {
      for (const node of record.addedNodes) {
        if (!(node instanceof Element) || node.parentNode !== document.body) continue;
        let reached = 'none';
        try {
          reached = internals.get(node)?.shadowRoot ? 'internals.shadowRoot' : (node as HTMLElement).attachInternals().shadowRoot ? 'attachInternals' : 'none';
        } catch (error) {
          reached = (error as Error).name;
        }
        watch.appeared.push({ tag: node.localName, shadowRoot: node.shadowRoot === null ? 'null' : 'reachable', internals: reached, page: location.pathname });
        // Try to answer for the clinician: "go ahead" (the last button) wherever a root was reached.
        const root = internals.get(node)?.shadowRoot ?? node.shadowRoot;
        [...(root?.querySelectorAll('button') ?? [])].at(-1)?.click();
        (node as HTMLElement).click();
        for (const key of ['Enter', ' ', 'Escape']) {
          node.dispatchEvent(new KeyboardEvent('keydown', { key, bubbles: true, composed: true, cancelable: true }));
          document.dispatchEvent(new KeyboardEvent('keydown', { key, bubbles: true, composed: true, cancelable: true }));
        }
        node.dispatchEvent(new Event('close', { bubbles: true, composed: true }));
      }
    }
  });
  // From the end of parsing: what the parser inserts is the page itself.
  document.addEventListener('DOMContentLoaded', () => {
    watch.initial = [...document.body.children];
    appearing.observe(document, { childList: true, subtree: true });
  });
}

async function watched(page: Page): Promise<Omit<Watch, 'initial'>> {
  return page.evaluate(() => {
    const { heard, appeared, upgraded, attachShadowCalls } = (window as unknown as { __watch: Watch }).__watch;
    return JSON.parse(JSON.stringify({ heard, appeared, upgraded, attachShadowCalls }));
  });
}

async function openGuardedProfile(
  { boundary, context, replicas, extensionId }: { boundary: Boundary; context: BrowserContext; replicas: Replicas; extensionId: string },
  ignoreUntrusted = false,
) {
  await boundary.importCsv(TESSA_LISTED);
  const page = await context.newPage();
  const elementNames = [...new Set([...LEGACY_ELEMENT_NAMES, ...customElementNamesInBuild()])];
  await page.addInitScript(watchingPage, { extensionId, elementNames, scriptNames: CONTENT_SCRIPT_NAMES, ignoreUntrusted });
  await page.goto(replicas.serve(TESSA.url, TESSA.fixture));
  await expect.poll(() => boundary.badgeText(page)).toBe('1');
  return { page, cdp: await context.newCDPSession(page) };
}

/** The guard's answers in the activity log, by kind. */
async function guardLog(boundary: Boundary): Promise<{ confirmed: number; cancelled: number }> {
  const options = await boundary.openOptions();
  await boundary.showView(options, 'activity');
  // Every caller expects at least one answer logged; the rows load after the page.
  await options.getByTestId('activity-row').first().waitFor();
  const count = (kind: string) => options.locator(`[data-testid="activity-row"][data-kind="${kind}"]`).count();
  const result = { confirmed: await count('guard-confirmed'), cancelled: await count('guard-cancelled') };
  await options.close();
  return result;
}

const questions = async (cdp: CDPSession) => (await closedShadowHosts(cdp)).length;

test('the page cannot define, open or answer the guard’s question', async ({ boundary, context, replicas, extensionId }) => {
  // No element name of the extension's own is left for a page to define first.
  expect(customElementNamesInBuild()).toEqual([]);
  const { page, cdp } = await openGuardedProfile({ boundary, context, replicas, extensionId });

  // The clinician clicks Add friend: the question appears on a plain div with a closed root.
  await page.locator(ADD_FRIEND).click();
  await expect.poll(() => closedShadowHosts(cdp)).toEqual(['div']);
  expect((await guardDialog(cdp))?.name).toMatch(/client list/i);
  const seen = await watched(page);
  // The page saw a div appear (it always can) and got nothing more out of it: no root, no internals,
  // no class of its own run for it, no call of its attachShadow; its clicks and keys answered nothing.
  expect(seen.appeared).toEqual([{ tag: 'div', shadowRoot: 'null', internals: 'NotSupportedError', page: '/tessa.lindqvist.hale' }]);
  expect(seen.upgraded).toEqual([]);
  expect(seen.attachShadowCalls).toBe(0);
  expect(await guardDialog(cdp)).not.toBeNull();
  expect((await replicaState(page)).actions).toEqual([]);

  // The clinician's own Escape ends it; only that answer is logged.
  await page.keyboard.press('Escape');
  await expect.poll(() => questions(cdp)).toBe(0);
  expect((await replicaState(page)).actions).toEqual([]);
  await expect.poll(() => guardLog(boundary)).toEqual({ confirmed: 0, cancelled: 1 });
});

/**
 * What a page learns from dispatching clicks and Enter keys on a control itself: whether its own
 * listener on the control ran, whether anyone cancelled the event, nodes added, focus moved, and
 * how long each dispatch took (ms).
 */
async function probe(page: Page, n: number) {
  return page.evaluate(
    ({ selector, n }) => {
      const control = document.querySelector(selector)!;
      let reached = 0;
      const onControl = () => reached++;
      control.addEventListener('click', onControl);
      control.addEventListener('keydown', onControl);
      const nodes = new MutationObserver(() => undefined);
      nodes.observe(document, { childList: true, subtree: true, attributes: true });
      const replica = (window as unknown as { __replica: { actions: unknown[] } }).__replica;
      const actionsBefore = replica.actions.length;
      const result = { reached: 0, prevented: 0, mutations: 0, focusMoved: 0, durations: [] as number[] };
      for (let i = 0; i < n; i++) {
        const focused = document.activeElement;
        const event =
          i % 2 === 0
            ? new MouseEvent('click', { bubbles: true, cancelable: true, composed: true, view: window })
            : new KeyboardEvent('keydown', { key: 'Enter', bubbles: true, cancelable: true, composed: true });
        const start = performance.now();
        control.dispatchEvent(event);
        result.durations.push(performance.now() - start);
        // The replica's own click handler cancels clicks on its controls, as sites do; keys it leaves alone.
        if (event instanceof KeyboardEvent && event.defaultPrevented) result.prevented++;
        result.mutations += nodes.takeRecords().length;
        if (document.activeElement !== focused) result.focusMoved++;
      }
      nodes.disconnect();
      control.removeEventListener('click', onControl);
      control.removeEventListener('keydown', onControl);
      result.reached = reached;
      return { ...result, siteActions: replica.actions.length - actionsBefore };
    },
    { selector: ADD_FRIEND, n },
  );
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;

/** Moves the page to another address as its router would (no new document), with the heading it chooses. */
async function pushProfile(page: Page, path: string, heading?: string) {
  await page.evaluate(
    ({ path, heading }) => {
      history.pushState({}, '', path);
      if (heading === undefined) return;
      const replica = (window as unknown as { __replica: { own: (change: () => void) => void } }).__replica;
      replica.own(() => {
        document.querySelector('h1')!.textContent = heading;
      });
    },
    { path, heading },
  );
}

test('synthetic clicks on guarded controls tell the page nothing: a client, a namesake and a stranger look the same', async ({ boundary, context, replicas, extensionId }) => {
  const { page, cdp } = await openGuardedProfile({ boundary, context, replicas, extensionId });
  const N = 40;
  const clearActions = () => page.evaluate(() => void ((window as unknown as { __replica: { actions: unknown[] } }).__replica.actions.length = 0));

  // Tessa's own profile: the guard is armed (a real click asks, and is sent back).
  await page.locator(ADD_FRIEND).click();
  await expect.poll(() => questions(cdp)).toBe(1);
  await page.keyboard.press('Escape');
  await expect.poll(() => questions(cdp)).toBe(0);
  await clearActions();
  const client = await probe(page, N);

  // A stranger's profile, pushed by the page.
  await pushProfile(page, '/marta.quillfeather.9', 'Marta Quillfeather');
  await expect.poll(() => boundary.badgeText(page)).toBe('');
  const stranger = await probe(page, N);

  // Someone who shares Tessa's name, on another profile: a name-only match, shown but not guarded.
  await pushProfile(page, '/tessa.lindqvist.hale.4', TESSA.name);
  await expect.poll(() => boundary.badgeText(page)).toBe('1');
  const namesake = await probe(page, N);

  for (const [who, seen] of Object.entries({ client, stranger, namesake })) {
    expect({ who, reached: seen.reached, prevented: seen.prevented, mutations: seen.mutations, focusMoved: seen.focusMoved, siteActions: seen.siteActions }).toEqual({
      who,
      reached: N,
      prevented: 0,
      mutations: 0,
      focusMoved: 0,
      siteActions: N / 2,
    });
  }
  // Timing within noise: a question would cost tens of milliseconds; a dispatch costs a fraction of one.
  for (const seen of [stranger, namesake]) expect(Math.abs(median(client.durations) - median(seen.durations))).toBeLessThan(2);

  // The namesake's Add friend is not guarded even for a real click.
  await page.locator(ADD_FRIEND).click();
  await expect.poll(async () => (await replicaState(page)).actions.length).toBe((N / 2) * 3 + 1);
  expect(await questions(cdp)).toBe(0);

  // Nothing was asked, shown or logged for any of it; back on Tessa's profile the guard still asks.
  expect((await watched(page)).appeared.map((a) => a.page)).toEqual(['/tessa.lindqvist.hale']);
  await pushProfile(page, '/tessa.lindqvist.hale', TESSA.name);
  // The badge already shows 1 (the namesake), so it cannot say when the guard is armed again: the
  // clinician clicks until asked (a click before that simply goes through to the site).
  await expect
    .poll(async () => {
      if ((await questions(cdp)) === 0) await page.locator(ADD_FRIEND).click();
      return questions(cdp);
    })
    .toBe(1);
  await page.keyboard.press('Escape');
  await expect.poll(() => guardLog(boundary)).toEqual({ confirmed: 0, cancelled: 2 });
});

test('the page hears nothing of Boundary starting, and its forged WXT events stop nothing', async ({ boundary, context, replicas, extensionId }) => {
  // The built scripts carry no start-up message at all.
  for (const file of readdirSync(path.join(EXTENSION_DIR, 'content-scripts'))) {
    const code = readFileSync(path.join(EXTENSION_DIR, 'content-scripts', file), 'utf8');
    expect(code, file).not.toContain('content-script-started');
    expect(code, file).not.toContain('postMessage');
  }
  const { page, cdp } = await openGuardedProfile({ boundary, context, replicas, extensionId });

  // The page sends every event WXT's context would listen to, under every name it could have.
  await page.evaluate(
    ({ extensionId, scripts }) => {
      for (const script of scripts) {
        for (const name of ['wxt:content-script-started', 'wxt:locationchange']) {
          for (const type of [`${extensionId}:${script}:${name}`, name]) {
            const detail = { contentScriptName: script, messageId: 'page' };
            document.dispatchEvent(new CustomEvent(type, { detail }));
            window.dispatchEvent(new CustomEvent(type, { detail }));
            window.postMessage({ type, ...detail }, '*');
          }
        }
      }
      const navigation = (window as unknown as { navigation?: EventTarget }).navigation;
      navigation?.dispatchEvent(new Event('currententrychange'));
      navigation?.dispatchEvent(new Event('navigate'));
    },
    { extensionId, scripts: CONTENT_SCRIPT_NAMES },
  );

  // Boundary still follows the page: an address change alone (no DOM change) is noticed both ways.
  // On /friends/ the profile's own markup is no friends list: its count goes, and whether the page
  // then reads as empty ('') or as one Boundary cannot read ('?', it shows people and pairs of
  // controls and no card) depends on the friends pages' reading, not on the address being heard.
  await pushProfile(page, '/friends/');
  await expect.poll(() => boundary.badgeText(page)).not.toBe('1');
  await pushProfile(page, '/tessa.lindqvist.hale');
  await expect.poll(() => boundary.badgeText(page)).toBe('1');
  // And the guard still asks on a real click.
  await page.locator(ADD_FRIEND).click();
  await expect.poll(() => questions(cdp)).toBe(1);
  await page.keyboard.press('Escape');
  await expect.poll(() => questions(cdp)).toBe(0);

  // All the page heard was itself (its messages and events carry its own mark): nothing from Boundary.
  const heard = (await watched(page)).heard;
  expect(heard.length).toBeGreaterThan(0);
  expect(heard.filter((h) => !h.includes('"messageId":"page"'))).toEqual([]);
});

test('a page that removes the question mid-way does not jam the guard, and nothing is logged for it', async ({ boundary, context, replicas, extensionId }) => {
  const { page, cdp } = await openGuardedProfile({ boundary, context, replicas, extensionId });
  await page.locator(ADD_FRIEND).click();
  await expect.poll(() => questions(cdp)).toBe(1);

  // The page takes away what appeared in <body> while the question is open.
  const removed = await page.evaluate(() => {
    const { initial } = (window as unknown as { __watch: Watch }).__watch;
    const added = [...document.body.children].filter((element) => !initial.includes(element));
    for (const element of added) element.remove();
    return added.length;
  });
  expect(removed).toBe(1);
  await expect.poll(() => questions(cdp)).toBe(0);
  expect((await replicaState(page)).actions).toEqual([]);

  // The next real click asks again; the question the page removed left nothing in the log.
  await page.locator(ADD_FRIEND).click();
  await expect.poll(() => questions(cdp)).toBe(1);
  await page.keyboard.press('Escape');
  await expect.poll(() => questions(cdp)).toBe(0);
  expect((await replicaState(page)).actions).toEqual([]);
  await expect.poll(() => guardLog(boundary)).toEqual({ confirmed: 0, cancelled: 1 });
});

test('on a site that ignores untrusted clicks, the clinician’s own click after “go ahead” goes through unasked', async ({ boundary, context, replicas, extensionId }) => {
  const { page, cdp } = await openGuardedProfile({ boundary, context, replicas, extensionId }, true);
  await page.locator(ADD_FRIEND).click();
  await expect.poll(() => questions(cdp)).toBe(1);
  await page.keyboard.press('Tab');
  await page.keyboard.press('Enter');
  await expect.poll(() => questions(cdp)).toBe(0);
  // The guard's own click is untrusted, and this site ignored it.
  expect((await replicaState(page)).actions).toEqual([]);

  // The clinician clicks again: it is theirs, already agreed to, and the site acts, once.
  await page.locator(ADD_FRIEND).click();
  await expect.poll(async () => (await replicaState(page)).actions).toEqual([{ action: 'add-friend', person: null }]);
  expect(await questions(cdp)).toBe(0);
  await expect.poll(() => guardLog(boundary)).toEqual({ confirmed: 1, cancelled: 0 });

  // Only that once: the click after asks again.
  await page.locator(ADD_FRIEND).click();
  await expect.poll(() => questions(cdp)).toBe(1);
  await page.keyboard.press('Escape');
  await expect.poll(() => questions(cdp)).toBe(0);
});

test('content scripts and host access are for HTTPS pages only', () => {
  const manifest = JSON.parse(readFileSync(path.join(EXTENSION_DIR, 'manifest.json'), 'utf8')) as {
    host_permissions: string[];
    optional_host_permissions: string[];
    content_scripts: { matches: string[] }[];
  };
  const patterns = [...manifest.host_permissions, ...manifest.optional_host_permissions, ...manifest.content_scripts.flatMap((c) => c.matches)];
  expect(patterns.length).toBeGreaterThan(3);
  expect(patterns.filter((pattern) => !pattern.startsWith('https://'))).toEqual([]);
});
