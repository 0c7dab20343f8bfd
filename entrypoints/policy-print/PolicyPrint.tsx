import { useEffect, useState } from 'preact/hooks';
import { PolicyText } from '@/components/PolicyText';
import { t } from '@/lib/i18n/t';
import { versionLine } from '@/lib/practice-policy/export';
import { database } from '@/lib/db';
import { loadPolicyVersions } from '@/lib/practice-policy/store';
import type { PolicyVersion } from '@/lib/practice-policy/versions';
import { isReplyLanguage, type ReplyLanguage } from '@/lib/settings/practice';

/** Which version and language to show: `?version=<n>&lang=<en|es>`, as the options page links. */
function asked(): { number: number; language: ReplyLanguage } {
  const query = new URLSearchParams(location.search);
  const language = query.get('lang');
  return { number: Number(query.get('version')), language: isReplyLanguage(language) ? language : 'en' };
}

/**
 * One saved version of the practice's policy as a page to print: the browser's own print (and
 * its "Save as PDF") makes the paper or PDF copy. The toolbar is Boundary's, in the browser's
 * language, and is not printed; the document is in the policy's language.
 */
export function PolicyPrint() {
  const [version, setVersion] = useState<PolicyVersion | null | undefined>(undefined);
  const { number, language } = asked();

  useEffect(() => {
    void loadPolicyVersions(database()).then((versions) => setVersion(versions.find((v) => v.number === number) ?? null));
  }, [number]);

  if (version === undefined) return <p class="muted">{t('common_loading')}</p>;
  if (version === null) {
    return (
      <main class="policy-print">
        <p class="warn" data-testid="policy-print-missing">
          {t('policy_print_missing')}
        </p>
      </main>
    );
  }
  return (
    <main class="policy-print">
      <div class="toolbar" data-testid="policy-print-toolbar">
        <button class="primary" data-testid="policy-print-button" onClick={() => window.print()}>
          {t('policy_print_button')}
        </button>
        <span class="muted">{t('policy_print_hint')}</span>
      </div>
      <article class="policy-document" data-testid="policy-print-document" data-number={version.number} lang={language}>
        <PolicyText text={version.texts[language]} titleLevel={1} />
        <p class="version-line" data-testid="policy-print-version">
          {versionLine(version, language)}
        </p>
      </article>
    </main>
  );
}
