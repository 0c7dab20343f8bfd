import { describe, expect, it } from 'vitest';
import { fillTemplate, fillTemplateDetailed, firstNameFrom, nearestPlaceholder, placeholdersIn } from '@/lib/replies/placeholders';
import { validateTemplate } from '@/lib/replies/templates';

const TEMPLATE = [
  'Hello {first_name},',
  'Thank you for your message.',
  'Please contact {practice} through its secure channels.',
  'Phone: {phone}',
  'Secure portal: {portal}',
  'Secure email: {secure_email}',
  '',
  'If it is urgent, contact {crisis_line}.',
].join('\n');

const ALL = {
  first_name: 'Ana',
  practice: 'Harbour Lane Practice',
  phone: '+44 20 7946 0321',
  portal: 'https://portal.example.com',
  secure_email: 'secure@example.com',
  crisis_line: 'Samaritans on 116 123',
};

describe('filling a template', () => {
  it('fills every placeholder when all are set', () => {
    expect(fillTemplate(TEMPLATE, ALL)).toBe(
      [
        'Hello Ana,',
        'Thank you for your message.',
        'Please contact Harbour Lane Practice through its secure channels.',
        'Phone: +44 20 7946 0321',
        'Secure portal: https://portal.example.com',
        'Secure email: secure@example.com',
        '',
        'If it is urgent, contact Samaritans on 116 123.',
      ].join('\n'),
    );
  });

  it('drops each line that holds an unset placeholder, whole, and says which were missing', () => {
    const filled = fillTemplateDetailed(TEMPLATE, { phone: '0161 496 0000', crisis_line: 'a local crisis line', practice: '  ' });
    expect(filled.text).toBe(['Thank you for your message.', 'Phone: 0161 496 0000', '', 'If it is urgent, contact a local crisis line.'].join('\n'));
    expect(filled.missing.sort()).toEqual(['first_name', 'portal', 'practice', 'secure_email']);
    expect(filled.text).not.toMatch(/[{}]|: $/m);
  });

  it('with nothing set, keeps only the lines that need nothing', () => {
    expect(fillTemplate(TEMPLATE, {})).toBe('Thank you for your message.');
  });

  it('leaves no stacked, leading or trailing blank lines where lines were dropped', () => {
    const body = ['Phone: {phone}', '', 'Hello.', '', 'Portal: {portal}', '', 'Bye.', '', 'Email: {secure_email}', ''].join('\n');
    expect(fillTemplate(body, {})).toBe('Hello.\n\nBye.');
  });

  it('drops a line with an unknown placeholder rather than showing the braces', () => {
    const filled = fillTemplateDetailed('Call {phnoe} today.\nHello.', { phone: '123' });
    expect(filled).toEqual({ text: 'Hello.', missing: [], unknown: ['phnoe'] });
  });

  it('keeps a misspelt placeholder as typed for the editor’s preview, so a one-line template does not go blank', () => {
    const filled = fillTemplateDetailed('Please write to {practise} at {secure_email}.', { practice: 'Hale Counselling', secure_email: 'a@b.org' }, { keepUnknown: true });
    expect(filled.text).toBe('Please write to {practise} at a@b.org.');
    expect(filled.unknown).toEqual(['practise']);
  });

  it.each([
    ['practise', 'practice'],
    ['phnoe', 'phone'],
    ['Secure-Email', 'secure_email'],
    ['firstname', 'first_name'],
    ['policy_lnk', 'policy_link'],
  ])('reads {%s} as a typo of {%s}', (typed, meant) => {
    expect(nearestPlaceholder(typed)).toBe(meant);
  });

  it.each(['diagnosis', 'x', 'appointment_time'])('suggests nothing for {%s}, which is no near miss', (typed) => {
    expect(nearestPlaceholder(typed)).toBeNull();
  });

  it('says which placeholder a lone typo most likely meant', () => {
    const errors = validateTemplate({ name: 'Redirect', situation: 'conversation', language: 'en', platforms: ['facebook'], body: 'Write to {practise}.' });
    expect(errors.body).toBe('{practise} is not a placeholder: did you mean {practice}? Until it is fixed, its line is left out of replies.');
  });

  it('fills a placeholder used twice on a line, and drops the line if any one is unset', () => {
    expect(fillTemplate('{practice}: {phone}', { practice: 'P', phone: '1' })).toBe('P: 1');
    expect(fillTemplate('{practice}: {phone}', { practice: 'P' })).toBe('');
  });

  it('puts values in as plain text on one line, never expanding braces inside them', () => {
    expect(fillTemplate('From {practice}.', { practice: 'Line one\nLine  two {phone}' })).toBe('From Line one Line two {phone}.');
  });

  it('reads CRLF templates', () => {
    expect(fillTemplate('Hello.\r\nPhone: {phone}\r\nBye.', {})).toBe('Hello.\nBye.');
  });

  it('lists the placeholders a template uses, and the unknown ones', () => {
    expect(placeholdersIn(TEMPLATE + ' {typo} {}')).toEqual({
      known: ['first_name', 'practice', 'phone', 'portal', 'secure_email', 'crisis_line'],
      unknown: ['typo', ''],
    });
  });
});

describe('the first name from the name the page shows', () => {
  it.each([
    ['Ana Souza', 'Ana'],
    ['  Zoë  Dubois ', 'Zoë'],
    ["Siobhán O'Neill", 'Siobhán'],
    ['Jean-Luc Picard', 'Jean-Luc'],
    ['Yusuf Aydın-Laurent', 'Yusuf'],
    ['maple.quinn', undefined],
    ['user_123', undefined],
    ['@carmen', undefined],
    ['', undefined],
    [undefined, undefined],
  ])('%s → %s', (pageName, first) => {
    expect(firstNameFrom(pageName)).toBe(first);
  });
});
