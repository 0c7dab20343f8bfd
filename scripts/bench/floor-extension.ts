import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';

/**
 * The floor extension: the least any extension must do for the figures the bench takes, written
 * by the bench into a temporary folder and loaded in a browser of its own (never part of the
 * product). Its figures are the denominators of Boundary's:
 * - a content script on the same sites, at the same moment (document_idle), that on every
 *   insertion into the page sends one message, and a background that counts those messages on
 *   the tab's badge: no reading of the page, no matching;
 * - a blank extension page, floor.html, opened as the popup is (a tab at ?tab=<id>), that asks
 *   the background once and lists the answer's `count` names: the cost of opening any extension
 *   page and asking its background.
 */

const CONTENT = `// The floor of detection latency: tell the background something was inserted, nothing more.
new MutationObserver((records) => {
  if (records.some((record) => record.addedNodes.length > 0)) chrome.runtime.sendMessage({ type: 'floor:inserted' }).catch(() => undefined);
}).observe(document, { childList: true, subtree: true });
`;

const BACKGROUND = `// Counts each tab's insertions on its badge; answers the blank page with made-up names.
const counts = new Map();
chrome.runtime.onMessage.addListener((message, sender, sendResponse) => {
  if (message?.type === 'floor:inserted' && sender.tab?.id !== undefined) {
    const tabId = sender.tab.id;
    const count = (counts.get(tabId) ?? 0) + 1;
    counts.set(tabId, count);
    void chrome.action.setBadgeText({ tabId, text: String(count) });
    return;
  }
  if (message?.type === 'floor:page') {
    sendResponse({ names: Array.from({ length: message.count }, (_, i) => 'Person ' + (i + 1)) });
  }
});
chrome.tabs.onRemoved.addListener((tabId) => counts.delete(tabId));
`;

const PAGE_HTML = `<!DOCTYPE html>
<html lang="en">
<head><meta charset="utf-8"><title>Floor</title><script type="module" src="/floor.js"></script></head>
<body><ul id="names"></ul></body>
</html>
`;

const PAGE_JS = `// Ask the background once, list what it says: as the popup does, with nothing else.
const params = new URLSearchParams(location.search);
const reply = await chrome.runtime.sendMessage({ type: 'floor:page', tab: Number(params.get('tab')), count: Number(params.get('count') ?? 1) });
const list = document.getElementById('names');
for (const name of reply.names) {
  const item = document.createElement('li');
  item.dataset.testid = 'detection';
  item.textContent = name;
  list.append(item);
}
`;

/**
 * Writes the floor extension into `dir`, its content script matching the same sites as
 * Boundary's build in `boundaryDir` (read from that manifest, so the two never drift apart).
 */
export function writeFloorExtension(dir: string, boundaryDir: string): string {
  const boundary = JSON.parse(readFileSync(path.join(boundaryDir, 'manifest.json'), 'utf8')) as {
    host_permissions: string[];
    content_scripts: { matches: string[]; run_at?: string }[];
  };
  const matches = [...new Set(boundary.content_scripts.flatMap((script) => script.matches))];
  const manifest = {
    manifest_version: 3,
    name: 'Boundary bench floor',
    version: '0.0.1',
    host_permissions: boundary.host_permissions,
    background: { service_worker: 'background.js' },
    action: { default_title: 'Floor', default_popup: 'floor.html' },
    content_scripts: [{ matches, run_at: boundary.content_scripts[0]?.run_at ?? 'document_idle', js: ['content.js'] }],
  };
  mkdirSync(dir, { recursive: true });
  writeFileSync(path.join(dir, 'manifest.json'), JSON.stringify(manifest, null, 2));
  writeFileSync(path.join(dir, 'content.js'), CONTENT);
  writeFileSync(path.join(dir, 'background.js'), BACKGROUND);
  writeFileSync(path.join(dir, 'floor.html'), PAGE_HTML);
  writeFileSync(path.join(dir, 'floor.js'), PAGE_JS);
  return dir;
}
