import { describe, expect, it } from 'vitest';
import { BUILTIN_TEMPLATES } from '@/lib/replies/builtin-templates';
import { defaultReply } from '@/lib/replies/default-replies';
import { composeReply, defaultTemplate, mergeLibrary, offeredTemplates, placeholderValues, type StoredTemplate } from '@/lib/replies/library';
import { isMessageRequestsPage, situationsFor, whatAnsweringDoes } from '@/lib/replies/situations';
import { DEFAULT_SETTINGS, type PracticeSettings } from '@/lib/settings/practice';

const custom = (over: Partial<StoredTemplate> = {}): StoredTemplate => ({
  id: 'custom/1',
  name: 'Mine',
  situation: 'conversation',
  language: 'en',
  platforms: ['linkedin'],
  body: 'Please use the secure channels.',
  updatedAt: 1,
  ...over,
});

const CONFIGURED: PracticeSettings = {
  ...DEFAULT_SETTINGS,
  practiceName: 'Harbour Lane Practice',
  phone: '+44 20 7946 0321',
  portalUrl: 'https://portal.example.com',
  secureEmail: 'secure@example.com',
  region: 'uk-ie',
};

describe('the reply library', () => {
  it('is Boundary’s templates until the practice changes something', () => {
    const library = mergeLibrary([]);
    expect(library.templates.map((t) => t.id)).toEqual(BUILTIN_TEMPLATES.map((t) => t.id));
    expect(library.templates.every((t) => t.origin === 'builtin')).toBe(true);
  });

  it('lays edits over built-ins, hides deleted ones, and adds the practice’s own', () => {
    const library = mergeLibrary([
      { ...BUILTIN_TEMPLATES[0]!, body: 'Edited.', updatedAt: 1 },
      { ...BUILTIN_TEMPLATES[1]!, deleted: true, updatedAt: 1 },
      custom(),
    ]);
    expect(library.templates[0]).toMatchObject({ id: BUILTIN_TEMPLATES[0]!.id, body: 'Edited.', origin: 'edited' });
    expect(library.templates.some((t) => t.id === BUILTIN_TEMPLATES[1]!.id)).toBe(false);
    expect(library.templates.at(-1)).toMatchObject({ id: 'custom/1', origin: 'custom' });
    expect(library.templates.at(-1)).not.toHaveProperty('updatedAt');
  });

  it('one click uses the practice’s choice, else Boundary’s default, in the reply language', () => {
    const plain = mergeLibrary([custom()]);
    expect(defaultTemplate(plain, 'en', 'conversation', 'linkedin')?.id).toBe('builtin/en/conversation-short');
    expect(defaultTemplate(plain, 'es', 'conversation', 'linkedin')?.id).toBe('builtin/es/conversation-short');
    expect(defaultTemplate(plain, 'en', 'request-answer', 'linkedin')?.id).toBe('builtin/en/request-answer-linkedin');
    expect(defaultTemplate(plain, 'en', 'request-answer', 'instagram')?.id).toBe('builtin/en/request-answer');

    const chosen = mergeLibrary([custom()], { 'en/conversation/linkedin': 'custom/1', 'en/conversation/facebook': 'custom/1' });
    expect(defaultTemplate(chosen, 'en', 'conversation', 'linkedin')?.id).toBe('custom/1');
    // A choice that does not fit the site (the template is LinkedIn only) is passed over.
    expect(defaultTemplate(chosen, 'en', 'conversation', 'facebook')?.id).toBe('builtin/en/conversation-short');
  });

  it('falls back to any fitting template when Boundary’s default was deleted', () => {
    const deleted = BUILTIN_TEMPLATES.filter((t) => t.situation === 'conversation' && t.language === 'en').map(
      (t): StoredTemplate => ({ ...t, deleted: true, updatedAt: 1 }),
    );
    expect(defaultTemplate(mergeLibrary(deleted), 'en', 'conversation', 'facebook')?.id).toBe('builtin/es/conversation-short');
    expect(defaultTemplate(mergeLibrary([...deleted, custom({ platforms: ['facebook'] })]), 'en', 'conversation', 'facebook')?.id).toBe('custom/1');
  });

  it('offers the templates for a detection’s situations and site, the reply language and likeliest situation first', () => {
    const offered = offeredTemplates(mergeLibrary([custom()]), ['message-request', 'conversation'], 'linkedin', 'es');
    expect(offered.map((t) => t.id)).toEqual([
      'builtin/es/message-request',
      'builtin/es/conversation-short',
      'builtin/es/conversation-long',
      'builtin/en/message-request',
      'builtin/en/conversation-short',
      'builtin/en/conversation-long',
      'custom/1',
    ]);
    expect(offeredTemplates(mergeLibrary([]), ['request-answer'], 'facebook', 'en').map((t) => t.id)).toEqual([
      'builtin/en/request-answer',
      'builtin/es/request-answer',
    ]);
  });
});

