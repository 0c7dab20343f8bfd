import { Fragment } from 'preact';
import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import { database } from '@/lib/db';
import { CLIENT_STATUSES, type Client, type ClientDraft, type ClientStatus } from '@/lib/clients/model';
import { isRelated } from '@/lib/clients/record';
import { duplicatesByIdInSlices } from '@/lib/clients/duplicates';
import { matchesQuery, readQuery, searchText } from '@/lib/clients/search';
import { addClient, deleteClient, updateClient } from '@/lib/clients/store';
import { t } from '@/lib/i18n/t';
import { identityLabel } from '@/lib/identity';
import { PLATFORMS } from '@/lib/identity/platform';
import { dayLabel, relationshipLabel, stateLabel, statusLabel } from '@/components/client-words';
import { ClientForm, fieldLabel } from './ClientForm';
import { DeleteConfirm } from '@/components/DeleteConfirm';
import { MergePanel } from './MergePanel';

/**
 * Rows rendered at once, a page: a list of 100,000 renders as fast as one of a hundred, and the
 * search (by name or any form of profile) finds anyone at once.
 */
export const PAGE_SIZE = 100;

/** Sorting by name with one collator: far cheaper than localeCompare on each of 100,000 comparisons. */
const byName = new Intl.Collator(undefined, { sensitivity: 'base' });
/** The list's order: by name. The page sorts a long list with it in slices (App.tsx) and hands it over as `sortedClients`. */
export const compareByName = (a: Client, b: Client) => byName.compare(a.name, b.name);

type Editing = { mode: 'closed' } | { mode: 'add' } | { mode: 'edit'; client: Client } | { mode: 'merge'; client: Client };

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

/**
 * The list. `reading`: `clients` are a long list's first rows, in stored order, while the whole
 * list (longer, of a size not yet known: nothing counts it first) is read; everything here works
 * on them meanwhile, and says so, and once the whole list comes the same component sorts it,
 * searches all of it and flags duplicates. `sortedClients`: the same `clients` already sorted by
 * compareByName, where the caller sorted them in slices; without it they are sorted here.
 */
