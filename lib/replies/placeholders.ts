/**
 * Filling a template. A template is plain text with placeholders in braces. A line that holds a
 * placeholder with no value (or one Boundary does not know) is left out whole, so an unconfigured
 * practice still gets a clean reply: "Phone: {phone}" disappears rather than reading "Phone: ".
 * Write each optional detail on a line of its own for that reason.
 */

import type { MessageKey } from '@/lib/i18n/t';

export const PLACEHOLDERS = ['first_name', 'practice', 'phone', 'portal', 'secure_email', 'crisis_line', 'policy_link', 'policy_text'] as const;
export type Placeholder = (typeof PLACEHOLDERS)[number];
export type PlaceholderValues = Partial<Record<Placeholder, string>>;

/** What each placeholder stands for, for the template editor. */
export const PLACEHOLDER_HELP: Record<Placeholder, MessageKey> = {
  first_name: 'placeholder_help_first_name',
  practice: 'placeholder_help_practice',
  phone: 'placeholder_help_phone',
  portal: 'placeholder_help_portal',
  secure_email: 'placeholder_help_secure_email',
  crisis_line: 'placeholder_help_crisis_line',
  policy_link: 'placeholder_help_policy_link',
  policy_text: 'placeholder_help_policy_text',
};

/** Short names, for a note of what a reply left out. */
export const PLACEHOLDER_NAMES: Record<Placeholder, MessageKey> = {
  first_name: 'placeholder_name_first_name',
  practice: 'placeholder_name_practice',
  phone: 'placeholder_name_phone',
  portal: 'placeholder_name_portal',
  secure_email: 'placeholder_name_secure_email',
  crisis_line: 'placeholder_name_crisis_line',
  policy_link: 'placeholder_name_policy_link',
  policy_text: 'placeholder_name_policy_text',
};

const TOKEN = /\{([^{}\s]*)\}/g;

export function isPlaceholder(name: string): name is Placeholder {
  return (PLACEHOLDERS as readonly string[]).includes(name);
}

/** The placeholders a template uses, and any brace names that are not placeholders (typos). */
export function placeholdersIn(body: string): { known: Placeholder[]; unknown: string[] } {
  const known = new Set<Placeholder>();
  const unknown = new Set<string>();
  for (const [, name = ''] of body.matchAll(TOKEN)) {
    if (isPlaceholder(name)) known.add(name);
    else unknown.add(name);
  }
  return { known: [...known], unknown: [...unknown] };
}

/** A value goes in on one line, as text: line breaks and runs of spaces become one space. */
function clean(value: string | undefined): string {
  return (value ?? '').replace(/\s+/g, ' ').trim();
}

export interface FilledReply {
  text: string;
  /** Placeholders that had no value, so their lines were left out. */
  missing: Placeholder[];
  /** Brace names that are not placeholders; their lines were left out too. */
  unknown: string[];
}

/**
 * `keepUnknown`: for the template editor's preview, a line with a misspelt placeholder stays, the
 * misspelling shown as typed, so a typo does not make the preview go blank. Replies never keep them.
 */
export function fillTemplateDetailed(body: string, values: PlaceholderValues, options: { keepUnknown?: boolean } = {}): FilledReply {
  const missing = new Set<Placeholder>();
  const unknown = new Set<string>();
  const lines: string[] = [];
  for (const line of body.split(/\r?\n/)) {
    let keep = true;
    for (const [, name = ''] of line.matchAll(TOKEN)) {
      if (!isPlaceholder(name)) {
        unknown.add(name);
        if (!options.keepUnknown) keep = false;
      } else if (!clean(values[name])) {
        missing.add(name);
        keep = false;
      }
    }
    if (!keep) continue;
    // One pass over the template: a value is never read as a placeholder itself.
    lines.push(line.replace(TOKEN, (whole, name: string) => (isPlaceholder(name) ? clean(values[name]) : whole)).trimEnd());
  }
  // Leaving lines out must not leave stacked or dangling blank lines behind.
  const tidy: string[] = [];
  for (const line of lines) {
    if (line === '' && (tidy.length === 0 || tidy[tidy.length - 1] === '')) continue;
    tidy.push(line);
  }
  while (tidy[tidy.length - 1] === '') tidy.pop();
  return { text: tidy.join('\n'), missing: [...missing], unknown: [...unknown] };
}

/**
 * The placeholder a misspelt name most likely meant ({practise} → {practice}, {phon} → {phone}):
 * the nearest by edit distance, when it is near enough to be a typo; null otherwise.
 */
export function nearestPlaceholder(name: string): Placeholder | null {
  const typed = name.toLowerCase().replace(/[\s-]/g, '_');
  let best: Placeholder | null = null;
  let bestDistance = Infinity;
  for (const placeholder of PLACEHOLDERS) {
    const distance = editDistance(typed, placeholder);
    if (distance < bestDistance) [best, bestDistance] = [placeholder, distance];
  }
  return best !== null && bestDistance <= Math.max(1, Math.floor(best.length / 3)) ? best : null;
}

/** Edits between two words, a swap of neighbours counting as one (phnoe → phone). */
function editDistance(a: string, b: string): number {
  let before: number[] = [];
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const row = [i];
    for (let j = 1; j <= b.length; j++) {
      row[j] = Math.min(previous[j]! + 1, row[j - 1]! + 1, previous[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) row[j] = Math.min(row[j]!, before[j - 2]! + 1);
    }
    [before, previous] = [previous, row];
  }
  return previous[b.length]!;
}

export function fillTemplate(body: string, values: PlaceholderValues): string {
  return fillTemplateDetailed(body, values).text;
}

/**
 * The first name to greet someone by, from the name the site shows (never from the client list,
 * which stays inside the extension). A display name that looks like a username ("maple.quinn",
 * "user_123") gives none, and the greeting line is left out.
 */
export function firstNameFrom(pageName: string | undefined): string | undefined {
  const first = (pageName ?? '').trim().split(/\s+/)[0] ?? '';
  if (!first || first.length > 40) return undefined;
  if (!/^[\p{L}\p{M}][\p{L}\p{M}'’-]*$/u.test(first)) return undefined;
  return first;
}
