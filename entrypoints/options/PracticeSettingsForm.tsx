import { useState } from 'preact/hooks';
import { LintWarning } from '@/components/LintWarning';
import { database } from '@/lib/clients/db';
import { lintReply } from '@/lib/policy/confidentiality';
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

type TextField = 'practiceName' | 'phone' | 'portalUrl' | 'secureEmail' | 'crisisLine';

const FIELDS: { field: TextField; label: string; hint: string; testId: string; type: string; placeholder?: string }[] = [
  { field: 'practiceName', label: 'Practice or clinician name', hint: 'Signs off the replies. Optional.', testId: 'settings-practice', type: 'text' },
  { field: 'phone', label: 'Phone', hint: 'The number clients should call. Optional.', testId: 'settings-phone', type: 'tel', placeholder: '+44 20 7946 0000' },
  { field: 'portalUrl', label: 'Secure portal', hint: 'Its https address. Optional.', testId: 'settings-portal', type: 'url', placeholder: 'https://portal.example.com' },
  { field: 'secureEmail', label: 'Secure email', hint: 'An encrypted mailbox. Optional.', testId: 'settings-email', type: 'email', placeholder: 'secure@practice.example' },
];

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

  const regionLine = REGIONS[draft.region].crisisLine[draft.language];
  const nameLint = lintReply(draft.practiceName);
  const sample = defaultTemplate(library, draft.language, 'conversation', 'facebook');
  const preview = sample && composeReply(sample, draft, 'facebook', SAMPLE_PAGE_NAME);

  return (
    <form class="settings-form" data-testid="settings-form" onSubmit={save} aria-labelledby="practice-heading" noValidate>
      <div class="fields">
        {FIELDS.map(({ field, label, hint, testId, type, placeholder }) => (
          <label key={field}>
            {label}
            <input
              type={type}
              data-testid={testId}
              value={draft[field]}
              placeholder={placeholder}
              aria-invalid={errors[field] ? 'true' : undefined}
              aria-describedby={`${field}-note`}
              onInput={(e) => set(field, e.currentTarget.value)}
            />
            <span id={`${field}-note`} class={errors[field] ? 'field-note warn' : 'field-note muted'} data-testid={errors[field] ? `${testId}-error` : undefined}>
              {errors[field] ?? hint}
            </span>
          </label>
        ))}
        <label>
          Region
          <select data-testid="settings-region" value={draft.region} onChange={(e) => set('region', e.currentTarget.value as RegionId)}>
            {REGION_IDS.map((id) => (
              <option key={id} value={id}>
                {REGIONS[id].label}
              </option>
            ))}
          </select>
          <span class="field-note muted">Decides the crisis line the replies name.</span>
        </label>
        <label>
          Crisis line
          <input
            data-testid="settings-crisis-line"
            value={draft.crisisLine}
            placeholder={regionLine}
            aria-describedby="crisis-note"
            onInput={(e) => set('crisisLine', e.currentTarget.value)}
          />
          <span id="crisis-note" class={errors.crisisLine ? 'field-note warn' : 'field-note muted'}>
            {errors.crisisLine ?? `Blank: replies say “contact ${regionLine}”. Write your own to change it, in words that follow “contact”.`}
          </span>
        </label>
        <label>
          Language of replies
          <select data-testid="settings-language" value={draft.language} onChange={(e) => set('language', e.currentTarget.value as ReplyLanguage)}>
            {REPLY_LANGUAGES.map((language) => (
              <option key={language} value={language}>
                {LANGUAGE_NAMES[language]}
              </option>
            ))}
          </select>
          <span class="field-note muted">The replies offered first in the popup.</span>
        </label>
      </div>
      <LintWarning
        lint={nameLint}
        testId="settings-practice-lint"
        lead="Every reply that signs with this name will be flagged and need a second click:"
      />
      {preview && (
        <div class="preview">
          <div class="muted">The default conversation reply with these details:</div>
          <pre class="reply-text" data-testid="settings-preview">
            {preview.text}
          </pre>
        </div>
      )}
      <div class="row">
        <button class="primary" type="submit" data-testid="settings-save" disabled={invalid || !changed}>
          Save settings
        </button>
        {changed && (
          <button type="button" data-testid="settings-revert" onClick={() => setDraft(settings)}>
            Undo changes
          </button>
        )}
        <span role="status" data-testid="settings-status" data-state={status.state} class={status.state === 'error' ? 'warn' : 'ok'}>
          {status.state === 'saved' ? 'Saved.' : status.state === 'error' ? `Not saved: ${status.message}` : ''}
        </span>
      </div>
    </form>
  );
}
