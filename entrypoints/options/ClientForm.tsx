import { useState } from 'preact/hooks';
import { StaleEditError, type EditField } from '@/lib/clients/edit-merge';
import { cleanDraft, clientLimitProblems } from '@/lib/clients/limits';
import type { Client, ClientDraft, ClientStatus } from '@/lib/clients/model';
import { say, t } from '@/lib/i18n/t';
import { identityLabel, identityUrl, parseIdentityList } from '@/lib/identity';
import { PLATFORMS, type Platform } from '@/lib/identity/platform';
import { siteName } from '@/lib/policy/suggestions';

const splitAliases = (text: string) => text.split(';').map((a) => a.trim()).filter(Boolean);
const statusLabel = (status: ClientStatus) => t(status === 'current' ? 'client_status_current' : 'client_status_former');
/** A field of the record, as the form labels it. */
export function fieldLabel(field: EditField): string {
  if (field === 'name') return t('common_name');
  if (field === 'status') return t('client_status');
  if (field === 'aliases') return t('client_aliases_short');
  return siteName(field);
}

interface Fields {
  name: string;
  status: ClientStatus;
  aliases: string;
  profiles: Record<Platform, string>;
}
const fieldsOf = (client?: Client): Fields => ({
  name: client?.name ?? '',
  status: client?.status ?? 'current',
  aliases: client?.aliases.join('; ') ?? '',
  profiles: Object.fromEntries(PLATFORMS.map((p) => [p, (client?.identities[p] ?? []).map((id) => identityUrl(p, id)).join('; ')])) as Record<
    Platform,
    string
  >,
});

/**
 * Add or edit one client; each profile field shows what it was read as, or why it was refused.
 * An edit remembers the record it started from (`base`), so a save over a record changed
 * elsewhere meanwhile is merged with that change or, when both changed the same thing, stopped
 * with both shown (lib/clients/edit-merge.ts).
 */
export function ClientForm({
  initial,
  onSave,
  onCancel,
}: {
  initial?: Client;
  onSave: (draft: ClientDraft, base: Client | undefined) => Promise<void>;
  onCancel: () => void;
}) {
  const [form, setForm] = useState<Fields>(() => fieldsOf(initial));
  const [base, setBase] = useState(initial);
  const [stale, setStale] = useState<StaleEditError | null>(null);
  const [error, setError] = useState('');
  const set = (patch: Partial<Fields>) => setForm((f) => ({ ...f, ...patch }));

  const parsed = Object.fromEntries(PLATFORMS.map((p) => [p, parseIdentityList(p, form.profiles[p])])) as Record<
    Platform,
    ReturnType<typeof parseIdentityList>
  >;
  const { draft, cleaned } = cleanDraft({
    name: form.name,
    status: form.status,
    aliases: splitAliases(form.aliases),
    identities: Object.fromEntries(PLATFORMS.map((p) => [p, parsed[p].identities])) as ClientDraft['identities'],
  });
  const limits = clientLimitProblems(draft);
  const invalid = !draft.name || limits.length > 0 || PLATFORMS.some((p) => parsed[p].errors.length > 0);

  const save = async (over: Client | undefined) => {
    setError('');
    setStale(null);
    try {
      await onSave(draft, over);
    } catch (e) {
      if (e instanceof StaleEditError) setStale(e);
      else setError(e instanceof Error ? e.message : String(e));
    }
  };
  const submit = (event: Event) => {
    event.preventDefault();
    if (!invalid) void save(base);
  };
  /** Mine over theirs: the save starts again from the record as it is now, keeping what is typed. */
  const keepMine = (current: Client) => {
    setBase(current);
    void save(current);
  };
  const takeTheirs = (current: Client) => {
    setBase(current);
    setForm(fieldsOf(current));
    setStale(null);
  };

  // autocomplete="off": Chrome keeps the values of ordinary form fields in its session-restore
  // files on disk (to refill the form after a restart), which would put a client's name there
  // even with the passphrase vault on. Fields marked off are left out, and never autofilled.
  return (
    <form class="client-form card" data-testid="client-form" onSubmit={submit} autocomplete="off" aria-label={t(initial ? 'client_form_edit' : 'clients_add')}>
      <label>
        {t('common_name')}
        <input data-testid="client-name" autocomplete="off" required value={form.name} onInput={(e) => set({ name: e.currentTarget.value })} />
      </label>
      {cleaned.length > 0 && (
        <p class="field-note warn" data-testid="client-cleaned" aria-live="polite">
          {t('client_invisible_removed', cleaned.map((f) => fieldLabel(f)).join(', '))}
        </p>
      )}
      {limits.length > 0 && (
        <ul class="field-note" data-testid="client-limits" aria-live="polite">
          {limits.map((problem) => (
            <li key={problem} class="warn">
              {problem}
            </li>
          ))}
        </ul>
      )}
      <label>
        {t('client_status')}
        <select data-testid="client-status" value={form.status} onChange={(e) => set({ status: e.currentTarget.value as ClientStatus })}>
          <option value="current">{t('client_status_current')}</option>
          <option value="former">{t('client_status_former')}</option>
        </select>
      </label>
      <label>
        {t('client_aliases')}
        <input data-testid="client-aliases" autocomplete="off" value={form.aliases} onInput={(e) => set({ aliases: e.currentTarget.value })} />
      </label>
      {PLATFORMS.map((platform) => (
        <div key={platform}>
          <label>
            {t('client_profiles_field', siteName(platform))}
            <input
              data-testid={`client-${platform}`}
              autocomplete="off"
              value={form.profiles[platform]}
              onInput={(e) => set({ profiles: { ...form.profiles, [platform]: e.currentTarget.value } })}
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
      {stale && <StaleNotice stale={stale} onKeepMine={() => keepMine(stale.current)} onTakeTheirs={() => takeTheirs(stale.current)} />}
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

/** A save stopped because the record was changed elsewhere in the same places: both sides, and a choice. */
function StaleNotice({ stale, onKeepMine, onTakeTheirs }: { stale: StaleEditError; onKeepMine: () => void; onTakeTheirs: () => void }) {
  const others = stale.theirs.filter((field) => !stale.conflicts.some((c) => c.field === field));
  return (
    <div role="alert" class="warn conflict" data-testid="client-conflict">
      <p>{t('client_conflict_lead')}</p>
      <ul>
        {stale.conflicts.map((c) => (
          <li key={c.field} data-testid="client-conflict-field" data-field={c.field}>
            {c.field === 'name'
              ? t('client_conflict_value', fieldLabel('name'), c.mine, c.theirs)
              : t('client_conflict_value', fieldLabel('status'), statusLabel(c.mine), statusLabel(c.theirs))}
          </li>
        ))}
      </ul>
      {others.length > 0 && <p>{t('client_conflict_also', others.map((f) => fieldLabel(f)).join(', '))}</p>}
      <div class="row">
        <button type="button" data-testid="client-conflict-keep-mine" onClick={onKeepMine}>
          {t('client_conflict_keep_mine')}
        </button>
        <button type="button" data-testid="client-conflict-take-theirs" onClick={onTakeTheirs}>
          {t('client_conflict_take_theirs')}
        </button>
      </div>
    </div>
  );
}
