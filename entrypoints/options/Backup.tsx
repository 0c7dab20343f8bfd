import { useState } from 'preact/hooks';
import { RichMessage } from '@/components/RichMessage';
import { database } from '@/lib/db';
import { t, tPlural } from '@/lib/i18n/t';
import { confirmRestore, createBackup, previewRestore, type BackupContents, type BackupCounts } from '@/lib/vault/backup';
import { MIN_PASSPHRASE_LENGTH } from '@/lib/vault/vault';
import { saveFile } from '@/components/save-file';

type Result = { ok: boolean; message: string };
type Preview = { contents: BackupContents; madeAt: number; holds: BackupCounts; replaces: BackupCounts };

const when = (at: number) => new Date(at).toLocaleString(undefined, { dateStyle: 'long', timeStyle: 'short' });
/** The parts a restore replaces, counted, as one message's substitutions. */
const counted = (counts: BackupCounts) => [
  tPlural('count_clients', counts.clients),
  tPlural('count_activity_entries', counts.activity),
  tPlural('count_discuss_entries', counts.discuss),
  tPlural('count_saved_templates', counts.replyTemplates),
  tPlural('count_policy_versions', counts.policyVersions),
];

/**
 * An encrypted backup of everything, and restoring one. Picking a file only opens it: what it
 * holds and what it would replace are shown, and nothing is written until the clinician says so.
 */
export function Backup({ onRestored }: { onRestored: () => Promise<void> }) {
  const [passphrase, setPassphrase] = useState('');
  const [busy, setBusy] = useState(false);
  const [result, setResult] = useState<Result | null>(null);
  const [preview, setPreview] = useState<Preview | null>(null);

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

  const openFile = async (file: File) => {
    setBusy(true);
    setResult(null);
    setPreview(null);
    try {
      if (!passphrase) {
        setResult({ ok: false, message: t('backup_passphrase_first') });
        return;
      }
      const opened = await previewRestore(database(), await file.text(), passphrase);
      if (opened.ok) setPreview(opened);
      else setResult({ ok: false, message: opened.reason });
    } finally {
      setBusy(false);
    }
  };

  const restore = async (chosen: Preview) => {
    setBusy(true);
    try {
      const outcome = await confirmRestore(database(), chosen.contents);
      setPreview(null);
      if (outcome.ok) {
        setResult({ ok: true, message: t('backup_restored', ...counted(outcome.counts)) });
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
              if (file) void openFile(file).finally(() => (input.value = ''));
            }}
          />
        </label>
      </div>
      {busy && <p class="muted">{t('backup_working')}</p>}
      {preview && (
        <div
          class="card restore-preview"
          role="group"
          aria-labelledby="restore-preview-heading"
          data-testid="backup-preview"
          data-made-at={String(preview.madeAt)}
          data-clients={String(preview.holds.clients)}
          data-activity={String(preview.holds.activity)}
          data-discuss={String(preview.holds.discuss)}
          data-replaces-clients={String(preview.replaces.clients)}
          data-replaces-activity={String(preview.replaces.activity)}
          data-policy-versions={String(preview.holds.policyVersions)}
          data-replaces-policy-versions={String(preview.replaces.policyVersions)}
        >
          <h3 id="restore-preview-heading">{t('backup_preview_heading')}</h3>
          <p>{t('backup_preview_holds', when(preview.madeAt), ...counted(preview.holds))}</p>
          <p class="warn">{t('backup_preview_replaces', ...counted(preview.replaces))}</p>
          <div class="row">
            <button class="danger" data-testid="backup-restore-confirm" disabled={busy} onClick={() => void restore(preview)}>
              {t('backup_restore_confirm')}
            </button>
            <button data-testid="backup-restore-cancel" disabled={busy} onClick={() => setPreview(null)}>
              {t('common_cancel')}
            </button>
          </div>
        </div>
      )}
      {result && (
        <p role="status" data-testid="backup-result" data-ok={String(result.ok)} class={result.ok ? 'ok' : 'warn'}>
          {result.message}
        </p>
      )}
    </section>
  );
}
