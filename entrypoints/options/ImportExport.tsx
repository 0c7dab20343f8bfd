import { useRef, useState } from 'preact/hooks';
import { RichMessage } from '@/components/RichMessage';
import { readClientCsvFileInSlices, writeClientCsv, type ClientCsvRejection, type CsvEncoding } from '@/lib/clients/client-csv';
import { database } from '@/lib/db';
import type { Client } from '@/lib/clients/model';
import { nextTurn } from '@/lib/clients/slices';
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

/** Where an import is: reading the file, checking its rows against the list, or saving them. */
type ImportProgress = { phase: 'reading' | 'checking' | 'saving'; done: number; total: number };

const PHASE_TEXT = { reading: 'import_phase_reading', checking: 'import_phase_checking', saving: 'import_phase_saving' } as const;

const tenth = ({ done, total }: ImportProgress) => Math.floor((done / Math.max(1, total)) * 10);

/** Rows a summary list shows before saying how many more: a file of 100,000 can add thousands of possible duplicates. */
export const SUMMARY_ROWS = 200;

/** CSV import (one transaction, bad rows reported by line) and export of the whole list. */
export function ImportExport({ clients, onImported }: { clients: Client[] | null; onImported: () => Promise<void> }) {
  const [progress, setProgress] = useState<ImportProgress | null>(null);
  const [summary, setSummary] = useState<Summary | null>(null);
  // The bar moves with every slice; the words, a live region, change with each stage and each
  // tenth of it, so a screen reader is told how far the import is without a flood of numbers.
  const said = useRef<ImportProgress | null>(null);
  if (progress === null) said.current = null;
  else if (said.current === null || said.current.phase !== progress.phase || tenth(said.current) !== tenth(progress)) said.current = progress;

  const importFile = async (file: File) => {
    setSummary(null);
    setProgress({ phase: 'reading', done: 0, total: 1 });
    // A frame for the progress bar before the work starts; every stage after pauses between slices.
    await nextTurn();
    try {
      const bytes = new Uint8Array(await file.arrayBuffer());
      const parsed = await readClientCsvFileInSlices(bytes, (done, total) => setProgress({ phase: 'reading', done, total }));
      if (!parsed.ok) {
        setSummary({ imported: 0, rejected: [], added: 0, updated: 0, error: parsed.error });
        return;
      }
      const drafts = parsed.rows.map(({ draft, relatedToName }) => ({ draft, ...(relatedToName !== undefined && { relatedToName }) }));
      setProgress({ phase: 'checking', done: 0, total: drafts.length });
      const { refused, duplicates, updatedByName, ...outcome } = await importDrafts(
        database(),
        drafts,
        (done, total) => setProgress({ phase: 'saving', done, total }),
        new Set(parsed.given),
        (done, total) => setProgress({ phase: 'checking', done, total }),
      );
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

  // A long list is still being read when the page opens: export waits for all of it.
  const exportWhy = clients === null ? t('common_loading') : clients.length === 0 ? t('export_empty_why') : undefined;
  const exportList = () => {
    if (clients === null) return;
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
          disabled={exportWhy !== undefined}
          title={exportWhy}
          aria-describedby={exportWhy === undefined ? undefined : 'export-why'}
        >
          {t('export_csv')}
        </button>
        {exportWhy !== undefined && (
          <span id="export-why" class="muted">
            {exportWhy}
          </span>
        )}
      </div>
      {progress && (
        <div class="import-progress">
          <progress data-testid="import-progress" data-phase={progress.phase} value={progress.done} max={progress.total} aria-label={t('import_progress')} aria-describedby="import-progress-text" />
          {/* Said, and shown, as the import moves on: which stage, and how far. */}
          <p id="import-progress-text" class="muted" role="status" data-testid="import-progress-text">
            {t(PHASE_TEXT[said.current!.phase], said.current!.done.toLocaleString(), said.current!.total.toLocaleString())}
          </p>
        </div>
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
              {summary.updatedByName.slice(0, SUMMARY_ROWS).map((row) => (
                <li key={row.line} data-testid="import-updated-row" data-line={String(row.line)}>
                  {t('import_updated_by_name', row.line, row.name)}
                </li>
              ))}
              {summary.updatedByName.length > SUMMARY_ROWS && (
                <li class="muted" data-testid="import-more">
                  {t('import_more_rows', (summary.updatedByName.length - SUMMARY_ROWS).toLocaleString())}
                </li>
              )}
            </ul>
          )}
          {summary.duplicates && summary.duplicates.length > 0 && (
            <ul class="rejections" data-testid="import-duplicates">
              {summary.duplicates.slice(0, SUMMARY_ROWS).map((row) => (
                <li key={row.line} data-testid="import-duplicate" data-line={String(row.line)}>
                  {t('import_duplicate', row.line, row.name, row.others)}
                </li>
              ))}
              {summary.duplicates.length > SUMMARY_ROWS && (
                <li class="muted" data-testid="import-more">
                  {t('import_more_rows', (summary.duplicates.length - SUMMARY_ROWS).toLocaleString())}
                </li>
              )}
            </ul>
          )}
          {summary.cleaned && summary.cleaned.length > 0 && (
            <ul class="rejections" data-testid="import-cleaned">
              {summary.cleaned.slice(0, SUMMARY_ROWS).map((row) => (
                <li key={row.line} data-testid="import-cleaned-row" data-line={String(row.line)}>
                  {t('import_cleaned_row', row.line, row.fields.map((f) => fieldLabel(f)).join(', '))}
                </li>
              ))}
              {summary.cleaned.length > SUMMARY_ROWS && (
                <li class="muted" data-testid="import-more">
                  {t('import_more_rows', (summary.cleaned.length - SUMMARY_ROWS).toLocaleString())}
                </li>
              )}
            </ul>
          )}
          {summary.rejected.length > 0 && (
            <ul class="rejections" data-testid="import-rejections">
              {summary.rejected.slice(0, SUMMARY_ROWS).map((r) => (
                <li key={r.line} data-testid="import-rejection" data-line={String(r.line)}>
                  {t('import_rejection', r.line, r.reason)}
                </li>
              ))}
              {summary.rejected.length > SUMMARY_ROWS && (
                <li class="muted" data-testid="import-more">
                  {t('import_more_rows', (summary.rejected.length - SUMMARY_ROWS).toLocaleString())}
                </li>
              )}
            </ul>
          )}
        </div>
      )}
    </section>
  );
}
