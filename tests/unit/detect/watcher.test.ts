// @vitest-environment happy-dom
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ElementTokens } from '@/lib/detect/tokens';
import { watch } from '@/lib/detect/watcher';

const settle = () => new Promise((resolve) => setTimeout(resolve, 150));

describe('watch', () => {
  let controller: AbortController;
  let scans: number;
  let tracked: Set<Element>;
  beforeEach(() => {
    document.body.innerHTML = '<div id="list"><div class="card"><a href="/in/ana/">Ana</a></div></div>';
    controller = new AbortController();
    scans = 0;
    tracked = new Set(document.querySelectorAll('.card'));
    watch(document.body, { scan: () => scans++, isTracked: (el) => tracked.has(el), signal: controller.signal });
  });
  afterEach(() => controller.abort());

  it('runs one scan for a burst of added cards', async () => {
    const list = document.getElementById('list')!;
    for (let i = 0; i < 200; i++) {
      const card = document.createElement('div');
      card.innerHTML = `<a href="/in/person-${i}/">Person ${i}</a>`;
      list.append(card);
    }
    await settle();
    expect(scans).toBe(1);
  });

  it('ignores changes that cannot hold a person', async () => {
    const style = document.createElement('style');
    style.textContent = '.x{}';
    document.body.append(style);
    const span = document.createElement('span');
    span.textContent = '3 new notifications';
    document.body.append(span);
    await settle();
    expect(scans).toBe(0);
  });

  it('rescans when a tracked card leaves, so it is dropped', async () => {
    document.querySelector('.card')!.remove();
    await settle();
    expect(scans).toBe(1);
  });

  it('stops for good once aborted', async () => {
    controller.abort();
    document.getElementById('list')!.insertAdjacentHTML('beforeend', '<a href="/in/late/">Late</a>');
    await settle();
    expect(scans).toBe(0);
  });
});

describe('ElementTokens', () => {
  it('gives an element the same random token while it lives, and forgets it after', () => {
    const tokens = new ElementTokens();
    const a = document.createElement('div');
    const b = document.createElement('div');
    document.body.append(a, b);
    const ta = tokens.tokenFor(a);
    expect(tokens.tokenFor(a)).toBe(ta);
    expect(tokens.tokenFor(b)).not.toBe(ta);
    expect(ta).toMatch(/^[0-9a-f-]{36}$/);
    expect(tokens.elementFor(ta)).toBe(a);
    a.remove();
    expect(tokens.elementFor(ta)).toBeNull();
    tokens.retainOnly(new Set([tokens.tokenFor(b)]));
    document.body.append(a);
    expect(tokens.elementFor(ta)).toBeNull();
  });

  it('gives an element the site reuses for someone else a new token, and the old one finds nothing', () => {
    const tokens = new ElementTokens();
    const row = document.createElement('div');
    document.body.append(row);
    const ana = tokens.tokenFor(row, 'ana');
    expect(tokens.tokenFor(row, 'ana')).toBe(ana);
    const bea = tokens.tokenFor(row, 'bea');
    expect(bea).not.toBe(ana);
    expect(tokens.elementFor(ana)).toBeNull();
    expect(tokens.elementFor(bea)).toBe(row);
    // Back to the first person: still a new card, as a command for the old one may be stale.
    expect(tokens.tokenFor(row, 'ana')).not.toBe(ana);
    // The tokens that went still say who they stood for; one never issued says nothing.
    expect(tokens.retiredAs(ana)).toBe('ana');
    expect(tokens.retiredAs(bea)).toBe('bea');
    expect(tokens.retiredAs('00000000-0000-4000-8000-000000000000')).toBeUndefined();
  });

  it('remembers who a token forgotten by retainOnly stood for, and only the newest 512', () => {
    const tokens = new ElementTokens();
    const rows = Array.from({ length: 600 }, () => document.body.appendChild(document.createElement('div')));
    const issued = rows.map((row, i) => tokens.tokenFor(row, `person ${i}`));
    tokens.retainOnly(new Set());
    expect(tokens.elementFor(issued[599]!)).toBeNull();
    expect(tokens.retiredAs(issued[599]!)).toBe('person 599');
    expect(tokens.retiredAs(issued[88]!)).toBe('person 88');
    expect(tokens.retiredAs(issued[87]!)).toBeUndefined();
    for (const row of rows) row.remove();
  });
});


describe('watch: a reported card that changes', () => {
  it('rescans when a card loses its buttons (it was declined), even with no link involved', async () => {
    document.body.innerHTML = '<div class="card"><a href="/in/ana/">Ana</a><div role="button">Ignore</div></div>';
    const card = document.querySelector('.card')!;
    const controller = new AbortController();
    let scans = 0;
    watch(document.body, { scan: () => scans++, isTracked: (el) => el === card, signal: controller.signal });
    card.querySelector('[role="button"]')!.replaceWith(document.createElement('span'));
    await settle();
    controller.abort();
    expect(scans).toBe(1);
  });
});
