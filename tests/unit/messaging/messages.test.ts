import { describe, expect, it } from 'vitest';
import { isBackgroundToContent, isContentToBackground, isPageToBackground, originOf } from '@/lib/messaging/messages';

const good = {
  type: 'page-candidates',
  url: 'https://www.facebook.com/friends/requests/',
  platform: 'facebook',
  pageKind: 'requests',
  recognised: true,
  connectionSteps: false,
  candidates: [{ token: 'abc', kind: 'request', platform: 'facebook', identities: ['100012345678901'], name: 'Ana' }],
};
const conversation = { token: 'def', kind: 'message', platform: 'facebook', identities: [], name: 'Ana', thread: '/messages/t/1/', open: true };

describe('message validation', () => {
  it.each([
    ['a well-formed report', good, true],
    ['an unknown type', { ...good, type: 'get-clients' }, false],
    ['a bad platform', { ...good, candidates: [{ ...good.candidates[0], platform: 'myspace' }] }, false],
    ['a bad kind', { ...good, candidates: [{ ...good.candidates[0], kind: 'accept' }] }, false],
    ['identities that are not strings', { ...good, candidates: [{ ...good.candidates[0], identities: [42] }] }, false],
    ['an oversized name', { ...good, candidates: [{ ...good.candidates[0], name: 'x'.repeat(10_000) }] }, false],
    ['an empty token', { ...good, candidates: [{ ...good.candidates[0], token: '' }] }, false],
    ['too many candidates', { ...good, candidates: Array(5001).fill(good.candidates[0]) }, false],
    ['suggestions and connections', { ...good, candidates: ['suggestion', 'connection'].map((kind) => ({ ...good.candidates[0], kind })) }, true],
    ['a mention on a notifications page', { ...good, pageKind: 'notifications', candidates: [{ ...good.candidates[0], kind: 'mention' }] }, true],
    ['a conversation with its thread, open', { ...good, pageKind: 'messages', candidates: [conversation] }, true],
    ['an empty thread key', { ...good, candidates: [{ ...conversation, thread: '' }] }, false],
    ['an oversized thread key', { ...good, candidates: [{ ...conversation, thread: 'x'.repeat(1000) }] }, false],
    ['open that is not a boolean', { ...good, candidates: [{ ...conversation, open: 'yes' }] }, false],
    ['a page of no known kind', { ...good, pageKind: null, recognised: true }, true],
    ['an unknown page kind', { ...good, pageKind: 'groups' }, false],
    ['no page kind at all', { ...good, pageKind: undefined }, false],
    ['no platform', { ...good, platform: undefined }, false],
    ['connection steps that are not a boolean', { ...good, connectionSteps: 1 }, false],
    ['the page’s language', { ...good, lang: 'pt-BR' }, true],
    ['a language that is no language tag', { ...good, lang: 'es"><img src=x>' }, false],
    ['a language that is not a string', { ...good, lang: 7 }, false],
    ['null', null, false],
    ['a string', 'page-candidates', false],
  ])('content → background: %s', (_label, message, ok) => {
    expect(isContentToBackground(message)).toBe(ok);
  });

  it.each([
    [{ type: 'get-detections', tabId: 3 }, true],
    [{ type: 'get-detections', tabId: -1 }, false],
    [{ type: 'get-detections', tabId: '3' }, false],
    [{ type: 'decline', tabId: 3, token: 'abc' }, true],
    [{ type: 'decline', tabId: 3 }, false],
    [{ type: 'remove-suggestion', tabId: 3, token: 'abc' }, true],
    [{ type: 'remove-suggestion', tabId: 3, token: '' }, false],
    [{ type: 'connection-step', tabId: 3, token: 'abc' }, true],
    [{ type: 'connection-step', token: 'abc' }, false],
    [{ type: 'mention-step', tabId: 3, token: 'abc' }, true],
    [{ type: 'mention-step', tabId: 3 }, false],
    [{ type: 'outline', tabId: 3 }, true],
    [{ type: 'outline' }, false],
    [{ type: 'site-tabs' }, true],
    [{ type: 'add-suggestion', tabId: 3, token: 'abc' }, false],
    [{ type: 'insert-reply', tabId: 3, token: 'abc', text: 'Hello' }, true],
    [{ type: 'insert-reply', tabId: 3, token: 'abc', text: 'x'.repeat(6000) }, false],
    [{ type: 'this-is-them', tabId: 3, token: 'abc', clientId: 7 }, true],
    [{ type: 'not-them', tabId: 3, token: 'abc' }, false],
    [{ type: 'undo-this-is-them', clientId: 7, platform: 'facebook', identity: 'samlee9' }, true],
    [{ type: 'undo-this-is-them', clientId: 7, platform: 'myspace', identity: 'samlee9' }, false],
    [{ type: 'undo-not-them', clientId: 7, platform: 'instagram', identity: 'sam.lee' }, true],
    [{ type: 'undo-not-them', clientId: 7, platform: 'instagram', identity: '' }, false],
    [{ type: 'undo-not-them', clientId: -1, platform: 'instagram', identity: 'sam.lee' }, false],
    [{ type: 'clients-changed' }, true],
    [{ type: 'vault-changed' }, true],
    [{ type: 'accept', tabId: 3, token: 'abc' }, false],
  ])('page → background: %j', (message, ok) => {
    expect(isPageToBackground(message)).toBe(ok);
  });

  it.each([
    [{ type: 'resend' }, true],
    [{ type: 'decline', token: 'abc' }, true],
    [{ type: 'insert-text', token: 'abc', text: 'Hi' }, true],
    [{ type: 'insert-text', token: 'abc' }, false],
    [{ type: 'remove-suggestion', token: 'abc' }, true],
    [{ type: 'remove-suggestion' }, false],
    [{ type: 'connection-step', token: 'abc' }, true],
    [{ type: 'mention-step', token: 'abc' }, true],
    [{ type: 'mention-step' }, false],
    // The outline is injected on request (entrypoints/outline.ts); content scripts take no such command.
    [{ type: 'outline' }, false],
    [{ type: 'follow', token: 'abc' }, false],
    [{ type: 'send', token: 'abc', text: 'Hi' }, false],
  ])('background → content: %j', (message, ok) => {
    expect(isBackgroundToContent(message)).toBe(ok);
  });
});

describe('originOf', () => {
  const id = 'abcdefghijklmnop';
  const origin = `chrome-extension://${id}/`;
  it('a content script speaks for its own tab only', () => {
    expect(originOf({ id, url: 'https://www.facebook.com/', tab: { id: 12 } }, id, origin)).toEqual({ from: 'content', tabId: 12 });
  });
  it('an extension page is known by its URL, even when opened in a tab', () => {
    expect(originOf({ id, url: `${origin}popup.html?tab=4`, tab: { id: 9 } }, id, origin)).toEqual({ from: 'extension-page' });
  });
  it('another extension is nobody', () => {
    expect(originOf({ id: 'other', url: `${origin}popup.html` }, id, origin)).toEqual({ from: 'unknown' });
  });
  it('a sender with neither tab nor extension URL is nobody', () => {
    expect(originOf({ id, url: 'https://evil.example/' }, id, origin)).toEqual({ from: 'unknown' });
  });
});
