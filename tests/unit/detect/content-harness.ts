import { vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { runContentScript } from '@/lib/detect/content-main';
import { QuietContext } from '@/lib/detect/quiet-context';
import type { ContentReply, PageCandidates } from '@/lib/messaging/messages';
import type { SiteAdapter } from '@/lib/sites/types';
import { loadReplica, setPageUrl } from '../sites/replica-dom';

/**
 * The content script running on a replica with the fake browser: its reports, the clicks on the
 * replica's controls (as `action:person` from its data-replica-* marks), a way to send it a
 * command as the background does, and `stop`, which ends its observer and listeners.
 */
export function runOnReplica(fixture: string, url: string, adapter: SiteAdapter) {
  loadReplica(fixture);
  setPageUrl(url);
  const reports: PageCandidates[] = [];
  vi.spyOn(fakeBrowser.runtime, 'sendMessage').mockImplementation(async (message: unknown) => {
    reports.push(message as PageCandidates);
    return undefined;
  });
  fakeBrowser.runtime.id = 'boundary-test';
  const ctx = new QuietContext();
  runContentScript(ctx, adapter);
  const clicks: string[] = [];
  const listen = (event: Event) => {
    const target = event.target as Element;
    clicks.push(`${target.closest('[data-replica-action]')?.getAttribute('data-replica-action')}:${target.closest('[data-replica-person]')?.getAttribute('data-replica-person')}`);
  };
  document.addEventListener('click', listen, true);
  ctx.onInvalidated(() => document.removeEventListener('click', listen, true));
  const send = (message: unknown) =>
    new Promise<ContentReply | undefined>((resolve) => void fakeBrowser.runtime.onMessage.trigger(message, {}, resolve));
  const latest = () => reports.at(-1)?.candidates ?? [];
  const reported = (name: string) => latest().find((c) => c.name === name);
  // The fake browser has no runtime id to lose, so the script is ended through its controller.
  const stop = () => (ctx as unknown as { controller: AbortController }).controller.abort();
  return { clicks, send, reported, latest, stop };
}
