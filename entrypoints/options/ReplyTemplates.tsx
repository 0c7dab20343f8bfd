import { useState } from 'preact/hooks';
import { database } from '@/lib/db';
import { t, tPlural, type MessageKey } from '@/lib/i18n/t';
import { PLATFORMS, type Platform } from '@/lib/identity/platform';
import { lintReply, ownTexts } from '@/lib/policy/confidentiality';
import { siteName } from '@/lib/policy/suggestions';
import { defaultTemplate, type LibraryTemplate, type ReplyLibrary } from '@/lib/replies/library';
import {
  deleteTemplate,
  duplicateTemplate,
  importTemplates,
  restoreDefaults,
  saveTemplate,
  setDefaultTemplate,
} from '@/lib/replies/store';
import { parseTemplatesJson, templatesToJson, type TemplateRejection } from '@/lib/replies/template-json';
import { SITUATION_LABELS, SITUATIONS, type Situation, type TemplateDraft } from '@/lib/replies/templates';
import type { PracticeSettings, ReplyLanguage } from '@/lib/settings/practice';
import { TemplateEditor } from './TemplateEditor';
import { saveFile } from '@/components/save-file';
import { DeleteConfirm } from '@/components/DeleteConfirm';

type Editing = { mode: 'closed' } | { mode: 'add' } | { mode: 'edit'; template: LibraryTemplate };
type ImportSummary = { imported: number; rejected: TemplateRejection[]; error?: string };

const ORIGIN: Record<LibraryTemplate['origin'], MessageKey> = {
  builtin: 'template_origin_builtin',
  edited: 'template_origin_edited',
  custom: 'template_origin_custom',
};

/** A sentence per language: each language names itself its own way inside a sentence. */
const DEFAULTS_NOTE: Record<ReplyLanguage, MessageKey> = { en: 'templates_defaults_note_en', es: 'templates_defaults_note_es' };

