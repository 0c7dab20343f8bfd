import { describe, expect, it } from 'vitest';
import { lintReply } from '@/lib/policy/confidentiality';
import { BUILTIN_TEMPLATES } from '@/lib/replies/builtin-templates';
import { defaultReply } from '@/lib/replies/default-replies';
import { composeReply } from '@/lib/replies/library';
import { DEFAULT_SETTINGS, REGION_IDS, REGIONS, REPLY_LANGUAGES } from '@/lib/settings/practice';
import { PLATFORMS } from '@/lib/identity/platform';

const flagged = (text: string) => lintReply(text).findings.map((f) => f.text);
const concepts = (text: string) => lintReply(text).findings.map((f) => `${f.category}:${f.concept}`);

describe('the confidentiality check flags', () => {
  it.each([
    // English: the relationship, clinical words and their forms
    ['As your therapist I would rather not reply here.', ['therapist']],
    ['Our sessions are private.', ['sessions']],
    ['Please book an appointment.', ['appointment']],
    ['I do not discuss clients on social media.', ['clients']],
    ["A client's privacy matters.", ['client']],
    ['My patients come first.', ['patients']],
    ['Thank you for being patient.', ['patient']],
    ['This is part of your treatment.', ['treatment']],
    ['Your diagnosis stays private; you were diagnosed last year.', ['diagnosis', 'diagnosed']],
    ['Therapy works best in person.', ['Therapy']],
    ['It is a therapeutic relationship.', ['therapeutic']],
    ['I offer psychotherapy and counselling.', ['psychotherapy', 'counselling']],
    ['Ask your counsellor.', ['counsellor']],
    ['THE SESSION IS CANCELLED', ['SESSION']],
    // Spanish
    ['Nuestra próxima sesión es el martes.', ['sesión']],
    ['Pida cita por teléfono.', ['cita']],
    ['Hablamos en la consulta.', ['consulta']],
    ['Los pacientes y clientes del centro.', ['pacientes', 'clientes']],
    ['Su tratamiento y su diagnóstico.', ['tratamiento', 'diagnóstico']],
    ['Como su terapeuta, prefiero no responder.', ['terapeuta']],
    ['La terapia es confidencial.', ['terapia']],
    // French
    ['Notre prochaine séance est lundi.', ['séance']],
    ['Prenez rendez-vous en ligne.', ['rendez-vous']],
    ['La thérapie et le thérapeute.', ['thérapie', 'thérapeute']],
    ['Une patiente, un traitement.', ['patiente', 'traitement']],
    // German, with compounds
    ['Unsere nächste Sitzung ist am Montag.', ['Sitzung']],
    ['Bitte vereinbaren Sie einen Termin.', ['Termin']],
    ['Die Therapiesitzung und der Behandlungstermin.', ['Therapiesitzung', 'Behandlungstermin']],
    ['Die Patientenakte der Klientin.', ['Patientenakte', 'Klientin']],
    ['Ihre Behandlung und Diagnose.', ['Behandlung', 'Diagnose']],
    // Portuguese
    ['A nossa próxima sessão é na terça.', ['sessão']],
    ['Marque uma consulta.', ['consulta']],
    ['O tratamento do paciente.', ['tratamento', 'paciente']],
    // Italian
    ['La prossima seduta è lunedì.', ['seduta']],
    ['Fissiamo un appuntamento.', ['appuntamento']],
    ['Il trattamento del paziente e la diagnosi.', ['trattamento', 'paziente', 'diagnosi']],
  ])('%s', (text, words) => {
    expect(flagged(text)).toEqual(words);
  });

  it('accents and case do not hide a word', () => {
    expect(flagged('SESION, sesion, Sesión')).toEqual(['SESION', 'sesion', 'Sesión']);
    expect(flagged('seance Séances')).toEqual(['seance', 'Séances']);
    // Decomposed accents (e + combining acute) are the same word.
    expect(flagged('se\u0301ance')).toHaveLength(1);
  });

  it.each([
    ['Please follow us on Instagram.', 'endorsement:like or follow'],
    ['Like us on Facebook!', 'endorsement:like or follow'],
    ['Follow my page for updates.', 'endorsement:like or follow'],
    ['Would you leave us a review?', 'endorsement:review'],
    ['Leave a 5-star review, please.', 'endorsement:review'],
    ['Please rate us on Google.', 'endorsement:review'],
    ['Could you endorse me on LinkedIn?', 'endorsement:review'],
    ['Síguenos en Instagram.', 'endorsement:like or follow'],
    ['Déjanos una reseña.', 'endorsement:review'],
    ['Dale me gusta a la página.', 'endorsement:like or follow'],
    ['Laissez-nous un avis !', 'endorsement:review'],
    ['Suivez-nous sur Facebook.', 'endorsement:like or follow'],
    ['Folgen Sie uns auf Instagram.', 'endorsement:like or follow'],
    ['Hinterlassen Sie uns eine Bewertung.', 'endorsement:review'],
    ['Deixe uma avaliação.', 'endorsement:review'],
    ['Curta nossa página.', 'endorsement:like or follow'],
    ['Seguici su Instagram e lascia una recensione.', 'endorsement:like or follow'],
  ])('asks for likes, follows or reviews: %s', (text, concept) => {
    expect(concepts(text)).toContain(concept);
  });

  it('flags phrases that confirm a relationship without a flagged word', () => {
    expect(concepts('I enjoyed our work together.')).toEqual(['relationship:our work together']);
    expect(concepts('See you next week!')).toEqual(['relationship:seeing them']);
    expect(concepts('See you on Thursday.')).toEqual(['relationship:seeing them']);
  });

  it('says where each flag is and why', () => {
    const [finding] = lintReply('Hello, see the session notes.').findings;
    expect(finding).toMatchObject({ text: 'session', start: 15, end: 22, category: 'clinical', concept: 'session' });
    expect(finding!.reason).toContain('“session”');
    const [endorsement] = lintReply('Follow us!').findings;
    expect(endorsement!.reason).toContain('likes, follows or reviews');
  });

  it('reports a flagged phrase once, not again for the word inside it', () => {
    expect(flagged('Déjanos una reseña')).toEqual(['Déjanos una reseña']);
    expect(flagged('Leave us a 5-star review')).toEqual(['Leave us a 5-star review']);
  });
});

