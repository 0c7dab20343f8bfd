import { browser } from 'wxt/browser';
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { foldName } from '@/lib/identity/names';
import { isBackgroundToContent, type BackgroundToContent, type PageCandidates, type WireCandidate } from '@/lib/messaging/messages';
import { typeInto } from '@/lib/sites/compose';
import type { ActionResult, Candidate, SiteAdapter } from '@/lib/sites/types';
import { ElementTokens } from './tokens';
import { watch } from './watcher';

/**
 * Everything a site's content script does, for any adapter: watch the page, report candidates
 * to the background, and carry out the popup's commands on a token. It reads the page and
 * writes nothing to it while the clinician only browses; it learns nothing about the list.
 */
export function runContentScript(ctx: ContentScriptContext, adapter: SiteAdapter): void {
  const tokens = new ElementTokens();
  let current: { candidate: Candidate; token: string }[] = [];
  let tracked = new WeakSet<Element>();
  let lastReport = '';

  const scan = (force = false) => {
    const url = new URL(location.href);
    const found = adapter.findCandidates(document, url);
    current = found.map((candidate) => ({ candidate, token: tokens.tokenFor(candidate.element) }));
    tracked = new WeakSet(found.map((candidate) => candidate.element));
    tokens.retainOnly(new Set(current.map((c) => c.token)));
    const candidates: WireCandidate[] = current.map(({ candidate, token }) => ({
      token,
      kind: candidate.kind,
      platform: candidate.platform,
      identities: candidate.identities,
      name: candidate.name,
    }));
    const recognised = candidates.length > 0 || !adapter.expectsCandidates(url);
    const message: PageCandidates = { type: 'page-candidates', url: url.href, candidates, recognised };
    const report = JSON.stringify(message);
    if (!force && report === lastReport) return;
    lastReport = report;
    if (!recognised && import.meta.env.DEV) {
      console.warn(`[Boundary] ${adapter.platform}: nothing recognisable on ${url.pathname}; the markup may have changed`);
    }
    browser.runtime.sendMessage(message).catch(() => {
      // The extension was reloaded or updated: this script is orphaned and will be replaced.
    });
  };

  const watcher = watch(document.documentElement, {
    scan: () => scan(),
    isTracked: (element) => tracked.has(element),
    signal: ctx.signal,
    shadowRoots: () => adapter.shadowRoots?.(document) ?? [],
  });
  ctx.addEventListener(window, 'wxt:locationchange', () => {
    // Single-page navigation: report the new page even if it shows the same people.
    lastReport = '';
    watcher.schedule();
  });

  const onMessage = (message: unknown): Promise<ActionResult> | undefined => {
    if (!isBackgroundToContent(message)) return undefined;
    return Promise.resolve(handle(message));
  };
  browser.runtime.onMessage.addListener(onMessage);
  ctx.onInvalidated(() => browser.runtime.onMessage.removeListener(onMessage));

  function handle(message: BackgroundToContent): ActionResult {
    if (message.type === 'resend') {
      scan(true);
      return { ok: true, done: 'Reported again' };
    }
    const entry = current.find((c) => c.token === message.token);
    const element = tokens.elementFor(message.token);
    if (!entry || !element) return { ok: false, reason: 'That card is no longer on the page' };
    if (message.type === 'decline') {
      if (entry.candidate.kind !== 'request') return { ok: false, reason: 'Only requests can be declined' };
      return adapter.decline(element);
    }
    return insertReply(entry.candidate, message.text);
  }

  /**
   * Puts a reply into the open conversation's box, but only when that conversation is this
   * person's: a reply must never land in someone else's thread.
   */
  function insertReply(target: Candidate, text: string): ActionResult {
    if (target.kind !== 'message') return { ok: false, reason: 'Replies go into conversations only' };
    const box = adapter.findComposer(document);
    if (!box) return { ok: false, reason: 'No open message box on the page: open the conversation first' };
    const open = openConversation(box);
    const same = open === target || (!!target.name && !!open && foldName(open.name) === foldName(target.name));
    if (!same) {
      return { ok: false, reason: 'Open this person’s conversation first, then insert the reply' };
    }
    return typeInto(box, text);
  }

  /** The message candidate nearest the message box in the page's tree: the open conversation. */
  function openConversation(box: HTMLElement): Candidate | undefined {
    let best: Candidate | undefined;
    let bestDepth = -1;
    for (const { candidate } of current) {
      if (candidate.kind !== 'message') continue;
      const depth = sharedDepth(candidate.element, box);
      if (depth > bestDepth) {
        best = candidate;
        bestDepth = depth;
      }
    }
    return best;
  }

  scan();
}

/** How deep the closest common ancestor of two nodes sits (crossing open shadow roots). */
function sharedDepth(a: Node, b: Node): number {
  const chain = (node: Node) => {
    const nodes: Node[] = [];
    for (let n: Node | null = node; n; n = n.parentNode ?? (n instanceof ShadowRoot ? n.host : null)) nodes.unshift(n);
    return nodes;
  };
  const ca = chain(a);
  const cb = chain(b);
  let depth = 0;
  while (depth < ca.length && depth < cb.length && ca[depth] === cb[depth]) depth++;
  return depth;
}