/** The reply library: which reply is used where, and every template, with their checks. */
export function ReplyTemplates({
  library,
  settings,
  onChanged,
}: {
  library: ReplyLibrary;
  settings: PracticeSettings;
  onChanged: () => Promise<void>;
}) {
  const [editing, setEditing] = useState<Editing>({ mode: 'closed' });
  const [confirmDelete, setConfirmDelete] = useState<string | null>(null);
  const [confirmRestore, setConfirmRestore] = useState(false);
  const [summary, setSummary] = useState<ImportSummary | null>(null);
  const language = settings.language;
  const own = ownTexts(settings);

  const save = async (draft: TemplateDraft) => {
    await saveTemplate(database(), draft, editing.mode === 'edit' ? editing.template.id : undefined);
    setEditing({ mode: 'closed' });
    await onChanged();
  };

  /** The sites where this template is the one-click reply for its own situation. */
  const defaultsOf = (template: LibraryTemplate) =>
    PLATFORMS.filter((platform) => defaultTemplate(library, language, template.situation, platform)?.id === template.id);

  const exportAll = () => {
    saveFile('boundary-reply-templates.json', templatesToJson(library.templates, library.defaults), 'application/json');
  };

  const importFile = async (file: File) => {
    setSummary(null);
    try {
      const parsed = parseTemplatesJson(await file.text(), () => `custom/${crypto.randomUUID()}`);
      if (!parsed.ok) {
        setSummary({ imported: 0, rejected: [], error: parsed.error });
        return;
      }
      await importTemplates(database(), parsed.templates, parsed.defaults);
      setSummary({ imported: parsed.templates.length, rejected: parsed.rejected });
      await onChanged();
    } catch (error) {
      setSummary({ imported: 0, rejected: [], error: t('common_nothing_imported', error instanceof Error ? error.message : String(error)) });
    }
  };

  return (
    <div class="templates">
      <div class="row">
        <button class="primary" data-testid="template-add" onClick={() => setEditing({ mode: 'add' })}>
          {t('templates_new')}
        </button>
        <button data-testid="template-export" onClick={exportAll}>
          {t('templates_export')}
        </button>
        <label class="file">
          {t('templates_import')}
          <input
            type="file"
            accept=".json,application/json"
            data-testid="template-import"
            onChange={(event) => {
              const input = event.currentTarget;
              const file = input.files?.[0];
              if (file) void importFile(file).finally(() => (input.value = ''));
            }}
          />
        </label>
        {confirmRestore ? (
          <span class="row">
            <span>{t('templates_confirm_restore')}</span>
            <button
              data-testid="template-restore-confirm"
              onClick={async () => {
                await restoreDefaults(database());
                setConfirmRestore(false);
                setEditing({ mode: 'closed' });
                await onChanged();
              }}
            >
              {t('templates_restore')}
            </button>
            <button onClick={() => setConfirmRestore(false)}>{t('templates_keep_mine')}</button>
          </span>
        ) : (
          <button data-testid="template-restore-defaults" onClick={() => setConfirmRestore(true)}>
            {t('templates_restore_defaults')}
          </button>
        )}
      </div>
      {summary && (
        <div role="status" data-testid="template-import-summary" data-imported={String(summary.imported)} data-rejected={String(summary.rejected.length)}>
          {summary.error ? (
            <p class="warn" data-testid="template-import-error">
              {summary.error}
            </p>
          ) : (
            <p>{tPlural('templates_imported', summary.imported, summary.rejected.length)}</p>
          )}
          {summary.rejected.length > 0 && (
            <ul class="rejections">
              {summary.rejected.map((r) => (
                <li key={r.position} data-testid="template-import-rejection" data-position={String(r.position)}>
                  {r.name ? t('templates_rejection_named', r.position, r.name, r.reason) : t('templates_rejection', r.position, r.reason)}
                </li>
              ))}
            </ul>
          )}
        </div>
      )}
      {editing.mode !== 'closed' && (
        <TemplateEditor
          key={editing.mode === 'edit' ? editing.template.id : 'new'}
          initial={editing.mode === 'edit' ? editing.template : undefined}
          settings={settings}
          onSave={save}
          onCancel={() => setEditing({ mode: 'closed' })}
        />
      )}

      <h2>{t('templates_one_click')}</h2>
      <p class="muted">{t(DEFAULTS_NOTE[language])}</p>
      <table class="defaults" data-testid="template-defaults">
        <thead>
          <tr>
            <th scope="col">{t('templates_situation')}</th>
            {PLATFORMS.map((p) => (
              <th scope="col" key={p}>
                {siteName(p)}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {SITUATIONS.map((situation) => (
            <tr key={situation}>
              <th scope="row">{t(SITUATION_LABELS[situation])}</th>
              {PLATFORMS.map((platform) => (
                <td key={platform}>
                  <DefaultPicker library={library} settings={settings} situation={situation} platform={platform} onChanged={onChanged} />
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>

      <h2>{t('templates_heading', library.templates.length)}</h2>
      <table class="template-list">
        <thead>
          <tr>
            <th scope="col">{t('templates_template')}</th>
            <th scope="col">{t('templates_used_for')}</th>
            <th scope="col">{t('templates_check')}</th>
            <th scope="col">
              <span class="muted">{t('common_actions')}</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {library.templates.map((template) => {
            const lint = lintReply(template.body, own);
            const defaults = defaultsOf(template);
            return (
              <tr
                key={template.id}
                data-testid="template-row"
                data-template-id={template.id}
                data-template-name={template.name}
                data-origin={template.origin}
                data-situation={template.situation}
                data-language={template.language}
                data-flagged={String(!lint.ok)}
              >
                <td>
                  {template.name}
                  <div class="muted">
                    {template.language.toUpperCase()} · {t(ORIGIN[template.origin])}
                  </div>
                </td>
                <td>
                  {t(SITUATION_LABELS[template.situation])}
                  <div class="muted">{template.platforms.map(siteName).join(', ')}</div>
                  {defaults.length > 0 && (
                    <div class="ok" data-testid="template-default-for">
                      {t('templates_default_on', defaults.map(siteName).join(', '))}
                    </div>
                  )}
                </td>
                <td>
                  {lint.ok ? (
                    <span class="ok">{t('templates_passes')}</span>
                  ) : (
                    <span class="warn" data-testid="template-flag" title={lint.findings.map((f) => f.reason).join('\n')}>
                      {t('templates_flagged', [...new Set(lint.findings.map((f) => `“${f.text}”`))].join(', '))}
                    </span>
                  )}
                </td>
                <td>
                  {confirmDelete === template.id ? (
                    <DeleteConfirm
                      question={t('templates_confirm_delete')}
                      testId="template-delete-confirm"
                      onDelete={async () => {
                        await deleteTemplate(database(), template.id);
                        setConfirmDelete(null);
                        await onChanged();
                      }}
                      onKeep={() => setConfirmDelete(null)}
                    />
                  ) : (
                    <span class="row">
                      <button data-testid="template-edit" onClick={() => setEditing({ mode: 'edit', template })}>
                        {t('common_edit')}
                      </button>
                      <button
                        data-testid="template-duplicate"
                        onClick={async () => {
                          await duplicateTemplate(database(), template);
                          await onChanged();
                        }}
                      >
                        {t('templates_duplicate')}
                      </button>
                      <button data-testid="template-delete" onClick={() => setConfirmDelete(template.id)}>
                        {t('common_delete')}
                      </button>
                    </span>
                  )}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}

function DefaultPicker({
  library,
  settings,
  situation,
  platform,
  onChanged,
}: {
  library: ReplyLibrary;
  settings: PracticeSettings;
  situation: Situation;
  platform: Platform;
  onChanged: () => Promise<void>;
}) {
  const fitting = library.templates
    .filter((template) => template.situation === situation && template.platforms.includes(platform))
    .sort((a, b) => Number(a.language !== settings.language) - Number(b.language !== settings.language));
  const current = defaultTemplate(library, settings.language, situation, platform);
  if (fitting.length === 0) return <span class="warn">{t('templates_none')}</span>;
  return (
    <select
      data-testid="template-default"
      data-situation={situation}
      data-platform={platform}
      aria-label={t('templates_default_label', t(SITUATION_LABELS[situation]), siteName(platform))}
      value={current?.id}
      onChange={async (e) => {
        await setDefaultTemplate(database(), settings.language, situation, platform, e.currentTarget.value);
        await onChanged();
      }}
    >
      {fitting.map((template) => (
        <option key={template.id} value={template.id}>
          {template.name}
          {template.language !== settings.language ? ` · ${template.language.toUpperCase()}` : ''}
        </option>
      ))}
    </select>
  );
}
