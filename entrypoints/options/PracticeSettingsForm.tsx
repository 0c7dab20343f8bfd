import { Fragment } from 'preact';
import { useState } from 'preact/hooks';
import { database } from '@/lib/db';
import { t, tPlural, type MessageKey } from '@/lib/i18n/t';
import { composeReply, defaultTemplate, type ReplyLibrary } from '@/lib/replies/library';
import {
  LANGUAGE_NAMES,
  REGION_IDS,
  REGIONS,
  REPLY_LANGUAGES,
  validateSettings,
  type PracticeSettings,
  type RegionId,
  type ReplyLanguage,
  type SettingsField,
} from '@/lib/settings/practice';
import { saveSettings } from '@/lib/settings/store';
import { SAMPLE_PAGE_NAME } from './sample';

type TextField = 'practiceName' | 'phone' | 'portalUrl' | 'secureEmail' | 'policyUrl' | 'crisisLine';

const FIELDS: { field: TextField; label: MessageKey; hint: MessageKey; testId: string; type: string; placeholder?: string }[] = [
  { field: 'practiceName', label: 'practice_name', hint: 'practice_name_hint', testId: 'settings-practice', type: 'text' },
  { field: 'phone', label: 'practice_phone', hint: 'practice_phone_hint', testId: 'settings-phone', type: 'tel', placeholder: '+44 20 7946 0000' },
  { field: 'portalUrl', label: 'practice_portal', hint: 'practice_portal_hint', testId: 'settings-portal', type: 'url', placeholder: 'https://portal.example.com' },
  { field: 'secureEmail', label: 'practice_email', hint: 'practice_email_hint', testId: 'settings-email', type: 'email', placeholder: 'secure@practice.example' },
  { field: 'policyUrl', label: 'practice_policy_url', hint: 'practice_policy_url_hint', testId: 'settings-policy-url', type: 'url', placeholder: 'https://practice.example/social-media-policy' },
];

/** Each field's label, for the reason beside a disabled Save. */
const LABELS: Record<SettingsField, MessageKey> = {
  ...(Object.fromEntries(FIELDS.map(({ field, label }) => [field, label])) as Record<TextField, MessageKey>),
  region: 'practice_region',
  crisisLine: 'practice_crisis_line',
  language: 'practice_language',
};
const inputId = (field: SettingsField) => `settings-${field}`;

/** What a blank crisis line makes replies say, in the words the replies of that language use. */
const CRISIS_BLANK: Record<ReplyLanguage, MessageKey> = { en: 'practice_crisis_blank_en', es: 'practice_crisis_blank_es' };

