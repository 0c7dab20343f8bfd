import { useState } from 'preact/hooks';
import { welfareNoteProblems, type ActivityPlace } from '@/lib/activity/model';
import { t } from '@/lib/i18n/t';
import { ask } from '@/lib/messaging/ask';

interface Props {
  /** Who the check is about: several when a name matched more than one client. */
  clients: readonly { id: number; name: string }[];
  place: ActivityPlace;
  /** What was looked at, as the form first suggests it (the clinician can change it). */
  lookedAt: string;
  onDone: () => void;
}

/** A datetime-local value for a time, in the computer's own time zone. */
function localInput(ms: number): string {
  const d = new Date(ms - new Date(ms).getTimezoneOffset() * 60_000);
  return d.toISOString().slice(0, 16);
}

/**
 * The policy allows looking a client up only out of concern for their safety, and asks for it to
 * be written down and talked about at the next session. This form does both: the reason is
 * required, and the check goes to the activity log and the "to discuss" list.
 */
export function WelfareCheckForm({ clients, place, lookedAt, onDone }: Props) {
  const [clientId, setClientId] = useState(clients[0]?.id);
  const [reason, setReason] = useState('');
  const [what, setWhat] = useState(lookedAt);
  const [when, setWhen] = useState(() => localInput(Date.now()));
  const [error, setError] = useState('');
  const [saved, setSaved] = useState(false);
  const [busy, setBusy] = useState(false);

  const save = async (event: Event) => {
    event.preventDefault();
    const problems = welfareNoteProblems({ reason, lookedAt: what });
    if (problems.reason === 'required') return setError(t('welfare_reason_required'));
    if (problems.reason || problems.lookedAt) return setError(t('welfare_too_long'));
    const at = when ? new Date(when).getTime() : Date.now();
    if (!Number.isFinite(at) || clientId === undefined) return setError(t('welfare_bad_time'));
    setBusy(true);
    setError('');
    try {
      // The background writes it (the popup, where this form lives, loads no database).
      const result = await ask({ type: 'welfare-check', clientId, place, at, reason, lookedAt: what });
      if (!result.ok) return setError(result.reason);
      setSaved(true);
    } catch (failure) {
      setError(failure instanceof Error ? failure.message : t('welfare_not_saved'));
    } finally {
      setBusy(false);
    }
  };

  if (saved) {
    return (
      <div class="welfare" data-testid="welfare-saved" role="status">
        <p class="ok">{t('welfare_saved')}</p>
        <button onClick={onDone}>{t('common_close')}</button>
      </div>
    );
  }
  return (
    <form class="welfare" data-testid="welfare-form" onSubmit={(e) => void save(e)} noValidate>
      <p class="muted">{t('welfare_lead')}</p>
      {clients.length > 1 && (
        <label>
          {t('welfare_client')}
          <select value={clientId} onChange={(e) => setClientId(Number((e.target as HTMLSelectElement).value))}>
            {clients.map((c) => (
              <option key={c.id} value={c.id}>
                {c.name}
              </option>
            ))}
          </select>
        </label>
      )}
      <label>
        {t('welfare_reason')}
        <textarea
          data-testid="welfare-reason"
          required
          rows={3}
          value={reason}
          aria-invalid={error === t('welfare_reason_required')}
          aria-describedby={error ? 'welfare-error' : undefined}
          onInput={(e) => setReason((e.target as HTMLTextAreaElement).value)}
        />
      </label>
      <label>
        {t('welfare_looked_at')}
        <input data-testid="welfare-looked-at" value={what} onInput={(e) => setWhat((e.target as HTMLInputElement).value)} />
      </label>
      <label>
        {t('welfare_time')}
        <input data-testid="welfare-time" type="datetime-local" value={when} max={localInput(Date.now())} onInput={(e) => setWhen((e.target as HTMLInputElement).value)} />
      </label>
      {error && (
        <p id="welfare-error" class="warn" role="alert" data-testid="welfare-error">
          {error}
        </p>
      )}
      <div class="actions">
        <button class="primary" type="submit" data-testid="welfare-save" disabled={busy}>
          {t('welfare_save')}
        </button>
        <button type="button" onClick={onDone}>
          {t('common_cancel')}
        </button>
      </div>
    </form>
  );
}
