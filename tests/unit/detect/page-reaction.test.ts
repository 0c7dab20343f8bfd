// @vitest-environment happy-dom
import { afterEach, describe, expect, it } from 'vitest';
import { cardChanged, lookOf, openedNow, pageReacted, somethingOpened } from '@/lib/detect/page-reaction';

function card(): HTMLElement {
  document.body.innerHTML = `<ul><li id="card"><a href="/ana">Ana</a>
    <div role="button" aria-label="Confirm">Confirm</div><div role="button" aria-label="Delete">Delete</div></li>
    <li id="other"><a href="/ben">Ben</a></li></ul>`;
  return document.getElementById('card')!;
}

afterEach(() => {
  document.body.innerHTML = '';
});

describe('pageReacted', () => {
  it('resolves true as soon as the card leaves the page', async () => {
    const el = card();
    const before = lookOf(el);
    const started = Date.now();
    setTimeout(() => el.parentElement!.remove(), 20);
    await expect(pageReacted(el, before, 5000)).resolves.toBe(true);
    expect(Date.now() - started).toBeLessThan(2000);
  });

  it('resolves true when the buttons give way to a confirmation line', async () => {
    const el = card();
    const before = lookOf(el);
    setTimeout(() => {
      for (const button of el.querySelectorAll('[role="button"]')) button.remove();
      el.append('Request removed');
    }, 20);
    await expect(pageReacted(el, before, 5000)).resolves.toBe(true);
  });

  it('resolves true when a control changes its label or is disabled', async () => {
    const el = card();
    const before = lookOf(el);
    setTimeout(() => el.querySelector('[aria-label="Delete"]')!.setAttribute('aria-disabled', 'true'), 20);
    await expect(pageReacted(el, before, 5000)).resolves.toBe(true);
  });

  it('counts a change made before it started watching (the click’s own handler)', async () => {
    const el = card();
    const before = lookOf(el);
    el.remove();
    await expect(pageReacted(el, before, 50)).resolves.toBe(true);
  });

  it('resolves false when nothing on the card changes, even if the page changes elsewhere', async () => {
    const el = card();
    const before = lookOf(el);
    setTimeout(() => document.getElementById('other')!.append(' (online)'), 10);
    await expect(pageReacted(el, before, 150)).resolves.toBe(false);
  });

  it('a hidden card has changed', () => {
    const el = card();
    const before = lookOf(el);
    expect(cardChanged(el, before)).toBe(false);
    el.parentElement!.setAttribute('hidden', '');
    expect(cardChanged(el, before)).toBe(true);
  });

  it('a dialog the click opened beside the card counts where the caller asks (a connection’s next step)', async () => {
    const el = card();
    const before = lookOf(el);
    document.body.insertAdjacentHTML('beforeend', '<div role="dialog" id="old">Old</div>');
    const opened = openedNow(document);
    setTimeout(() => document.body.insertAdjacentHTML('beforeend', '<div role="dialog">Remove follower?</div>'), 20);
    await expect(pageReacted(el, before, 5000, () => somethingOpened(document, opened))).resolves.toBe(true);
  });

  it('a dialog already open before the click does not count', async () => {
    const el = card();
    const before = lookOf(el);
    document.body.insertAdjacentHTML('beforeend', '<div role="dialog">Chat</div>');
    const opened = openedNow(document);
    await expect(pageReacted(el, before, 100, () => somethingOpened(document, opened))).resolves.toBe(false);
  });
});
