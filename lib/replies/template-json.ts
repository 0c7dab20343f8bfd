import { t } from '@/lib/i18n/t';
import { isBuiltinId } from './builtin-templates';
import type { DefaultChoices, LibraryTemplate } from './library';
import { MAX_TEMPLATE_NAME, validateTemplate, type ReplyTemplate, type TemplateDraft } from './templates';

/**
 * Templates as a JSON file, to keep a copy or move them to another browser. Only templates and
 * default choices go in: no practice details, nothing from the client list.
 */
export const TEMPLATE_FILE_FORMAT = 'boundary-reply-templates';
export const TEMPLATE_FILE_VERSION = 1;
const MAX_FILE_CHARS = 1_000_000;
const MAX_TEMPLATES = 500;
const ID = /^(builtin\/(en|es)\/[a-z-]{1,40}|custom\/[A-Za-z0-9-]{1,64})$/;

export interface TemplateFile {
  format: typeof TEMPLATE_FILE_FORMAT;
  version: typeof TEMPLATE_FILE_VERSION;
  templates: ReplyTemplate[];
  defaults: DefaultChoices;
}

export function templatesToJson(templates: readonly LibraryTemplate[], defaults: DefaultChoices): string {
  const file: TemplateFile = {
    format: TEMPLATE_FILE_FORMAT,
    version: TEMPLATE_FILE_VERSION,
    templates: templates.map(({ id, name, situation, language, platforms, body }) => ({ id, name, situation, language, platforms, body })),
    defaults,
  };
  return JSON.stringify(file, null, 2) + '\n';
}

export interface TemplateRejection {
  /** 1-based position in the file's list. */
  position: number;
  name: string;
  reason: string;
}

export type TemplateImport =
  | { ok: false; error: string }
  | { ok: true; templates: ReplyTemplate[]; defaults: DefaultChoices; rejected: TemplateRejection[] };

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/**
 * Reads a template file. A file that is not one is refused whole, with the reason; within a good
 * file, each bad template is listed with its position and reason and the good ones are kept.
 * A template keeps its id (so importing again updates rather than duplicates), except ids that
 * are malformed or name a built-in this version does not have: those get a new one.
 */
export function parseTemplatesJson(text: string, newId: () => string): TemplateImport {
  if (text.length > MAX_FILE_CHARS) return { ok: false, error: t('template_file_too_large') };
  let data: unknown;
  try {
    data = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (error) {
    return { ok: false, error: t('template_file_not_json', error instanceof Error ? error.message : String(error)) };
  }
  if (!isRecord(data) || data.format !== TEMPLATE_FILE_FORMAT) {
    return { ok: false, error: t('template_file_not_boundary', TEMPLATE_FILE_FORMAT) };
  }
  if (data.version !== TEMPLATE_FILE_VERSION) {
    return { ok: false, error: t('template_file_version', JSON.stringify(data.version), TEMPLATE_FILE_VERSION) };
  }
  if (!Array.isArray(data.templates)) return { ok: false, error: t('template_file_no_list') };
  if (data.templates.length > MAX_TEMPLATES) return { ok: false, error: t('template_file_too_many', MAX_TEMPLATES) };

  const templates: ReplyTemplate[] = [];
  const rejected: TemplateRejection[] = [];
  const idMap = new Map<string, string>();
  data.templates.forEach((entry: unknown, index) => {
    const position = index + 1;
    if (!isRecord(entry)) {
      rejected.push({ position, name: '', reason: t('template_file_not_object') });
      return;
    }
    const name = typeof entry.name === 'string' ? entry.name.slice(0, MAX_TEMPLATE_NAME + 20) : '';
    const draft = {
      name,
      situation: entry.situation,
      language: entry.language,
      platforms: entry.platforms,
      body: entry.body,
    } as TemplateDraft;
    const errors = validateTemplate(draft);
    const fields = Object.entries(errors);
    if (fields.length > 0) {
      rejected.push({ position, name, reason: fields.map(([field, why]) => `${field}: ${why}`).join(' ') });
      return;
    }
    const given = typeof entry.id === 'string' ? entry.id : '';
    const keep = ID.test(given) && (!given.startsWith('builtin/') || isBuiltinId(given)) && !idMap.has(given);
    const id = keep ? given : newId();
    if (given) idMap.set(given, id);
    templates.push({ ...draft, id });
  });

  const defaults: DefaultChoices = {};
  if (isRecord(data.defaults)) {
    for (const [key, value] of Object.entries(data.defaults)) {
      if (typeof value !== 'string') continue;
      const id = idMap.get(value) ?? (isBuiltinId(value) ? value : undefined);
      if (id) defaults[key] = id;
    }
  }
  return { ok: true, templates, defaults, rejected };
}
