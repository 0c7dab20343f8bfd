/**
 * The words the confidentiality check (./confidentiality.ts) flags, in the six languages it reads:
 * English and Spanish (the UI's and the replies'), and French, German, Portuguese and Italian,
 * which a clinician may write a template in. The engine folds every word (lower case, no accents)
 * before testing it, so each form here is written folded: "sesion" stands for "Sesión".
 *
 * Kept compact on purpose (one alternation per concept, shared stems across languages): it is
 * bundled into the popup, the options page and the background, and never into a content script,
 * which has no business holding it.
 *
 * What is left out, and why (the false positives a busy clinician would learn to click through):
 * "panic", "attack", "stress", "anxious" (EN "anxious to hear"), "disturbo" (IT "scusi il disturbo"),
 * "trouble" (FR), "Angst" and "Sucht" (DE: everyday words; "sucht" is also "searches"), "autista"
 * (IT: a driver), "receta"/"Rezept"/"ricetta" (recipes), "alcoholic" (drinks), "addicted", "mania",
 * "medicine", "dose", "Concerta"/"Frontal"/"Pondera" (ordinary words in IT, ES or PT), the
 * *-phobia words of prejudice ("homophobia"), and ACT, ADD, DOC, TAG (ordinary words in capitals).
 */

export type LintCategory = 'relationship' | 'clinical' | 'endorsement';
export type LintLanguage = 'en' | 'es' | 'fr' | 'de' | 'pt' | 'it';

/** A flagged word: `forms` is tested against the whole word, lower-cased and without accents. */
export interface WordRule {
  category: Exclude<LintCategory, 'endorsement'>;
  concept: string;
  languages: readonly LintLanguage[];
  forms: RegExp;
  /** Words the forms would catch that mean something else. */
  unless?: RegExp;
  /** Tested against the word as written: abbreviations that are ordinary words in lower case. */
  cased?: true;
}

/** A flagged run of words, tested against the folded text; a space stands for any separator. */
export interface FoldedPhraseRule {
  category: Exclude<LintCategory, 'endorsement'>;
  concept: string;
  pattern: string;
}

/** A phrase tested against the text as written (accents optional where people drop them). */
export interface PhraseRule {
  category: LintCategory;
  concept: string;
  pattern: string;
}

const L = '\\p{L}';
/** A German compound's other part: at least three letters, so short prefixes ("de-") never count. */
const PART = `${L}{3,}`;
const ALL: readonly LintLanguage[] = ['en', 'es', 'fr', 'de', 'pt', 'it'];

const word = (category: WordRule['category'], concept: string, languages: readonly LintLanguage[], forms: string, extra?: Partial<WordRule>): WordRule => ({
  category,
  concept,
  languages,
  forms: new RegExp(`^(?:${forms})$`, 'u'),
  ...extra,
});

