import { useState } from 'preact/hooks';
import { RichMessage } from '@/components/RichMessage';
import { database } from '@/lib/clients/db';
import { t, tPlural } from '@/lib/i18n/t';
import { createBackup, restoreBackup } from '@/lib/vault/backup';
import { MIN_PASSPHRASE_LENGTH } from '@/lib/vault/vault';
import { saveFile } from '@/components/save-file';

type Result = { ok: boolean; message: string };

/** An encrypted backup of everything, and restoring one. */
export function Backup({ onRestored }: { onRestored: () => Promise<void> }) {
  const [passphrase, setPassphrase] = useState('');
  const [busy, setBusy] = useState(false);
  const [result, setResult] = useState<Result | null>(null);

  const exportBackup = async () => {
    setBusy(true);
    setResult(null);
    try {
      const text = await createBackup(database(), passphrase);
      saveFile(`boundary-backup-${new Date().toISOString().slice(0, 10)}.json`, text, 'application/json');
      setResult({ ok: true, message: t('backup_saved') });
    } catch (error) {
      setResult({ ok: false, message: t('backup_failed', error instanceof Error ? error.message : String(error)) });
    } finally {
      setBusy(false);
    }
  };

  const importBackup = async (file: File) => {
    setBusy(true);
    setResult(null);
    try {
      if (!passphrase) {
        setResult({ ok: false, message: t('backup_passphrase_first') });
        return;
      }
      const outcome = await restoreBackup(database(), await file.text(), passphrase);
      if (outcome.ok) {
        const { clients, discuss, replyTemplates } = outcome.counts;
        const message = t(
          'backup_restored',
          tPlural('count_clients', clients),
          tPlural('count_discuss_entries', discuss),
          tPlural('count_saved_templates', replyTemplates),
        );
        setResult({ ok: true, message });
        await onRestored();
      } else {
        setResult({ ok: false, message: outcome.reason });
      }
    } finally {
      setBusy(false);
    }
  };

  return (
    <section id="backup" class="card" aria-labelledby="backup-heading">
      <h2 id="backup-heading">{t('backup_heading')}</h2>
      <p class="muted">
        <RichMessage message="backup_intro" parts={[MIN_PASSPHRASE_LENGTH, <strong>{t('backup_replaces')}</strong>]} />
      </p>
      <div class="row">
        <label>
          {t('backup_passphrase')}
          <input type="password" autocomplete="off" data-testid="backup-passphrase" value={passphrase} onInput={(e) => setPassphrase(e.currentTarget.value)} />
        </label>
        <button data-testid="backup-export" disabled={busy} onClick={() => void exportBackup()}>
          {t('backup_export')}
        </button>
        <label class="file">
          {t('backup_import')}
          <input
            type="file"
            accept=".json,application/json"
            data-testid="backup-import"
            disabled={busy}
            onChange={(event) => {
              const input = event.currentTarget;
              const file = input.files?.[0];
              if (file) void importBackup(file).finally(() => (input.value = ''));
            }}
          />
        </label>
      </div>
      {busy && <p class="muted">{t('backup_working')}</p>}
      {result && (
        <p role="status" data-testid="backup-result" data-ok={String(result.ok)} class={result.ok ? 'ok' : 'warn'}>
          {result.message}
        </p>
      )}
    </section>
  );
}
