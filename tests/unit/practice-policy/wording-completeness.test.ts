import { describe, expect, it } from 'vitest';
import { generatePolicy, WORDINGS } from '@/lib/practice-policy/generate';
import { BULLET, SECTION_IDS } from '@/lib/practice-policy/wording';
import { REPLY_LANGUAGES } from '@/lib/settings/practice';
import { PRACTICE, everyCombination } from './samples';

/**
 * The policy's paragraphs live outside the locale catalogues (the catalogues follow the browser,
 * a policy is written in each language whatever the browser speaks), so the catalogues' own
 * completeness test cannot see them. This one does the same job for them: English and Spanish
 * must say the same things, choice for choice.
 */
describe('the policy wording, English and Spanish', () => {
  it('ships a wording for every reply language, with every section', () => {
    expect(Object.keys(WORDINGS).sort()).toEqual([...REPLY_LANGUAGES].sort());
    for (const language of REPLY_LANGUAGES) expect(Object.keys(WORDINGS[language].sections).sort(), language).toEqual([...SECTION_IDS].sort());
  });

  it('has the same shape in both languages for every combination of choices: sections, paragraphs, list lines', () => {
    const shape = (document: ReturnType<typeof generatePolicy>) =>
      document.sections.map((s) => ({ id: s.id, paragraphs: s.paragraphs.map((p) => p.split('\n').filter((line) => line.startsWith(BULLET)).length) }));
    for (const choices of everyCombination()) {
      const [en, es] = REPLY_LANGUAGES.map((language) => generatePolicy(choices, PRACTICE, language));
      expect(shape(es!), JSON.stringify(choices)).toEqual(shape(en!));
    }
  });

  it('carries every detail it is given into both languages', () => {
    const choices = { ...everyCombination()[0]!, formerClients: 'after-years' as const, formerYears: 7, complaintsBody: 'XYZ Register', changes: 'website' as const };
    for (const language of REPLY_LANGUAGES) {
      const text = JSON.stringify(generatePolicy(choices, PRACTICE, language));
      for (const detail of ['7', 'XYZ Register', PRACTICE.policyUrl, PRACTICE.phone, PRACTICE.portalUrl, PRACTICE.secureEmail, PRACTICE.practiceName]) {
        expect(text, `${language}: ${detail}`).toContain(detail);
      }
    }
  });

  it('has headings, a version line and a summary in both languages, each different from the other language', () => {
    const en = WORDINGS.en;
    const es = WORDINGS.es;
    for (const id of SECTION_IDS) {
      expect(es.sections[id].heading.trim(), id).not.toBe('');
      expect(es.sections[id].heading, id).not.toBe(en.sections[id].heading);
    }
    expect(es.versionLine('X')).toContain('X');
    expect(en.versionLine('X')).toContain('X');
    expect(es.versionLine('X')).not.toBe(en.versionLine('X'));
    expect(es.title('')).not.toBe(en.title(''));
  });
});
