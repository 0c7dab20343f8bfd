import { useState } from 'preact/hooks';
import { database } from '@/lib/clients/db';
import { PLATFORMS, type Platform } from '@/lib/identity/platform';
import { lintReply } from '@/lib/policy/confidentiality';
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
import { LANGUAGE_NAMES, type PracticeSettings } from '@/lib/settings/practice';
import { TemplateEditor } from './TemplateEditor';

type Editing = { mode: 'closed' } | { mode: 'add' } | { mode: 'edit'; template: LibraryTemplate };
type ImportSummary = { imported: number; rejected: TemplateRejection[]; error?: string };

const ORIGIN: Record<LibraryTemplate['origin'], string> = { builtin: 'Boundary’s', edited: 'Boundary’s, edited', custom: 'yours' };

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

  const save = async (draft: TemplateDraft) => {
    await saveTemplate(database(), draft, editing.mode === 'edit' ? editing.template.id : undefined);
    setEditing({ mode: 'closed' });
    await onChanged();
  };

  /** The sites where this template is the one-click reply for its own situation. */
  const defaultsOf = (template: LibraryTemplate) =>
    PLATFORMS.filter((platform) => defaultTemplate(library, language, template.situation, platform)?.id === template.id);

  const exportAll = () => {
    const blob = new Blob([templatesToJson(library.templates, library.defaults)], { type: 'application/json' });
    const url = URL.createObjectURL(blob);
    const link = document.createElement('a');
    link.href = url;
    link.download = 'boundary-reply-templates.json';
    link.click();
    setTimeout(() => URL.revokeObjectURL(url), 1000);
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
      setSummary({ imported: 0, rejected: [], error: `Nothing was imported: ${error instanceof Error ? error.message : String(error)}` });
    }
  };

  return (
    <div class="templates">
      <div class="row">
        <button class="primary" data-testid="template-add" onClick={() => setEditing({ mode: 'add' })}>
          New template
        </button>
        <button data-testid="template-export" onClick={exportAll}>
          Export as JSON
        </button>
        <label class="file">
          Import JSON
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
            <span>Put Boundary’s templates and default choices back? Your own templates stay.</span>
            <button
              data-testid="template-restore-confirm"
              onClick={async () => {
                await restoreDefaults(database());
                setConfirmRestore(false);
                setEditing({ mode: 'closed' });
                await onChanged();
              }}
            >
              Restore
            </button>
            <button onClick={() => setConfirmRestore(false)}>Keep mine</button>
          </span>
        ) : (
          <button data-testid="template-restore-defaults" onClick={() => setConfirmRestore(true)}>
            Restore defaults
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
            <p>
              Imported {summary.imported} {summary.imported === 1 ? 'template' : 'templates'}; {summary.rejected.length} refused.
            </p>
          )}
          {summary.rejected.length > 0 && (
            <ul class="rejections">
              {summary.rejected.map((r) => (
                <li key={r.position} data-testid="template-import-rejection" data-position={String(r.position)}>
                  Template {r.position}
                  {r.name && ` (“${r.name}”)`}: {r.reason}
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

      <h3>Used with one click</h3>
      <p class="muted">
        For {LANGUAGE_NAMES[language]} replies (the language is a practice setting). The popup offers the others beside it.
      </p>
      <table class="defaults" data-testid="template-defaults">
        <thead>
          <tr>
            <th scope="col">Situation</th>
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
              <th scope="row">{SITUATION_LABELS[situation]}</th>
              {PLATFORMS.map((platform) => (
                <td key={platform}>
                  <DefaultPicker library={library} settings={settings} situation={situation} platform={platform} onChanged={onChanged} />
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>

      <h3>Templates ({library.templates.length})</h3>
      <table class="template-list">
        <thead>
          <tr>
            <th scope="col">Template</th>
            <th scope="col">Used for</th>
            <th scope="col">Check</th>
            <th scope="col">
              <span class="muted">Actions</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {library.templates.map((template) => {
            const lint = lintReply(template.body);
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
                    {template.language.toUpperCase()} · {ORIGIN[template.origin]}
                  </div>
                </td>
                <td>
                  {SITUATION_LABELS[template.situation]}
                  <div class="muted">{template.platforms.map(siteName).join(', ')}</div>
                  {defaults.length > 0 && (
                    <div class="ok" data-testid="template-default-for">
                      Default on {defaults.map(siteName).join(', ')}
                    </div>
                  )}
                </td>
                <td>
                  {lint.ok ? (
                    <span class="ok">Passes</span>
                  ) : (
                    <span class="warn" data-testid="template-flag" title={lint.findings.map((f) => f.reason).join('\n')}>
                      Flagged: {[...new Set(lint.findings.map((f) => `“${f.text}”`))].join(', ')}
                    </span>
                  )}
                </td>
                <td>
                  {confirmDelete === template.id ? (
                    <span class="row">
                      <span>Delete?</span>
                      <button
                        data-testid="template-delete-confirm"
                        onClick={async () => {
                          await deleteTemplate(database(), template.id);
                          setConfirmDelete(null);
                          await onChanged();
                        }}
                      >
                        Delete
                      </button>
                      <button onClick={() => setConfirmDelete(null)}>Keep</button>
                    </span>
                  ) : (
                    <span class="row">
                      <button data-testid="template-edit" onClick={() => setEditing({ mode: 'edit', template })}>
                        Edit
                      </button>
                      <button
                        data-testid="template-duplicate"
                        onClick={async () => {
                          await duplicateTemplate(database(), template);
                          await onChanged();
                        }}
                      >
                        Duplicate
                      </button>
                      <button data-testid="template-delete" onClick={() => setConfirmDelete(template.id)}>
                        Delete
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
    .filter((t) => t.situation === situation && t.platforms.includes(platform))
    .sort((a, b) => Number(a.language !== settings.language) - Number(b.language !== settings.language));
  const current = defaultTemplate(library, settings.language, situation, platform);
  if (fitting.length === 0) return <span class="warn">None: add one</span>;
  return (
    <select
      data-testid="template-default"
      data-situation={situation}
      data-platform={platform}
      aria-label={`${SITUATION_LABELS[situation]} on ${siteName(platform)}`}
      value={current?.id}
      onChange={async (e) => {
        await setDefaultTemplate(database(), settings.language, situation, platform, e.currentTarget.value);
        await onChanged();
      }}
    >
      {fitting.map((t) => (
        <option key={t.id} value={t.id}>
          {t.name}
          {t.language !== settings.language ? ` · ${t.language.toUpperCase()}` : ''}
        </option>
      ))}
    </select>
  );
}
