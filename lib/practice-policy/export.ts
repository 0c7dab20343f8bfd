import type { ReplyLanguage } from '@/lib/settings/practice';
import { WORDINGS } from './generate';
import type { PolicyVersion } from './versions';

/** A version's date as the policy's own language writes it ("14 March 2026", "14 de marzo de 2026"). */
export function versionDate(savedAt: number, language: ReplyLanguage): string {
  return new Intl.DateTimeFormat(language === 'es' ? 'es-ES' : 'en-GB', { day: 'numeric', month: 'long', year: 'numeric' }).format(savedAt);
}

/** The line that dates a version, in its language, under its text wherever it is shown or saved. */
export function versionLine(version: PolicyVersion, language: ReplyLanguage): string {
  return WORDINGS[language].versionLine(versionDate(version.savedAt, language));
}

/** A version as the plain-text file the practice can hand out or publish. */
export function exportText(version: PolicyVersion, language: ReplyLanguage): string {
  return `${version.texts[language]}\n\n${versionLine(version, language)}\n`;
}

export function exportFileName(version: PolicyVersion, language: ReplyLanguage): string {
  const day = new Date(version.savedAt).toISOString().slice(0, 10);
  return `social-media-policy-v${version.number}-${language}-${day}.txt`;
}

/** The printable page for a version, as a path inside the extension. */
export function printPath(version: PolicyVersion, language: ReplyLanguage): `/policy-print.html?${string}` {
  return `/policy-print.html?version=${version.number}&lang=${language}`;
}
