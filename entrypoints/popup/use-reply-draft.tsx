import { useState } from 'preact/hooks';
import type { Platform } from '@/lib/identity/platform';
import type { ReplyContext } from '@/lib/replies/context';
import { defaultTemplate, offeredTemplates } from '@/lib/replies/choose';
import { replyLanguageFor } from '@/lib/replies/language';
import type { Situation } from '@/lib/replies/templates';
import { useReplyTools } from './later-parts';

interface DraftOptions {
  replies: ReplyContext;
  platform: Platform;
  /** The situations the card's reply is for, the first one the default's. */
  situations: readonly Situation[];
  /** The page's own language (`<html lang>`): the reply is offered in it first when there is one in it. */
  pageLanguage?: string;
  /** The person's name as the page shows it, for the templates that address them. */
  pageName: string;
  /** The card's token: the reply box's id. */
  token: string;
  /** Whether the reply is wanted now: it is composed and checked only then. */
  wanted: boolean;
  /** Called whenever the text changes: a confirmation given for one text is not one for another. */
  disarm: () => void;
}

/**
 * A card's reply, shared by requests, conversations and comments: which templates are offered
 * and which is chosen, the text composed from it or as the clinician edited it, its checks, and
 * the chooser showing them. Composing and checking arrive after the popup's first paint
 * (./later-parts.ts): until then `chooser` is null and `checks` undefined. Another template
 * replaces the text at once, unless the clinician edited it: then the chooser asks first.
 */
export function useReplyDraft({ replies, platform, situations, pageLanguage, pageName, token, wanted, disarm }: DraftOptions) {
  const [chosenId, setChosenId] = useState<string | null>(null);
  /** The clinician's edit; null while it is the template's text as composed. */
  const [edited, setEdited] = useState<string | null>(null);
  /** A template chosen while the text was edited, waiting for "replace" or "keep my text". */
  const [pendingId, setPendingId] = useState<string | null>(null);

  const { settings, library, policy } = replies;
  // A Spanish page offers the Spanish reply first (and as the default), the practice's language next.
  const language = replyLanguageFor(pageLanguage, settings.language, library);
  const offered = offeredTemplates(library, situations, platform, language);
  const fallback = situations[0] === undefined ? undefined : defaultTemplate(library, language, situations[0], platform);
  const chosen = offered.find((template) => template.id === chosenId) ?? fallback ?? offered[0];
  const tools = useReplyTools(wanted && chosen !== undefined);
  const composed = tools && chosen && wanted ? tools.composeReply(chosen, settings, platform, pageName, policy) : undefined;
  // What goes out is what the box holds: the edit, checked again as typed, or the reply as composed.
  const reply = edited ?? composed?.text ?? '';
  const checks = edited === null ? composed : tools?.checkReply(edited, settings, platform);

  const choose = (id: string) => {
    if (edited !== null && edited !== composed?.text && pendingId !== id) return setPendingId(id);
    setChosenId(id);
    setEdited(null);
    setPendingId(null);
    disarm();
  };
  const chooser = tools && chosen && composed && checks && (
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
      fieldId={`reply-${token}`}
      onChoose={choose}
      onEdit={(text) => {
        setEdited(text);
        disarm();
      }}
      onReset={() => {
        setEdited(null);
        setPendingId(null);
        disarm();
      }}
      onKeepEdits={() => setPendingId(null)}
    />
  );
  return { chosen, reply, checks, flagged: checks ? !checks.lint.ok : false, chooser: chooser || null };
}
