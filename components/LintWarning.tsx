import type { LintResult } from '@/lib/policy/confidentiality';
import { lintSummary } from '@/lib/policy/confidentiality';
import { t } from '@/lib/i18n/t';

/** Why a reply was flagged by the confidentiality check, one reason a line; nothing when it passes. */
export function LintWarning({ lint, testId = 'lint-warning', lead }: { lint: LintResult; testId?: string; lead?: string }) {
  if (lint.ok) return null;
  return (
    <div class="lint-warning" role="alert" data-testid={testId} data-count={String(lint.findings.length)}>
      <strong>{lead ?? t('lint_lead')}</strong>
      <ul>
        {lintSummary(lint).map((reason) => (
          <li key={reason}>{reason}</li>
        ))}
      </ul>
    </div>
  );
}
