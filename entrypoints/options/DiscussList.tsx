import { useCallback, useEffect, useState } from 'preact/hooks';
import { database } from '@/lib/clients/db';
import { describeEvent } from '@/lib/discuss/model';
import { clearAllDiscuss, clearDiscussEntry, clearDiscussForClient, listDiscuss, type DiscussItem } from '@/lib/discuss/store';

const date = (at: number) => new Date(at).toLocaleDateString(undefined, { day: 'numeric', month: 'short', year: 'numeric' });

/** Things to raise at each client's next session, by client, until the clinician clears them. */
export function DiscussList({ revision }: { revision: number }) {
  const [items, setItems] = useState<DiscussItem[] | null>(null);
  const [confirmAll, setConfirmAll] = useState(false);

  const reload = useCallback(async () => setItems(await listDiscuss(database())), []);
  useEffect(() => {
    void reload();
    // Entries are added from the popup while this page stays open in its tab.
    const onVisible = () => document.visibilityState === 'visible' && void reload();
    document.addEventListener('visibilitychange', onVisible);
    return () => document.removeEventListener('visibilitychange', onVisible);
  }, [reload, revision]);

  const after = (work: Promise<void>) => void work.then(reload);

  if (items === null) return <p class="muted">Loading…</p>;
  if (items.length === 0) {
    return (
      <p data-testid="discuss-empty" class="muted">
        Nothing to discuss. After declining a request or inserting a reply, the popup can add a note here.
      </p>
    );
  }
  const byClient = new Map<number, DiscussItem[]>();
  for (const item of items) byClient.set(item.clientId, [...(byClient.get(item.clientId) ?? []), item]);

  return (
    <div data-testid="discuss-list" class="discuss">
      {[...byClient.values()].map((entries) => {
        const { clientId, clientName, clientStatus } = entries[0]!;
        return (
          <div key={clientId} class="discuss-client" data-testid="discuss-client" data-client-name={clientName}>
            <div class="row">
              <strong>{clientName}</strong>
              <span class="muted">{clientStatus} client</span>
              <button data-testid="discuss-clear-client" onClick={() => after(clearDiscussForClient(database(), clientId))}>
                Clear all for {clientName}
              </button>
            </div>
            <ul>
              {entries.map((entry) => (
                <li key={entry.id} data-testid="discuss-entry" data-platform={entry.platform} data-event={entry.event}>
                  <span>
                    {date(entry.at)} · {describeEvent(entry.event, entry.platform)}
                  </span>
                  <button class="small" data-testid="discuss-clear" aria-label="Discussed: clear" onClick={() => after(clearDiscussEntry(database(), entry.id))}>
                    Discussed
                  </button>
                </li>
              ))}
            </ul>
          </div>
        );
      })}
      {confirmAll ? (
        <span class="row">
          <span>Clear every entry?</span>
          <button
            data-testid="discuss-clear-all-confirm"
            onClick={() =>
              after(
                clearAllDiscuss(database()).then(() => {
                  setConfirmAll(false);
                }),
              )
            }
          >
            Clear all
          </button>
          <button onClick={() => setConfirmAll(false)}>Keep</button>
        </span>
      ) : (
        <div>
          <button data-testid="discuss-clear-all" onClick={() => setConfirmAll(true)}>
            Clear everything
          </button>
        </div>
      )}
    </div>
  );
}
