/** A messages.json as Chrome reads it. */
export type Catalogue = Record<string, { message: string; description?: string; placeholders?: Record<string, { content: string }> }>;

/**
 * What chrome.i18n.getMessage returns for `key`: named placeholders ($NAME$, any case) become
 * their content, then $1…$9 become the substitutions and $$ a dollar sign.
 */
export function formatMessage(catalogue: Catalogue, key: string, substitutions: readonly string[] = []): string {
  const entry = catalogue[key];
  if (!entry) return '';
  const placeholders = new Map(Object.entries(entry.placeholders ?? {}).map(([name, p]) => [name.toLowerCase(), p.content]));
  const named = entry.message.replace(/\$([A-Za-z0-9_@]+)\$/g, (whole, name: string) => placeholders.get(name.toLowerCase()) ?? whole);
  return named.replace(/\$(\$|[1-9])/g, (_whole, which: string) => (which === '$' ? '$' : (substitutions[Number(which) - 1] ?? '')));
}
