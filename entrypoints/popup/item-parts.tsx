import { useState } from 'preact/hooks';
import type { DiscussEvent } from '@/lib/discuss/model';
import type { Relationship } from '@/lib/clients/model';
import { andList, orList } from '@/lib/i18n/lists';
import { t, type MessageKey } from '@/lib/i18n/t';
import { ask } from '@/lib/messaging/ask';
import type { DetectionView } from '@/lib/messaging/messages';
import { discussPurpose, type DetectionAdvice, type PolicyGroup } from '@/lib/policy/status-policy';
import { siteName } from '@/lib/policy/suggestions';
import type { ActionResult } from '@/lib/sites/types';
import { statusLabel } from './use-action';

/** Who a detection is on the list, and where and how the page shows them. */
export function ItemHeading({ detection, kind }: { detection: DetectionView; kind: string }) {
  const safety = detection.clients.some((c) => c.safety);
  const minor = detection.clients.some((c) => c.minor);
  return (
    <>
      <h2>
        {orList(detection.clients.map((c) => c.name))}
        <span class="tag">{statusLabel(detection.clients)}</span>
        {safety && (
          <span class="tag flag safety" data-testid="flag-safety">
            {t('flag_safety')}
          </span>
        )}
        {minor && (
          <span class="tag flag" data-testid="flag-minor">
            {t('flag_minor')}
          </span>
        )}
      </h2>
      <div class="meta muted">
        {siteName(detection.platform)} · {kind} ·{' '}
        {detection.match === 'exact' ? t('detection_match_exact') : t('detection_match_name', detection.pageName)}
      </div>
      <PeopleLinks clients={detection.clients} />
    </>
  );
}

const RELATIONSHIP_WORDS: Record<Relationship, MessageKey> = {
  parent: 'relationship_parent',
  guardian: 'relationship_guardian',
  partner: 'relationship_partner',
  family: 'relationship_family',
  carer: 'relationship_carer',
};

/**
 * For a related person, the client they are related to; for a young person, their parents and
 * guardians on the list. Said here, to the clinician only: no reply ever names a relationship.
 */
function PeopleLinks({ clients }: { clients: DetectionView['clients'] }) {
  return (
    <>
      {clients.map((c) =>
        c.related ? (
          <div key={`r${c.id}`} class="meta" data-testid="related-to" data-client-id={String(c.related.clientId)}>
            {t('detection_related_to', c.related.name, t(RELATIONSHIP_WORDS[c.related.relationship]))}
          </div>
        ) : null,
      )}
      {clients.map((c) =>
        c.guardians && c.guardians.length > 0 ? (
          <div key={`g${c.id}`} class="meta" data-testid="guardians">
            {t('detection_guardians', andList(c.guardians.map((g) => `${g.name} (${t(RELATIONSHIP_WORDS[g.relationship])})`)))}
          </div>
        ) : null,
      )}
    </>
  );
}

const WHO: Record<PolicyGroup, MessageKey> = {
  enquiry: 'status_policy_who_enquiry',
  waitlist: 'status_policy_who_waitlist',
  current: 'status_policy_who_current',
  former: 'status_policy_who_former',
  related: 'status_policy_who_related',
  minor: 'status_policy_who_minor',
};

/** The option's words inside a sentence: "Decline quietly" → "decline quietly". */
const lowerFirst = (text: string) => text.charAt(0).toLocaleLowerCase() + text.slice(1);

/** What the practice's policy says for this person, in one line: the status's rule, a young person's, or a safety concern. */
export function StatusPolicyLine({ detection, advice }: { detection: DetectionView; advice: DetectionAdvice }) {
  // A current client under the usual rule gets no line of their own: the kind's line above the
  // group already says it, and the same words on every card teach people to stop reading them.
  const usual = detection.kind === 'request' ? advice.request === 'decline' : advice.message === 'redirect';
  if (advice.group === 'current' && !advice.block && usual) return null;
  const purpose = discussPurposeOf(detection.clients);
  let line: string;
  if (advice.block) line = t('status_policy_line_safety', siteName(detection.platform));
  else if (advice.group === 'minor') line = t('status_policy_line_minor');
  else if (detection.kind === 'request') {
    const what =
      advice.request === 'pending'
        ? t(purpose === 'session' ? 'status_policy_request_pending_session' : 'status_policy_request_pending_record')
        : t(advice.request === 'answer' ? 'status_policy_request_answer' : 'status_policy_request_decline');
    line = t('status_policy_line', t(WHO[advice.group]), lowerFirst(what));
  } else {
    const what =
      advice.message === 'redirect'
        ? t('status_policy_message_redirect')
        : t(purpose === 'session' ? 'status_policy_message_none_session' : 'status_policy_message_none_record');
    line = t('status_policy_line', t(WHO[advice.group]), lowerFirst(what));
  }
  return (
    <p class="policy" data-testid="status-policy" data-group={advice.group}>
      {line}
    </p>
  );
}

/** A note for the next session when every person it is for is a current client; otherwise a note for the record. */
export const discussPurposeOf = (clients: DetectionView['clients']): 'session' | 'record' =>
  clients.every((c) => discussPurpose(c) === 'session') ? 'session' : 'record';

/** What the last action did, or why it did not: said as the page answered it. */
export function ActionResultLine({ result }: { result: ActionResult | null }) {
  if (!result) return null;
  return (
    <p role="status" data-testid="action-result" data-ok={String(result.ok)} class={result.ok ? 'ok' : 'warn'}>
      {result.ok ? result.done : result.reason}
    </p>
  );
}

/** After a decline, a removed suggestion or a redirect: keep a note of it for the client's next session, if wanted. */
export function RememberForSession({ detection, event }: { detection: DetectionView; event: DiscussEvent }) {
  const [added, setAdded] = useState<number[]>([]);
  const [error, setError] = useState('');
  const add = async (clientId: number) => {
    try {
      const result = await ask({ type: 'add-discuss', clientId, platform: detection.platform, event });
      if (!result.ok) return setError(result.reason);
      setAdded((ids) => [...ids, clientId]);
    } catch {
      setError(t('discuss_add_failed'));
    }
  };
  const several = detection.clients.length > 1;
  // A current client's note is for the next session; anyone else's (a former client has no next
  // session, an enquiry has not begun, a related person is not in the sessions) is for the record.
  const session = discussPurposeOf(detection.clients) === 'session';
  const forSession = (client: DetectionView['clients'][number]) => discussPurpose(client) === 'session';
  return (
    <div class="remember" data-testid="discuss-offer" data-purpose={session ? 'session' : 'record'}>
      <span class="muted">{t(session ? 'discuss_offer' : 'discuss_offer_record')}</span>
      {detection.clients.map((client) =>
        added.includes(client.id) ? (
          <span key={client.id} class="ok" data-testid="discuss-added" data-client-id={String(client.id)}>
            {several
              ? t(forSession(client) ? 'discuss_added_for' : 'discuss_added_record_for', client.name)
              : t(forSession(client) ? 'discuss_added' : 'discuss_added_record')}
          </span>
        ) : (
          <button key={client.id} data-testid="discuss-add" data-client-id={String(client.id)} onClick={() => void add(client.id)}>
            {several
              ? t(forSession(client) ? 'discuss_add_for' : 'discuss_add_record_for', client.name)
              : t(forSession(client) ? 'discuss_add' : 'discuss_add_record')}
          </button>
        ),
      )}
      {error && <span class="warn">{error}</span>}
    </div>
  );
}