describe('the confidentiality check does not flag', () => {
  it.each([
    'What a disappointment; I was disappointed too.',
    'She waited patiently; he was impatient.',
    'A shop with a loyal clientele.',
    'A sessional lecturer was appointed.',
    'Let us determine and predetermine the plan.',
    'The Terminal and the Klientel; a Sitzplatz; Besitz.',
    'Mistreatment is a different word from the one we flag.',
    'Thank you for your message. Follow the link to the portal.',
    'Someone like me would like to say hello.',
    'Una citación; la excitación; conseguirnos algo.',
    'Il consultante; the consultant.',
    'Please contact the practice through its secure channels.',
    'Hello {first_name}, call {phone} or contact {crisis_line}.',
    '',
  ])('%s', (text) => {
    expect(lintReply(text)).toEqual({ ok: true, findings: [] });
  });
});

describe('Boundary’s own replies', () => {
  it.each(BUILTIN_TEMPLATES.map((t) => [t.id, t] as const))('%s passes the check as written', (_id, template) => {
    expect(lintReply(template.body).findings).toEqual([]);
  });

  it('pass once filled, in every region and language, on every site', () => {
    const settings = {
      ...DEFAULT_SETTINGS,
      practiceName: 'Harbour Lane Practice',
      phone: '+44 20 7946 0321',
      portalUrl: 'https://portal.example.com',
      secureEmail: 'secure@example.com',
    };
    for (const region of REGION_IDS) {
      for (const template of BUILTIN_TEMPLATES) {
        for (const platform of template.platforms) {
          const reply = composeReply(template, { ...settings, region }, platform, 'Alex Rivera');
          expect(reply.lint.findings, `${template.id} ${region}`).toEqual([]);
          expect(reply.length.over, `${template.id} on ${platform}`).toBe(false);
        }
      }
    }
    for (const region of REGION_IDS) for (const language of REPLY_LANGUAGES) expect(lintReply(REGIONS[region].crisisLine[language]).ok).toBe(true);
  });

  it('never says client, session or therapist in any form, and never asks for a like', () => {
    for (const template of BUILTIN_TEMPLATES) {
      expect(template.body).not.toMatch(/client|session|sesi[oó]n|therap|terap|appointment|\bcita|review|rese[nñ]a|follow us/i);
    }
    for (const platform of PLATFORMS) expect(lintReply(defaultReply(platform)).ok).toBe(true);
  });
});
