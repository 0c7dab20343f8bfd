import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import { StaleEditError, type Conflict, type EditField } from '@/lib/clients/edit-merge';
import { cleanDraft, clientLimitProblems } from '@/lib/clients/limits';
import { CLIENT_STATUSES, RELATIONSHIPS, type Client, type ClientDraft, type ClientStatus, type Relationship } from '@/lib/clients/model';
import { isRelated } from '@/lib/clients/record';
import { relationProblems } from '@/lib/clients/relations';
import { say, t } from '@/lib/i18n/t';
import { foldedNote, identityLabel, identityUrl, parseIdentityList } from '@/lib/identity';
import { PLATFORMS, type Platform } from '@/lib/identity/platform';
import { siteName } from '@/lib/policy/suggestions';
import { relationshipLabel, statusLabel } from '@/components/client-words';

const splitAliases = (text: string) => text.split(';').map((a) => a.trim()).filter(Boolean);
/** A field of the record, as the form labels it. */
export function fieldLabel(field: EditField): string {
  switch (field) {
    case 'name':
      return t('common_name');
    case 'status':
      return t('client_status');
    case 'aliases':
      return t('client_aliases_short');
    case 'startDate':
      return t('client_field_start_date');
    case 'endDate':
      return t('client_field_end_date');
    case 'minor':
      return t('client_field_minor');
    case 'safety':
      return t('client_field_safety');
    case 'related':
      return t('client_field_related');
    default:
      return siteName(field);
  }
}

interface Fields {
  name: string;
  status: ClientStatus;
  startDate: string;
  endDate: string;
  minor: boolean;
  safety: boolean;
  /** The client's id as the select holds it; '' for none. */
  relatedTo: string;
  relationship: Relationship | '';
  aliases: string;
  profiles: Record<Platform, string>;
}
const fieldsOf = (client?: Client): Fields => ({
  name: client?.name ?? '',
  status: client?.status ?? 'current',
  startDate: client?.startDate ?? '',
  endDate: client?.endDate ?? '',
  minor: client?.minor === true,
  safety: client?.safety === true,
  relatedTo: client?.relatedTo === undefined ? '' : String(client.relatedTo),
  relationship: client?.relationship ?? '',
  aliases: client?.aliases.join('; ') ?? '',
  profiles: Object.fromEntries(PLATFORMS.map((p) => [p, (client?.identities[p] ?? []).map((id) => identityUrl(p, id)).join('; ')])) as Record<
    Platform,
    string
  >,
});

/** One side of a conflict, in words: a name, a status, a date, yes or no, or whom someone is related to. */
function conflictValue(conflict: Conflict, side: 'mine' | 'theirs', clients: readonly Client[]): string {
  switch (conflict.field) {
    case 'name':
      return conflict[side];
    case 'status':
      return statusLabel(conflict[side]);
    case 'startDate':
    case 'endDate':
      return conflict[side] ?? t('client_value_none');
    case 'minor':
    case 'safety':
      return t(conflict[side] ? 'client_value_yes' : 'client_value_no');
    case 'related': {
      const relation = conflict[side];
      if (!relation) return t('client_related_none');
      const name = clients.find((c) => c.id === relation.relatedTo)?.name ?? t('activity_removed_client');
      return t('clients_related_to_as', name, relationshipLabel(relation.relationship));
    }
  }
}

/**
 * Add or edit one client; each profile field shows what it was read as, or why it was refused.
 * An edit remembers the record it started from (`base`), so a save over a record changed
 * elsewhere meanwhile is merged with that change or, when both changed the same thing, stopped
 * with both shown (lib/clients/edit-merge.ts).
 */
