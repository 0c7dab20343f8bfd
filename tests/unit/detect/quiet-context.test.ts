// @vitest-environment happy-dom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { QuietContext, quietContext } from '@/lib/detect/quiet-context';

const runtime = fakeBrowser.runtime as { id?: string };
const extensionId = runtime.id;
/** The extension that started the script going away, as a content script sees it. */
const orphan = () => {
  runtime.id = undefined;
};

describe('QuietContext', () => {
  beforeEach(() => {
    vi.useFakeTimers();
  });
  afterEach(() => {
    vi.useRealTimers();
    runtime.id = extensionId;
  });

  it('says nothing to the page when it starts', () => {
    const posted = vi.spyOn(window, 'postMessage');
    const dispatched = vi.spyOn(document, 'dispatchEvent');
    const windowDispatched = vi.spyOn(window, 'dispatchEvent');
    new QuietContext();
    expect(posted).not.toHaveBeenCalled();
    expect(dispatched).not.toHaveBeenCalled();
    expect(windowDispatched).not.toHaveBeenCalled();
  });

  it('ends when the extension is gone: an orphaned script runs no listener, and lets go within seconds unasked', () => {
    const ctx = new QuietContext();
    const ended = vi.fn();
    ctx.onInvalidated(ended);
    const clicks = vi.fn();
    ctx.addEventListener(window, 'click', clicks);
    window.dispatchEvent(new Event('click'));
    expect(clicks).toHaveBeenCalledTimes(1);

    orphan();
    // The very next event finds the extension gone and is left to the page.
    window.dispatchEvent(new Event('click'));
    expect(clicks).toHaveBeenCalledTimes(1);
    expect(ctx.signal.aborted).toBe(true);
    expect(ended).toHaveBeenCalledTimes(1);

    // Without any event, the periodic check ends it too.
    runtime.id = extensionId;
    const idle = new QuietContext();
    const idleEnded = vi.fn();
    idle.onInvalidated(idleEnded);
    orphan();
    vi.advanceTimersByTime(10_000);
    expect(idleEnded).toHaveBeenCalledTimes(1);
  });

  it('is not ended by anything the page dispatches', () => {
    const ctx = new QuietContext();
    for (const type of ['wxt:content-script-started', `${fakeBrowser.runtime.id}:facebook:wxt:content-script-started`]) {
      document.dispatchEvent(new CustomEvent(type, { detail: { contentScriptName: 'facebook', messageId: 'page' } }));
      window.postMessage({ type, contentScriptName: 'facebook', messageId: 'page' }, '*');
    }
    vi.advanceTimersByTime(10_000);
    expect(ctx.isValid).toBe(true);
  });

  it('notices an address change by polling where there is no Navigation API, and only a real change', () => {
    const ctx = new QuietContext();
    const changed = vi.fn();
    ctx.onLocationChange(changed);
    vi.advanceTimersByTime(3_000);
    expect(changed).not.toHaveBeenCalled();
    history.pushState({}, '', '/somewhere/else');
    vi.advanceTimersByTime(1_000);
    expect(changed).toHaveBeenCalledTimes(1);
    vi.advanceTimersByTime(3_000);
    expect(changed).toHaveBeenCalledTimes(1);
  });

  it('ignores Navigation API events the page forges', () => {
    const navigation = new EventTarget();
    vi.stubGlobal('navigation', navigation);
    try {
      const ctx = new QuietContext();
      const changed = vi.fn();
      ctx.onLocationChange(changed);
      history.pushState({}, '', '/forged/' + Math.random());
      // Events a script makes are untrusted, whatever their name.
      navigation.dispatchEvent(new Event('currententrychange'));
      expect(changed).not.toHaveBeenCalled();
    } finally {
      vi.unstubAllGlobals();
    }
  });

  it('is the context WXT hands to main, or start-up fails loudly', () => {
    const ctx = new QuietContext();
    expect(quietContext(ctx)).toBe(ctx);
    expect(() => quietContext({ signal: new AbortController().signal })).toThrow(/WXT/);
  });
});
