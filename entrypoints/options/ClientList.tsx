import { useMemo, useState } from 'preact/hooks';
import { database } from '@/lib/db';
import { CLIENT_STATUSES, type Client, type ClientDraft, type ClientStatus } from '@/lib/clients/model';
import { isRelated } from '@/lib/clients/record';
import { addClient, deleteClient, updateClient } from '@/lib/clients/store';
import { t } from '@/lib/i18n/t';
import { foldName, identityLabel } from '@/lib/identity';
import { PLATFORMS } from '@/lib/identity/platform';
import { dayLabel, relationshipLabel, stateLabel, statusLabel } from '@/components/client-words';
import { ClientForm, fieldLabel } from './ClientForm';
import { DeleteConfirm } from '@/components/DeleteConfirm';

/** Rows rendered at once: a 10,000-client list stays fast; the search narrows it. */
const SHOWN = 200;

type Editing = { mode: 'closed' } | { mode: 'add' } | { mode: 'edit'; client: Client };

/** What the list's filters select: a status, a flag, and clients or related people. */
interface ListFilter {
  status: ClientStatus | '';
  flag: 'minor' | 'safety' | '';
  people: 'clients' | 'related' | '';
}

const matchesFilter = (c: Client, f: ListFilter) =>
  (f.status === '' || c.status === f.status) &&
  (f.flag === '' || c[f.flag] === true) &&
  (f.people === '' || (f.people === 'related') === isRelated(c));

