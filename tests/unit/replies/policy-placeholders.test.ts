import { describe, expect, it } from 'vitest';
import { DEFAULT_CHOICES } from '@/lib/practice-policy/choices';
import { policySummary } from '@/lib/practice-policy/generate';
import { BUILTIN_BY_ID, BUILTIN_TEMPLATES } from '@/lib/replies/builtin-templates';
import { composeReply, placeholderValues } from '@/lib/replies/library';
import { fillTemplateDetailed } from '@/lib/replies/placeholders';
import { validateTemplate } from '@/lib/replies/templates';
import { DEFAULT_SETTINGS, validateSettings } from '@/lib/settings/practice';

const SETTINGS = {
  ...DEFAULT_SETTINGS,
  practiceName: 'Harbour Lane Practice',
  phone: '+44 20 7946 0321',
  portalUrl: 'https://portal.harbourlane.example',
  secureEmail: 'secure@harbourlane.example',
  policyUrl: 'https://harbourlane.example/social-media',
};

describe('{policy_link} and {policy_text}', () => {
  it('are known placeholders a template may use', () => {
    const draft = { name: 'Policy', situation: 'conversation' as const, language: 'en' as const, platforms: ['facebook' as const], body: '{policy_text}\n{policy_link}' };
    expect(validateTemplate(draft)).toEqual({});
  });

  it('take the published address from the settings and the summary from the saved policy, in the reply’s language', () => {
    expect(placeholderValues(SETTINGS, 'en', undefined, DEFAULT_CHOICES)).toMatchObject({
      policy_link: 'https://harbourlane.example/social-media',
      policy_text: policySummary(DEFAULT_CHOICES, 'en'),
    });
    expect(placeholderValues(SETTINGS, 'es', undefined, { ...DEFAULT_CHOICES, messages: 'no-reply' }).policy_text).toBe(
      policySummary({ ...DEFAULT_CHOICES, messages: 'no-reply' }, 'es'),
    );
    expect(placeholderValues(SETTINGS, 'en').policy_text).toBeUndefined();
  });

  it('drop their lines when unset, as the other placeholders do', () => {
    const body = 'Hello.\n{policy_text}\nIn full: {policy_link}\nBye.';
    expect(fillTemplateDetailed(body, placeholderValues(DEFAULT_SETTINGS, 'en'))).toEqual({
      text: 'Hello.\nBye.',
      missing: ['policy_text', 'policy_link'],
      unknown: [],
    });
    expect(fillTemplateDetailed(body, placeholderValues(SETTINGS, 'en', undefined, DEFAULT_CHOICES)).text).toBe(
      `Hello.\n${policySummary(DEFAULT_CHOICES, 'en')}\nIn full: https://harbourlane.example/social-media\nBye.`,
    );
  });

  it('stay out of Boundary’s own replies, so a practice without a policy is never told a detail is missing', () => {
    for (const template of BUILTIN_TEMPLATES) {
      expect(composeReply(template, { ...SETTINGS, policyUrl: '' }, template.platforms[0]!, 'Ana Souza').missing, template.id).toEqual([]);
    }
  });

  it('fill a practice’s own policy line clear of the confidentiality check, in both languages', () => {
    for (const language of ['en', 'es'] as const) {
      const template = { ...BUILTIN_BY_ID.get(`builtin/${language}/conversation-short`)!, id: 'custom/policy' };
      const withPolicy = { ...template, body: `${template.body}\n{policy_text}\n{policy_link}` };
      for (const messages of ['redirect', 'no-reply'] as const) {
        const reply = composeReply(withPolicy, SETTINGS, 'instagram', 'Ana Souza', { ...DEFAULT_CHOICES, messages });
        expect(reply.text).toContain(policySummary({ ...DEFAULT_CHOICES, messages }, language));
        expect(reply.text).toContain('https://harbourlane.example/social-media');
        expect(reply.lint.findings).toEqual([]);
        expect(reply.length.over).toBe(false);
      }
    }
  });
});

describe('the policy address setting', () => {
  it('takes an https address, or nothing', () => {
    expect(validateSettings(SETTINGS)).toEqual({});
    expect(validateSettings({ ...SETTINGS, policyUrl: '' })).toEqual({});
    expect(validateSettings({ ...SETTINGS, policyUrl: 'http://harbourlane.example/policy' }).policyUrl).toMatch(/https/);
    expect(validateSettings({ ...SETTINGS, policyUrl: 'harbourlane policy' }).policyUrl).toBeTruthy();
    expect(validateSettings({ ...SETTINGS, policyUrl: 'https://user:pw@harbourlane.example/' }).policyUrl).toBeTruthy();
  });
});
