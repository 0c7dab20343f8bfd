import { ELIDED_LETTERS, LOWER_CASE_WORDS, PATH_WORDS, SINGLE_LETTER_WORDS, TEXT_WORDS, fold } from './words';

/**
 * How a string is read, which decides what of it stays:
 * - text: a text or label; the sites' UI words stay, every other word and every number of two
 *   digits or more is replaced.
 * - path: a link's path segment or query value; the sites' path words stay.
 * - identity: a link's segment that names someone (a username, a slug, a thread); nothing stays.
 * - structure: a structural attribute's value (data-pagelet, data-view-name, componentkey); its
 *   words stay unless the page used them as someone's username or slug; long numbers and ids go.
 * - reference: an id or another attribute that may echo the page's texts (id="thread-ana");
 *   words the page's texts or links had replaced are replaced here too, the rest stays.
 */
export type Reading = 'text' | 'path' | 'identity' | 'structure' | 'reference';

// LinkedIn member ids (ACoAAB1x2YzQ…) may hold - and _, so they are read whole before words are.
// Words as lib/outline/words.ts's TOKEN reads them (a middle dot inside a Catalan word is in it).
const PIECES = /ACoA[A-Za-z0-9_-]+|[\p{L}\p{M}\p{N}]+(?:·[\p{L}\p{M}\p{N}]+)*/gu;
const DIGITS = /^[0-9]+$/;
/** A count with its unit: 2h, 12m, 3d. */
const COUNT = /^([0-9]+)(\p{L}{1,3})$/u;
const HAS_DIGIT = /[0-9]/;
const HAS_LETTER = /\p{L}/u;
/** Real member ids are ACoA and 35 more characters; one inside a word (refACoA…Topcard) is cut there. */
const MEMBER_ID_LENGTH = 39;
/** A word's own end after a member id glued to it: refACoAAB9kQ2sTopcard. */
const GLUED_SUFFIX = /[A-Z][a-z]{2,}$/;
/** Where a one-letter word stands alone: not inside a username, an email or an address. */
const JOINED = /[\p{L}\p{N}._@/-]/u;
const APOSTROPHE = /['’]/;
/** What follows a name with a German genitive s in Instagram's alt text: "jonas.webers Profilbild". */
const GENITIVE = ' Profilbild';
/** Numbers this long in a structural value are ids; shorter ones are sizes, counts, positions. */
const STRUCTURAL_ID_DIGITS = 5;

const CONSONANTS = 'bdfgklmnprstvz';
const VOWELS = 'aeiou';

/** The n-th syllable of 70: consonant and vowel cycle together, so neighbours differ in both. */
const syllable = (n: number) => CONSONANTS[n % CONSONANTS.length]! + VOWELS[n % VOWELS.length]!;

/** The n-th placeholder word: two or more syllables and a digit. Never a real word or name. */
function placeholderWord(n: number): string {
  // n in base 70, each digit a syllable; every later syllable shifted by the first, so that
  // neighbouring placeholders differ throughout (bari1, desu2), still one per n.
  const first = n % 70;
  let word = syllable(first);
  let rest = Math.floor(n / 70);
  do {
    word += syllable((rest + 37 + 11 * first) % 70);
    rest = Math.floor(rest / 70);
  } while (rest > 0);
  return word + String((n % 9) + 1);
}

/** The original's case on a placeholder: Rowan → Bari1, ROWAN → BARI1, rowan → bari1. */
function inCaseOf(original: string, placeholder: string): string {
  const first = original[0]!;
  if (original.length > 1 && original === original.toUpperCase() && original !== original.toLowerCase()) {
    return placeholder.toUpperCase();
  }
  if (first !== first.toLowerCase()) return placeholder[0]!.toUpperCase() + placeholder.slice(1);
  return placeholder;
}

/**
 * The placeholders of one outline. The same word, number or id always gets the same placeholder,
 * in texts, labels, links and attributes alike, so that a name in a heading and in "Ignore an
 * invitation to connect from <name>" stay one name, and a username in a link and in an avatar's
 * alt text stay one username. Placeholders keep what the sites' and lib/identity's parsing relies
 * on: numbers keep their length and a leading zero (or its absence), ids their length and the
 * case and kind of each character, words are words (letters and a digit, five characters or
 * more, so that a Facebook username made of them is long enough).
 */
export class Placeholders {
  private readonly words = new Map<string, string>();
  private readonly numbers = new Map<string, string>();
  private readonly ids = new Map<string, string>();
  /** Member ids met whole (in a link), to find them again glued inside a word. */
  private readonly memberIds = new Set<string>();
  /** Words met as someone's username or slug: replaced even in structural values. */
  private readonly identityWords = new Set<string>();
  private readonly counts = new Map<string, number>();

  /** `value` with what `reading` does not keep replaced. */
  replace(value: string, reading: Reading): string {
    return value.replace(PIECES, (piece: string, at: number) => this.piece(piece, reading, value, at));
  }

  private next(kind: string): number {
    const n = this.counts.get(kind) ?? 0;
    this.counts.set(kind, n + 1);
    return n;
  }

  private piece(piece: string, reading: Reading, whole: string, at: number): string {
    if (piece.startsWith('ACoA') && piece.length > 4) {
      this.memberIds.add(piece);
      return this.id(piece);
    }
    if (DIGITS.test(piece)) return this.digits(piece, reading);
    const memberAt = piece.indexOf('ACoA');
    if (memberAt > 0) return this.glued(piece, memberAt, reading, whole, at);
    if (piece.length >= 12 && HAS_DIGIT.test(piece) && HAS_LETTER.test(piece)) {
      // Opaque ids (thread keys, hashes) keep their shape, not their characters.
      return this.id(piece);
    }
    const count = COUNT.exec(piece);
    if (count) return this.digits(count[1]!, reading) + count[2]!;
    if (reading === 'text' && piece.endsWith('s') && whole.startsWith(GENITIVE, at + piece.length)) {
      // "jonas.webers Profilbild": the username with a German genitive s, as in its link.
      return `${this.word(piece.slice(0, -1), reading, whole, at)}s`;
    }
    return this.word(piece, reading, whole, at);
  }

  /** A member id inside a word (componentkey="…refACoAAB9kQ2sTopcard"): the id goes, the word around it stays. */
  private glued(piece: string, memberAt: number, reading: Reading, whole: string, at: number): string {
    const tail = piece.slice(memberAt);
    let id = [...this.memberIds].filter((known) => tail.startsWith(known)).sort((a, b) => b.length - a.length)[0];
    if (!id) id = tail.length > MEMBER_ID_LENGTH ? tail.slice(0, MEMBER_ID_LENGTH) : tail.replace(GLUED_SUFFIX, '');
    const after = tail.slice(id.length);
    const before = piece.slice(0, memberAt);
    return (
      this.word(before, reading, whole, at) +
      this.id(id) +
      (after ? this.word(after, reading, whole, at + memberAt + id.length) : '')
    );
  }

  private digits(run: string, reading: Reading): string {
    if (run.length < 2) return run;
    const structural = reading === 'structure' || reading === 'reference';
    if (structural && run.length < STRUCTURAL_ID_DIGITS && !this.numbers.has(run)) return run;
    let placeholder = this.numbers.get(run);
    if (placeholder === undefined) {
      // Counted apart by length and leading zero, so that no two numbers ever share a placeholder.
      const zero = run[0] === '0';
      const n = this.next(`${run.length}${zero ? '0' : ''}`);
      const tail = String(n % 10 ** (run.length - 1)).padStart(run.length - 1, '0');
      placeholder = (zero ? '0' : String(1 + Math.floor(n / 10 ** (run.length - 1)))) + tail;
      this.numbers.set(run, placeholder);
    }
    return placeholder;
  }

  private id(original: string): string {
    let placeholder = this.ids.get(original);
    if (placeholder === undefined) {
      // Each letter or digit drawn afresh from a generator seeded by the id's rank: deterministic,
      // so the same page gives the same outline, and unrelated to the original's characters.
      let state = Math.imul(this.next('id') + 1, 2654435761);
      const draw = (base: number, size: number) => {
        state = (Math.imul(state ^ (state >>> 13), 1103515245) + 12345) | 0;
        return String.fromCharCode(base + ((state >>> 8) % size));
      };
      const keep = original.startsWith('ACoA') ? 4 : 0;
      placeholder = original.slice(0, keep);
      for (const char of original.slice(keep)) {
        if (/[A-Z]/.test(char)) placeholder += draw(65, 26);
        else if (/[0-9]/.test(char)) placeholder += draw(48, 10);
        else if (/\p{L}/u.test(char)) placeholder += draw(97, 26);
        else placeholder += char;
      }
      this.ids.set(original, placeholder);
    }
    return placeholder;
  }

  private word(word: string, reading: Reading, whole: string, at: number): string {
    if (word === '') return word;
    const key = fold(word);
    if (this.keeps(word, key, reading, whole, at)) return word;
    if (reading === 'identity') this.identityWords.add(key);
    let placeholder = this.words.get(key);
    if (placeholder === undefined) {
      placeholder = placeholderWord(this.next('word'));
      this.words.set(key, placeholder);
    }
    return inCaseOf(word, placeholder);
  }

  private keeps(word: string, key: string, reading: Reading, whole: string, at: number): boolean {
    switch (reading) {
      case 'identity':
        return false;
      case 'path':
        return PATH_WORDS.has(key);
      case 'structure':
        return !this.identityWords.has(key);
      case 'reference':
        return !this.words.has(key);
      case 'text': {
        const before = whole[at - 1] ?? ' ';
        const after = whole[at + word.length] ?? ' ';
        // l’invitation, d’Ana, Ana’s: the elided letter and the possessive are grammar, not a name.
        if (ELIDED_LETTERS.has(word) && (APOSTROPHE.test(after) || (word === 's' && APOSTROPHE.test(before)))) return true;
        if (key.length === 1) return SINGLE_LETTER_WORDS.has(word) && !JOINED.test(before) && !JOINED.test(after);
        // A piece of a username written out ("theo.blanc", "ana_ruiz"): the whole is someone's, even
        // when a piece is a UI word (Vietnamese "theo"), so it is replaced as the link's path is.
        if (inUsername(whole, at, word.length)) return false;
        return TEXT_WORDS.has(key) || (LOWER_CASE_WORDS.has(key) && word === word.toLowerCase());
      }
    }
  }
}

const USERNAME_JOINER = /[._@]/;
const WORD_CHAR = /[\p{L}\p{N}]/u;

/** Whether the word at `at` in `whole` is joined to another by a username's dot, underscore or at sign. */
function inUsername(whole: string, at: number, length: number): boolean {
  const joinedBefore = USERNAME_JOINER.test(whole[at - 1] ?? '') && WORD_CHAR.test(whole[at - 2] ?? '');
  const joinedAfter = USERNAME_JOINER.test(whole[at + length] ?? '') && WORD_CHAR.test(whole[at + length + 1] ?? '');
  return joinedBefore || joinedAfter;
}
