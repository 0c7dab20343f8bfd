// @vitest-environment happy-dom
import { afterEach, describe, expect, it } from 'vitest';
import { watch, type PageChange } from '@/lib/detect/watcher';

// What the watcher passes on to a scan: the elements added since the last one, or a call for a
// full scan; and when. Each site's scanner must answer added elements exactly as a full scan
// would, or decline (tests/unit/sites/*-scanner.test.ts).

describe('watch: what changed since the last scan', () => {
  let controller: AbortController;
  afterEach(() => controller.abort());

  const settle = () => new Promise((resolve) => setTimeout(resolve, 150));
  /** Waits for the scan a change calls for (a busy machine may run the watcher's timers late). */
  const scanned = async (changes: readonly PageChange[], count = 1) => {
    for (let waited = 0; changes.length < count && waited < 3000; waited += 25) await new Promise((resolve) => setTimeout(resolve, 25));
  };

  function start() {
    document.body.innerHTML = '<div id="list"><div class="card"><a href="/in/ana/">Ana</a><div role="button">Ignore</div></div></div>';
    controller = new AbortController();
    const changes: PageChange[] = [];
    const tracked = new Set(document.querySelectorAll('.card'));
    watch(document.body, { scan: (change) => changes.push(change), isTracked: (el) => tracked.has(el), signal: controller.signal });
    return changes;
  }

  it('passes on added cards alone, once, for a burst', async () => {
    const changes = start();
    const list = document.getElementById('list')!;
    const cards = Array.from({ length: 5 }, (_, i) => {
      const card = document.createElement('div');
      card.innerHTML = `<a href="/in/person-${i}/">Person ${i}</a>`;
      list.append(card);
      return card;
    });
    await scanned(changes);
    await settle();
    expect(changes).toEqual([{ full: false, added: cards }]);
  });

  it('asks for a full scan when a link leaves, or a card changes', async () => {
    const changes = start();
    document.querySelector('.card [role="button"]')!.remove();
    await scanned(changes);
    expect(changes.map((c) => c.full)).toEqual([true]);
  });

  it('buttons added alone call for no scan, but the next scan sees them', async () => {
    const changes = start();
    const buttons = document.createElement('div');
    buttons.innerHTML = '<div role="button">Confirm</div>';
    document.body.append(buttons);
    await settle();
    expect(changes).toEqual([]);
    const card = document.createElement('div');
    card.innerHTML = '<a href="/in/zoe/">Zoe</a>';
    document.body.append(card);
    await scanned(changes);
    expect(changes).toEqual([{ full: false, added: [buttons, card] }]);
  });

  it('buttons leaving outside any reported card make the next scan a full one, without calling for it', async () => {
    const changes = start();
    const loose = document.createElement('div');
    loose.innerHTML = '<div role="button">Remove</div>';
    document.body.append(loose);
    await settle();
    loose.remove();
    await settle();
    expect(changes).toEqual([]);
    const card = document.createElement('div');
    card.innerHTML = '<a href="/in/zoe/">Zoe</a>';
    document.body.append(card);
    await scanned(changes);
    expect(changes).toEqual([{ full: true, added: [] }]);
  });

  it('a link that changes address makes the next scan a full one, without calling for it', async () => {
    const changes = start();
    document.querySelector('a')!.setAttribute('href', '/in/someone-else/');
    await settle();
    expect(changes).toEqual([]);
    const card = document.createElement('div');
    card.innerHTML = '<a href="/in/zoe/">Zoe</a>';
    document.body.append(card);
    await scanned(changes);
    expect(changes).toEqual([{ full: true, added: [] }]);
  });
});

describe('watch: a few elements added where the scanner reads them alone', () => {
  let controller: AbortController;
  afterEach(() => controller.abort());

  function start() {
    document.body.innerHTML = '<div id="list"><div class="card"><a href="/in/ana/">Ana</a><div role="button">Ignore</div></div></div>';
    controller = new AbortController();
    const changes: PageChange[] = [];
    const tracked = new Set(document.querySelectorAll('.card'));
    watch(document.body, { scan: (change) => changes.push(change), isTracked: (el) => tracked.has(el), signal: controller.signal, partialsCheap: () => true });
    return changes;
  }
  const card = (name: string) => {
    const element = document.createElement('div');
    element.innerHTML = `<a href="/in/${name}/">${name}</a>`;
    return element;
  };
  /** What was scanned by the first task after this one: a timer set now runs before any set later. */
  const byNextTask = (changes: readonly PageChange[]) => new Promise<PageChange[]>((resolve) => setTimeout(() => resolve([...changes]), 0));

  it('are read in the observer callback, before any task (no wait for the page to lay them out)', async () => {
    const changes = start();
    const zoe = card('zoe');
    document.getElementById('list')!.append(zoe);
    expect(await byNextTask(changes)).toEqual([{ full: false, added: [zoe] }]);
  });

  it('many at once wait for a task of their own, and make one scan', async () => {
    const changes = start();
    const list = document.getElementById('list')!;
    const cards = Array.from({ length: 20 }, (_, i) => card(`person-${i}`));
    list.append(cards[0]!, cards[1]!);
    // A batch in one fragment: a single record, twenty rows long.
    const batch = document.createDocumentFragment();
    batch.append(...cards.slice(2));
    list.append(batch);
    expect(await byNextTask(changes)).toEqual([]);
    for (let waited = 0; changes.length === 0 && waited < 3000; waited += 25) await new Promise((resolve) => setTimeout(resolve, 25));
    expect(changes).toEqual([{ full: false, added: cards }]);
  });

  it('a change only a full scan accounts for still waits for the frame', async () => {
    const changes = start();
    document.querySelector('.card [role="button"]')!.remove();
    expect(await byNextTask(changes)).toEqual([]);
    for (let waited = 0; changes.length === 0 && waited < 3000; waited += 25) await new Promise((resolve) => setTimeout(resolve, 25));
    expect(changes).toEqual([{ full: true, added: [] }]);
  });
});
