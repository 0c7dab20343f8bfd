// Nothing here imports anything: the end-to-end tests use it to know a name as the list keeps it.

/**
 * Characters that change how text is shown without showing themselves: bidirectional overrides,
 * embeddings, isolates and marks (a name with U+202E reads backwards), zero-width spaces, the
 * word joiner and the byte-order mark inside text. A name holding them can look like another one.
 */
const INVISIBLE = /[\u202A-\u202E\u2066-\u2069\u200E\u200F\u061C\u200B\u2060\uFEFF]/g;

/**
 * The zero-width non-joiner and joiner are part of how some names are spelled: Persian writes
 * علی‌رضا with a non-joiner between its parts, and Indic scripts choose a letter's form with them.
 * Between two characters of such a script they stay (matching folds them away,
 * lib/identity/names.ts); anywhere else (in a Latin name, say) they shape nothing, and go.
 */
const JOINING_SCRIPTS = [
  'Arabic', 'Syriac', 'Thaana', 'Nko', 'Mongolian', 'Devanagari', 'Bengali', 'Gurmukhi', 'Gujarati', 'Oriya',
  'Tamil', 'Telugu', 'Kannada', 'Malayalam', 'Sinhala', 'Myanmar', 'Khmer',
].map((script) => `\\p{Script=${script}}`).join('');
const STRAY_JOINER = new RegExp(`(?<![${JOINING_SCRIPTS}])[\\u200C\\u200D]+|[\\u200C\\u200D]+(?![${JOINING_SCRIPTS}])`, 'gu');

/** The text without invisible formatting characters, and whether any were taken out. */
export function stripInvisible(text: string): { text: string; stripped: boolean } {
  const clean = text.replace(INVISIBLE, '').replace(STRAY_JOINER, '');
  return { text: clean, stripped: clean !== text };
}

