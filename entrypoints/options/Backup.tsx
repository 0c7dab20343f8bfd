import { useState } from 'preact/hooks';
import { database } from '@/lib/clients/db';
import { createBackup, restoreBackup } from '@/lib/vault/backup';
import { MIN_PASSPHRASE_LENGTH } from '@/lib/vault/vault';

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
      const url = URL.createObjectURL(new Blob([text], { type: 'application/json' }));
      const link = document.createElement('a');
      link.href = url;
      link.download = `boundary-backup-${new Date().toISOString().slice(0, 10)}.json`;
      link.click();
      setTimeout(() => URL.revokeObjectURL(url), 1000);
      setResult({ ok: true, message: 'Backup saved. Keep its passphrase apart from the file: without it the file cannot be opened.' });
    } catch (error) {
      setResult({ ok: false, message: `No backup was made: ${error instanceof Error ? error.message : String(error)}` });
    } finally {
      setBusy(false);
    }
  };

  const importBackup = async (file: File) => {
    setBusy(true);
    setResult(null);
    try {
      if (!passphrase) {
        setResult({ ok: false, message: 'Type the backup’s passphrase above first. Nothing was changed.' });
        return;
      }
      const outcome = await restoreBackup(database(), await file.text(), passphrase);
      if (outcome.ok) {
        const { clients, discuss, replyTemplates } = outcome.counts;
        setResult({ ok: true, message: `Restored ${clients} ${clients === 1 ? 'client' : 'clients'}, ${discuss} “to discuss” ${discuss === 1 ? 'entry' : 'entries'}, ${replyTemplates} saved reply ${replyTemplates === 1 ? 'template' : 'templates'} and the practice settings.` });
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
      <h2 id="backup-heading">Encrypted backup</h2>
      <p class="muted">
        One file with the client list, “not them” decisions, practice settings, reply templates and the “to discuss” list,
        encrypted with a passphrase you choose here (at least {MIN_PASSPHRASE_LENGTH} characters). Restoring a backup checks the
        whole file first, then <strong>replaces</strong> all of these; a file that is damaged or has another passphrase changes
        nothing.
      </p>
      <div class="row">
        <label>
          Backup passphrase
          <input type="password" autocomplete="off" data-testid="backup-passphrase" value={passphrase} onInput={(e) => setPassphrase(e.currentTarget.value)} />
        </label>
        <button data-testid="backup-export" disabled={busy} onClick={() => void exportBackup()}>
          Save an encrypted backup
        </button>
        <label class="file">
          Restore from a backup
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
      {busy && <p class="muted">Working…</p>}
      {result && (
        <p role="status" data-testid="backup-result" data-ok={String(result.ok)} class={result.ok ? 'ok' : 'warn'}>
          {result.message}
        </p>
      )}
    </section>
  );
}