describe('composing a reply', () => {
  it('fills the practice’s details and the first name the page shows', () => {
    const template = BUILTIN_TEMPLATES.find((t) => t.id === 'builtin/en/conversation-long')!;
    const reply = composeReply(template, CONFIGURED, 'instagram', 'Carmen Ruiz');
    expect(reply.text.split('\n')[0]).toBe('Hello Carmen,');
    expect(reply.text).toContain('Phone: +44 20 7946 0321');
    expect(reply.text).toContain('Secure portal: https://portal.example.com');
    expect(reply.text).toContain('Samaritans on 116 123');
    expect(reply.text).toContain('Best wishes from Harbour Lane Practice');
    expect(reply.missing).toEqual([]);
    expect(reply.lint.ok).toBe(true);
    expect(reply.length).toEqual({ length: reply.text.length, limit: 1000, over: false });
  });

  it('unconfigured, still makes a sensible reply with a crisis line', () => {
    const text = defaultReply('facebook');
    expect(text.split('\n')).toEqual([
      'Hello, thank you for getting in touch.',
      'I don’t use social media messages for anything to do with my work, so I won’t be replying here.',
      'Please contact the practice by phone or through its secure channels instead.',
      'If you need urgent help, call your local emergency number or contact a local crisis line.',
    ]);
  });

  it('the crisis line follows the region and the reply’s language, unless the practice wrote its own', () => {
    expect(placeholderValues({ ...DEFAULT_SETTINGS, region: 'us' }, 'en').crisis_line).toBe('the 988 Lifeline (call or text 988)');
    expect(placeholderValues({ ...DEFAULT_SETTINGS, region: 'au' }, 'en').crisis_line).toBe('Lifeline on 13 11 14');
    expect(placeholderValues({ ...DEFAULT_SETTINGS, region: 'ca' }, 'es').crisis_line).toContain('9-8-8');
    expect(placeholderValues({ ...DEFAULT_SETTINGS, region: 'us', crisisLine: 'our on-call line on 555 0100' }, 'es').crisis_line).toBe(
      'our on-call line on 555 0100',
    );
    expect(defaultReply('linkedin', { ...DEFAULT_SETTINGS, language: 'es', region: 'es' })).toContain('contacte con la línea 024.');
  });
});

describe('situations', () => {
  it('message requests pages, by address', () => {
    expect(isMessageRequestsPage('https://www.facebook.com/messages/requests/')).toBe(true);
    expect(isMessageRequestsPage('https://www.facebook.com/messages/filtered/t/123')).toBe(true);
    expect(isMessageRequestsPage('https://www.instagram.com/direct/requests/')).toBe(true);
    expect(isMessageRequestsPage('https://www.instagram.com/direct/t/118273645501928/')).toBe(false);
    expect(isMessageRequestsPage('https://www.facebook.com/messages/t/1/')).toBe(false);
    expect(isMessageRequestsPage('https://evil.example/direct/requests/')).toBe(false);
    expect(isMessageRequestsPage('not a url')).toBe(false);
  });

  it('the likeliest situation first', () => {
    expect(situationsFor('request', false)).toEqual(['request-answer']);
    expect(situationsFor('message', false)).toEqual(['conversation', 'message-request']);
    expect(situationsFor('message', true)).toEqual(['message-request', 'conversation']);
    // A comment, mention or tag: the private note first, the public answer after it.
    expect(situationsFor('mention', false)).toEqual(['comment-private', 'comment']);
  });

  it('offers a private note after a comment in both languages, by default, that says nothing of what was written and passes the checks', () => {
    for (const language of ['en', 'es'] as const) {
      const note = defaultTemplate(mergeLibrary([]), language, 'comment-private', 'instagram')!;
      expect(note.id).toBe(`builtin/${language}/comment-private`);
      const composed = composeReply(note, CONFIGURED, 'instagram', 'Carmen Ruiz');
      expect(composed.lint.ok, composed.text).toBe(true);
      expect(composed.text).toContain(language === 'en' ? 'Phone: +44 20 7946 0321' : 'Teléfono: +44 20 7946 0321');
      expect(composed.text).not.toContain('Carmen');
    }
    expect(offeredTemplates(mergeLibrary([]), situationsFor('mention', false), 'facebook', 'es').map((t) => t.id).slice(0, 2)).toEqual([
      'builtin/es/comment-private',
      'builtin/es/comment',
    ]);
    expect(whatAnsweringDoes('comment-private', 'facebook')).toContain('private message');
  });

  it('says what the site does where answering is a choice', () => {
    expect(whatAnsweringDoes('request-answer', 'facebook')).toContain('Delete on Facebook is silent');
    expect(whatAnsweringDoes('request-answer', 'linkedin')).toContain('Ignore on LinkedIn is silent');
    expect(whatAnsweringDoes('message-request', 'instagram')).toContain('read it');
    expect(whatAnsweringDoes('conversation', 'instagram')).toBeUndefined();
  });
});
