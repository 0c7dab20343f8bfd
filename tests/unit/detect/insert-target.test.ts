import { describe, expect, it } from 'vitest';
import { insertRefusal } from '@/lib/detect/insert-target';

const THREAD = '/messages/t/100089412300031/';

describe('insertRefusal: a reply goes only into the open conversation itself', () => {
  it.each([
    ['the open conversation’s header', { kind: 'message', open: true }, THREAD, null],
    ['the open header on a page whose address names no thread', { kind: 'message', open: true }, null, null],
    ['an inbox row whose thread is the one open', { kind: 'message', thread: THREAD }, THREAD, null],
    ['an inbox row of another thread', { kind: 'message', thread: '/messages/t/100089412300034/' }, THREAD, 'not-open'],
    ['a row with no thread (a same-name row proves nothing)', { kind: 'message' }, THREAD, 'not-open'],
    ['a row with a thread, on a page with none open', { kind: 'message', thread: THREAD }, null, 'not-open'],
    ['a header not marked open', { kind: 'message', open: false }, THREAD, 'not-open'],
    ['a request', { kind: 'request', open: true }, THREAD, 'not-a-conversation'],
    ['a suggestion', { kind: 'suggestion', thread: THREAD }, THREAD, 'not-a-conversation'],
  ] as const)('%s', (_label, target, openThread, refusal) => {
    expect(insertRefusal(target, openThread)).toBe(refusal);
  });
});
