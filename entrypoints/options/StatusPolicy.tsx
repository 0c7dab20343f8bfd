import { useEffect, useState } from 'preact/hooks';
import { database } from '@/lib/db';
import { t, type MessageKey } from '@/lib/i18n/t';
import {
  defaultStatusPolicy,
  EDITABLE_GROUPS,
  MAX_STRANGER_YEARS,
  MESSAGE_ADVICE,
  MIN_STRANGER_YEARS,
  REQUEST_ADVICE,
  resolveStatusPolicy,
  type EditableGroup,
  type GroupAdvice,
  type MessageAdvice,
  type RequestAdvice,
  type StatusPolicy,
  type StatusPolicyChoices,
} from '@/lib/policy/status-policy';
import type { PolicyChoices } from '@/lib/practice-policy/choices';
import { loadPolicyVersions } from '@/lib/practice-policy/store';
import { loadStatusChoices, saveStatusChoices } from '@/lib/settings/status-policy';

const GROUP_NAMES: Record<EditableGroup | 'minor', MessageKey> = {
  enquiry: 'status_policy_group_enquiry',
  waitlist: 'status_policy_group_waitlist',
  current: 'status_policy_group_current',
  former: 'status_policy_group_former',
  related: 'status_policy_group_related',
  minor: 'status_policy_group_minor',
};

/** Only a current client has a next session; for everyone else "pending" and "no reply" are notes for the record. */
const forSession = (group: EditableGroup) => group === 'current';

function requestWords(advice: RequestAdvice, group: EditableGroup): string {
  if (advice === 'pending') return t(forSession(group) ? 'status_policy_request_pending_session' : 'status_policy_request_pending_record');
  return t(advice === 'answer' ? 'status_policy_request_answer' : 'status_policy_request_decline');
}

function messageWords(advice: MessageAdvice, group: EditableGroup): string {
  if (advice === 'redirect') return t('status_policy_message_redirect');
  return t(forSession(group) ? 'status_policy_message_none_session' : 'status_policy_message_none_record');
}

interface Form {
  groups: Record<EditableGroup, GroupAdvice>;
  cutOff: boolean;
  years: number;
}

const formOf = (policy: StatusPolicy, written: StatusPolicy): Form => ({
  groups: Object.fromEntries(EDITABLE_GROUPS.map((g) => [g, { ...policy.groups[g] }])) as Form['groups'],
  cutOff: policy.strangerAfterYears !== null,
  years: policy.strangerAfterYears ?? written.strangerAfterYears ?? 2,
});

/**
 * What is stored: only what differs from the written policy's defaults, so that whatever the
 * practice leaves alone here goes on following its written policy when that changes.
 */
function choicesOf(form: Form, written: StatusPolicy): StatusPolicyChoices {
  const groups: StatusPolicyChoices['groups'] = {};
  for (const group of EDITABLE_GROUPS) {
    const { request, message } = form.groups[group];
    const base = written.groups[group];
    const changed: Partial<GroupAdvice> = { ...(request !== base.request && { request }), ...(message !== base.message && { message }) };
    if (Object.keys(changed).length > 0) groups[group] = changed;
  }
  const years = form.cutOff ? form.years : null;
  return { groups, ...(years !== written.strangerAfterYears && { strangerAfterYears: years }) };
}

/**
 * The options page's view of the per-status policy: for each status, for related people and for
 * young people, what the popup suggests for a request and for a message, and the years after which
 * former clients are treated as strangers. One section, self-contained.
 */
