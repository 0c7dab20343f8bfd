import { useCallback, useEffect, useState } from 'preact/hooks';
import type { Client } from '@/lib/clients/model';
import { listNotThem } from '@/lib/clients/store';
import type { NotThemDecision } from '@/lib/clients/sealing';
import { database } from '@/lib/db';
import { t } from '@/lib/i18n/t';
import { isPlatform, type Platform } from '@/lib/identity/platform';
import { ask } from '@/lib/messaging/ask';
import { siteName } from '@/lib/policy/suggestions';
import type { ActionResult } from '@/lib/sites/types';

const day = (at: number) => new Date(at).toLocaleDateString(undefined, { dateStyle: 'medium' });

/** A decision's profile, from its key (`platform:identity`); none for a key of no site we know. */
function profileOf(decision: NotThemDecision): { platform: Platform; identity: string } | undefined {
  const colon = decision.identityKey.indexOf(':');
  const platform = decision.identityKey.slice(0, colon);
  return colon > 0 && isPlatform(platform) ? { platform, identity: decision.identityKey.slice(colon + 1) } : undefined;
}

/**
 * The "not them" decisions made in the popup: which profile the clinician said is not which
 * client, on which site and when, each with Undo (the person is matched by name again). A
 * section of the Clients view, read with the list (so not while locked).
 */
export function NotThemDecisions({ clients, revision }: { clients: Client[]; revision: number }) {
  const [decisions, setDecisions] = useState<NotThemDecision[] | null>(null);
  const [result, setResult] = useState<ActionResult | null>(null);

  const reload = useCallback(async () => setDecisions(await listNotThem(database())), []);
  useEffect(() => {
    void reload();
    // Decisions are made in the popup while this page stays open in its tab.
    const onVisible = () => document.visibilityState === 'visible' && void reload();
    document.addEventListener('visibilitychange', onVisible);
    return () => document.removeEventListener('visibilitychange', onVisible);
  }, [reload, revision]);

  const names = new Map(clients.map((client) => [client.id, client.name]));
  const undo = async (decision: NotThemDecision, profile: { platform: Platform; identity: string }) => {
    setResult(await ask({ type: 'undo-not-them', clientId: decision.clientId, ...profile }));
    await reload();
  };

  return (
    <section id="decisions" class="card" aria-labelledby="decisions-heading" data-testid="decisions">
      <h2 id="decisions-heading">{t('decisions_heading')}</h2>
      <p class="muted">{t('decisions_lead')}</p>
      {decisions === null ? (
        <p class="muted">{t('common_loading')}</p>
      ) : decisions.length === 0 ? (
        <p class="muted" data-testid="decisions-empty">
          {t('decisions_empty')}
        </p>
      ) : (
        <ul class="decisions">
          {decisions.map((decision) => {
            const profile = profileOf(decision);
            const client = names.get(decision.clientId) ?? t('client_gone');
            return (
              <li key={decision.id} data-testid="decision" data-platform={profile?.platform} data-client-name={client}>
                <span>
                  {t('decisions_row', profile?.identity ?? decision.identityKey, profile ? siteName(profile.platform) : '?', client)}
                  {' · '}
                  <span class="muted" data-testid="decision-date">
                    {decision.at === undefined ? t('decisions_undated') : day(decision.at)}
                  </span>
                </span>
                {profile && (
                  <button
                    class="small"
                    data-testid="decision-undo"
                    aria-label={t('decisions_undo_label', profile.identity, client)}
                    onClick={() => void undo(decision, profile)}
                  >
                    {t('decision_undo')}
                  </button>
                )}
              </li>
            );
          })}
        </ul>
      )}
      {result && (
        <p role="status" data-testid="decisions-result" class={result.ok ? 'ok' : 'warn'}>
          {result.ok ? result.done : result.reason}
        </p>
      )}
    </section>
  );
}
