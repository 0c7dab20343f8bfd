import { useEffect, useState } from 'preact/hooks';
import type { DiscussEvent } from '@/lib/discuss/model';
import { t } from '@/lib/i18n/t';
import { ask } from '@/lib/messaging/ask';
import type { DetectionView } from '@/lib/messaging/messages';
import { adviceFor, requestPrimary } from '@/lib/policy/status-policy';
import { siteName } from '@/lib/policy/suggestions';
import type { PolicyDefaults } from '@/lib/practice-policy/choices';
import type { ReplyContext } from '@/lib/replies/context';
import type { ActionResult } from '@/lib/sites/types';
import { opensAnswer, policyReplyNote, situationsFor, whatAnsweringDoes } from '@/lib/replies/situations';
import { ActionResultLine, discussPurposeOf, ItemHeading, RememberForSession, StatusPolicyLine } from './item-parts';
import { SamePersonQuestion } from './SamePersonQuestion';
import { useAction } from './use-action';
import { useReplyDraft } from './use-reply-draft';

interface Props {
  tabId: number;
  detection: DetectionView;
  replies: ReplyContext;
  /** The page's own language (`<html lang>`), which the reply follows when there is one in it. */
  pageLanguage?: string;
  messageRequests: boolean;
  /** This card's outcome in the popup's "Decline all", once it has one. */
  bulkResult?: ActionResult;
  onChanged: () => void;
  /** The person left the page's detections (declined, or "not them"): the popup keeps showing the item. */
  onKept: () => void;
}

/** An action waiting for the second click because its reply was flagged. */
type Armed = 'insert' | 'copy' | null;

