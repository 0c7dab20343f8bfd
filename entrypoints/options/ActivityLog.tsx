import { useEffect, useState } from 'preact/hooks';
import { activityWords } from '@/components/activity-words';
import { saveFile } from '@/components/save-file';
import { writeActivityCsv } from '@/lib/activity/csv';
import {
  ACTIVITY_KINDS,
  ACTIVITY_PLACES,
  RETENTION_CHOICES,
  isActivityKind,
  isActivityPlace,
  type ActivityFilter,
  type RetentionDays,
} from '@/lib/activity/model';
import { listActivity, retentionDays, setRetentionDays, type ActivityItem } from '@/lib/activity/store';
import { database } from '@/lib/db';
import type { Client } from '@/lib/clients/model';
import { t } from '@/lib/i18n/t';

/** A date input's value as the start (or end) of that day in the computer's time zone. */
function dayBound(value: string, end: boolean): number | undefined {
  if (!value) return undefined;
  const [y, m, d] = value.split('-').map(Number);
  return end ? new Date(y!, m! - 1, d!, 23, 59, 59, 999).getTime() : new Date(y!, m! - 1, d!).getTime();
}

const when = (at: number) => new Date(at).toLocaleString(undefined, { dateStyle: 'medium', timeStyle: 'short' });

/**
 * The activity log for the clinical record: what Boundary did or the clinician confirmed, by
 * client, site, kind and date; exported as CSV; kept for the period chosen here.
 */
export function ActivityLog({ clients, revision }: { clients: readonly Client[]; revision: number }) {
  const [filter, setFilter] = useState<ActivityFilter>({});
  const [fromDay, setFromDay] = useState('');
  const [toDay, setToDay] = useState('');
  const [items, setItems] = useState<ActivityItem[] | null>(null);
  const [retention, setRetention] = useState<RetentionDays | null>(null);
  const [error, setError] = useState('');

  const chosen: ActivityFilter = { ...filter, from: dayBound(fromDay, false), to: dayBound(toDay, true) };
  const key = JSON.stringify(chosen);
  useEffect(() => {
    let current = true;
    listActivity(database(), chosen).then(
      (found) => current && setItems(found),
      (failure: unknown) => current && setError(failure instanceof Error ? failure.message : String(failure)),
    );
    return () => {
      current = false;
    };
  }, [key, revision]);
  useEffect(() => {
    void retentionDays(database()).then(setRetention);
  }, []);

  const changeRetention = async (days: RetentionDays) => {
    await setRetentionDays(database(), days);
    setRetention(days);
    setItems(await listActivity(database(), chosen));
  };
  const exportCsv = () => {
    if (!items) return;
    const stamp = new Date().toISOString().slice(0, 10);
    saveFile(`boundary-activity-${stamp}.csv`, writeActivityCsv(items, activityWords), 'text/csv;charset=utf-8');
  };
  const set = (patch: Partial<ActivityFilter>) => setFilter((f) => ({ ...f, ...patch }));

  return (
    <div class="activity" data-testid="activity-log">
      <div class="filters" role="group" aria-label={t('activity_filters')}>
        <label>
          {t('activity_filter_client')}
          <select
            data-testid="activity-filter-client"
            value={filter.clientId ?? ''}
            onChange={(e) => {
              const value = (e.target as HTMLSelectElement).value;
              set({ clientId: value ? Number(value) : undefined });
            }}
          >
            <option value="">{t('activity_filter_any')}</option>
            {clients.map((c) => (
              <option key={c.id} value={c.id}>
                {c.name}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t('activity_filter_site')}
          <select
            data-testid="activity-filter-place"
            value={filter.place ?? ''}
            onChange={(e) => {
              const value = (e.target as HTMLSelectElement).value;
              set({ place: isActivityPlace(value) ? value : undefined });
            }}
          >
            <option value="">{t('activity_filter_any')}</option>
            {ACTIVITY_PLACES.map((place) => (
              <option key={place} value={place}>
                {activityWords.place(place)}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t('activity_filter_kind')}
          <select
            data-testid="activity-filter-kind"
            value={filter.kind ?? ''}
            onChange={(e) => {
              const value = (e.target as HTMLSelectElement).value;
              set({ kind: isActivityKind(value) ? value : undefined });
            }}
          >
            <option value="">{t('activity_filter_any')}</option>
            {ACTIVITY_KINDS.map((kind) => (
              <option key={kind} value={kind}>
                {activityWords.kind(kind)}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t('activity_filter_from')}
          <input data-testid="activity-filter-from" type="date" value={fromDay} onInput={(e) => setFromDay((e.target as HTMLInputElement).value)} />
        </label>
        <label>
          {t('activity_filter_to')}
          <input data-testid="activity-filter-to" type="date" value={toDay} onInput={(e) => setToDay((e.target as HTMLInputElement).value)} />
        </label>
      </div>
      {error && <p class="warn">{error}</p>}
      {items === null ? (
        <p class="muted">{t('common_loading')}</p>
      ) : items.length === 0 ? (
        <p class="muted" id="activity-empty" data-testid="activity-empty">
          {t('activity_empty')}
        </p>
      ) : (
        // Scrolled in both directions once the log is long or the window narrow: the keyboard can scroll it too.
        <div class="table-wrap" tabIndex={0} role="region" aria-label={t('activity_entries')}>
          <table>
            <thead>
              <tr>
                <th scope="col">{t('activity_col_when')}</th>
                <th scope="col">{t('activity_col_what')}</th>
                <th scope="col">{t('activity_col_site')}</th>
                <th scope="col">{t('activity_col_client')}</th>
                <th scope="col">{t('activity_col_details')}</th>
              </tr>
            </thead>
            <tbody>
              {items.map((item) => (
                <tr key={item.id} data-testid="activity-row" data-kind={item.kind} data-place={item.place} data-client-id={item.clientId ?? ''}>
                  <td>{when(item.at)}</td>
                  <td>{activityWords.kind(item.kind)}</td>
                  <td>{activityWords.place(item.place)}</td>
                  <td>
                    {item.clientId === undefined
                      ? ''
                      : item.clientName === undefined
                        ? activityWords.removedClient
                        : item.relatedToName !== undefined
                          ? activityWords.relatedTo(item.clientName, item.relatedToName)
                          : item.clientName}
                  </td>
                  <td>
                    {item.page && <span data-testid="activity-page" data-page={item.page}>{activityWords.page(item.page)}</span>}
                    {item.action && activityWords.action(item.action)}
                    {item.note && (
                      <>
                        <div>{item.note.reason}</div>
                        {item.note.lookedAt && <div class="muted">{item.note.lookedAt}</div>}
                      </>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <div class="actions">
        <button
          data-testid="activity-export"
          disabled={!items || items.length === 0}
          // Disabled, it says why: the empty-log line above says it in words too.
          title={items && items.length === 0 ? t('activity_export_none') : undefined}
          aria-describedby={items && items.length === 0 ? 'activity-empty' : undefined}
          onClick={exportCsv}
        >
          {t('activity_export')}
        </button>
        <label>
          {t('activity_retention')}
          <select
            data-testid="activity-retention"
            value={retention ?? ''}
            onChange={(e) => void changeRetention(Number((e.target as HTMLSelectElement).value) as RetentionDays)}
          >
            {RETENTION_CHOICES.map((days) => (
              <option key={days} value={days}>
                {days % 365 === 0 ? t(days === 365 ? 'activity_keep_year' : 'activity_keep_years', days / 365) : t('activity_keep_days', days)}
              </option>
            ))}
          </select>
        </label>
      </div>
    </div>
  );
}
