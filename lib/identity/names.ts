/*
 * Name matching rule: two names match when their folded tokens form the same set.
 *
 * That makes "Okoro, Chidi", "Chidi Okoro" and "OKORO Chidi" one name, whatever the order,
 * accents or punctuation. It deliberately does NOT match when only one side has a middle
 * name or initial ("Chidi A. Okoro" vs "Chidi Okoro"), nor nicknames ("Liz" vs "Elizabeth"):
 * a name-only hit is a guess, and every extra guess is a false alarm in front of a clinician.
 * Those variants belong in the client record's aliases, which are matched the same way.
 * A one-word name therefore only matches that same single word.
 */

// Marks inside a word that people type or omit at will: O'Brien = OBrien, Pal·la = Palla; and the
// zero-width non-joiner and joiner, which a Persian or Indic name may be written with or without.
const WORD_JOINERS = /['‘’‛ʼʻ`´′＇·\u200C\u200D]/g;

// Letters that Unicode decomposition leaves alone but readers treat as plain Latin.
const LETTER_FOLDS: Record<string, string> = {
  ø: 'o',
  ß: 'ss',
  ł: 'l',
  æ: 'ae',
  œ: 'oe',
  đ: 'd',
  ð: 'd',
  þ: 'th',
  ı: 'i',
  ħ: 'h',
  ŧ: 't',
  ŋ: 'n',
  ς: 'σ',
};
const FOLDABLE = /[øßłæœđðþıħŧŋς]/g;

// Accents are dropped only on European scripts; elsewhere (Devanagari, Japanese) marks carry
// vowels or sounds, and dropping them would merge different names.
const EUROPEAN_ACCENT = /(?<=[\p{Script=Latin}\p{Script=Greek}\p{Script=Cyrillic}]\p{M}*)\p{M}/gu;

// Plain ASCII, the common case: no decomposition, marks or special letters can occur, so the
// steps below reduce to dropping ' and `, lower case and keeping [a-z0-9]. Same result, faster.
const ASCII = /^[\x00-\x7f]*$/;
const ASCII_JOINERS = /['`]/g;
const ASCII_NOT_WORD = /[^a-z0-9]+/g;

/** "Last, First" → "First Last": exactly two parts, both with something in them. */
function lastFirst(text: string): string {
  const parts = text.split(',');
  return parts.length === 2 && parts[0]?.trim() && parts[1]?.trim() ? `${parts[1]} ${parts[0]}` : text;
}

/** Case, diacritics, apostrophes, dashes and punctuation folded away; "Last, First" → "first last". */
export function foldName(name: string): string {
  if (ASCII.test(name)) {
    return lastFirst(name.replace(ASCII_JOINERS, '')).toLowerCase().replace(ASCII_NOT_WORD, ' ').trim();
  }
  // Joiners go before decomposition too, because NFKD splits ´ into a space and a mark.
  let text = name.replace(WORD_JOINERS, '').normalize('NFKD').replace(WORD_JOINERS, '');
  text = lastFirst(text);
  return text
    .toLowerCase()
    .replace(EUROPEAN_ACCENT, '')
    .replace(FOLDABLE, (c) => LETTER_FOLDS[c] ?? c)
    .replace(/(?<![\p{L}\p{M}\p{N}])\p{M}+/gu, '') // a mark left without its letter
    .replace(/[^\p{L}\p{M}\p{N}]+/gu, ' ')
    .trim()
    .normalize('NFC');
}

/** The matcher's index key: the folded name's distinct tokens, sorted, joined by ' '. '' when there are none. */
export function nameKey(name: string): string {
  const tokens = foldName(name).split(' ').filter((t) => t !== '');
  return [...new Set(tokens)].sort().join(' ');
}

/** True when both keys are equal and non-empty. */
export function namesMatch(a: string, b: string): boolean {
  const key = nameKey(a);
  return key !== '' && key === nameKey(b);
}