export function ClientForm({
  initial,
  clients,
  onSave,
  onCancel,
  autoFocus = false,
}: {
  initial?: Client;
  /** Opened next to its row: the focus goes into the form at once. */
  autoFocus?: boolean;
  /** The whole list: whom this person may be related to. */
  clients: readonly Client[];
  onSave: (draft: ClientDraft, base: Client | undefined) => Promise<void>;
  onCancel: () => void;
}) {
  const [form, setForm] = useState<Fields>(() => fieldsOf(initial));
  const [base, setBase] = useState(initial);
  const [stale, setStale] = useState<StaleEditError | null>(null);
  const [error, setError] = useState('');
  const set = (patch: Partial<Fields>) => setForm((f) => ({ ...f, ...patch }));
  const nameField = useRef<HTMLInputElement>(null);
  useEffect(() => {
    if (!autoFocus) return;
    nameField.current?.focus();
    nameField.current?.scrollIntoView({ block: 'nearest' });
  }, [autoFocus]);

  const parsed = Object.fromEntries(PLATFORMS.map((p) => [p, parseIdentityList(p, form.profiles[p])])) as Record<
    Platform,
    ReturnType<typeof parseIdentityList>
  >;
  const relatedTo = form.relatedTo === '' ? undefined : Number(form.relatedTo);
  const { draft, cleaned } = cleanDraft({
    name: form.name,
    status: form.status,
    aliases: splitAliases(form.aliases),
    identities: Object.fromEntries(PLATFORMS.map((p) => [p, parsed[p].identities])) as ClientDraft['identities'],
    startDate: form.startDate,
    // Only a former client has an end date: the field is shown, and kept, for them alone.
    ...(form.status === 'former' && { endDate: form.endDate }),
    minor: form.minor,
    safety: form.safety,
    ...(relatedTo !== undefined && { relatedTo, ...(form.relationship !== '' && { relationship: form.relationship }) }),
  });
  const limits = [...clientLimitProblems(draft), ...relationProblems(draft, initial?.id, clients)];
  // A related person is related to a client: never to themselves or to another related person.
  // Worked out once per list, not on every key press: a list may hold thousands.
  const clientsToRelate = useMemo(
    () => clients.filter((c) => c.id !== initial?.id && !isRelated(c)).sort((a, b) => a.name.localeCompare(b.name)),
    [clients, initial?.id],
  );
  const hasRelatedPeople = useMemo(() => initial !== undefined && clients.some((c) => c.relatedTo === initial.id), [clients, initial]);
  const invalid = !draft.name || limits.length > 0 || PLATFORMS.some((p) => parsed[p].errors.length > 0);
  // A disabled Save says why beside it: the refused field may be out of view.
  const saveOff = !draft.name
    ? t('client_save_off_name')
    : invalid
      ? t('client_save_off_fields', [...PLATFORMS.filter((p) => parsed[p].errors.length > 0).map(siteName), ...limits].join('; '))
      : '';

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
        <input ref={nameField} data-testid="client-name" autocomplete="off" required value={form.name} onInput={(e) => set({ name: e.currentTarget.value })} />
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
          {CLIENT_STATUSES.map((status) => (
            <option key={status} value={status}>
              {statusLabel(status)}
            </option>
          ))}
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
            {platform === 'facebook' &&
              form.profiles.facebook
                .split(/[;\s]+/)
                .flatMap((part) => {
                  const note = part === '' ? null : foldedNote('facebook', part);
                  return note ? [{ part, note }] : [];
                })
                .map(({ part, note }) => (
                  <li key={`folded-${part}`} class="muted" data-testid="client-facebook-folded">
                    {say(note)}
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
      {/* After the profiles, so that name, status, other names and profiles stay the first stops. */}
      <div class="row fields">
        <label>
          {t('client_start_date')}
          <input type="date" data-testid="client-start-date" autocomplete="off" value={form.startDate} onInput={(e) => set({ startDate: e.currentTarget.value })} />
        </label>
        {form.status === 'former' && (
          <label>
            {t('client_end_date')}
            <input type="date" data-testid="client-end-date" autocomplete="off" value={form.endDate} onInput={(e) => set({ endDate: e.currentTarget.value })} />
          </label>
        )}
      </div>
      <div class="row">
        <label class="check">
          <input type="checkbox" data-testid="client-minor" checked={form.minor} onChange={(e) => set({ minor: e.currentTarget.checked })} aria-describedby="minor-note" />
          {t('client_minor')}
        </label>
        <span id="minor-note" class="field-note muted">
          {t('client_minor_note')}
        </span>
      </div>
      <div class="row">
        <label class="check">
          <input type="checkbox" data-testid="client-safety" checked={form.safety} onChange={(e) => set({ safety: e.currentTarget.checked })} aria-describedby="safety-note" />
          {t('client_safety')}
        </label>
        <span id="safety-note" class="field-note muted">
          {t('client_safety_note')}
        </span>
      </div>
      <div class="row fields">
        <label>
          {t('client_related_to')}
          <select
            data-testid="client-related-to"
            value={form.relatedTo}
            disabled={hasRelatedPeople}
            aria-describedby="related-note"
            onChange={(e) => set({ relatedTo: e.currentTarget.value })}
          >
            <option value="">{t('client_related_none')}</option>
            {clientsToRelate.map((c) => (
              <option key={c.id} value={String(c.id)}>
                {c.name}
              </option>
            ))}
          </select>
        </label>
        {form.relatedTo !== '' && (
          <label>
            {t('client_relationship')}
            <select
              data-testid="client-relationship"
              required
              value={form.relationship}
              onChange={(e) => set({ relationship: e.currentTarget.value as Relationship | '' })}
            >
              <option value="">{t('client_relationship_choose')}</option>
              {RELATIONSHIPS.map((relationship) => (
                <option key={relationship} value={relationship}>
                  {relationshipLabel(relationship)}
                </option>
              ))}
            </select>
          </label>
        )}
      </div>
      <p id="related-note" class="field-note muted">
        {t(hasRelatedPeople ? 'client_related_has_people' : 'client_related_note')}
      </p>
      {stale && <StaleNotice stale={stale} clients={clients} onKeepMine={() => keepMine(stale.current)} onTakeTheirs={() => takeTheirs(stale.current)} />}
      {error && <p class="warn">{error}</p>}
      <div class="row">
        <button class="primary" type="submit" data-testid="save-client" disabled={invalid} aria-describedby={saveOff ? 'save-client-why' : undefined}>
          {t('common_save')}
        </button>
        <button type="button" onClick={onCancel}>
          {t('common_cancel')}
        </button>
      </div>
      {saveOff && (
        <p id="save-client-why" class="field-note muted" data-testid="save-client-why">
          {saveOff}
        </p>
      )}
    </form>
  );
}

/** A save stopped because the record was changed elsewhere in the same places: both sides, and a choice. */
function StaleNotice({
  stale,
  clients,
  onKeepMine,
  onTakeTheirs,
}: {
  stale: StaleEditError;
  clients: readonly Client[];
  onKeepMine: () => void;
  onTakeTheirs: () => void;
}) {
  const others = stale.theirs.filter((field) => !stale.conflicts.some((c) => c.field === field));
  return (
    <div role="alert" class="warn conflict" data-testid="client-conflict">
      <p>{t('client_conflict_lead')}</p>
      <ul>
        {stale.conflicts.map((c) => (
          <li key={c.field} data-testid="client-conflict-field" data-field={c.field}>
            {t('client_conflict_value', fieldLabel(c.field), conflictValue(c, 'mine', clients), conflictValue(c, 'theirs', clients))}
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