export function ClientList({
  clients,
  sortedClients,
  reading = false,
  onChanged,
}: {
  clients: Client[];
  sortedClients?: Client[];
  reading?: boolean;
  onChanged: () => Promise<void>;
}) {
  const [query, setQuery] = useState('');
  const [filter, setFilter] = useState<ListFilter>({ status: '', flag: '', people: '' });
  const byId = useMemo(() => new Map(clients.map((c) => [c.id, c] as const)), [clients]);
  const [editing, setEditing] = useState<Editing>({ mode: 'closed' });
  const [confirmDelete, setConfirmDelete] = useState<number | null>(null);
  /** After a save merged with changes made elsewhere: which fields it kept from them. */
  const [merged, setMerged] = useState<string[]>([]);

  // Sorted once per list; the search text (names and profiles, folded) only once a search is typed.
  const sorted = useMemo(
    () => (reading ? clients : (sortedClients ?? [...clients].sort(compareByName))),
    [clients, sortedClients, reading],
  );
  const texts = useRef<{ of: Client[]; text: Map<number, string> } | null>(null);
  const filtered = useMemo(() => {
    const read = readQuery(query);
    const searching = read.folded !== '' || read.keys.size > 0;
    if (searching && texts.current?.of !== clients) texts.current = { of: clients, text: new Map() };
    const textOf = (c: Client) => {
      const cache = texts.current!.text;
      let text = cache.get(c.id);
      if (text === undefined) cache.set(c.id, (text = searchText(c)));
      return text;
    };
    return sorted.filter((c) => matchesFilter(c, filter) && (!searching || matchesQuery(c, textOf(c), read)));
  }, [sorted, clients, query, filter]);
  const [page, setPage] = useState(0);
  useEffect(() => setPage(0), [query, filter]);
  const pages = Math.max(1, Math.ceil(filtered.length / PAGE_SIZE));
  const shownPage = Math.min(page, pages - 1);
  const shown = filtered.slice(shownPage * PAGE_SIZE, (shownPage + 1) * PAGE_SIZE);

  // Possible duplicates: worked out after the list is first shown, so a long list is usable at once.
  const [duplicates, setDuplicates] = useState<Map<number, Client[]>>(new Map());
  useEffect(() => {
    // Among the first rows of a long list alone they would be a guess: the whole list decides.
    if (reading) return;
    let stop = false;
    void duplicatesByIdInSlices(clients, () => stop).then((found) => found && setDuplicates(found));
    return () => {
      stop = true;
    };
  }, [clients, reading]);

  /** The row whose form just closed: the focus goes back to its Edit button; "Saved" shows there. */
  const [saved, setSaved] = useState<number | null>(null);
  const returnTo = useRef<number | null>(null);
  const listRef = useRef<HTMLElement>(null);
  useEffect(() => {
    if (editing.mode !== 'closed' || returnTo.current === null) return;
    const button = listRef.current?.querySelector<HTMLButtonElement>(`[data-testid="edit-client"][data-client-id="${returnTo.current}"]`);
    returnTo.current = null;
    button?.focus();
  });
  const close = (id?: number) => {
    returnTo.current = id ?? null;
    setEditing({ mode: 'closed' });
  };
  const filtering = filter.status !== '' || filter.flag !== '' || filter.people !== '';

  const save = async (draft: ClientDraft, base: Client | undefined) => {
    const db = database();
    setMerged([]);
    let id: number;
    if (editing.mode === 'edit') {
      id = editing.client.id;
      setMerged((await updateClient(db, id, draft, base)).merged.map(fieldLabel));
    } else id = await addClient(db, draft);
    await onChanged();
    setSaved(id);
    close(id);
  };

  return (
    <section aria-labelledby="list-heading" class="card" ref={listRef}>
      <h2 id="list-heading">{reading ? t('clients_heading_more', clients.length.toLocaleString()) : t('clients_heading', clients.length)}</h2>
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
        <button class="primary" data-testid="add-client" onClick={() => {
            setSaved(null);
            setEditing({ mode: 'add' });
          }}>
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
      {reading && (
        <p class="muted" role="status" data-testid="clients-reading" data-shown={String(clients.length)}>
          {query.trim() !== '' || filtering
            ? t('clients_search_reading', clients.length.toLocaleString())
            : t('clients_reading', clients.length.toLocaleString())}
        </p>
      )}
      {editing.mode === 'add' && <ClientForm key="new" clients={clients} onSave={save} onCancel={() => close()} />}
      {saved !== null && !shown.some((c) => c.id === saved) && (
        <p role="status" class="ok" data-testid="client-saved">
          {t('client_saved')}
        </p>
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
            {shown.map((client) => {
              const relatedTo = client.relatedTo === undefined ? undefined : byId.get(client.relatedTo);
              const others = duplicates.get(client.id);
              const open = editing.mode === 'edit' || editing.mode === 'merge' ? editing : undefined;
              return (
              <Fragment key={client.id}>
              <tr
                key={client.id}
                data-testid="client-row"
                data-client-name={client.name}
                data-status={client.status}
                data-related={String(isRelated(client))}
                data-client-id={String(client.id)}
              >
                <td>
                  {client.name}
                  {client.aliases.length > 0 && <div class="muted">{t('clients_also', client.aliases.join(', '))}</div>}
                  {relatedTo && client.relationship && (
                    <div class="muted" data-testid="client-related">
                      {t('clients_related_to_as', relatedTo.name, relationshipLabel(client.relationship))}
                    </div>
                  )}
                  {others && (
                    <div class="row flags">
                      <span class="tag warn" data-testid="possible-duplicate" data-others={String(others.length)}>
                        {t('clients_possible_duplicate')}
                      </span>
                      <button
                        type="button"
                        data-testid="merge-client"
                        data-client-id={String(client.id)}
                        onClick={() => {
                          setSaved(null);
                          setEditing({ mode: 'merge', client });
                        }}
                      >
                        {t('clients_merge')}
                      </button>
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
                        data-client-id={String(client.id)}
                        aria-expanded={open?.mode === 'edit' && open.client.id === client.id}
                        onClick={() => {
                          setMerged([]);
                          setSaved(null);
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
                  {saved === client.id && (
                    <span role="status" class="ok" data-testid="client-saved">
                      {t('client_saved')}
                    </span>
                  )}
                </td>
              </tr>
              {open?.client.id === client.id && (
                // The form opens under its own row, wherever that is in the list, and takes the focus.
                <tr data-testid="client-edit-row">
                  <td colSpan={4}>
                    {open.mode === 'edit' ? (
                      <ClientForm key={client.id} initial={client} clients={clients} onSave={save} onCancel={() => close(client.id)} autoFocus />
                    ) : (
                      <MergePanel
                        client={client}
                        others={duplicates.get(client.id) ?? []}
                        onMerged={async (kept) => {
                          await onChanged();
                          setSaved(kept);
                          close(kept);
                        }}
                        onCancel={() => close(client.id)}
                      />
                    )}
                  </td>
                </tr>
              )}
              </Fragment>
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
      {filtered.length > PAGE_SIZE && (
        <nav class="row pager" aria-label={t('clients_pages')} data-testid="client-pages">
          <button type="button" data-testid="client-page-previous" disabled={shownPage === 0} onClick={() => setPage(shownPage - 1)}>
            {t('clients_page_previous')}
          </button>
          <span class="muted" data-testid="client-page" aria-live="polite">
            {t('clients_page_range', shownPage * PAGE_SIZE + 1, shownPage * PAGE_SIZE + shown.length, filtered.length)}
          </span>
          <button type="button" data-testid="client-page-next" disabled={shownPage >= pages - 1} onClick={() => setPage(shownPage + 1)}>
            {t('clients_page_next')}
          </button>
        </nav>
      )}
    </section>
  );
}