/** The practice's details that replies point to; each optional, each checked as it is typed. */
export function PracticeSettingsForm({
  settings,
  library,
  onSaved,
}: {
  settings: PracticeSettings;
  library: ReplyLibrary;
  onSaved: (settings: PracticeSettings) => void;
}) {
  const [draft, setDraft] = useState<PracticeSettings>(settings);
  const [status, setStatus] = useState<{ state: 'idle' | 'saved' | 'error'; message?: string }>({ state: 'idle' });
  const errors = validateSettings(draft);
  const invalid = Object.keys(errors).length > 0;
  const changed = JSON.stringify(draft) !== JSON.stringify(settings);
  const set = (field: SettingsField, value: string) => {
    setDraft({ ...draft, [field]: value });
    setStatus({ state: 'idle' });
  };

  const save = async (event: Event) => {
    event.preventDefault();
    if (invalid) return;
    try {
      const saved = await saveSettings(database(), draft);
      setDraft(saved);
      onSaved(saved);
      setStatus({ state: 'saved' });
    } catch (error) {
      setStatus({ state: 'error', message: error instanceof Error ? error.message : String(error) });
    }
  };

  // A disabled Save says why beside it: one refused address among several fields is easy to miss
  // when its note is out of view, so the fields to fix are named, each a way back to it.
  const wrong = (Object.keys(errors) as SettingsField[]).filter((field) => field in LABELS);
  const saveOff = invalid || !changed;
  const reason = invalid ? 'blocked' : !changed && status.state !== 'saved' ? 'nothing' : null;

  const regionLine = REGIONS[draft.region].crisisLine[draft.language];
  const sample = defaultTemplate(library, draft.language, 'conversation', 'facebook');
  const preview = sample && composeReply(sample, draft, 'facebook', SAMPLE_PAGE_NAME);

  return (
    <form class="settings-form" data-testid="settings-form" onSubmit={save} aria-labelledby="practice-heading" noValidate>
      <div class="fields">
        {FIELDS.map(({ field, label, hint, testId, type, placeholder }) => (
          <label key={field}>
            {t(label)}
            <input
              id={inputId(field)}
              type={type}
              data-testid={testId}
              value={draft[field]}
              placeholder={placeholder}
              aria-invalid={errors[field] ? 'true' : undefined}
              aria-describedby={`${field}-note`}
              onInput={(e) => set(field, e.currentTarget.value)}
            />
            <span id={`${field}-note`} class={errors[field] ? 'field-note warn' : 'field-note muted'} data-testid={errors[field] ? `${testId}-error` : undefined}>
              {errors[field] ?? t(hint)}
            </span>
          </label>
        ))}
        <label>
          {t('practice_region')}
          <select id={inputId('region')} data-testid="settings-region" value={draft.region} onChange={(e) => set('region', e.currentTarget.value as RegionId)}>
            {REGION_IDS.map((id) => (
              <option key={id} value={id}>
                {t(REGIONS[id].label)}
              </option>
            ))}
          </select>
          <span class="field-note muted">{t('practice_region_hint')}</span>
        </label>
        <label>
          {t('practice_crisis_line')}
          <input
            id={inputId('crisisLine')}
            data-testid="settings-crisis-line"
            value={draft.crisisLine}
            placeholder={regionLine}
            aria-describedby="crisis-note"
            onInput={(e) => set('crisisLine', e.currentTarget.value)}
          />
          <span id="crisis-note" class={errors.crisisLine ? 'field-note warn' : 'field-note muted'}>
            {errors.crisisLine ?? t(CRISIS_BLANK[draft.language], regionLine)}
          </span>
        </label>
        <label>
          {t('practice_language')}
          <select id={inputId('language')} data-testid="settings-language" value={draft.language} onChange={(e) => set('language', e.currentTarget.value as ReplyLanguage)}>
            {REPLY_LANGUAGES.map((language) => (
              <option key={language} value={language}>
                {t(LANGUAGE_NAMES[language])}
              </option>
            ))}
          </select>
          <span class="field-note muted">{t('practice_language_hint')}</span>
        </label>
      </div>
      {preview && (
        <div class="preview">
          <div class="muted">{t('practice_preview')}</div>
          <pre class="reply-text" data-testid="settings-preview">
            {preview.text}
          </pre>
        </div>
      )}
      <div class="row">
        <button
          class="primary"
          type="submit"
          data-testid="settings-save"
          disabled={saveOff}
          aria-describedby={reason ? 'settings-save-reason' : undefined}
          title={saveOff ? (invalid ? tPlural('practice_save_blocked', wrong.length) + ' ' + wrong.map((f) => t(LABELS[f])).join(', ') : t('practice_save_nothing')) : undefined}
        >
          {t('practice_save')}
        </button>
        {changed && (
          <button type="button" data-testid="settings-revert" onClick={() => setDraft(settings)}>
            {t('practice_revert')}
          </button>
        )}
        {reason && (
          <span id="settings-save-reason" class={reason === 'blocked' ? 'save-reason warn' : 'save-reason muted'} data-testid="settings-save-reason" data-reason={reason}>
            {reason === 'blocked' ? (
              <>
                {tPlural('practice_save_blocked', wrong.length)}{' '}
                {wrong.map((field, i) => (
                  <Fragment key={field}>
                    {i > 0 && ', '}
                    <button
                      type="button"
                      class="link"
                      data-testid="settings-save-reason-field"
                      data-field={field}
                      onClick={() => document.getElementById(inputId(field))?.focus()}
                    >
                      {t(LABELS[field])}
                    </button>
                  </Fragment>
                ))}
              </>
            ) : (
              t('practice_save_nothing')
            )}
          </span>
        )}
        <span role="status" data-testid="settings-status" data-state={status.state} class={status.state === 'error' ? 'warn' : 'ok'}>
          {status.state === 'saved' ? t('practice_saved') : status.state === 'error' ? t('practice_not_saved', status.message ?? '') : ''}
        </span>
      </div>
    </form>
  );
}
