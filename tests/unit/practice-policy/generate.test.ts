import { describe, expect, it } from 'vitest';
import { CHOICE_KEYS, DEFAULT_CHOICES } from '@/lib/practice-policy/choices';
import { documentText, generatePolicy, generatedText, policySummary } from '@/lib/practice-policy/generate';
import { policyBlocks } from '@/lib/practice-policy/layout';
import { lintReply } from '@/lib/policy/confidentiality';
import { DEFAULT_SETTINGS, REPLY_LANGUAGES } from '@/lib/settings/practice';
import { ONE_CHANGE, PRACTICE, everyCombination } from './samples';

/** Sentences as a reader meets them: split after . ! ? or : and at line breaks. */
const sentences = (text: string) =>
  text
    .split(/(?<=[.!?:])\s+|\n+/)
    .map((s) => s.trim())
    .filter(Boolean);

/**
 * Ways of saying that someone is a client (or patient), in either language. A policy may speak
 * of what the clinician does with clients in general; it must never say that a person is one.
 */
const CONFIRMS = [
  /\b(?:you|he|she|they|this person|the reviewer)\s+(?:is|are|was|were)\s+(?:now\s+)?(?:a|an|my|our|one of my|one of our)\s+(?:current\s+|former\s+)?(?:client|patient)/i,
  /\bas\s+(?:my|our|a)\s+(?:current\s+|former\s+)?(?:client|patient)\b/i,
  /\b(?:is|are)\s+in\s+(?:therapy|treatment|counsell?ing)\s+with\s+me\b/i,
  /\b(?:usted|él|ella|esta persona)\s+(?:es|era|fue)\s+(?:un|una|mi|nuestro|nuestra)\s+(?:cliente|paciente)/i,
  /\b(?:es|eres|era)\s+(?:mi|nuestro|nuestra)\s+(?:cliente|paciente)/i,
  /\bcomo\s+(?:mi|nuestro|nuestra)\s+(?:cliente|paciente)\b/i,
];

