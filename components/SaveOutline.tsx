import { useState } from 'preact/hooks';
import { t } from '@/lib/i18n/t';
import { ask } from '@/lib/messaging/ask';
import type { ActionResult } from '@/lib/sites/types';
import { saveFile } from './save-file';

/**
 * Saves the page's outline (its structure, every name and text replaced) as a file the
 * clinician may send with a report. Nothing is sent by Boundary.
 */
export function SaveOutline({ tabId }: { tabId: number }) {
  const [result, setResult] = useState<ActionResult | null>(null);
  const [busy, setBusy] = useState(false);
  const save = async () => {
    setBusy(true);
    try {
      const outline = await ask({ type: 'outline', tabId });
      if (!outline.ok) return setResult(outline);
      saveFile(`boundary-outline-${outline.platform}-${outline.pageKind ?? 'page'}.html`, outline.html, 'text/html');
      setResult({ ok: true, done: t('outline_saved') });
    } catch {
      setResult({ ok: false, reason: t('action_page_gone') });
    } finally {
      setBusy(false);
    }
  };
  return (
    <div class="outline">
      <p class="muted">{t('outline_explained')}</p>
      <button data-testid="save-outline" disabled={busy} onClick={() => void save()}>
        {t('outline_save')}
      </button>
      {result && (
        <p role="status" data-testid="outline-result" data-ok={String(result.ok)} class={result.ok ? 'ok' : 'warn'}>
          {result.ok ? result.done : result.reason}
        </p>
      )}
    </div>
  );
}