export function StatusPolicySection() {
  const [written, setWritten] = useState<{ choices?: PolicyChoices; defaults: StatusPolicy } | null>(null);
  const [form, setForm] = useState<Form | null>(null);
  const [status, setStatus] = useState('');

  useEffect(() => {
    void Promise.all([loadStatusChoices(database()), loadPolicyVersions(database())]).then(([chosen, versions]) => {
      const choices = versions[versions.length - 1]?.choices;
      const defaults = defaultStatusPolicy(choices);
      setWritten({ ...(choices && { choices }), defaults });
      setForm(formOf(resolveStatusPolicy(chosen, choices), defaults));
    });
  }, []);

  const setGroup = (group: EditableGroup, patch: Partial<GroupAdvice>) => {
    setStatus('');
    setForm((f) => f && { ...f, groups: { ...f.groups, [group]: { ...f.groups[group], ...patch } } });
  };
  const save = async () => {
    if (!form || !written) return;
    // Who counts as a stranger may have changed: the background hears the write and matches open tabs again.
    await saveStatusChoices(database(), choicesOf(form, written.defaults));
    setStatus(t('status_policy_saved'));
  };
  const followWritten = async () => {
    if (!written) return;
    await saveStatusChoices(database(), { groups: {} });
    setForm(formOf(written.defaults, written.defaults));
    setStatus(t('status_policy_reset_done'));
  };

  return (
    <section id="status-policy" class="card" aria-labelledby="status-policy-heading" data-testid="status-policy-view">
      <h2 id="status-policy-heading">{t('status_policy_heading')}</h2>
      <p class="muted">{t(written?.choices ? 'status_policy_intro_written' : 'status_policy_intro')}</p>
      {!form ? (
        <p class="muted">{t('common_loading')}</p>
      ) : (
        <>
          <div class="table-wrap">
            <table class="defaults status-policy">
              <thead>
                <tr>
                  <th scope="col">{t('status_policy_col_who')}</th>
                  <th scope="col">{t('status_policy_col_request')}</th>
                  <th scope="col">{t('status_policy_col_message')}</th>
                </tr>
              </thead>
              <tbody>
                {EDITABLE_GROUPS.map((group) => (
                  <tr key={group} data-testid={`status-policy-row-${group}`}>
                    <th scope="row">{t(GROUP_NAMES[group])}</th>
                    <td>
                      <select
                        data-testid={`status-policy-${group}-request`}
                        aria-label={t('status_policy_request_for', t(GROUP_NAMES[group]))}
                        value={form.groups[group].request}
                        onChange={(e) => setGroup(group, { request: (e.target as HTMLSelectElement).value as RequestAdvice })}
                      >
                        {REQUEST_ADVICE.map((advice) => (
                          <option key={advice} value={advice}>
                            {requestWords(advice, group)}
                          </option>
                        ))}
                      </select>
                    </td>
                    <td>
                      <select
                        data-testid={`status-policy-${group}-message`}
                        aria-label={t('status_policy_message_for', t(GROUP_NAMES[group]))}
                        value={form.groups[group].message}
                        onChange={(e) => setGroup(group, { message: (e.target as HTMLSelectElement).value as MessageAdvice })}
                      >
                        {MESSAGE_ADVICE.map((advice) => (
                          <option key={advice} value={advice}>
                            {messageWords(advice, group)}
                          </option>
                        ))}
                      </select>
                    </td>
                  </tr>
                ))}
                <tr data-testid="status-policy-row-minor">
                  <th scope="row">{t(GROUP_NAMES.minor)}</th>
                  <td>{t('status_policy_request_decline')}</td>
                  <td>{t('status_policy_minor_message')}</td>
                </tr>
              </tbody>
            </table>
          </div>
          <p class="muted">{t('status_policy_minor_why')}</p>
          <fieldset class="cutoff">
            <legend>{t('status_policy_cutoff_legend')}</legend>
            <label>
              <input
                type="checkbox"
                data-testid="status-policy-cutoff"
                checked={form.cutOff}
                onChange={(e) => {
                  setStatus('');
                  setForm({ ...form, cutOff: (e.target as HTMLInputElement).checked });
                }}
              />
              {t('status_policy_cutoff_label')}
            </label>
            <label>
              {t('status_policy_cutoff_years')}
              <input
                type="number"
                data-testid="status-policy-years"
                min={MIN_STRANGER_YEARS}
                max={MAX_STRANGER_YEARS}
                value={form.years}
                disabled={!form.cutOff}
                onInput={(e) => {
                  const years = Math.round(Number((e.target as HTMLInputElement).value));
                  setStatus('');
                  if (years >= MIN_STRANGER_YEARS && years <= MAX_STRANGER_YEARS) setForm({ ...form, years });
                }}
              />
            </label>
            <p class="muted">{t('status_policy_cutoff_hint')}</p>
          </fieldset>
          <div class="actions">
            <button class="primary" data-testid="status-policy-save" onClick={() => void save()}>
              {t('status_policy_save')}
            </button>
            <button data-testid="status-policy-reset" onClick={() => void followWritten()}>
              {t('status_policy_reset')}
            </button>
            <span role="status" data-testid="status-policy-status">
              {status}
            </span>
          </div>
        </>
      )}
    </section>
  );
}
