import type { Platform } from '@/lib/identity/platform';
import { LintWarning } from '@/components/LintWarning';
import type { ComposedReply, LibraryTemplate } from '@/lib/replies/library';
import { PLACEHOLDER_NAMES } from '@/lib/replies/placeholders';
import { siteName } from '@/lib/policy/suggestions';
import { LANGUAGE_NAMES, type ReplyLanguage } from '@/lib/settings/practice';
import { SITUATION_LABELS } from '@/lib/replies/templates';

interface Props {
  language: ReplyLanguage;
  offered: LibraryTemplate[];
  chosen: LibraryTemplate;
  defaultId: string | undefined;
  composed: ComposedReply;
  platform: Platform;
  onChoose: (id: string) => void;
}

/** Which reply, what it will say once filled, and what the checks found. */
export function ReplyChooser({ language, offered, chosen, defaultId, composed, platform, onChoose }: Props) {
  // Only templates in another language than the default say which language they are in.
  const label = (t: LibraryTemplate) =>
    `${t.name}${t.language !== language ? ` · ${t.language.toUpperCase()}` : ''}${t.id === defaultId ? ' (default)' : ''}`;
  const situations = [...new Set(offered.map((t) => t.situation))];
  return (
    <div class="reply">
      <label class="picker">
        <span class="muted">Reply</span>
        <select data-testid="reply-picker" value={chosen.id} onChange={(e) => onChoose(e.currentTarget.value)}>
          {situations.length > 1
            ? situations.map((situation) => (
                <optgroup key={situation} label={SITUATION_LABELS[situation]}>
                  {offered
                    .filter((t) => t.situation === situation)
                    .map((t) => (
                      <option key={t.id} value={t.id}>
                        {label(t)}
                      </option>
                    ))}
                </optgroup>
              ))
            : offered.map((t) => (
                <option key={t.id} value={t.id}>
                  {label(t)}
                </option>
              ))}
        </select>
      </label>
      <pre class="reply-text" data-testid="reply-preview" data-template-id={chosen.id} lang={chosen.language} title={LANGUAGE_NAMES[chosen.language]}>
        {composed.text}
      </pre>
      <div class="reply-facts muted">
        <span data-testid="reply-length" data-over={String(composed.length.over)} class={composed.length.over ? 'warn' : undefined}>
          {composed.length.length.toLocaleString()} / {composed.length.limit.toLocaleString()} characters
          {composed.length.over && ` — too long for ${siteName(platform)}; shorten the template before inserting`}
        </span>
        {composed.missing.length > 0 && (
          <span data-testid="reply-missing">
            {' '}
            · Not set, so left out: {composed.missing.map((p) => PLACEHOLDER_NAMES[p]).join(', ')}
          </span>
        )}
      </div>
      <LintWarning lint={composed.lint} />
    </div>
  );
}
