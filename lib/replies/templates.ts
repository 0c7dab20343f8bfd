import { PLATFORMS, isPlatform, type Platform } from '@/lib/identity/platform';
import { MAX_REPLY_CHARS } from '@/lib/messaging/messages';
import { isReplyLanguage, type ReplyLanguage } from '@/lib/settings/practice';
import { t, type MessageKey } from '@/lib/i18n/t';
import { PLACEHOLDERS, nearestPlaceholder, placeholdersIn } from './placeholders';

/** When a reply is used. */
export const SITUATIONS = ['conversation', 'message-request', 'request-answer', 'comment', 'comment-private'] as const;
export type Situation = (typeof SITUATIONS)[number];

export const SITUATION_LABELS: Record<Situation, MessageKey> = {
  conversation: 'situation_conversation',
  'message-request': 'situation_message_request',
  'request-answer': 'situation_request_answer',
  comment: 'situation_comment',
  'comment-private': 'situation_comment_private',
};

export const SITUATION_HELP: Record<Situation, MessageKey> = {
  conversation: 'situation_help_conversation',
  'message-request': 'situation_help_message_request',
  'request-answer': 'situation_help_request_answer',
  comment: 'situation_help_comment',
  'comment-private': 'situation_help_comment_private',
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

/** A template as stored: an edit of a built-in (same id), a deleted built-in, or the practice's own. */
export interface StoredTemplate extends ReplyTemplate {
  deleted?: boolean;
  updatedAt: number;
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
  if (!name) errors.name = t('template_error_name');
  else if (name.length > MAX_TEMPLATE_NAME) errors.name = t('common_at_most_chars', MAX_TEMPLATE_NAME);
  if (!isSituation(draft.situation)) errors.situation = t('template_error_situation', SITUATIONS.join(', '));
  if (!isReplyLanguage(draft.language)) errors.language = t('template_error_language');
  if (!Array.isArray(draft.platforms) || draft.platforms.length === 0 || !draft.platforms.every(isPlatform)) {
    errors.platforms = t('template_error_platforms', PLATFORMS.join(', '));
  }
  if (typeof draft.body !== 'string' || !draft.body.trim()) errors.body = t('template_error_empty');
  else if (draft.body.length > MAX_REPLY_CHARS) errors.body = t('common_at_most_chars', MAX_REPLY_CHARS);
  else {
    const { unknown } = placeholdersIn(draft.body);
    if (unknown.length > 0) {
      const meant = unknown.map(nearestPlaceholder);
      errors.body =
        unknown.length === 1 && meant[0]
          ? t('template_error_placeholder_meant', `{${unknown[0]}}`, `{${meant[0]}}`)
          : t('template_error_placeholder', unknown.map((u) => `{${u}}`).join(', '), PLACEHOLDERS.map((p) => `{${p}}`).join(', '));
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
