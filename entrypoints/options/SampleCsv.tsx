import { saveFile } from '@/components/save-file';
import { t } from '@/lib/i18n/t';
import { SAMPLE_CLIENT_CSV, SAMPLE_CLIENT_CSV_FILE } from '@/lib/clients/sample-csv';

/** A sample CSV to start from: the columns the import reads, filled for invented people. */
export function SampleCsv() {
  return (
    <section id="sample" class="card" aria-labelledby="sample-heading">
      <h2 id="sample-heading">{t('sample_csv_heading')}</h2>
      <p class="muted">{t('sample_csv_lead')}</p>
      <div class="row">
        <button
          type="button"
          data-testid="sample-csv"
          // The byte-order mark makes spreadsheet programs read it as UTF-8, as the export does.
          onClick={() => saveFile(SAMPLE_CLIENT_CSV_FILE, '\uFEFF' + SAMPLE_CLIENT_CSV, 'text/csv;charset=utf-8')}
        >
          {t('sample_csv_download')}
        </button>
      </div>
    </section>
  );
}
