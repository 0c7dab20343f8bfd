import { useState } from 'preact/hooks';
import { t } from '@/lib/i18n/t';
import { ask } from '@/lib/messaging/ask';
import type { DetectionView } from '@/lib/messaging/messages';
import { siteName } from '@/lib/policy/suggestions';
import type { ReplyContext } from '@/lib/replies/context';
import { defaultTemplate, offeredTemplates } from '@/lib/replies/choose';
import { replyLanguageFor } from '@/lib/replies/language';
import { situationsFor, whatAnsweringDoes } from '@/lib/replies/situations';
import { ActionResultLine, ItemHeading, RememberForSession } from './item-parts';
import { SamePersonQuestion } from './SamePersonQuestion';
import { useAction } from './use-action';
import { useReplyTools } from './later-parts';

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
  const { result, busy, run } = useAction();
  const [chosenId, setChosenId] = useState<string | null>(null);
  const [armed, setArmed] = useState(false);
  const [acted, setActed] = useState(false);
  /** The clinician's edit of the note; null while it is the template's text as composed. */
  const [edited, setEdited] = useState<string | null>(null);
  /** A template chosen while the note was edited, waiting for "replace" or "keep my text". */
  const [pendingId, setPendingId] = useState<string | null>(null);

  const { settings, library, policy } = replies;
  const { platform } = detection;
  const situations = situationsFor('mention', false);
  const language = replyLanguageFor(pageLanguage, settings.language, library);
  const offered = offeredTemplates(library, situations, platform, language);
  const fallback = defaultTemplate(library, language, situations[0]!, platform);
  const chosen = offered.find((template) => template.id === chosenId) ?? fallback ?? offered[0];
  // Composed and checked once the check has loaded, after the popup's first paint (./later-parts.ts).
  const tools = useReplyTools(chosen !== undefined);
  const composed = tools && chosen && tools.composeReply(chosen, settings, platform, detection.pageName, policy);
  const reply = edited ?? composed?.text ?? '';
  const checks = edited === null ? composed : tools?.checkReply(edited, settings, platform);
  const flagged = checks ? !checks.lint.ok : false;
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
          {tools && composed && checks && (
            <tools.ReplyChooser
              language={language}
              offered={offered}
              chosen={chosen}
              defaultId={fallback?.id}
              composed={composed}
              text={reply}
              checks={checks}
              edited={edited !== null}
              pending={offered.find((template) => template.id === pendingId)}
              platform={platform}
              fieldId={`reply-${detection.token}`}
              onChoose={(id) => {
                // An edited note is replaced only when the clinician says so.
                if (edited !== null && edited !== composed.text && pendingId !== id) return setPendingId(id);
                setChosenId(id);
                setEdited(null);
                setPendingId(null);
                setArmed(false);
              }}
              onEdit={(text) => {
                setEdited(text);
                setArmed(false);
              }}
              onReset={() => {
                setEdited(null);
                setPendingId(null);
                setArmed(false);
              }}
              onKeepEdits={() => setPendingId(null)}
            />
          )}
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
