import { t } from '@/lib/i18n/t';
import type { Platform } from '@/lib/identity/platform';
import { LintWarning } from '@/components/LintWarning';
import type { ComposedReply, LibraryTemplate, ReplyChecks } from '@/lib/replies/library';
import { PLACEHOLDER_NAMES } from '@/lib/replies/placeholders';
import { siteName } from '@/lib/policy/suggestions';
import { LANGUAGE_NAMES, type ReplyLanguage } from '@/lib/settings/practice';
import { SITUATION_LABELS } from '@/lib/replies/templates';

interface Props {
  /** The language replies are offered in first (the page's, when there are replies in it). */
  language: ReplyLanguage;
  offered: LibraryTemplate[];
  chosen: LibraryTemplate;
  defaultId: string | undefined;
  composed: ComposedReply;
  /** The text as it will go in: the composed reply, or the clinician's edit of it. */
  text: string;
  /** The checks of `text`, run again on every edit. */
  checks: ReplyChecks;
  edited: boolean;
  /** Another template chosen while the text was edited: waiting for the clinician to say. */
  pending: LibraryTemplate | undefined;
  platform: Platform;
  /** An id for the text box, unique in the popup. */
  fieldId: string;
  onChoose: (id: string) => void;
  onEdit: (text: string) => void;
  onReset: () => void;
  onKeepEdits: () => void;
}

/** Which reply, its text to edit before it goes anywhere, and what the checks found. */
export function ReplyChooser({ language, offered, chosen, defaultId, composed, text, checks, edited, pending, platform, fieldId, onChoose, onEdit, onReset, onKeepEdits }: Props) {
  // Only templates in another language than the one offered first say which language they are in.
  const label = (template: LibraryTemplate) => {
    const named = template.language !== language ? `${template.name} · ${template.language.toUpperCase()}` : template.name;
    return template.id === defaultId ? t('reply_option_default', named) : named;
  };
  const situations = [...new Set(offered.map((t) => t.situation))];
  const { length, lint } = checks;
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
      {pending && (
        <div class="confirm" data-testid="reply-replace-confirm">
          <span>{t('reply_replace_question', pending.name)}</span>
          <button data-testid="reply-replace" onClick={() => onChoose(pending.id)}>
            {t('reply_replace')}
          </button>
          <button data-testid="reply-keep-edits" onClick={onKeepEdits}>
            {t('reply_keep_edits')}
          </button>
        </div>
      )}
      <label class="muted" for={fieldId}>
        {t('reply_edit_label')}
      </label>
      {/* Sized to its text: no inner scroll that the keyboard cannot reach; the popup itself scrolls. */}
      <textarea
        id={fieldId}
        class="reply-text"
        data-testid="reply-edit"
        data-template-id={chosen.id}
        data-edited={String(edited)}
        lang={chosen.language}
        title={t(LANGUAGE_NAMES[chosen.language])}
        rows={Math.min(14, Math.max(3, Math.ceil(text.length / 44) + text.split('\n').length))}
        value={text}
        onInput={(e) => onEdit(e.currentTarget.value)}
      />
      <div class="reply-facts muted">
        <span data-testid="reply-length" data-over={String(length.over)} class={length.over ? 'warn' : undefined}>
          {t('reply_length', length.length.toLocaleString(), length.limit.toLocaleString())}
          {length.over && ` ${t('reply_too_long', siteName(platform))}`}
        </span>
        {!edited && composed.missing.length > 0 && (
          <span data-testid="reply-missing">
            {' '}
            · {t('reply_left_out', composed.missing.map((p) => t(PLACEHOLDER_NAMES[p])).join(', '))}
          </span>
        )}
        {edited && (
          <>
            {' '}
            · <span data-testid="reply-edited">{t('reply_edited')}</span>{' '}
            <button class="link" data-testid="reply-reset" onClick={onReset}>
              {t('reply_reset')}
            </button>
          </>
        )}
      </div>
      <LintWarning lint={lint} />
    </div>
  );
}