export const WORDS: readonly WordRule[] = [
  // --- who the person is to the clinician --------------------------------------------------
  word('relationship', 'client', ['en', 'fr', 'es', 'pt', 'it'], 'client(s|e|es|a|as|i)?'),
  word('relationship', 'client', ['de'], `klient(in|innen|en)?|klient(en|innen)${PART}`),
  word('relationship', 'patient', ['en', 'fr', 'de'], `patient(s|e|es|in|innen|en)?|patienten${PART}`),
  word('relationship', 'patient', ['es', 'pt', 'it'], 'paciente|pacientes|paziente|pazienti'),
  // therapist, psychotherapist, terapeuta, thérapeute, Therapeut(in), terapeuti …
  word('relationship', 'therapist', ALL, `${L}*(therapist|therapists|terapeuta|terapeutas|terapeute|terapeuti|therapeute|therapeutes|therapeut|therapeutin|therapeutinnen|therapeuten)`),
  word('relationship', 'counsellor', ['en'], 'counsel(l)?ors?'),
  // psychologist, psicólogo, psychologue, Psychologin … (not "psychology", which is everyday).
  word('relationship', 'therapist', ALL, 'ps(ych|ic)olog(ist|ists|o|a|os|as|ue|ues|e|en|in|innen|i|he)'),

  // --- care itself: therapy, sessions, appointments, treatment -----------------------------
  // therapy, psychotherapy, therapeutic, terapia, thérapie, Therapie(n), therapeutisch …
  word(
    'clinical',
    'therapy',
    ALL,
    `${L}*(therapy|therapies|therapeutic|therapeutics|therapeutically|terapia|terapias|terapie|terapeutico|terapeutica|terapeuticos|terapeuticas|terapeutici|terapeutiche|therapie|therapien|therapeutique|therapeutiques|therapeutisch|therapeutische|therapeutischen|therapeutischer|therapeutisches|therapeutischem)|therapie${PART}`,
  ),
  word('clinical', 'counselling', ['en'], 'counsel(l)?ing'),
  word('clinical', 'session', ['en', 'fr'], 'sessions?|seances?'),
  word('clinical', 'session', ['es', 'pt', 'it'], 'sesion(es)?|sess(ao|oes)|sessione|sessioni|seduta|sedute'),
  word('clinical', 'session', ['de'], `(${PART})?sitzung(en)?|sitzungs${PART}`),
  word('clinical', 'appointment', ['en', 'es', 'fr', 'pt', 'it'], 'appointments?|citas?|consultas?|consultations?|rdv|appuntament(o|i)'),
  // "predetermine" ends in "termine" but is English for something else entirely.
  word('clinical', 'appointment', ['de'], `(${PART})?termin(e|en|s)?`, { unless: /determin/u }),
  word('clinical', 'treatment', ['en', 'es', 'fr', 'pt', 'it'], 'treatments?|tratamientos?|tratamentos?|trattament(o|i)|traitements?'),
  word('clinical', 'treatment', ['de'], `${L}*behandlung(en)?|behandlungs${PART}`),
  // diagnosis, diagnosed, diagnóstico, diagnostiqué, diagnosi, diagnosticato, Diagnose …
  word('clinical', 'diagnosis', ALL, `diagnos(is|es|e|ed|ing|i)|diagnosti(c|cs|co|cos|car|cad[oa]s?|que|ques|quee|quees|quer|cat[oaie])|(${PART})?diagnose(n)?|diagnose${PART}`),
  // psychiatrist, psiquiatra, psichiatria, psychiatrique, Psychiater; clinic, clinician, clinical …
  word('clinical', 'care', ALL, `ps(ych|iqu|ich)iat(r|er)${L}*|clinic(s|al|ally|ian|ians)?|clinic[oa]s?|clinici|cliniche|clinique(s)?|clinicien(ne)?s?|klinik(en)?|klinisch(e|en|er|es)?`),
  // Kinds of therapy, spelled out (the abbreviations are below).
  word('clinical', 'modality', ALL, `ps[yi]ch?o?anal(ysis|yses|ytic|ytical|yse|ytique|ytiques|ytisch|ytische|isis|ise|isi|itic[oa]s?|itici|itiche)|ps[yi]ch?od[yi]nami(c|ca|co|cos|cas|ci|che|que|ques|sch|sche|schen)|ps[yi]ch?oedu[ck]a(tion|cion|cao|zione)`),

  // --- diagnoses and symptoms ----------------------------------------------------------------
  word(
    'clinical',
    'condition',
    ['en'],
    'depression(s)?|depressed|depressive|anxiety|anxieties|bipolar|schizophreni(a|c|cs)|psychos(is|es)|psychotic|anorexi(a|c)|bulimi(a|c)|insomnia(c)?|suicid(e|es|al)|addictions?|autism|autistic|dementia|phobi(a|as|c)|agoraphobi(a|c)|traumas?|traumata|traumatic|traumati[sz](ed|ing)|disorders?|symptoms?|symptomatic|relapse(s|d)?|hallucinations?|overdos(e|es|ed)|alcoholism|hypomani(a|c)',
  ),
  word(
    'clinical',
    'condition',
    ['es', 'pt', 'it'],
    // Spanish, Portuguese and Italian share most stems once folded.
    'depresion(es)?|depress(ao|oes|ione|ioni)|deprimid[oa]s?|depress[oaie]|depres?siv[oaie]s?|ansiedad(es)?|ansiedade(s)?|ansia|ansie|trastornos?|transtornos?|bipolar(es|e|i)?|esquizofreni(a|co|ca|cos|cas)|schizofreni(a|co|ca|ci|che)|psicos(is|e|es|i)|psicotic[oaie]s?|psicotici|anorexi(a|co|ca)|anoressi(a|co|ca)|bulimi(a|co|ca)|insomnio|insonia|insonnia|autolesion(es)?|autolesionismo|automutilac(ao|oes)|suicidi(o|os)?|suicidas?|adiccion(es)?|autismo|demencia(s)?|demenza|fobias?|fobie|agorafobia|traumas?|traumi|traumatic[oaie]s?|traumatici|traumatizad[oa]s?|traumatizzat[oaie]|sintomas?|sintom[oi]|recaidas?|ricadut[ae]|alucinac(ion|iones|ao|oes)|allucinazion[ei]|sobredosis|overdose|alcoholismo|alcoolismo|alcolismo|hipomania|ipomania',
  ),
  word(
    'clinical',
    'condition',
    ['fr'],
    'depression(s)?|deprimee?s?|depressi(f|fs|ve|ves)|anxiete(s)?|angoiss(e|es|ee|ees)|bipolaires?|schizophreni(e|que|ques)|psychoses?|psychotiques?|anorexi(e|que|ques)|boulimi(e|que|ques)|insomnies?|automutilations?|suicides?|suicidaires?|addictions?|autisme|autistes?|demence|phobies?|agoraphobie|traumatismes?|traumatiques?|traumatisee?s?|symptomes?|rechutes?|hallucinations?|surdoses?|alcoolisme|hypomanie',
  ),
  // German, with compounds: "Altersdepression", "Kindheitstrauma", "Angststörung" (ö folds to o).
  word(
    'clinical',
    'condition',
    ['de'],
    `(${PART})?(depression(en)?|trauma(ta)?|psychose(n)?|demenz)|phobie(n)?|agoraphobie|sozialphobie|depressiv(e|en|er|es|em)?|(angst|ess|zwangs|panik|personlichkeits|belastungs|schlaf|aufmerksamkeits${L}*)storung(en)?|angstzustand|angstzustande|panikattacke(n)?|bipolar(e|en|er)?|schizophreni(e|en)|psychotisch(e|en|er)?|magersucht|anorexie|bulimie|schlaflosigkeit|selbstverletzung(en)?|suizid(e|al|ale|alen|aler)?|selbstmord(e|gedanken)?|(alkohol|drogen|spiel)sucht|suchterkrankung(en)?|autismus|autist(in|en|innen)?|autistisch(e|en|er)?|traumatisch(e|en|er|es)?|traumatisiert(e|en|er)?|symptom(e|en)?|ruckfall|ruckfalle|halluzination(en)?|uberdosis|alkoholismus`,
  ),

  // --- medication ----------------------------------------------------------------------------
  // The words for it, and the classes (antidepressant, antidepresivo, antidépresseur, Antidepressivum …).
  word(
    'clinical',
    'medication',
    ALL,
    `medications?|meds|medicacion(es)?|medicac(ao|oes)|medicamentos?|medicaments?|medikament(e|en)?|farmac[oi]|prescriptions?|prescribed|prescribing|dosages?|ordonnances?|antidepres${L}*|antips[yi]c${L}*|an[xs]iol[iy]t${L}*|benzodiazepin${L}*|benzos|ps[yi]ch?o(ph|f)arma${L}*`,
  ),
  // Common psychiatric medicines, by generic name (one stem for every language's spelling:
  // fluoxetine, fluoxetina, Fluoxetin) and by brand name (US, UK, Spain, France, Germany, Italy).
  word(
    'clinical',
    'medication',
    ALL,
    'fluoxetin[ae]?|sertralin[ae]?|(es)?citalopram|paroxetin[ae]?|fluvoxamin[ae]?|(des)?venlafaxin[ae]?|duloxetin[ae]?|bupropion[e]?|mirtazapin[ae]?|trazodon[ae]?|vortioxetin[ae]?|agomelatin[ae]?|(ami|nor)tript[iy]lin[ae]?|clomipramin[ae]?|(di|alpr|lor|clon|brom|tem)azepam|zolpidem|zopiclon[ae]?|quetiapin[ae]?|olanzapin[ae]?|risperidon[ae]?|aripiprazol[eo]?|clozapin[ae]?|h?aloperidol[o]?|lurasidon[ae]?|lamotrigin[ae]?|valpro(at|ate|ato|ic|ico|ique)|carbamazepin[ae]?|lithium|litio|(meth?yl|metil)(ph|f)enidat[eo]?|(lis)?(dex)?(amph|anf|amf)etamin(a|as|e|es|en)?|atomoxetin[ae]?|guanfacin[ae]?|buspiron[ae]?|pregabalin[ae]?|propranolol[o]?|naltrexon[ae]?|bupreno(rph|rf)in[ae]?|meth?adon[ae]?|disulfiram|(es)?ketamin[ae]?|' +
      'prozac|zoloft|lustral|celexa|cipramil|lexapro|cipralex|seroplex|entact|paxil|seroxat|deroxat|daparox|luvox|effexor|efexor|trevilor|cymbalta|pristiq|wellbutrin|elontril|zyban|remeron|desyrel|trintellix|brintellix|valdoxan|elavil|saroten|valium|xanax|tafil|trankimazin|ativan|tavor|orfidal|temesta|klonopin|rivotril|lexatin|lexotan|lysanxia|tranxilium|ambien|stilnox|imovane|seroquel|zyprexa|risperdal|abilify|clozaril|leponex|haldol|latuda|lamictal|depakote|depakine|tegretol|theralithe|ritalin|ritaline|rubifen|medikinet|vyvanse|elvanse|adderall|strattera|intuniv|buspar|lyrica|suboxone|subutex|antabuse|spravato',
  ),

  // --- abbreviations ---------------------------------------------------------------------------
  // CBT/TCC/KVT, DBT/TDC, EMDR, MBCT; PTSD/TEPT/TSPT/PTBS/DPTS, OCD, ADHD/TDAH/ADHS, BPD/TLP,
  // MDD, eating disorders (TCA); SSRI/ISRS, SNRI/IRSN, MAOI.
  word('clinical', 'modality', ALL, 'cbt|dbt|emdr|mbct|tcc|tdc|kvt'),
  word('clinical', 'condition', ALL, 'ptsd|tept|tspt|ptbs|dpts|ocd|adhd|tdah|adhs|bpd|tlp|mdd|tca'),
  word('clinical', 'medication', ALL, 'ssris?|snris?|maois?|isrs|irsn'),
  // Only in capitals: "toc" is a knock and a fake, "gad" a name.
  word('clinical', 'condition', ['es', 'fr', 'pt', 'en'], 'TOC|GAD', { cased: true }),
];

