import { useCallback, useEffect, useState } from 'preact/hooks';
import { database } from '@/lib/clients/db';
import type { Client } from '@/lib/clients/model';
import { listClients } from '@/lib/clients/store';
import { ask } from '@/lib/messaging/ask';
import type { ReplyLibrary } from '@/lib/replies/library';
import { loadLibrary } from '@/lib/replies/store';
import type { PracticeSettings } from '@/lib/settings/practice';
import { loadSettings } from '@/lib/settings/store';
import { ClientList } from './ClientList';
import { DiscussList } from './DiscussList';
import { ImportExport } from './ImportExport';
import { PracticeSettingsForm } from './PracticeSettingsForm';
import { ReplyTemplates } from './ReplyTemplates';

export function App() {
  const [clients, setClients] = useState<Client[] | null>(null);
  const [settings, setSettings] = useState<PracticeSettings | null>(null);
  const [library, setLibrary] = useState<ReplyLibrary | null>(null);
  const [clientsRevision, setClientsRevision] = useState(0);

  const reload = useCallback(async () => {
    setClients(await listClients(database()));
    setClientsRevision((n) => n + 1);
  }, []);
  /** After any write: show it, and let open tabs be matched against the new list. */
  const changed = useCallback(async () => {
    await reload();
    await ask({ type: 'clients-changed' }).catch(() => undefined);
  }, [reload]);
  const reloadLibrary = useCallback(async () => setLibrary(await loadLibrary(database())), []);

  useEffect(() => {
    void reload();
    void reloadLibrary();
    void loadSettings(database()).then(setSettings);
  }, [reload, reloadLibrary]);

  // The popup links to a section (#replies); it exists only once its data has loaded.
  const ready = settings !== null && library !== null;
  useEffect(() => {
    if (ready && location.hash) document.getElementById(location.hash.slice(1))?.scrollIntoView();
  }, [ready]);

  return (
    <main>
      <header>
        <h1>Boundary</h1>
        <nav class="sections" aria-label="Sections">
          <a href="#clients">Client list</a>
          <a href="#practice">Practice</a>
          <a href="#replies">Replies</a>
          <a href="#discuss">To discuss</a>
        </nav>
        <p class="muted">
          Kept only in this browser, on this device. Boundary stores names, aliases and profile links — nothing
          clinical — and sends none of it anywhere.
        </p>
      </header>
      <div id="clients" class="section-group">
        <ImportExport clients={clients ?? []} onImported={changed} />
        {clients === null ? <p class="muted">Loading…</p> : <ClientList clients={clients} onChanged={changed} />}
      </div>
      <section id="practice" class="card" aria-labelledby="practice-heading">
        <h2 id="practice-heading">Practice settings</h2>
        <p class="muted">
          Where replies send people instead of social media. Leave out whatever you do not use: replies drop those lines.
        </p>
        {ready ? (
          <PracticeSettingsForm settings={settings} library={library} onSaved={setSettings} />
        ) : (
          <p class="muted">Loading…</p>
        )}
      </section>
      <section id="replies" class="card" aria-labelledby="replies-heading">
        <h2 id="replies-heading">Replies</h2>
        <p class="muted">
          Every template is checked for words that would confirm someone is a client or bring their care into social media,
          and for asking for likes, follows or reviews. A flagged reply can still be used, after a second click in the popup.
        </p>
        {ready ? <ReplyTemplates library={library} settings={settings} onChanged={reloadLibrary} /> : <p class="muted">Loading…</p>}
      </section>
      <section id="discuss" class="card" aria-labelledby="discuss-heading">
        <h2 id="discuss-heading">To discuss</h2>
        <p class="muted">
          What happened online, to bring up at each client’s next session. Only who, where, what and when is kept: never
          what anyone wrote.
        </p>
        <DiscussList revision={clientsRevision} />
      </section>
    </main>
  );
}
