import { useState } from 'preact/hooks';
import { RichMessage } from '@/components/RichMessage';
import { readClientCsvFile, writeClientCsv, type ClientCsvRejection, type CsvEncoding } from '@/lib/clients/client-csv';
import { database } from '@/lib/db';
import type { Client } from '@/lib/clients/model';
import { importDrafts } from '@/lib/clients/store';
import { t, tPlural } from '@/lib/i18n/t';
import { saveFile } from '@/components/save-file';
import { fieldLabel } from './ClientForm';

type Summary = {
  imported: number;
  rejected: ClientCsvRejection[];
  added: number;
  updated: number;
  error?: string;
  encoding?: CsvEncoding;
  /** Rows without profiles that updated the one record of their name. */
  updatedByName?: { line: number; name: string }[];
  /** Rows added although another record has the same folded name: possible duplicates. */
  duplicates?: { line: number; name: string; others: number }[];
  /** Rows whose name or aliases lost invisible formatting characters. */
  cleaned?: { line: number; fields: ('name' | 'aliases')[] }[];
};

/** CSV import (one transaction, bad rows reported by line) and export of the whole list. */
export function ImportExport({ clients, onImported }: { clients: Client[]; onImported: () => Promise<void> }) {
  const [progress, setProgress] = useState<{ done: number; total: number } | null>(null);
  const [summary, setSummary] = useState<Summary | null>(null);

  const importFile = async (file: File) => {
    setSummary(null);
    setProgress({ done: 0, total: 1 });
    try {
      const parsed = readClientCsvFile(new Uint8Array(await file.arrayBuffer()));
      if (!parsed.ok) {
        setSummary({ imported: 0, rejected: [], added: 0, updated: 0, error: parsed.error });
        return;
      }
      const drafts = parsed.rows.map(({ draft, relatedToName }) => ({ draft, ...(relatedToName !== undefined && { relatedToName }) }));
      setProgress({ done: 0, total: drafts.length });
      // A frame for the progress bar before the file is planned (all rows checked before any is written).
      await new Promise((resolve) => setTimeout(resolve, 0));
      const { refused, duplicates, updatedByName, ...outcome } = await importDrafts(database(), drafts, (done, total) => setProgress({ done, total }), new Set(parsed.given));
      // A row refused only once merged with the client it matched is refused like any other, by line.
      const refusedRows = refused.map(({ index, reason }) => ({ line: parsed.rows[index]!.line, reason }));
      const refusedIndexes = new Set(refused.map((r) => r.index));
      setSummary({
        imported: drafts.length - refused.length,
        rejected: [...parsed.rejected, ...refusedRows].sort((a, b) => a.line - b.line),
        ...outcome,
        encoding: parsed.encoding,
        updatedByName: updatedByName.map(({ index, name }) => ({ line: parsed.rows[index]!.line, name })),
        duplicates: duplicates.map(({ index, name, others }) => ({ line: parsed.rows[index]!.line, name, others })),
        cleaned: parsed.rows.flatMap((row, i) => (row.cleaned && !refusedIndexes.has(i) ? [{ line: row.line, fields: row.cleaned }] : [])),
      });
      await onImported();
    } catch (error) {
      setSummary({
        imported: 0,
        rejected: [],
        added: 0,
        updated: 0,
        error: t('common_nothing_imported', error instanceof Error ? error.message : String(error)),
      });
    } finally {
      setProgress(null);
    }
  };

  const exportList = () => {
    // The byte-order mark makes spreadsheet programs read non-Latin names as UTF-8.
    saveFile('boundary-clients.csv', '\uFEFF' + writeClientCsv(clients), 'text/csv;charset=utf-8');
  };

  return (
    <section aria-labelledby="import-heading" class="card">
      <h2 id="import-heading">{t('import_heading')}</h2>
      <p class="muted">
        <RichMessage
          message="import_intro"
          parts={[
            <code>name</code>,
            <code>status</code>,
            <>
              <code>aliases</code>, <code>facebook</code>, <code>instagram</code>, <code>linkedin</code>
            </>,
            <>
              <code>start_date</code>, <code>end_date</code>
            </>,
            <>
              <code>minor</code>, <code>safety</code>
            </>,
            <code>related_to</code>,
            <code>relationship</code>,
          ]}
        />
      </p>
      <p class="muted" data-testid="import-dates-rule">
        {t('import_dates_rule')}
      </p>
      <div class="row">
        <label>
          {t('import_file')}
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
        <button
          data-testid="export-clients"
          onClick={exportList}
          disabled={clients.length === 0}
          title={clients.length === 0 ? t('export_empty_why') : undefined}
          aria-describedby={clients.length === 0 ? 'export-why' : undefined}
        >
          {t('export_csv')}
        </button>
        {clients.length === 0 && (
          <span id="export-why" class="muted">
            {t('export_empty_why')}
          </span>
        )}
      </div>
      {progress && (
        <progress data-testid="import-progress" value={progress.done} max={progress.total} aria-label={t('import_progress')} />
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
            <p>{tPlural('import_summary', summary.imported, summary.added, summary.updated, summary.rejected.length)}</p>
          )}
          {summary.encoding === 'windows-1252' && (
            <p class="warn" data-testid="import-encoding" data-encoding={summary.encoding}>
              {t('import_read_as_windows_1252')}
            </p>
          )}
          {summary.updatedByName && summary.updatedByName.length > 0 && (
            <ul class="rejections" data-testid="import-updated-by-name">
              {summary.updatedByName.map((row) => (
                <li key={row.line} data-testid="import-updated-row" data-line={String(row.line)}>
                  {t('import_updated_by_name', row.line, row.name)}
                </li>
              ))}
            </ul>
          )}
          {summary.duplicates && summary.duplicates.length > 0 && (
            <ul class="rejections" data-testid="import-duplicates">
              {summary.duplicates.map((row) => (
                <li key={row.line} data-testid="import-duplicate" data-line={String(row.line)}>
                  {t('import_duplicate', row.line, row.name, row.others)}
                </li>
              ))}
            </ul>
          )}
          {summary.cleaned && summary.cleaned.length > 0 && (
            <ul class="rejections" data-testid="import-cleaned">
              {summary.cleaned.map((row) => (
                <li key={row.line} data-testid="import-cleaned-row" data-line={String(row.line)}>
                  {t('import_cleaned_row', row.line, row.fields.map((f) => fieldLabel(f)).join(', '))}
                </li>
              ))}
            </ul>
          )}
          {summary.rejected.length > 0 && (
            <ul class="rejections" data-testid="import-rejections">
              {summary.rejected.map((r) => (
                <li key={r.line} data-testid="import-rejection" data-line={String(r.line)}>
                  {t('import_rejection', r.line, r.reason)}
                </li>
              ))}
            </ul>
          )}
        </div>
      )}
    </section>
  );
}