export function ClientList({ clients, onChanged }: { clients: Client[]; onChanged: () => Promise<void> }) {
  const [query, setQuery] = useState('');
  const [filter, setFilter] = useState<ListFilter>({ status: '', flag: '', people: '' });
  const byId = useMemo(() => new Map(clients.map((c) => [c.id, c] as const)), [clients]);
  const [editing, setEditing] = useState<Editing>({ mode: 'closed' });
  const [confirmDelete, setConfirmDelete] = useState<number | null>(null);
  /** After a save merged with changes made elsewhere: which fields it kept from them. */
  const [merged, setMerged] = useState<string[]>([]);

  const filtered = useMemo(() => {
    const folded = foldName(query);
    const sorted = [...clients].filter((c) => matchesFilter(c, filter)).sort((a, b) => a.name.localeCompare(b.name));
    if (!folded) return sorted;
    return sorted.filter((c) =>
      [c.name, ...c.aliases, ...PLATFORMS.flatMap((p) => c.identities[p])].some((text) => foldName(text).includes(folded)),
    );
  }, [clients, query, filter]);
  const filtering = filter.status !== '' || filter.flag !== '' || filter.people !== '';

  const save = async (draft: ClientDraft, base: Client | undefined) => {
    const db = database();
    setMerged([]);
    if (editing.mode === 'edit') setMerged((await updateClient(db, editing.client.id, draft, base)).merged.map(fieldLabel));
    else await addClient(db, draft);
    setEditing({ mode: 'closed' });
    await onChanged();
  };

  return (
    <section aria-labelledby="list-heading" class="card">
      <h2 id="list-heading">{t('clients_heading', clients.length)}</h2>
      <div class="row">
        <input
          type="search"
          placeholder={t('clients_search')}
          aria-label={t('clients_search_label')}
          data-testid="client-search"
          // Kept out of Chrome's session-restore files on disk, like the client form's fields.
          autocomplete="off"
          value={query}
          onInput={(e) => setQuery(e.currentTarget.value)}
        />
        <button class="primary" data-testid="add-client" onClick={() => setEditing({ mode: 'add' })}>
          {t('clients_add')}
        </button>
      </div>
      <div class="row filters" role="group" aria-label={t('clients_filters')}>
        <label>
          {t('client_status')}
          <select data-testid="filter-status" value={filter.status} onChange={(e) => setFilter({ ...filter, status: e.currentTarget.value as ListFilter['status'] })}>
            <option value="">{t('clients_filter_all')}</option>
            {CLIENT_STATUSES.map((status) => (
              <option key={status} value={status}>
                {statusLabel(status)}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t('clients_filter_flag')}
          <select data-testid="filter-flag" value={filter.flag} onChange={(e) => setFilter({ ...filter, flag: e.currentTarget.value as ListFilter['flag'] })}>
            <option value="">{t('clients_filter_all')}</option>
            <option value="minor">{t('clients_filter_minor')}</option>
            <option value="safety">{t('clients_filter_safety')}</option>
          </select>
        </label>
        <label>
          {t('clients_filter_people')}
          <select data-testid="filter-related" value={filter.people} onChange={(e) => setFilter({ ...filter, people: e.currentTarget.value as ListFilter['people'] })}>
            <option value="">{t('clients_filter_all')}</option>
            <option value="clients">{t('clients_filter_clients')}</option>
            <option value="related">{t('clients_filter_related')}</option>
          </select>
        </label>
      </div>
      {merged.length > 0 && (
        <p role="status" class="ok" data-testid="client-merged">
          {t('client_merged', merged.join(', '))}
        </p>
      )}
      {editing.mode !== 'closed' && (
        <ClientForm
          key={editing.mode === 'edit' ? editing.client.id : 'new'}
          initial={editing.mode === 'edit' ? editing.client : undefined}
          clients={clients}
          onSave={save}
          onCancel={() => setEditing({ mode: 'closed' })}
        />
      )}
      {clients.length === 0 ? (
        <p data-testid="clients-empty" class="muted">
          {t('clients_empty')}
        </p>
      ) : (
        <table>
          <thead>
            <tr>
              <th scope="col">{t('common_name')}</th>
              <th scope="col">{t('client_status')}</th>
              <th scope="col">{t('clients_profiles')}</th>
              <th scope="col">
                <span class="muted">{t('common_actions')}</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {filtered.slice(0, SHOWN).map((client) => {
              const relatedTo = client.relatedTo === undefined ? undefined : byId.get(client.relatedTo);
              return (
              <tr
                key={client.id}
                data-testid="client-row"
                data-client-name={client.name}
                data-status={client.status}
                data-related={String(isRelated(client))}
              >
                <td>
                  {client.name}
                  {client.aliases.length > 0 && <div class="muted">{t('clients_also', client.aliases.join(', '))}</div>}
                  {relatedTo && client.relationship && (
                    <div class="muted" data-testid="client-related">
                      {t('clients_related_to_as', relatedTo.name, relationshipLabel(client.relationship))}
                    </div>
                  )}
                  {(client.minor || client.safety) && (
                    <div class="row flags">
                      {client.minor && (
                        <span class="tag" data-testid="client-flag" data-flag="minor">
                          {t('clients_flag_minor')}
                        </span>
                      )}
                      {client.safety && (
                        <span class="tag warn" data-testid="client-flag" data-flag="safety">
                          {t('clients_flag_safety')}
                        </span>
                      )}
                    </div>
                  )}
                </td>
                <td>
                  {stateLabel(client.status)}
                  {client.startDate && <div class="muted">{t('clients_since', dayLabel(client.startDate))}</div>}
                  {client.endDate && <div class="muted">{t('clients_ended', dayLabel(client.endDate))}</div>}
                </td>
                <td class="ids">
                  {PLATFORMS.flatMap((p) => client.identities[p].map((id) => <div key={p + id}>{identityLabel(p, id)}</div>))}
                </td>
                <td>
                  {confirmDelete === client.id ? (
                    <DeleteConfirm
                      question={t(clients.some((c) => c.relatedTo === client.id) ? 'clients_confirm_delete_related' : 'clients_confirm_delete', client.name)}
                      testId="confirm-delete"
                      onDelete={async () => {
                        await deleteClient(database(), client.id);
                        setConfirmDelete(null);
                        await onChanged();
                      }}
                      onKeep={() => setConfirmDelete(null)}
                    />
                  ) : (
                    <span class="row">
                      <button
                        data-testid="edit-client"
                        onClick={() => {
                          setMerged([]);
                          setEditing({ mode: 'edit', client });
                        }}
                      >
                        {t('common_edit')}
                      </button>
                      <button data-testid="delete-client" onClick={() => setConfirmDelete(client.id)}>
                        {t('common_delete')}
                      </button>
                    </span>
                  )}
                </td>
              </tr>
              );
            })}
          </tbody>
        </table>
      )}
      {clients.length > 0 && filtered.length === 0 && filtering && (
        <p class="muted" data-testid="clients-filtered-empty">
          {t('clients_filtered_empty')}
        </p>
      )}
      {filtered.length > SHOWN && (
        <p class="muted">
          {t('clients_showing', SHOWN, filtered.length)}
        </p>
      )}
    </section>
  );
}
