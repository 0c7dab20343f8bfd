import { useState } from 'preact/hooks';
import { t } from '@/lib/i18n/t';
import { ask } from '@/lib/messaging/ask';
import type { DetectionView } from '@/lib/messaging/messages';
import { siteName } from '@/lib/policy/suggestions';
import type { ReplyContext } from '@/lib/replies/context';
import { situationsFor, whatAnsweringDoes } from '@/lib/replies/situations';
import { ActionResultLine, ItemHeading, RememberForSession } from './item-parts';
import { SamePersonQuestion } from './SamePersonQuestion';
import { useAction } from './use-action';
import { useReplyDraft } from './use-reply-draft';

interface Props {
  tabId: number;
  detection: DetectionView;
  replies: ReplyContext;
  /** The page's `<html lang>`: the note is offered in it first when there is one in it. */
  pageLanguage?: string;
  onChanged: () => void;
}

/**
 * A comment, reply, mention or tag by someone on the list, addressed to the clinician in public
 * (policy rule 4): one click opens the site's own menu on it (hide, delete, remove tag), where the
 * clinician chooses; and a private note to copy, which points to the secure channels and says
 * nothing about what they wrote. There is no open message box on a notifications page, so the
 * note is copied rather than inserted. Nothing here shows or keeps what they wrote.
 */
export function MentionItem({ tabId, detection, replies, pageLanguage, onChanged }: Props) {
  const { result, busy, run } = useAction(detection);
  const [armed, setArmed] = useState(false);
  const [acted, setActed] = useState(false);
  const { platform } = detection;
  const { chosen, reply, flagged, chooser } = useReplyDraft({
    replies,
    platform,
    situations: situationsFor('mention', false),
    pageLanguage,
    pageName: detection.pageName,
    token: detection.token,
    wanted: true,
    disarm: () => setArmed(false),
  });
  const note = chosen && whatAnsweringDoes(chosen.situation, platform);

  const copy = () => {
    // A flagged note takes two clicks: the first shows why and asks, the second copies.
    if (flagged && !armed) return setArmed(true);
    setArmed(false);
    void run(
      async () => {
        try {
          await navigator.clipboard.writeText(reply);
          return { ok: true, done: t('detection_reply_copied') };
        } catch {
          return { ok: false, reason: t('detection_copy_failed') };
        }
      },
      () => setActed(true),
    );
  };

  return (
    <li class="detection card" data-testid="detection" data-platform={platform} data-kind={detection.kind} data-match={detection.match}>
      <ItemHeading detection={detection} kind={t('detection_kind_mention')} />
      {detection.match === 'name' && detection.identity && (
        <SamePersonQuestion tabId={tabId} detection={detection} busy={busy} run={(action, after) => void run(action, after)} onChanged={onChanged} />
      )}
      <div class="actions">
        <button
          class="primary"
          data-testid="mention-step"
          disabled={busy}
          onClick={() => run(() => ask({ type: 'mention-step', tabId, token: detection.token }), () => setActed(true))}
        >
          {t('detection_mention_step', siteName(platform))}
        </button>
      </div>
      {chosen ? (
        <>
          <p class="note muted">{t('detection_mention_reply_note')}</p>
          {note && <p class="note muted">{note}</p>}
          {chooser}
          <div class="actions">
            <button data-testid="copy-reply" data-flagged={String(flagged)} disabled={busy || !reply} onClick={copy}>
              {t('detection_copy_reply')}
            </button>
          </div>
          {armed && (
            <div class="confirm" data-testid="confirm-area">
              <span>{t('detection_confirm_copy')}</span>
              <button class="danger" data-testid="confirm-flagged" disabled={busy} onClick={copy}>
                {t('detection_copy_anyway')}
              </button>
              <button data-testid="cancel-flagged" onClick={() => setArmed(false)}>
                {t('common_cancel')}
              </button>
            </div>
          )}
        </>
      ) : (
        <p class="warn">{t('detection_no_template')}</p>
      )}
      <ActionResultLine result={result} />
      {acted && <RememberForSession detection={detection} event="public-mention" />}
    </li>
  );
}
