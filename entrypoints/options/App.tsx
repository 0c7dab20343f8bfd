import { useCallback, useEffect, useState } from 'preact/hooks';
import { database } from '@/lib/clients/db';
import type { Client } from '@/lib/clients/model';
import { listClients } from '@/lib/clients/store';
import { ask } from '@/lib/messaging/ask';
import { ClientList } from './ClientList';
import { ImportExport } from './ImportExport';

export function App() {
  const [clients, setClients] = useState<Client[] | null>(null);

  const reload = useCallback(async () => {
    setClients(await listClients(database()));
  }, []);
  /** After any write: show it, and let open tabs be matched against the new list. */
  const changed = useCallback(async () => {
    await reload();
    await ask({ type: 'clients-changed' }).catch(() => undefined);
  }, [reload]);

  useEffect(() => {
    void reload();
  }, [reload]);

  return (
    <main>
      <header>
        <h1>Boundary · Client list</h1>
        <p class="muted">
          Kept only in this browser, on this device. Boundary stores names, aliases and profile links — nothing
          clinical — and sends none of it anywhere.
        </p>
      </header>
      <ImportExport clients={clients ?? []} onImported={changed} />
      {clients === null ? <p class="muted">Loading…</p> : <ClientList clients={clients} onChanged={changed} />}
    </main>
  );
}
