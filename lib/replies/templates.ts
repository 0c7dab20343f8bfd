import { PLATFORMS, isPlatform, type Platform } from '@/lib/identity/platform';
import { MAX_REPLY_CHARS } from '@/lib/messaging/messages';
import { isReplyLanguage, type ReplyLanguage } from '@/lib/settings/practice';
import { PLACEHOLDERS, placeholdersIn } from './placeholders';

/** When a reply is used. */
export const SITUATIONS = ['conversation', 'message-request', 'request-answer', 'comment'] as const;
export type Situation = (typeof SITUATIONS)[number];

export const SITUATION_LABELS: Record<Situation, string> = {
  conversation: 'Conversation',
  'message-request': 'Message request',
  'request-answer': 'Answer to a request',
  comment: 'Comment or mention',
};

export const SITUATION_HELP: Record<Situation, string> = {
  conversation: 'Someone from your list writes to you: point them to the practice’s secure channels.',
  'message-request': 'A message from someone you are not connected with, still waiting in the requests folder.',
  'request-answer': 'For a friend, follow or connection request you would rather answer than decline silently.',
  comment: 'For a public comment or mention (Boundary does not find these yet). Anyone can read the answer.',
};

export function isSituation(value: unknown): value is Situation {
  return typeof value === 'string' && (SITUATIONS as readonly string[]).includes(value);
}

export interface ReplyTemplate {
  /** `builtin/<language>/<name>` for Boundary's own, `custom/<random>` for the practice's. */
  id: string;
  name: string;
  situation: Situation;
  language: ReplyLanguage;
  /** The sites it is offered on. */
  platforms: Platform[];
  body: string;
}

export type TemplateDraft = Omit<ReplyTemplate, 'id'>;
export type TemplateErrors = Partial<Record<keyof TemplateDraft, string>>;

export const MAX_TEMPLATE_NAME = 80;

/**
 * What stops a template from being saved. The confidentiality check and the sites' length limits
 * are warnings instead (shown beside it), since the practice may have reasons to go past them.
 */
export function validateTemplate(draft: TemplateDraft): TemplateErrors {
  const errors: TemplateErrors = {};
  const name = typeof draft.name === 'string' ? draft.name.trim() : '';
  if (!name) errors.name = 'Give it a name.';
  else if (name.length > MAX_TEMPLATE_NAME) errors.name = `At most ${MAX_TEMPLATE_NAME} characters.`;
  if (!isSituation(draft.situation)) errors.situation = `Choose one of: ${SITUATIONS.join(', ')}.`;
  if (!isReplyLanguage(draft.language)) errors.language = 'Choose English (en) or Spanish (es).';
  if (!Array.isArray(draft.platforms) || draft.platforms.length === 0 || !draft.platforms.every(isPlatform)) {
    errors.platforms = `Choose at least one of: ${PLATFORMS.join(', ')}.`;
  }
  if (typeof draft.body !== 'string' || !draft.body.trim()) errors.body = 'The reply is empty.';
  else if (draft.body.length > MAX_REPLY_CHARS) errors.body = `At most ${MAX_REPLY_CHARS} characters.`;
  else {
    const { unknown } = placeholdersIn(draft.body);
    if (unknown.length > 0) {
      errors.body = `Unknown placeholder ${unknown.map((u) => `{${u}}`).join(', ')}: use ${PLACEHOLDERS.map((p) => `{${p}}`).join(', ')}.`;
    }
  }
  return errors;
}

/** A draft with its text tidied as it is stored: trimmed name, platforms in a fixed order, no CR. */
export function tidyDraft(draft: TemplateDraft): TemplateDraft {
  return {
    name: draft.name.trim(),
    situation: draft.situation,
    language: draft.language,
    platforms: PLATFORMS.filter((p) => draft.platforms.includes(p)),
    body: draft.body.replace(/\r\n?/g, '\n').replace(/\s+$/, ''),
  };
}
