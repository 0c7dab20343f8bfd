import { useCallback, useEffect, useState } from 'preact/hooks';
import { statusWord } from '@/components/client-words';
import { database } from '@/lib/db';
import { describeEvent } from '@/lib/discuss/model';
import { t } from '@/lib/i18n/t';
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

  if (items === null) return <p class="muted">{t('common_loading')}</p>;
  if (items.length === 0) {
    return (
      <p data-testid="discuss-empty" class="muted">
        {t('discuss_empty')}
      </p>
    );
  }
  const byClient = new Map<number, DiscussItem[]>();
  for (const item of items) byClient.set(item.clientId, [...(byClient.get(item.clientId) ?? []), item]);

  return (
    <div data-testid="discuss-list" class="discuss">
      {[...byClient.values()].map((entries) => {
        const { clientId, clientName, clientStatus, relatedToName, purpose } = entries[0]!;
        return (
          <div key={clientId} class="discuss-client" data-testid="discuss-client" data-client-name={clientName} data-purpose={purpose}>
            <div class="row">
              <strong>{clientName}</strong>
              {relatedToName !== undefined && (
                <span class="muted" data-testid="discuss-related">
                  {t('discuss_related_to', relatedToName)}
                </span>
              )}
              <span class="muted">{statusWord(clientStatus)}</span>
              {/* A current client's notes wait for the next session; anyone else's are kept for the record. */}
              <span class="tag" data-testid="discuss-purpose">
                {t(purpose === 'session' ? 'discuss_for_session' : 'discuss_for_record')}
              </span>
              <button data-testid="discuss-clear-client" onClick={() => after(clearDiscussForClient(database(), clientId))}>
                {t('discuss_clear_client', clientName)}
              </button>
            </div>
            <ul>
              {entries.map((entry) => (
                <li key={entry.id} data-testid="discuss-entry" data-platform={entry.platform} data-event={entry.event}>
                  <span>
                    {date(entry.at)} · {describeEvent(entry.event, entry.platform)}
                  </span>
                  <button class="small" data-testid="discuss-clear" aria-label={t('discuss_clear_label')} onClick={() => after(clearDiscussEntry(database(), entry.id))}>
                    {t('discuss_clear')}
                  </button>
                </li>
              ))}
            </ul>
          </div>
        );
      })}
      {confirmAll ? (
        <span class="row">
          <span>{t('discuss_confirm_all')}</span>
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
            {t('discuss_clear_all_confirm')}
          </button>
          <button onClick={() => setConfirmAll(false)}>{t('common_keep')}</button>
        </span>
      ) : (
        <div>
          <button data-testid="discuss-clear-all" onClick={() => setConfirmAll(true)}>
            {t('discuss_clear_all')}
          </button>
        </div>
      )}
    </div>
  );
}
