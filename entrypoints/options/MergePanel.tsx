import { useEffect, useRef, useState } from 'preact/hooks';
import { database } from '@/lib/db';
import { mergedDraft, preferredKeep } from '@/lib/clients/merge';
import type { Client } from '@/lib/clients/model';
import { mergeClients } from '@/lib/clients/store';
import { t } from '@/lib/i18n/t';
import { identityLabel } from '@/lib/identity';
import { PLATFORMS } from '@/lib/identity/platform';
import { statusLabel } from '@/components/client-words';

/**
 * Merging a possible duplicate into one record, under its row. The clinician picks the other
 * record (when several share the name) and which one to keep; the rule (lib/clients/merge.ts) and
 * what the kept record will hold are shown before anything is written.
 */
export function MergePanel({
  client,
  others,
  onMerged,
  onCancel,
}: {
  client: Client;
  others: readonly Client[];
  onMerged: (keptId: number) => Promise<void>;
  onCancel: () => void;
}) {
  const [otherId, setOtherId] = useState(others[0]?.id);
  const other = others.find((o) => o.id === otherId) ?? others[0];
  const [keepId, setKeepId] = useState(() => (other ? preferredKeep(client, other).id : client.id));
  const [error, setError] = useState('');
  const [busy, setBusy] = useState(false);
  const first = useRef<HTMLElement>(null);
  useEffect(() => first.current?.focus(), []);
  if (!other) return null;
  const keep = keepId === other.id ? other : client;
  const drop = keep === client ? other : client;
  const result = mergedDraft(keep, drop);
  const describe = (c: Client) =>
    t('merge_record', c.name, statusLabel(c.status), new Date(c.updatedAt).toLocaleDateString(document.documentElement.lang || undefined));

  const confirm = async () => {
    setBusy(true);
    setError('');
    try {
      await mergeClients(database(), keep.id, drop.id);
      await onMerged(keep.id);
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
      setBusy(false);
    }
  };

  return (
    <div class="client-form card" role="group" aria-labelledby={`merge-heading-${client.id}`} data-testid="merge-panel">
      <h3 id={`merge-heading-${client.id}`} tabIndex={-1} ref={first as never}>
        {t('merge_heading', client.name)}
      </h3>
      {others.length > 1 && (
        <label>
          {t('merge_with')}
          <select
            data-testid="merge-other"
            value={String(other.id)}
            onChange={(e) => {
              const next = others.find((o) => o.id === Number(e.currentTarget.value))!;
              setOtherId(next.id);
              setKeepId(preferredKeep(client, next).id);
            }}
          >
            {others.map((o) => (
              <option key={o.id} value={String(o.id)}>
                {describe(o)}
              </option>
            ))}
          </select>
        </label>
      )}
      <fieldset>
        <legend>{t('merge_keep')}</legend>
        {[client, other].map((c) => (
          <label class="check" key={c.id}>
            <input type="radio" name={`merge-keep-${client.id}`} data-testid="merge-keep" data-client-id={String(c.id)} checked={keep.id === c.id} onChange={() => setKeepId(c.id)} />
            {describe(c)}
          </label>
        ))}
      </fieldset>
      <p class="muted" data-testid="merge-rule">
        {t('merge_rule')}
      </p>
      <ul data-testid="merge-preview" data-status={result.status}>
        <li>{t('merge_result_name', result.name, statusLabel(result.status))}</li>
        {result.aliases.length > 0 && <li>{t('clients_also', result.aliases.join(', '))}</li>}
        {PLATFORMS.flatMap((p) => result.identities[p].map((id) => <li key={p + id}>{identityLabel(p, id)}</li>))}
      </ul>
      {error && (
        <p class="warn" role="alert" data-testid="merge-error">
          {error}
        </p>
      )}
      <div class="row">
        <button class="primary" type="button" data-testid="merge-confirm" disabled={busy} onClick={() => void confirm()}>
          {t('merge_confirm')}
        </button>
        <button type="button" onClick={onCancel}>
          {t('common_cancel')}
        </button>
      </div>
    </div>
  );
}
