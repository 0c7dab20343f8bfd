import { useMemo, useState } from 'preact/hooks';
import { database } from '@/lib/db';
import type { Client, ClientDraft } from '@/lib/clients/model';
import { addClient, deleteClient, updateClient } from '@/lib/clients/store';
import { t } from '@/lib/i18n/t';
import { foldName, identityLabel } from '@/lib/identity';
import { PLATFORMS } from '@/lib/identity/platform';
import { ClientForm, fieldLabel } from './ClientForm';
import { DeleteConfirm } from '@/components/DeleteConfirm';

/** Rows rendered at once: a 10,000-client list stays fast; the search narrows it. */
const SHOWN = 200;

type Editing = { mode: 'closed' } | { mode: 'add' } | { mode: 'edit'; client: Client };

export function ClientList({ clients, onChanged }: { clients: Client[]; onChanged: () => Promise<void> }) {
  const [query, setQuery] = useState('');
  const [editing, setEditing] = useState<Editing>({ mode: 'closed' });
  const [confirmDelete, setConfirmDelete] = useState<number | null>(null);
  /** After a save merged with changes made elsewhere: which fields it kept from them. */
  const [merged, setMerged] = useState<string[]>([]);

  const filtered = useMemo(() => {
    const folded = foldName(query);
    const sorted = [...clients].sort((a, b) => a.name.localeCompare(b.name));
    if (!folded) return sorted;
    return sorted.filter((c) =>
      [c.name, ...c.aliases, ...PLATFORMS.flatMap((p) => c.identities[p])].some((text) => foldName(text).includes(folded)),
    );
  }, [clients, query]);

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
      {merged.length > 0 && (
        <p role="status" class="ok" data-testid="client-merged">
          {t('client_merged', merged.join(', '))}
        </p>
      )}
      {editing.mode !== 'closed' && (
        <ClientForm
          key={editing.mode === 'edit' ? editing.client.id : 'new'}
          initial={editing.mode === 'edit' ? editing.client : undefined}
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
            {filtered.slice(0, SHOWN).map((client) => (
              <tr key={client.id} data-testid="client-row" data-client-name={client.name}>
                <td>
                  {client.name}
                  {client.aliases.length > 0 && <div class="muted">{t('clients_also', client.aliases.join(', '))}</div>}
                </td>
                <td>{t(client.status === 'current' ? 'client_state_current' : 'client_state_former')}</td>
                <td class="ids">
                  {PLATFORMS.flatMap((p) => client.identities[p].map((id) => <div key={p + id}>{identityLabel(p, id)}</div>))}
                </td>
                <td>
                  {confirmDelete === client.id ? (
                    <DeleteConfirm
                      question={t('clients_confirm_delete', client.name)}
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
            ))}
          </tbody>
        </table>
      )}
      {filtered.length > SHOWN && (
        <p class="muted">
          {t('clients_showing', SHOWN, filtered.length)}
        </p>
      )}
    </section>
  );
}
