import { useEffect, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { PolicyText } from '@/components/PolicyText';
import { saveFile } from '@/components/save-file';
import { PLATFORMS } from '@/lib/identity/platform';
import { t, type MessageKey } from '@/lib/i18n/t';
import {
  CHOICE_OPTIONS,
  DEFAULT_CHOICES,
  MAX_COMPLAINTS_BODY,
  MAX_FORMER_YEARS,
  MIN_FORMER_YEARS,
  normaliseChoices,
  type ChoiceChange,
  type ChoiceKey,
  type OptionChoice,
  type PolicyChoices,
} from '@/lib/practice-policy/choices';
import { exportFileName, exportText, printPath } from '@/lib/practice-policy/export';
import { generatedText } from '@/lib/practice-policy/generate';
import { database } from '@/lib/db';
import { loadPolicyVersions, savePolicyVersion } from '@/lib/practice-policy/store';
import { sameAsVersion, type PolicyDraft, type PolicyVersion } from '@/lib/practice-policy/versions';
import { SITE_NAMES } from '@/lib/practice-policy/wording';
import { LANGUAGE_NAMES, REPLY_LANGUAGES, type PracticeSettings, type ReplyLanguage } from '@/lib/settings/practice';
import './policy-writer.css';

/** Each choice's name, as the form's legend and the version history say it. */
const CHOICE_NAMES: Record<ChoiceKey, MessageKey> = {
  sites: 'policy_choice_sites',
  otherSites: 'policy_choice_other_sites',
  requestReply: 'policy_choice_request_reply',
  formerClients: 'policy_choice_former',
  formerYears: 'policy_choice_former_years',
  publicPage: 'policy_choice_public_page',
  messages: 'policy_choice_messages',
  searches: 'policy_choice_searches',
  reviewsWhileWorking: 'policy_choice_reviews',
  complaintsBody: 'policy_choice_complaints',
  endorsements: 'policy_choice_endorsements',
  checkIns: 'policy_choice_check_ins',
  changes: 'policy_choice_changes',
};

const OPTION_NAMES: { [K in OptionChoice]: Record<(typeof CHOICE_OPTIONS)[K][number], MessageKey> } = {
  requestReply: { quiet: 'policy_request_reply_quiet', note: 'policy_request_reply_note' },
  formerClients: { never: 'policy_former_never', 'after-years': 'policy_former_after_years' },
  messages: { redirect: 'policy_messages_redirect', 'no-reply': 'policy_messages_no_reply' },
  searches: { crisis: 'policy_searches_crisis', never: 'policy_searches_never' },
  reviewsWhileWorking: { 'ask-not': 'policy_reviews_ask_not', free: 'policy_reviews_free' },
  endorsements: { 'never-ask': 'policy_endorsements_never_ask', decline: 'policy_endorsements_decline' },
  checkIns: { warn: 'policy_check_ins_warn', 'ask-not': 'policy_check_ins_ask_not' },
  changes: { writing: 'policy_changes_writing', website: 'policy_changes_website', session: 'policy_changes_session' },
};

/** Hints under the choices whose value also changes what Boundary itself suggests. */
const OPTION_HINTS: Partial<Record<OptionChoice, MessageKey>> = {
  requestReply: 'policy_request_reply_hint',
  messages: 'policy_messages_hint',
};

/** A choice's value as the version history shows it. */
function valueName(key: ChoiceKey, value: unknown): string {
  if (key === 'sites') {
    const sites = value as PolicyChoices['sites'];
    return sites.length ? sites.map((site) => SITE_NAMES[site]).join(', ') : t('policy_value_none');
  }
  if (typeof value === 'boolean') return t(value ? 'policy_value_yes' : 'policy_value_no');
  if (typeof value === 'number') return String(value);
  if (key === 'complaintsBody') return value ? `“${String(value)}”` : t('policy_value_blank');
  const names = OPTION_NAMES[key as OptionChoice] as Record<string, MessageKey>;
  return t(names[String(value)]!);
}

const languageList = (languages: readonly ReplyLanguage[]) => languages.map((language) => t(LANGUAGE_NAMES[language])).join(', ');
const when = (at: number) => new Date(at).toLocaleString(t('page_lang'), { dateStyle: 'long', timeStyle: 'short' });

type Edits = Record<ReplyLanguage, string | null>;
const NO_EDITS: Edits = { en: null, es: null };

/**
 * The practice's own social-media policy: its choices, the text Boundary writes from them (which
 * the clinician may edit), saved versions with what changed, and their exports.
 */
export function PolicyWriter({ settings }: { settings: PracticeSettings }) {
  const [versions, setVersions] = useState<PolicyVersion[] | null>(null);
  const [choices, setChoices] = useState<PolicyChoices>({ ...DEFAULT_CHOICES });
  const [language, setLanguage] = useState<ReplyLanguage>(settings.language);
  /** Text typed by hand per language; null while it follows Boundary's own. */
  const [edits, setEdits] = useState<Edits>(NO_EDITS);
  const [status, setStatus] = useState<{ state: 'idle' | 'saved' | 'error'; message?: string }>({ state: 'idle' });

  useEffect(() => {
    void loadPolicyVersions(database()).then((loaded) => {
      setVersions(loaded);
      const last = loaded[loaded.length - 1];
      if (!last) return;
      // Carry on from the last version: its choices, and its text where it was edited by hand.
      setChoices(last.choices);
      setEdits({ en: last.edited.includes('en') ? last.texts.en : null, es: last.edited.includes('es') ? last.texts.es : null });
    });
  }, []);

  const generated = { en: generatedText(choices, settings, 'en'), es: generatedText(choices, settings, 'es') };
  const texts = { en: edits.en ?? generated.en, es: edits.es ?? generated.es };
  const draft: PolicyDraft = { choices, texts, generated };
  const last = versions?.[versions.length - 1];
  const unchanged = sameAsVersion(last, draft);

  const choose = (next: Partial<PolicyChoices>) => {
    setChoices(normaliseChoices({ ...choices, ...next }));
    setStatus({ state: 'idle' });
  };
  const edit = (text: string) => {
    setEdits({ ...edits, [language]: text === generated[language] ? null : text });
    setStatus({ state: 'idle' });
  };

  const save = async () => {
    try {
      const saved = await savePolicyVersion(database(), draft);
      setVersions(saved);
      // A new version can move the status policy's cut-off for former clients: the background hears the write and matches open tabs again.
      setStatus({ state: 'saved', message: String(saved[saved.length - 1]!.number) });
    } catch (error) {
      setStatus({ state: 'error', message: error instanceof Error ? error.message : String(error) });
    }
  };

  const radios = <K extends OptionChoice>(key: K) => (
    <fieldset data-testid={`policy-choice-${key}`}>
      <legend>{t(CHOICE_NAMES[key])}</legend>
      {(CHOICE_OPTIONS[key] as readonly string[]).map((value) => (
        <label class="check" key={String(value)}>
          <input
            type="radio"
            name={`policy-${key}`}
            value={String(value)}
            data-testid={`policy-${key}-${String(value)}`}
            checked={choices[key] === value}
            onChange={() => choose({ [key]: value } as Partial<PolicyChoices>)}
          />
          {t((OPTION_NAMES[key] as Record<string, MessageKey>)[String(value)]!)}
        </label>
      ))}
      {key === 'formerClients' && choices.formerClients === 'after-years' && (
        <label class="inline">
          {t('policy_choice_former_years')}
          <input
            type="number"
            min={MIN_FORMER_YEARS}
            max={MAX_FORMER_YEARS}
            data-testid="policy-formerYears"
            value={choices.formerYears}
            onInput={(e) => choose({ formerYears: Number(e.currentTarget.value) })}
          />
        </label>
      )}
      {OPTION_HINTS[key] && <p class="field-note muted">{t(OPTION_HINTS[key]!)}</p>}
    </fieldset>
  );

  if (versions === null) return <p class="muted">{t('common_loading')}</p>;

  return (
    <div class="policy-writer" data-testid="policy-writer">
      <h3>{t('policy_choices_heading')}</h3>
      <div class="policy-choices" data-testid="policy-choices">
        <fieldset data-testid="policy-choice-sites">
          <legend>{t('policy_choice_sites')}</legend>
          {PLATFORMS.map((site) => (
            <label class="check" key={site}>
              <input
                type="checkbox"
                data-testid={`policy-site-${site}`}
                checked={choices.sites.includes(site)}
                onChange={(e) => choose({ sites: e.currentTarget.checked ? [...choices.sites, site] : choices.sites.filter((s) => s !== site) })}
              />
              {SITE_NAMES[site]}
            </label>
          ))}
          <label class="check">
            <input type="checkbox" data-testid="policy-otherSites" checked={choices.otherSites} onChange={(e) => choose({ otherSites: e.currentTarget.checked })} />
            {t('policy_choice_other_sites')}
          </label>
        </fieldset>
        {radios('requestReply')}
        {radios('formerClients')}
        <label class="check">
          <input type="checkbox" data-testid="policy-publicPage" checked={choices.publicPage} onChange={(e) => choose({ publicPage: e.currentTarget.checked })} />
          {t('policy_choice_public_page')}
        </label>
        {radios('messages')}
        {radios('searches')}
        {radios('reviewsWhileWorking')}
        <label>
          {t('policy_choice_complaints')}
          <input
            data-testid="policy-complaintsBody"
            value={choices.complaintsBody}
            maxLength={MAX_COMPLAINTS_BODY}
            aria-describedby="policy-complaints-note"
            onChange={(e) => choose({ complaintsBody: e.currentTarget.value })}
          />
          <span id="policy-complaints-note" class="field-note muted">
            {t('policy_complaints_hint')}
          </span>
        </label>
        {radios('endorsements')}
        {radios('checkIns')}
        {radios('changes')}
      </div>

      <label class="inline">
        {t('policy_language')}
        <select data-testid="policy-language" value={language} onChange={(e) => setLanguage(e.currentTarget.value as ReplyLanguage)}>
          {REPLY_LANGUAGES.map((l) => (
            <option key={l} value={l}>
              {t(LANGUAGE_NAMES[l])}
            </option>
          ))}
        </select>
      </label>
      <div class="policy-editor">
        <label>
          {t('policy_text_label')}
          <textarea data-testid="policy-text" rows={18} lang={language} value={texts[language]} aria-describedby="policy-text-note" onInput={(e) => edit(e.currentTarget.value)} />
          <span id="policy-text-note" class="field-note muted">
            {t('policy_text_hint')}
          </span>
        </label>
        <div>
          <div class="muted" id="policy-preview-label">
            {t('policy_preview')}
          </div>
          <article class="policy-document" data-testid="policy-preview" lang={language} tabIndex={0} aria-labelledby="policy-preview-label">
            <PolicyText text={texts[language]} titleLevel={2} />
          </article>
        </div>
      </div>
      {edits[language] !== null && (
        <p class="row" data-testid="policy-edited">
          <span>{t('policy_text_edited')}</span>
          <button type="button" data-testid="policy-use-generated" onClick={() => setEdits({ ...edits, [language]: null })}>
            {t('policy_use_generated')}
          </button>
        </p>
      )}
      <div class="row">
        <button class="primary" type="button" data-testid="policy-save" disabled={unchanged} onClick={() => void save()}>
          {t('policy_save')}
        </button>
        <span role="status" data-testid="policy-status" data-state={status.state} class={status.state === 'error' ? 'warn' : 'ok'}>
          {status.state === 'saved' ? t('policy_saved', status.message ?? '') : status.state === 'error' ? t('policy_not_saved', status.message ?? '') : ''}
        </span>
        {unchanged && status.state === 'idle' && <span class="muted">{t('policy_unchanged')}</span>}
      </div>

      <h3>{t('policy_history_heading')}</h3>
      {versions.length === 0 ? (
        <p class="muted" data-testid="policy-history-empty">
          {t('policy_history_empty')}
        </p>
      ) : (
        <ol class="policy-history" data-testid="policy-history" reversed>
          {[...versions].reverse().map((version) => (
            <VersionItem key={version.number} version={version} language={language} />
          ))}
        </ol>
      )}
    </div>
  );
}

function VersionItem({ version, language }: { version: PolicyVersion; language: ReplyLanguage }) {
  const languageName = t(LANGUAGE_NAMES[language]);
  return (
    <li data-testid="policy-version" data-number={version.number} data-edited={version.edited.join(' ')}>
      <strong>{t('policy_version_title', version.number, when(version.savedAt))}</strong>
      {version.number === 1 ? (
        <div>{t('policy_version_first')}</div>
      ) : version.changes.length === 0 ? (
        <div data-testid="policy-version-same">{t('policy_version_same_choices')}</div>
      ) : (
        <div>
          {t('policy_version_changed')}
          <ul>
            {version.changes.map((change: ChoiceChange) => (
              <li key={change.key} data-testid="policy-version-change" data-choice={change.key}>
                {t('policy_change_line', t(CHOICE_NAMES[change.key]), valueName(change.key, change.from), valueName(change.key, change.to))}
              </li>
            ))}
          </ul>
        </div>
      )}
      {version.textChanged.length > 0 && <div data-testid="policy-version-text-changed">{t('policy_version_text_changed', languageList(version.textChanged))}</div>}
      {version.edited.length > 0 && <div data-testid="policy-version-edited">{t('policy_version_edited', languageList(version.edited))}</div>}
      <div class="row">
        <a class="button" data-testid="policy-print" href={browser.runtime.getURL(printPath(version, language))} target="_blank" rel="noreferrer">
          {t('policy_print_link', languageName)}
        </a>
        <button type="button" data-testid="policy-download" onClick={() => saveFile(exportFileName(version, language), exportText(version, language), 'text/plain;charset=utf-8')}>
          {t('policy_download', languageName)}
        </button>
      </div>
    </li>
  );
}