/**
 * Runs of words, matched on the folded text ("ataques de pánico" as "ataques de panico"), for
 * terms whose words are ordinary alone: "panic", "mental", "health", "attack", "mood".
 */
export const FOLDED_PHRASES: readonly FoldedPhraseRule[] = [
  {
    category: 'clinical',
    concept: 'condition',
    pattern:
      'panic (attacks?|disorders?)|self (harm|harms|harming|harmed|injury)|manic episodes?|(ataques?|crisis|crises?|attaques?|attacc(o|hi)|crisi) (de|d|di) (panico|panique|angustia|ansiedad|ansiedade)|' +
      'troubles? (alimentaires?|anxieux|obsessionnels?|mentaux|psychiques?|bipolaires?|de l humeur|de la personnalite|du comportement alimentaire|du spectre de l autisme|du deficit de l attention|de stress post traumatique)|' +
      'disturb[oi] (alimentar[ei]|ossessiv[oi]|mental[ei]|psichic[oi]|di personalita|dell umore|del comportamento alimentare|da deficit|da stress|post traumatic[oi])',
  },
  {
    category: 'clinical',
    concept: 'care',
    pattern:
      'mental (health|illness|illnesses)|(salud|saude) mental|(sante|salute) mentale|psychisch(e|en|er) (gesundheit|erkrankung|erkrankungen|krankheit|krankheiten|storung|storungen|probleme|problemen)',
  },
  {
    category: 'clinical',
    concept: 'medication',
    pattern: 'mood stabili[sz]ers?|estabilizador(es)? (del animo|de humor)|stabilizzator[ei] dell umore|regulateurs? de l humeur',
  },
  {
    category: 'clinical',
    concept: 'modality',
    pattern: 'cogniti(ve|vo|va|f) (behaviou?ral|conductual|comportementale?|comportamental|comportamentale)|dialectic(al|a|o) (behaviou?r(al)?|conductual|comportamentale?|comportamental)|exposure and response prevention',
  },
];

