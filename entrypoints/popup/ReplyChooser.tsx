import { t } from '@/lib/i18n/t';
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
  const label = (template: LibraryTemplate) => {
    const named = template.language !== language ? `${template.name} · ${template.language.toUpperCase()}` : template.name;
    return template.id === defaultId ? t('reply_option_default', named) : named;
  };
  const situations = [...new Set(offered.map((t) => t.situation))];
  return (
    <div class="reply">
      <label class="picker">
        <span class="muted">{t('reply_picker')}</span>
        <select data-testid="reply-picker" value={chosen.id} onChange={(e) => onChoose(e.currentTarget.value)}>
          {situations.length > 1
            ? situations.map((situation) => (
                <optgroup key={situation} label={t(SITUATION_LABELS[situation])}>
                  {offered
                    .filter((template) => template.situation === situation)
                    .map((template) => (
                      <option key={template.id} value={template.id}>
                        {label(template)}
                      </option>
                    ))}
                </optgroup>
              ))
            : offered.map((template) => (
                <option key={template.id} value={template.id}>
                  {label(template)}
                </option>
              ))}
        </select>
      </label>
      {/* Focusable: a long reply scrolls inside its box, and keyboards must reach it too. */}
      <pre class="reply-text" tabIndex={0} data-testid="reply-preview" data-template-id={chosen.id} lang={chosen.language} title={t(LANGUAGE_NAMES[chosen.language])}>
        {composed.text}
      </pre>
      <div class="reply-facts muted">
        <span data-testid="reply-length" data-over={String(composed.length.over)} class={composed.length.over ? 'warn' : undefined}>
          {t('reply_length', composed.length.length.toLocaleString(), composed.length.limit.toLocaleString())}
          {composed.length.over && ` ${t('reply_too_long', siteName(platform))}`}
        </span>
        {composed.missing.length > 0 && (
          <span data-testid="reply-missing">
            {' '}
            · {t('reply_left_out', composed.missing.map((p) => t(PLACEHOLDER_NAMES[p])).join(', '))}
          </span>
        )}
      </div>
      <LintWarning lint={composed.lint} />
    </div>
  );
}
