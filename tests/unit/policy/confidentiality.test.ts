import { describe, expect, it } from 'vitest';
import { lintReply, ownTexts } from '@/lib/policy/confidentiality';
import { BUILTIN_TEMPLATES } from '@/lib/replies/builtin-templates';
import { SAFE_REVIEW_REPLY } from '@/lib/reviews/suggested-reply';
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

describe('clinical content: symptoms, diagnoses, medication, kinds of therapy', () => {
  const kinds = (text: string) => lintReply(text).findings.map((f) => `${f.concept}:${f.text}`);

  it.each([
    [
      'en',
      'I hope the new medication is helping with your depression and the panic attacks have eased. Take your antidepressants…',
      ['medication:medication', 'condition:depression', 'condition:panic attacks', 'medication:antidepressants'],
    ],
    [
      'es',
      'Espero que la nueva medicación le esté ayudando con la depresión y que los ataques de pánico hayan remitido. Tome sus antidepresivos…',
      ['medication:medicación', 'condition:depresión', 'condition:ataques de pánico', 'medication:antidepresivos'],
    ],
    [
      'fr',
      'J’espère que le nouveau médicament vous aide avec la dépression et que les crises de panique se sont calmées. Prenez vos antidépresseurs…',
      ['medication:médicament', 'condition:dépression', 'condition:crises de panique', 'medication:antidépresseurs'],
    ],
    [
      'de',
      'Ich hoffe, das neue Medikament hilft gegen Ihre Depression und die Panikattacken haben nachgelassen. Nehmen Sie Ihre Antidepressiva…',
      ['medication:Medikament', 'condition:Depression', 'condition:Panikattacken', 'medication:Antidepressiva'],
    ],
    [
      'pt',
      'Espero que a nova medicação esteja ajudando com a depressão e que os ataques de pânico tenham passado. Tome seus antidepressivos…',
      ['medication:medicação', 'condition:depressão', 'condition:ataques de pânico', 'medication:antidepressivos'],
    ],
    [
      'it',
      'Spero che il nuovo farmaco ti aiuti con la depressione e che gli attacchi di panico siano passati. Prendi i tuoi antidepressivi…',
      ['medication:farmaco', 'condition:depressione', 'condition:attacchi di panico', 'medication:antidepressivi'],
    ],
  ])('the issue’s sentence, in %s', (_language, text, expected) => {
    expect(kinds(text)).toEqual(expected);
  });

  it.each([
    // generic and brand names, in each language's spelling
    ['Are you still on sertraline, or Zoloft?', ['sertraline', 'Zoloft']],
    ['¿Sigue con la fluoxetina? ¿Y el Prozac?', ['fluoxetina', 'Prozac']],
    ['La fluoxétine et le Xanax.', ['fluoxétine', 'Xanax']],
    ['Fluoxetin, Quetiapin und Lithium.', ['Fluoxetin', 'Quetiapin', 'Lithium']],
    ['Escitalopram (Lexapro, Cipralex), venlafaxine, quetiapine, lorazepam.', ['Escitalopram', 'Lexapro', 'Cipralex', 'venlafaxine', 'quetiapine', 'lorazepam']],
    ['Metilfenidato, lisdexanfetamina, aripiprazol, litio.', ['Metilfenidato', 'lisdexanfetamina', 'aripiprazol', 'litio']],
    ['Ritalin, Adderall, Seroquel, Abilify, Wellbutrin, Lamictal.', ['Ritalin', 'Adderall', 'Seroquel', 'Abilify', 'Wellbutrin', 'Lamictal']],
    ['SSRIs and benzodiazepines are prescribed.', ['SSRIs', 'benzodiazepines', 'prescribed']],
    // diagnoses and symptoms, with their inflections
    ['Your anxiety, PTSD and OCD; the bipolar disorder.', ['anxiety', 'PTSD', 'OCD', 'bipolar', 'disorder']],
    ['You seemed depressed; the trauma, the insomnia, the relapse.', ['depressed', 'trauma', 'insomnia', 'relapse']],
    ['Eating disorders and self-harm.', ['disorders', 'self-harm']],
    ['Suicidal thoughts need urgent help.', ['Suicidal']],
    ['La ansiedad, el TDAH, el TOC y los trastornos alimentarios.', ['ansiedad', 'TDAH', 'TOC', 'trastornos']],
    ['Se le veía deprimida; los síntomas, la recaída, las crisis de ansiedad.', ['deprimida', 'síntomas', 'recaída', 'crisis de ansiedad']],
    ['Le trouble bipolaire, l’anxiété, les troubles alimentaires.', ['trouble bipolaire', 'anxiété', 'troubles alimentaires']],
    ['Die Angststörung, die Essstörung, das Kindheitstrauma, die Altersdepression.', ['Angststörung', 'Essstörung', 'Kindheitstrauma', 'Altersdepression']],
    ['A ansiedade e o transtorno bipolar.', ['ansiedade', 'transtorno', 'bipolar']],
    ['L’ansia, i disturbi alimentari, la psicosi.', ['ansia', 'disturbi alimentari', 'psicosi']],
    // kinds of therapy, session words and mental health care
    ['We could try CBT, DBT or EMDR.', ['CBT', 'DBT', 'EMDR']],
    ['La TCC y la terapia cognitivo-conductual.', ['TCC', 'terapia', 'cognitivo-conductual']],
    ['Cognitive behavioural work; psychoanalysis; psychodynamic ideas.', ['Cognitive behavioural', 'psychoanalysis', 'psychodynamic']],
    ['The treatment plan for our next appointment.', ['treatment', 'appointment']],
    ['Ask your psychiatrist or psychologist at the clinic.', ['psychiatrist', 'psychologist', 'clinic']],
    ['Your mental health matters; la salud mental importa.', ['mental health', 'salud mental']],
    ['Su psiquiatra o su psicóloga.', ['psiquiatra', 'psicóloga']],
  ])('%s', (text, words) => {
    expect(flagged(text)).toEqual(words);
  });

  it('any case, any accents, decomposed or not', () => {
    expect(flagged('DEPRESIÓN, depresion, Depresio\u0301n')).toEqual(['DEPRESIÓN', 'depresion', 'Depresio\u0301n'.normalize('NFC')]);
    expect(flagged('ATAQUES DE PANICO, Ataques de Pánico')).toEqual(['ATAQUES DE PANICO', 'Ataques de Pánico']);
    expect(flagged('PROZAC prozac')).toEqual(['PROZAC', 'prozac']);
  });

  it('glosses what a word means in the reason', () => {
    const [prozac] = lintReply('Take the Prozac.').findings;
    expect(prozac!.reason).toContain('“Prozac”');
    expect(prozac!.reason).toContain('medication');
    expect(lintReply('The EMDR.').findings[0]!.reason).toContain('a kind of therapy');
    expect(lintReply('Your PTSD.').findings[0]!.reason).toContain('a diagnosis or symptom');
  });
});