/** One matched request or conversation: who it is on the list, and one-click actions. */
export function DetectionItem({ tabId, detection, replies, pageLanguage, messageRequests, bulkResult, onChanged, onKept }: Props) {
  const { result, busy, run, show } = useAction(detection);
  const [declined, setDeclined] = useState(false);
  const [armed, setArmed] = useState<Armed>(null);
  const [done, setDone] = useState<DiscussEvent | null>(null);
  const [blocked, setBlocked] = useState(false);
  /** Whether the clinician opened a request's "answer instead" (its reply is composed and checked only then). */
  const [answerOpened, setAnswerOpened] = useState(false);

  // Declined by "Decline all": reported here, and marked done as if declined from this card.
  useEffect(() => {
    if (!bulkResult) return;
    show(bulkResult);
    if (bulkResult.ok) {
      setDeclined(true);
      setDone('declined-request');
    }
  }, [bulkResult]);

  const { platform } = detection;
  // The practice's rule for this person's status (or for related people, or young people).
  const advice = adviceFor(detection.clients, replies.status);
  const defaults: PolicyDefaults = {
    requestReply: advice.request === 'answer' ? 'answer' : 'decline',
    messageReply: advice.message === 'no-reply' ? 'none' : 'redirect',
  };
  const replyOffered = advice.noReply === undefined;
  const purpose = discussPurposeOf(detection.clients);
  // A request's reply waits behind "answer instead", closed unless the policy opens it: composed
  // and checked once it is open.
  const answerShown = detection.kind !== 'request' || answerOpened || opensAnswer(detection.kind, defaults);
  const { chosen, reply, checks, flagged, chooser } = useReplyDraft({
    replies,
    platform,
    situations: situationsFor(detection.kind, messageRequests),
    pageLanguage,
    pageName: detection.pageName,
    token: detection.token,
    wanted: replyOffered && answerShown,
    disarm: () => setArmed(null),
  });
  const tooLong = checks?.length.over ?? false;

  const copy = () =>
    run(async () => {
      try {
        await navigator.clipboard.writeText(reply);
        return { ok: true, done: t('detection_reply_copied') };
      } catch {
        return { ok: false, reason: t('detection_copy_failed') };
      }
    });

  const insert = (confirmed: boolean) =>
    run(
      async () => {
        const outcome = await ask({ type: 'insert-reply', tabId, token: detection.token, text: reply, ...(confirmed && { confirmed }) });
        if (outcome.ok) return outcome;
        // The box could not be filled: the reply goes to the clipboard so it can be pasted by hand.
        try {
          await navigator.clipboard.writeText(reply);
          return { ok: false, reason: t('detection_insert_failed_copied', outcome.reason.replace(/[.。]\s*$/u, '')) };
        } catch {
          return outcome;
        }
      },
      () => setDone('redirected-message'),
    );

  /** A flagged reply takes two clicks: the first shows why and asks, the second acts. */
  const act = (action: Exclude<Armed, null>) => {
    if (flagged && armed !== action) {
      setArmed(action);
      return;
    }
    setArmed(null);
    void (action === 'insert' ? insert(flagged) : copy());
  };

  const confirmation = armed && (
    <div class="confirm" data-testid="confirm-area">
      <span>{t(armed === 'insert' ? 'detection_confirm_insert' : 'detection_confirm_copy')}</span>
      <button class="danger" data-testid="confirm-flagged" disabled={busy} onClick={() => act(armed)}>
        {t(armed === 'insert' ? 'detection_insert_anyway' : 'detection_copy_anyway')}
      </button>
      <button data-testid="cancel-flagged" onClick={() => setArmed(null)}>
        {t('common_cancel')}
      </button>
    </div>
  );
  const situationNote = chosen && whatAnsweringDoes(chosen.situation, platform);
  const policyNote = policyReplyNote(detection.kind, defaults);

  const decline = (primary: boolean) => (
    <button
      class={primary ? 'primary' : undefined}
      data-testid="decline"
      aria-keyshortcuts="D"
      disabled={busy || declined}
      onClick={() =>
        run(
          () => ask({ type: 'decline', tabId, token: detection.token }),
          () => {
            setDeclined(true);
            setDone('declined-request');
            onKept();
          },
        )
      }
    >
      {t('detection_decline', siteName(detection.platform))}
    </button>
  );
  // A safety concern: the site's own Block flow, one step the clinician sees; its confirmation is theirs.
  const block = advice.block && (
    <button class="primary" data-testid="block" disabled={busy || blocked} onClick={() => run(() => ask({ type: 'block', tabId, token: detection.token }), () => setBlocked(true))}>
      {t('detection_block', siteName(detection.platform))}
    </button>
  );
  // Left pending to raise in session (or, for anyone but a current client, kept as a note for the record).
  const primary = requestPrimary(advice);
  const leavePending = primary === 'leave-pending' && (
    <button class="primary" data-testid="leave-pending" disabled={busy || done !== null} onClick={() => setDone('left-pending')}>
      {t(purpose === 'session' ? 'detection_leave_pending_session' : 'detection_leave_pending_record')}
    </button>
  );
  const noReplyReason = advice.noReply && (
    <p class="note muted" data-testid="no-reply-reason" data-reason={advice.noReply}>
      {t(advice.noReply === 'minor' ? 'detection_no_reply_minor' : 'detection_no_reply_safety')}
    </p>
  );

  return (
    <li
      class="detection card"
      data-testid="detection"
      data-platform={detection.platform}
      data-kind={detection.kind}
      data-match={detection.match}
    >
      <ItemHeading
        detection={detection}
        kind={t(detection.kind === 'request' ? 'detection_kind_request' : messageRequests ? 'detection_kind_message_request' : 'detection_kind_conversation')}
      />
      <SamePersonQuestion tabId={tabId} detection={detection} busy={busy} run={(action, after) => void run(action, after)} onChanged={onChanged} onKept={onKept} />
      <StatusPolicyLine detection={detection} advice={advice} />
      {detection.kind === 'request' ? (
        <>
          <div class="actions">
            {block}
            {leavePending}
            {decline(primary === 'decline')}
          </div>
          {noReplyReason}
          {replyOffered && chosen && (
            <details
              class="answer"
              data-testid="answer-instead"
              open={opensAnswer(detection.kind, defaults)}
              onToggle={(e) => setAnswerOpened(e.currentTarget.open)}
            >
              <summary>{t('detection_answer_instead')}</summary>
              {situationNote && <p class="note muted">{situationNote}</p>}
              {chooser}
              <div class="actions">
                <button data-testid="copy-reply" disabled={busy || !reply} onClick={() => act('copy')}>
                  {t('detection_copy_reply')}
                </button>
              </div>
              {confirmation}
            </details>
          )}
        </>
      ) : (
        <>
          {block && <div class="actions">{block}</div>}
          {noReplyReason}
          {replyOffered && (
            <>
              {policyNote && (
                <p class="note muted" data-testid="policy-reply-note">
                  {policyNote}
                </p>
              )}
              {situationNote && <p class="note muted">{situationNote}</p>}
              {chooser}
              <div class="actions">
                <button
                  class={advice.message === 'no-reply' ? undefined : 'primary'}
                  data-testid="insert-reply"
                  aria-keyshortcuts="I"
                  data-flagged={String(flagged)}
                  disabled={busy || !reply || tooLong}
                  onClick={() => act('insert')}
                >
                  {t('detection_insert_reply')}
                </button>
                <button data-testid="copy-reply" disabled={busy || !reply} onClick={() => act('copy')}>
                  {t('detection_copy')}
                </button>
              </div>
              {confirmation}
            </>
          )}
          {/* No reply by the policy's choice: a note for the record (or the next session) is still offered. */}
          {replyOffered && advice.message === 'no-reply' && !done && (
            <div class="actions">
              <button data-testid="note-instead" onClick={() => setDone('unanswered-message')}>
                {t(purpose === 'session' ? 'detection_note_session' : 'detection_note_record')}
              </button>
            </div>
          )}
        </>
      )}
      {replyOffered && !chosen && <p class="warn">{t('detection_no_template')}</p>}
      <ActionResultLine result={result} />
      {done && <RememberForSession detection={detection} event={done} />}
    </li>
  );
}
