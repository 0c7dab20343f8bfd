import { useState } from 'preact/hooks';
import type { Client, ClientDraft, ClientStatus } from '@/lib/clients/model';
import { say, t } from '@/lib/i18n/t';
import { identityLabel, identityUrl, parseIdentityList } from '@/lib/identity';
import { PLATFORMS, type Platform } from '@/lib/identity/platform';
import { siteName } from '@/lib/policy/suggestions';

const splitAliases = (text: string) => [...new Set(text.split(';').map((a) => a.trim()).filter(Boolean))];

/** Add or edit one client; each profile field shows what it was read as, or why it was refused. */
export function ClientForm({
  initial,
  onSave,
  onCancel,
}: {
  initial?: Client;
  onSave: (draft: ClientDraft) => Promise<void>;
  onCancel: () => void;
}) {
  const [name, setName] = useState(initial?.name ?? '');
  const [status, setStatus] = useState<ClientStatus>(initial?.status ?? 'current');
  const [aliases, setAliases] = useState(initial?.aliases.join('; ') ?? '');
  const [fields, setFields] = useState<Record<Platform, string>>(() =>
    Object.fromEntries(PLATFORMS.map((p) => [p, (initial?.identities[p] ?? []).map((id) => identityUrl(p, id)).join('; ')])) as Record<
      Platform,
      string
    >,
  );
  const [error, setError] = useState('');

  const parsed = Object.fromEntries(PLATFORMS.map((p) => [p, parseIdentityList(p, fields[p])])) as Record<
    Platform,
    ReturnType<typeof parseIdentityList>
  >;
  const invalid = !name.trim() || PLATFORMS.some((p) => parsed[p].errors.length > 0);

  const submit = async (event: Event) => {
    event.preventDefault();
    if (invalid) return;
    try {
      await onSave({
        name: name.trim(),
        status,
        aliases: splitAliases(aliases),
        identities: Object.fromEntries(PLATFORMS.map((p) => [p, parsed[p].identities])) as ClientDraft['identities'],
      });
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
    }
  };

  // autocomplete="off": Chrome keeps the values of ordinary form fields in its session-restore
  // files on disk (to refill the form after a restart), which would put a client's name there
  // even with the passphrase vault on. Fields marked off are left out, and never autofilled.
  return (
    <form class="client-form card" data-testid="client-form" onSubmit={submit} autocomplete="off" aria-label={t(initial ? 'client_form_edit' : 'clients_add')}>
      <label>
        {t('common_name')}
        <input data-testid="client-name" autocomplete="off" required value={name} onInput={(e) => setName(e.currentTarget.value)} />
      </label>
      <label>
        {t('client_status')}
        <select data-testid="client-status" value={status} onChange={(e) => setStatus(e.currentTarget.value as ClientStatus)}>
          <option value="current">{t('client_status_current')}</option>
          <option value="former">{t('client_status_former')}</option>
        </select>
      </label>
      <label>
        {t('client_aliases')}
        <input data-testid="client-aliases" autocomplete="off" value={aliases} onInput={(e) => setAliases(e.currentTarget.value)} />
      </label>
      {PLATFORMS.map((platform) => (
        <div key={platform}>
          <label>
            {t('client_profiles_field', siteName(platform))}
            <input
              data-testid={`client-${platform}`}
              autocomplete="off"
              value={fields[platform]}
              onInput={(e) => setFields({ ...fields, [platform]: e.currentTarget.value })}
              aria-describedby={`${platform}-note`}
            />
          </label>
          <ul class="field-note" id={`${platform}-note`} data-testid={`client-${platform}-note`} aria-live="polite">
            {parsed[platform].identities.map((id) => (
              <li key={id} class="ok">
                {t('client_read_as', identityLabel(platform, id))}
              </li>
            ))}
            {parsed[platform].errors.map((e) => (
              <li key={e.input} class="warn">
                {t('input_refused', e.input, say(e.reason))}
              </li>
            ))}
          </ul>
        </div>
      ))}
      {error && <p class="warn">{error}</p>}
      <div class="row">
        <button class="primary" type="submit" data-testid="save-client" disabled={invalid}>
          {t('common_save')}
        </button>
        <button type="button" onClick={onCancel}>
          {t('common_cancel')}
        </button>
      </div>
    </form>
  );
}
