import { detectionFor, expect, replicaState, test } from './support/test';

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
  const options = await boundary.openOptions();
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
  await expect(ana.getByTestId('reply-preview')).toHaveText(payload);
  await expect(popup.locator('[data-testid="reply-preview"] img')).toHaveCount(0);
  await ana.getByTestId('insert-reply').click();
  await expect(ana.getByTestId('action-result')).toHaveAttribute('data-ok', 'true');
  const state = await replicaState(site);
  expect(state.editors['thread-ana-souza']).toBe(payload);
  await expect(site.locator('[data-replica-editor] img, [data-replica-editor] b')).toHaveCount(0);
  expect(await site.title()).not.toBe('owned');
  expect(await popup.title()).not.toBe('owned');
});