describe('innocent words that look clinical pass', () => {
  it.each([
    'I pressed the button; an impressive expression of thanks.',
    'Don’t panic: the attack on the castle was in the film.',
    'I am anxious to hear how the trip went.',
    'Laughter is the best medicine; a dose of sunshine.',
    'That was a great act, and I will add it to the list.',
    'A homophobic remark is never fine; nor is xenophobia.',
    'The addict in the novel; she is addicted to puzzles; an alcoholic drink.',
    'Stress at work, a low mood, a bad day: we all have them.',
    'Me da pánico volar; presión, depósito, expresión.',
    'La receta de la abuela; el autobús; toc, toc.',
    'Scusi il disturbo, l’autista è arrivato.',
    'Die Angst vor dem Flug; er sucht seinen Schlüssel; Sehnsucht und Eifersucht.',
    'Ich träume von Albträumen und einem Traumberuf.',
    'Sans trouble, tout va bien ; une belle crise de rire.',
    'Compressed files and a depressing forecast.',
  ])('%s', (text) => {
    expect(lintReply(text)).toEqual({ ok: true, findings: [] });
  });
});

describe('the practice’s own details', () => {
  const settings = {
    ...DEFAULT_SETTINGS,
    practiceName: 'Sam Hale Counselling',
    phone: '+44 20 7946 0321',
    portalUrl: 'https://therapy-portal.example.com/login',
    secureEmail: 'sam@counselling.example',
    crisisLine: 'the Suicide and Crisis Lifeline (988)',
  };
  const own = ownTexts(settings);

  it('never count against a reply that signs with them', () => {
    const reply = 'Thank you for your message. Please call +44 20 7946 0321, use https://therapy-portal.example.com/login or write to sam@counselling.example; if urgent, contact the Suicide and Crisis Lifeline (988).\nSam Hale Counselling';
    expect(lintReply(reply).ok).toBe(false);
    expect(lintReply(reply, own)).toEqual({ ok: true, findings: [] });
  });

  it('are found in any case and spacing, and by host alone', () => {
    expect(lintReply('SAM HALE  COUNSELLING · therapy-portal.example.com', own).ok).toBe(true);
  });

  it('set aside only themselves: the same words elsewhere in the reply are still flagged', () => {
    const { findings } = lintReply('Sam Hale Counselling offers counselling; the session is private.', own);
    expect(findings.map((f) => f.text)).toEqual(['counselling', 'session']);
    expect(findings[0]!.start).toBe('Sam Hale Counselling offers '.length);
  });

  it('fill Boundary’s replies without a flag, through composeReply', () => {
    for (const template of BUILTIN_TEMPLATES) {
      for (const platform of template.platforms) {
        expect(composeReply(template, settings, platform, 'Alex Rivera').lint.findings, template.id).toEqual([]);
      }
    }
  });

  it('a blank or very short setting blanks nothing', () => {
    expect(flagged('The session.')).toEqual(['session']);
    expect(lintReply('The session.', ['', ' ', 'se']).findings.map((f) => f.text)).toEqual(['session']);
  });
});

describe('everything Boundary writes itself passes', () => {
  it('the review reply', () => {
    for (const text of Object.values(SAFE_REVIEW_REPLY)) expect(lintReply(text).findings).toEqual([]);
  });
});
