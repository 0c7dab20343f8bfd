import { useEffect, useState } from 'preact/hooks';
import { listActivity } from '@/lib/activity/store';
import { CHECKLIST, CHECKLIST_CHECKED, LOOK_AGAIN_DAYS, checkState, type CheckItem } from '@/lib/checkup/checklist';
import { sightingGroups, type SightingGroup } from '@/lib/checkup/sightings';
import { loadTicks, setTick, type Ticks } from '@/lib/checkup/ticks';
import { database } from '@/lib/db';
import { t } from '@/lib/i18n/t';
import { PLATFORMS } from '@/lib/identity/platform';
import { siteName } from '@/lib/policy/suggestions';

const day = (at: number) => new Date(at).toLocaleDateString(undefined, { dateStyle: 'medium' });
const checkedMonth = new Date(CHECKLIST_CHECKED.year, CHECKLIST_CHECKED.month - 1).toLocaleDateString(undefined, { month: 'long', year: 'numeric' });

/**
 * The check-up: which clients the sites put in front of the clinician (from the activity log, so
 * only while the list can be read), and the sites' own settings that cut those leaks, each ticked
 * when done and asked about again after a few months.
 */
export function CheckUp({ readable, revision }: { readable: boolean; revision: number }) {
  return (
    <div class="checkup" data-testid="checkup">
      <h2>{t('checkup_seen_heading')}</h2>
      <p class="muted">{t('checkup_seen_lead')}</p>
      {readable ? <Sightings revision={revision} /> : <p class="muted">{t('checkup_seen_locked')}</p>}
      <h2>{t('checkup_settings_heading')}</h2>
      <p class="muted">{t('checkup_settings_lead', LOOK_AGAIN_DAYS, checkedMonth)}</p>
      <Checklist />
    </div>
  );
}

function Sightings({ revision }: { revision: number }) {
  const [groups, setGroups] = useState<SightingGroup[] | null>(null);
  const [error, setError] = useState('');
  useEffect(() => {
    let current = true;
    listActivity(database()).then(
      (items) => current && setGroups(sightingGroups(items)),
      (failure: unknown) => current && setError(failure instanceof Error ? failure.message : String(failure)),
    );
    return () => {
      current = false;
    };
  }, [revision]);

  if (error) return <p role="alert">{error}</p>;
  if (!groups) return <p class="muted">{t('common_loading')}</p>;
  if (groups.length === 0) return <p data-testid="checkup-seen-none">{t('checkup_seen_none')}</p>;
  return (
    <>
      {groups.map((group) => (
        <div key={`${group.platform}-${group.kind}`} data-testid="checkup-seen" data-platform={group.platform} data-kind={group.kind}>
          <h3>{t(group.kind === 'suggestion-seen' ? 'checkup_seen_suggestions' : 'checkup_seen_connections', siteName(group.platform))}</h3>
          <ul>
            {group.clients.map((client) => (
              <li key={client.clientId} data-testid="checkup-seen-client" data-client-id={String(client.clientId)}>
                {client.relatedToName === undefined ? client.name : t('activity_related_to', client.name, client.relatedToName)} <span class="muted">{t('checkup_seen_last', day(client.lastSeen))}</span>
              </li>
            ))}
          </ul>
        </div>
      ))}
    </>
  );
}

function Checklist() {
  const [ticks, setTicks] = useState<Ticks | null>(null);
  const [now, setNow] = useState(Date.now());
  useEffect(() => {
    void loadTicks().then(setTicks);
  }, []);
  if (!ticks) return <p class="muted">{t('common_loading')}</p>;

  const change = async (item: CheckItem, done: boolean) => {
    const at = Date.now();
    setTicks(await setTick(item.id, done, at));
    setNow(at);
  };
  return (
    <>
      {PLATFORMS.map((platform) => (
        <div key={platform}>
          <h3>{siteName(platform)}</h3>
          <ul class="checklist">
            {CHECKLIST.filter((item) => item.platform === platform).map((item) => {
              const tickedAt = ticks[item.id];
              const state = checkState(tickedAt, now);
              const inputId = `checkup-${item.id}`;
              return (
                <li key={item.id} data-testid="checkup-item" data-item={item.id} data-state={state}>
                  <label class="check" for={inputId}>
                    {/* A setting to look at again is ticked afresh once the clinician has. */}
                    <input id={inputId} type="checkbox" checked={state === 'done'} onChange={(e) => void change(item, (e.target as HTMLInputElement).checked)} />
                    <strong>{t(item.title)}</strong>
                  </label>
                  <p>{t(item.why)}</p>
                  <p class="row">
                    <a href={item.url} target="_blank" rel="noopener noreferrer">
                      {t('checkup_open_setting', siteName(platform))}
                    </a>
                    {tickedAt !== undefined && (
                      <span class={state === 'look-again' ? 'look-again' : 'muted'} data-testid="checkup-item-state">
                        {t(state === 'look-again' ? 'checkup_look_again' : 'checkup_ticked_on', day(tickedAt))}
                      </span>
                    )}
                  </p>
                </li>
              );
            })}
          </ul>
        </div>
      ))}
    </>
  );
}