/**
 * Phrases rather than words: asking for likes, follows and reviews (each word alone is
 * ordinary: "follow the link", "I'd like to"), and phrases that confirm a relationship without
 * a flagged word. Each pattern runs case-insensitively on the text as written; accents are
 * written into the patterns, optional where people drop them.
 */
export const PHRASES: readonly PhraseRule[] = [
  // English
  // "like" alone is too common ("someone like me"): only "like us on …" asks for a like.
  { category: 'endorsement', concept: 'like or follow', pattern: '(?:follow|subscribe\\s+to)\\s+(?:us|me)|like\\s+us\\s+(?:on|at|here)' },
  {
    category: 'endorsement',
    concept: 'like or follow',
    pattern: '(?:like|follow|share|subscribe to)\\s+(?:my|our|the|this)\\s+(?:page|account|profile|feed|channel|practice)',
  },
  {
    category: 'endorsement',
    concept: 'review',
    pattern:
      '(?:leave|write|post|give|send)\\s+(?:us\\s+|me\\s+)?(?:a\\s+|an\\s+)?(?:\\p{L}+\\s+)?(?:\\d[\\s-]?star\\s+)?(?:review|rating|recommendation|endorsement|testimonial)s?',
  },
  { category: 'endorsement', concept: 'review', pattern: '(?:rate|review|recommend|endorse)\\s+(?:us|me|my|our)' },
  { category: 'endorsement', concept: 'review', pattern: '(?:testimonials?|\\d[\\s-]?stars?)' },
  { category: 'relationship', concept: 'our work together', pattern: 'our\\s+(?:work|time)\\s+together' },
  { category: 'relationship', concept: 'seeing them', pattern: 'see\\s+you\\s+(?:next|on\\s+\\p{L}+day|at\\s+(?:your|our|the)\\s+next)' },
  // Spanish
  { category: 'endorsement', concept: 'like or follow', pattern: '(?:dale|den|dar|danos|dame|d[eé]nos)\\s+(?:un\\s+)?(?:like|me\\s+gusta)' },
  { category: 'endorsement', concept: 'like or follow', pattern: 's[ií]g(?:ue|an)(?:me|nos)|seguir(?:me|nos)' },
  {
    category: 'endorsement',
    concept: 'review',
    pattern:
      '(?:deja|dejar|deje|d[eé]j(?:a|e)(?:nos|me)|escribe|escriba|escribir)\\s+(?:una\\s+)?(?:\\p{L}+\\s+)?(?:rese[nñ]a|opini[oó]n|valoraci[oó]n|recomendaci[oó]n)',
  },
  { category: 'endorsement', concept: 'review', pattern: 'rese[nñ]as?|val[oó]r(?:a|e|en)(?:nos|me)|calif[ií](?:ca|que|quen)(?:nos|me)|recomi[eé]nd(?:a|e|en)(?:nos|me)' },
  { category: 'relationship', concept: 'our work together', pattern: 'nuestro\\s+trabajo\\s+(?:juntos|conjunto)' },
  // French
  { category: 'endorsement', concept: 'like or follow', pattern: '(?:aimez|likez|liker|aimer)\\s+(?:notre|ma|la)\\s+page' },
  { category: 'endorsement', concept: 'like or follow', pattern: 'suivez[-\\s](?:nous|moi)|abonnez[-\\s]vous|(?:nous|me)\\s+suivre' },
  {
    category: 'endorsement',
    concept: 'review',
    pattern: '(?:laissez|laisser|laisse|donnez|[ée]crivez)(?:[-\\s](?:nous|moi))?\\s+(?:un|une)\\s+(?:\\p{L}+\\s+)?(?:avis|note|recommandation)',
  },
  { category: 'endorsement', concept: 'review', pattern: '(?:notez|recommandez)[-\\s](?:nous|moi)' },
  { category: 'clinical', concept: 'appointment', pattern: 'rendez[-\\s‐]vous' },
  { category: 'relationship', concept: 'our work together', pattern: 'notre\\s+travail\\s+ensemble' },
  // German
  { category: 'endorsement', concept: 'like or follow', pattern: 'folg(?:en\\s+sie|e|t)\\s+(?:uns|mir)' },
  { category: 'endorsement', concept: 'like or follow', pattern: '(?:liken|liken\\s+sie|like)\\s+(?:unsere|meine|die)\\s+seite' },
  { category: 'endorsement', concept: 'review', pattern: '(?:bewertung|rezension|empfehlung)(?:en)?\\s+(?:abgeben|hinterlassen|schreiben)' },
  { category: 'endorsement', concept: 'review', pattern: '(?:hinterlassen|schreiben|geben)\\s+sie\\s+(?:uns\\s+|mir\\s+)?(?:eine\\s+)?(?:bewertung|rezension|empfehlung)' },
  { category: 'endorsement', concept: 'review', pattern: '(?:bewerten|empfehlen)\\s+sie\\s+(?:uns|mich)|rezensionen?' },
  { category: 'relationship', concept: 'our work together', pattern: 'unsere\\s+gemeinsame\\s+arbeit' },
  // Portuguese
  { category: 'endorsement', concept: 'like or follow', pattern: 'curt(?:a|e|am)\\s+(?:a\\s+)?(?:nossa|minha)\\s+p[aá]gina' },
  { category: 'endorsement', concept: 'like or follow', pattern: 'sig(?:a|am)[-\\s](?:nos|me)|(?:nos|me)\\s+sig(?:a|am)' },
  {
    category: 'endorsement',
    concept: 'review',
    pattern: '(?:deixe|deixar|escreva)\\s+(?:uma\\s+)?(?:\\p{L}+\\s+)?(?:avalia[cç][aã]o|resenha|recomenda[cç][aã]o)',
  },
  { category: 'endorsement', concept: 'review', pattern: 'avali(?:e|em)[-\\s](?:nos|me)' },
  { category: 'relationship', concept: 'our work together', pattern: 'nosso\\s+trabalho\\s+juntos' },
  // Italian
  { category: 'endorsement', concept: 'like or follow', pattern: 'mett(?:i|ete)\\s+(?:un\\s+)?mi\\s+piace|segui(?:ci|mi|teci)' },
  { category: 'endorsement', concept: 'review', pattern: '(?:lascia|lasciate|lasciare|scrivi)(?:ci|mi)?\\s+(?:una\\s+)?(?:\\p{L}+\\s+)?(?:recensione|valutazione)|recension[ei]' },
  { category: 'relationship', concept: 'our work together', pattern: 'il\\s+nostro\\s+lavoro\\s+insieme' },
];