describe('the generated policy', () => {
  it.each(REPLY_LANGUAGES)('%s: names the practice, its secure channels, its crisis line and every section', (language) => {
    const document = generatePolicy(DEFAULT_CHOICES, PRACTICE, language);
    const text = documentText(document);
    expect(document.title).toContain('Harbour Lane Practice');
    for (const detail of [PRACTICE.phone, PRACTICE.portalUrl, PRACTICE.secureEmail]) expect(text).toContain(detail);
    expect(text).toContain(language === 'en' ? 'Samaritans on 116 123' : 'Samaritans en el 116 123');
    for (const site of ['Facebook', 'Instagram', 'LinkedIn']) expect(text).toContain(site);
    expect(document.sections.map((s) => s.id)).toEqual(['about', 'requests', 'following', 'messages', 'searches', 'reviews', 'endorsements', 'check-ins', 'changes']);
    for (const section of document.sections) {
      expect(section.heading.trim()).not.toBe('');
      expect(section.paragraphs.length).toBeGreaterThan(0);
      for (const paragraph of section.paragraphs) expect(paragraph.trim(), section.id).not.toBe('');
    }
    expect(text).not.toMatch(/[{}]|undefined|null|NaN/);
  });

  it('is written in Spanish for Spanish, not left in English', () => {
    const en = generatePolicy(DEFAULT_CHOICES, PRACTICE, 'en');
    const es = generatePolicy(DEFAULT_CHOICES, PRACTICE, 'es');
    expect(es.title).toBe('Política de redes sociales: Harbour Lane Practice');
    const english = new Set(en.sections.flatMap((s) => [s.heading, ...s.paragraphs]));
    for (const block of es.sections.flatMap((s) => [s.heading, ...s.paragraphs])) {
      if (!block.startsWith('•')) expect(english.has(block), block).toBe(false);
    }
    expect(documentText(es)).toMatch(/\bno acepto solicitudes\b/i);
  });

  it('covers every choice with a case that changes it', () => {
    expect(new Set(ONE_CHANGE.map((c) => c.name.split(' ')[0]))).toEqual(new Set(CHOICE_KEYS));
  });

  it.each(ONE_CHANGE.flatMap((c) => REPLY_LANGUAGES.map((language) => [c.name, language, c] as const)))(
    'the choice %s changes the %s text',
    (_name, language, { before, after }) => {
      expect(generatedText(after, PRACTICE, language)).not.toBe(generatedText(before, PRACTICE, language));
    },
  );

  it('says what each choice means, in both languages', () => {
    const text = (choices: Partial<typeof DEFAULT_CHOICES>, language: 'en' | 'es') => generatedText({ ...DEFAULT_CHOICES, ...choices }, PRACTICE, language);
    expect(text({ formerClients: 'after-years', formerYears: 3 }, 'en')).toContain('at least 3 years after we finish');
    expect(text({ formerClients: 'after-years', formerYears: 1 }, 'es')).toContain('al menos un año después');
    expect(text({ complaintsBody: 'the Ethics Board of my register' }, 'en')).toContain('take it to the Ethics Board of my register.');
    expect(text({ complaintsBody: 'la Comisión Deontológica' }, 'es')).toContain('dirigirse a la Comisión Deontológica.');
    expect(text({ changes: 'website' }, 'en')).toContain('(https://harbourlane.example/social-media)');
    expect(generatedText({ ...DEFAULT_CHOICES, changes: 'website' }, { ...PRACTICE, policyUrl: '' }, 'en')).not.toContain('()');
    expect(text({ searches: 'crisis' }, 'en')).toMatch(/exception is a crisis.*next session/s);
    expect(text({ searches: 'never' }, 'en')).not.toMatch(/crisis/);
    expect(text({ sites: ['facebook', 'instagram'], otherSites: false }, 'es')).toContain('Abarca mis cuentas de Facebook e Instagram.');
    expect(text({ sites: ['facebook', 'linkedin'], otherSites: false }, 'en')).toContain('It covers my accounts on Facebook and LinkedIn.');
  });

  it('falls back to plain lines when the practice has set no details', () => {
    const text = generatedText(DEFAULT_CHOICES, DEFAULT_SETTINGS, 'en');
    expect(text.split('\n')[0]).toBe('Social media policy');
    expect(text).toContain('We will agree at our first session on the best way to reach each other.');
    expect(text).toContain('contact a local crisis line.');
    expect(text).not.toContain('•');
  });

  it('never says of anyone that they are a client, for any combination of choices, in either language', () => {
    const combos = everyCombination();
    expect(combos.length).toBeGreaterThan(1000);
    const seen = new Set<string>();
    for (const choices of combos) {
      for (const language of REPLY_LANGUAGES) {
        for (const sentence of sentences(generatedText(choices, PRACTICE, language))) {
          if (seen.has(sentence)) continue;
          seen.add(sentence);
          for (const pattern of CONFIRMS) expect(sentence, sentence).not.toMatch(pattern);
        }
      }
    }
    // The check reads real sentences: it would catch one that did confirm.
    expect(seen.size).toBeGreaterThan(80);
    expect(CONFIRMS.some((p) => p.test('Because you are my client, I cannot accept.'))).toBe(true);
    expect(CONFIRMS.some((p) => p.test('Como usted es mi cliente, no puedo aceptarla.'))).toBe(true);
  });

  it('reads back as a document: the title, the section headings and the list of channels', () => {
    const document = generatePolicy(DEFAULT_CHOICES, PRACTICE, 'en');
    const blocks = policyBlocks(documentText(document));
    expect(blocks[0]).toEqual({ kind: 'title', text: document.title });
    expect(blocks.filter((b) => b.kind === 'heading').map((b) => (b.kind === 'heading' ? b.text : ''))).toEqual(document.sections.map((s) => s.heading));
    const channels = blocks.find((b) => b.kind === 'paragraph' && b.items.length > 0);
    expect(channels).toEqual({
      kind: 'paragraph',
      lines: ['To reach me, please use:'],
      items: ['Phone: +44 20 7946 0321', 'Secure portal: https://portal.harbourlane.example', 'Secure email: secure@harbourlane.example'],
    });
  });

  it('reads hand-edited text too: CRLF, extra blank lines, a new heading', () => {
    const blocks = policyBlocks('My policy\r\n\r\n\r\nA new part\r\n\r\nIt says this.\nAnd this.\n\n• one\n• two\n');
    expect(blocks).toEqual([
      { kind: 'title', text: 'My policy' },
      { kind: 'heading', text: 'A new part' },
      { kind: 'paragraph', lines: ['It says this.', 'And this.'], items: [] },
      { kind: 'paragraph', lines: [], items: ['one', 'two'] },
    ]);
  });
});

describe('the {policy_text} summary', () => {
  it.each(REPLY_LANGUAGES)('%s: is one line, differs with the messages choice, and passes the confidentiality check', (language) => {
    const redirect = policySummary(DEFAULT_CHOICES, language);
    const none = policySummary({ ...DEFAULT_CHOICES, messages: 'no-reply' }, language);
    expect(redirect).not.toBe(none);
    for (const line of [redirect, none]) {
      expect(line).not.toContain('\n');
      expect(lintReply(line).findings).toEqual([]);
    }
  });
});
