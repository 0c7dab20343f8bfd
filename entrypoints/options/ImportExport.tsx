import { useState } from 'preact/hooks';
import { readClientCsv, writeClientCsv, type ClientCsvRejection } from '@/lib/clients/client-csv';
import { database } from '@/lib/clients/db';
import type { Client } from '@/lib/clients/model';
import { importDrafts } from '@/lib/clients/store';

type Summary = { imported: number; rejected: ClientCsvRejection[]; added: number; updated: number; error?: string };

/** CSV import (one transaction, bad rows reported by line) and export of the whole list. */
export function ImportExport({ clients, onImported }: { clients: Client[]; onImported: () => Promise<void> }) {
  const [progress, setProgress] = useState<{ done: number; total: number } | null>(null);
  const [summary, setSummary] = useState<Summary | null>(null);

  const importFile = async (file: File) => {
    setSummary(null);
    setProgress({ done: 0, total: 1 });
    try {
      const parsed = readClientCsv(await file.text());
      if (!parsed.ok) {
        setSummary({ imported: 0, rejected: [], added: 0, updated: 0, error: parsed.error });
        return;
      }
      const drafts = parsed.rows.map((row) => row.draft);
      setProgress({ done: 0, total: drafts.length });
      const outcome = await importDrafts(database(), drafts, (done, total) => setProgress({ done, total }));
      setSummary({ imported: drafts.length, rejected: parsed.rejected, ...outcome });
      await onImported();
    } catch (error) {
      setSummary({
        imported: 0,
        rejected: [],
        added: 0,
        updated: 0,
        error: `Nothing was imported: ${error instanceof Error ? error.message : String(error)}`,
      });
    } finally {
      setProgress(null);
    }
  };

  const exportList = () => {
    // The byte-order mark makes spreadsheet programs read non-Latin names as UTF-8.
    const blob = new Blob(['\uFEFF' + writeClientCsv(clients)], { type: 'text/csv;charset=utf-8' });
    const url = URL.createObjectURL(blob);
    const link = document.createElement('a');
    link.href = url;
    link.download = 'boundary-clients.csv';
    link.click();
    setTimeout(() => URL.revokeObjectURL(url), 1000);
  };

  return (
    <section aria-labelledby="import-heading" class="card">
      <h2 id="import-heading">Import and export</h2>
      <p class="muted">
        A CSV with a header row: <code>name</code> (required), <code>status</code> (current or former),{' '}
        <code>aliases</code>, <code>facebook</code>, <code>instagram</code>, <code>linkedin</code> (profile links or
        usernames; several separated by “;”). A row that matches a client already here updates that client.
      </p>
      <div class="row">
        <label>
          Import a CSV file
          <input
            type="file"
            accept=".csv,text/csv"
            data-testid="import-clients"
            onChange={(event) => {
              const input = event.currentTarget;
              const file = input.files?.[0];
              if (file) void importFile(file).finally(() => (input.value = ''));
            }}
          />
        </label>
        <button data-testid="export-clients" onClick={exportList} disabled={clients.length === 0}>
          Export as CSV
        </button>
      </div>
      {progress && (
        <progress data-testid="import-progress" value={progress.done} max={progress.total} aria-label="Importing" />
      )}
      {summary && (
        <div
          role="status"
          data-testid="import-summary"
          data-imported={String(summary.imported)}
          data-rejected={String(summary.rejected.length)}
        >
          {summary.error ? (
            <p class="warn">{summary.error}</p>
          ) : (
            <p>
              Imported {summary.imported} {summary.imported === 1 ? 'row' : 'rows'} ({summary.added} new,{' '}
              {summary.updated} updated); {summary.rejected.length} refused.
            </p>
          )}
          {summary.rejected.length > 0 && (
            <ul class="rejections" data-testid="import-rejections">
              {summary.rejected.map((r) => (
                <li key={r.line} data-testid="import-rejection" data-line={String(r.line)}>
                  Line {r.line}: {r.reason}
                </li>
              ))}
            </ul>
          )}
        </div>
      )}
    </section>
  );
}
