import { useRef, useState } from 'preact/hooks';
import { LintWarning } from '@/components/LintWarning';
import { t } from '@/lib/i18n/t';
import { PLATFORMS, type Platform } from '@/lib/identity/platform';
import { lintReply, ownTexts } from '@/lib/policy/confidentiality';
import { siteName } from '@/lib/policy/suggestions';
import { composeReply, placeholderValues, type LibraryTemplate } from '@/lib/replies/library';
import { fillTemplateDetailed, PLACEHOLDER_HELP, PLACEHOLDERS, type Placeholder } from '@/lib/replies/placeholders';
import { SITUATION_HELP, SITUATION_LABELS, SITUATIONS, validateTemplate, type Situation, type TemplateDraft } from '@/lib/replies/templates';
import { LANGUAGE_NAMES, REPLY_LANGUAGES, type PracticeSettings, type ReplyLanguage } from '@/lib/settings/practice';
import { SAMPLE_PAGE_NAME } from './sample';

const BLANK: TemplateDraft = { name: '', situation: 'conversation', language: 'en', platforms: [...PLATFORMS], body: '' };

/**
 * Add or edit one template, with a live preview filled with the practice's settings and a sample
 * person, the site limits for each platform it is offered on, and the confidentiality check.
 */
export function TemplateEditor({
  initial,
  settings,
  onSave,
  onCancel,
}: {
  initial?: LibraryTemplate;
  settings: PracticeSettings;
  onSave: (draft: TemplateDraft) => Promise<void>;
  onCancel: () => void;
}) {
  const [draft, setDraft] = useState<TemplateDraft>(() =>
    initial
      ? { name: initial.name, situation: initial.situation, language: initial.language, platforms: initial.platforms, body: initial.body }
      : { ...BLANK, language: settings.language },
  );
  const [error, setError] = useState('');
  const [previewPlatform, setPreviewPlatform] = useState<Platform>(draft.platforms[0] ?? 'facebook');
  const body = useRef<HTMLTextAreaElement>(null);

  const errors = validateTemplate(draft);
  const invalid = Object.keys(errors).length > 0;
  const shownPlatform = draft.platforms.includes(previewPlatform) ? previewPlatform : (draft.platforms[0] ?? previewPlatform);
  const composed = composeReply({ ...draft, id: 'preview' }, settings, shownPlatform, SAMPLE_PAGE_NAME);
  // A misspelt placeholder stays visible in the preview (replies leave its line out), so a typo
  // shows where it is instead of blanking the preview.
  const previewText = errors.body
    ? fillTemplateDetailed(draft.body, placeholderValues(settings, draft.language, SAMPLE_PAGE_NAME), { keepUnknown: true }).text
    : composed.text;
  const bodyLint = lintReply(draft.body, ownTexts(settings));
  // Words a filled placeholder brings in (the sample name, a policy summary) only show once filled;
  // the practice's own details never count (ownTexts).
  const extra = composed.lint.findings.filter((f) => !bodyLint.findings.some((b) => b.text === f.text));

  const insertPlaceholder = (placeholder: Placeholder) => {
    const area = body.current;
    const token = `{${placeholder}}`;
    const at = area?.selectionStart ?? draft.body.length;
    const end = area?.selectionEnd ?? at;
    setDraft({ ...draft, body: draft.body.slice(0, at) + token + draft.body.slice(end) });
    requestAnimationFrame(() => {
      area?.focus();
      area?.setSelectionRange(at + token.length, at + token.length);
    });
  };

  const togglePlatform = (platform: Platform, on: boolean) =>
    setDraft({ ...draft, platforms: on ? [...draft.platforms, platform] : draft.platforms.filter((p) => p !== platform) });

  const submit = async (event: Event) => {
    event.preventDefault();
    if (invalid) return;
    try {
      await onSave(draft);
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
    }
  };

  const fieldError = (field: keyof TemplateDraft) =>
    errors[field] && (
      <span class="field-note warn" data-testid={`template-error-${field}`}>
        {errors[field]}
      </span>
    );

  return (
    <form class="template-form card" data-testid="template-form" onSubmit={submit} aria-label={initial ? t('editor_edit', initial.name) : t('templates_new')}>
      <div class="editor-grid">
        <div class="editor-fields">
          <label>
            {t('common_name')}
            <input data-testid="template-name" value={draft.name} onInput={(e) => setDraft({ ...draft, name: e.currentTarget.value })} />
            {fieldError('name')}
          </label>
          <div class="row">
            <label>
              {t('templates_used_for')}
              <select
                data-testid="template-situation"
                value={draft.situation}
                onChange={(e) => setDraft({ ...draft, situation: e.currentTarget.value as Situation })}
              >
                {SITUATIONS.map((s) => (
                  <option key={s} value={s}>
                    {t(SITUATION_LABELS[s])}
                  </option>
                ))}
              </select>
            </label>
            <label>
              {t('editor_language')}
              <select
                data-testid="template-language"
                value={draft.language}
                onChange={(e) => setDraft({ ...draft, language: e.currentTarget.value as ReplyLanguage })}
              >
                {REPLY_LANGUAGES.map((l) => (
                  <option key={l} value={l}>
                    {t(LANGUAGE_NAMES[l])}
                  </option>
                ))}
              </select>
            </label>
          </div>
          <p class="field-note muted">{t(SITUATION_HELP[draft.situation])}</p>
          <fieldset class="row">
            <legend>{t('editor_offered_on')}</legend>
            {PLATFORMS.map((p) => (
              <label key={p} class="check">
                <input
                  type="checkbox"
                  data-testid={`template-platform-${p}`}
                  checked={draft.platforms.includes(p)}
                  onChange={(e) => togglePlatform(p, e.currentTarget.checked)}
                />
                {siteName(p)}
              </label>
            ))}
          </fieldset>
          {fieldError('platforms')}
          <label>
            {t('editor_text')}
            <textarea
              ref={body}
              rows={11}
              data-testid="template-body"
              value={draft.body}
              onInput={(e) => setDraft({ ...draft, body: e.currentTarget.value })}
              aria-describedby="placeholder-help"
            />
            {fieldError('body')}
          </label>
          <div id="placeholder-help" class="placeholders">
            <span class="muted">{t('editor_insert')}</span>
            {PLACEHOLDERS.map((p) => (
              <button type="button" key={p} class="chip" title={t(PLACEHOLDER_HELP[p])} data-testid={`template-insert-${p}`} onClick={() => insertPlaceholder(p)}>
                {`{${p}}`}
              </button>
            ))}
          </div>
          <p class="field-note muted">{t('editor_placeholder_note')}</p>
        </div>
        <div class="editor-preview">
          <div class="row">
            <strong>{t('editor_preview')}</strong>
            <span class="muted">{t('editor_preview_for', SAMPLE_PAGE_NAME)}</span>
            <select aria-label={t('editor_preview_site')} value={shownPlatform} onChange={(e) => setPreviewPlatform(e.currentTarget.value as Platform)}>
              {(draft.platforms.length > 0 ? draft.platforms : PLATFORMS).map((p) => (
                <option key={p} value={p}>
                  {siteName(p)}
                </option>
              ))}
            </select>
          </div>
          <pre class="reply-text" data-testid="template-preview" lang={draft.language}>
            {previewText || ' '}
          </pre>
          <ul class="lengths" data-testid="template-lengths">
            {draft.platforms.map((p) => {
              const length = composeReply({ ...draft, id: 'preview' }, settings, p, SAMPLE_PAGE_NAME).length;
              return (
                <li key={p} data-testid="template-length" data-platform={p} data-over={String(length.over)} class={length.over ? 'warn' : 'muted'}>
                  {t('editor_length', siteName(p), length.length.toLocaleString(), length.limit.toLocaleString())}
                  {length.over && ` ${t('editor_too_long')}`}
                </li>
              );
            })}
          </ul>
          <LintWarning lint={bodyLint} testId="template-lint" lead={t('editor_lint')} />
          {extra.length > 0 && (
            <LintWarning
              lint={{ ok: false, findings: extra }}
              testId="template-preview-lint"
              lead={t('editor_lint_filled')}
            />
          )}
          {bodyLint.ok && extra.length === 0 && draft.body.trim() && (
            <p class="ok" data-testid="template-lint-ok">
              {t('editor_lint_ok')}
            </p>
          )}
        </div>
      </div>
      {error && <p class="warn">{error}</p>}
      <div class="row">
        <button class="primary" type="submit" data-testid="template-save" disabled={invalid}>
          {t(bodyLint.ok ? 'editor_save' : 'editor_save_anyway')}
        </button>
        <button type="button" data-testid="template-cancel" onClick={onCancel}>
          {t('common_cancel')}
        </button>
      </div>
    </form>
  );
}
