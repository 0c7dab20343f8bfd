import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { test as base, expect, type BrowserContext, type Page, type Worker } from '@playwright/test';
import { Boundary } from './boundary';
import { extensionWorker, launchWithExtension, withOptionalHostsGranted } from './browser';
import { Replicas } from './replicas';

export interface ReplicaState {
  actions: { action: string; person: string | null }[];
  sent: string[];
  foreignMutations: { type: string; target: string; name: string }[];
  editors: Record<string, string>;
}

interface Options {
  /** The browser's UI language (`test.use({ uiLanguage: 'es' })`); Chromium's own by default. */
  uiLanguage: string | undefined;
}

interface Fixtures {
  /** Whether the clinician turned on the optional features (searches, review sites) before the test. */
  optionalHostsGranted: boolean;
  context: BrowserContext;
  worker: Worker;
  extensionId: string;
  replicas: Replicas;
  boundary: Boundary;
}

export async function replicaState(page: Page): Promise<ReplicaState> {
  return page.evaluate(() => {
    const r = (window as unknown as { __replica: ReplicaState }).__replica;
    return JSON.parse(JSON.stringify({ actions: r.actions, sent: r.sent, foreignMutations: r.foreignMutations, editors: r.editors }));
  });
}

export const test = base.extend<Fixtures & Options>({
  uiLanguage: [undefined, { option: true }],
  optionalHostsGranted: [false, { option: true }],
  context: async ({ uiLanguage, optionalHostsGranted }, use) => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'boundary-e2e-'));
    const extensionDir = optionalHostsGranted ? withOptionalHostsGranted(path.join(dir, 'extension')) : undefined;
    const context = await launchWithExtension(path.join(dir, 'profile'), true, { language: uiLanguage, extensionDir });
    await use(context);
    await context.close();
    rmSync(dir, { recursive: true, force: true });
  },
  worker: async ({ context }, use) => {
    await use(await extensionWorker(context));
  },
  extensionId: async ({ worker }, use) => {
    await use(new URL(worker.url()).host);
  },
  replicas: async ({ context }, use) => {
    await use(await Replicas.install(context));
  },
  boundary: async ({ context, worker, extensionId }, use) => {
    await use(new Boundary(context, worker, extensionId));
  },
});

export { Boundary, expect };

export interface ShownDetection {
  platform: string | null;
  kind: string | null;
  match: string | null;
  text: string;
}

/**
 * The popup's detections, read through the test contract's attributes. Their text is the DOM's
 * (textContent), not the rendered text: cards are `content-visibility: auto`, and innerText read
 * before the popup's first frame gave "" for cards not yet known to be on screen (CI, 7 December).
 */
export async function shownDetections(popup: Page): Promise<ShownDetection[]> {
  return popup.getByTestId('detection').evaluateAll((items) =>
    items.map((item) => ({
      platform: item.getAttribute('data-platform'),
      kind: item.getAttribute('data-kind'),
      match: item.getAttribute('data-match'),
      text: item.textContent ?? '',
    })),
  );
}

/** The detection in the popup for a client's name (as written in the list) and kind. */
export function detectionFor(popup: Page, clientName: string, kind: 'request' | 'message', match?: 'exact' | 'name') {
  const selector = `[data-testid="detection"][data-kind="${kind}"]${match ? `[data-match="${match}"]` : ''}`;
  return popup.locator(selector).filter({ hasText: clientName });
}
