/**
 * The engine's start told as text, for every view's status line: which step of two, and how many of the
 * data files have arrived. Pure (no React).
 */
import type { TFunction } from 'i18next';
import type { StartProgress } from '../import/start-browser';

/** "Starting the analysis engine (step 1 of 2): …" */
export function startText(t: TFunction, p: StartProgress): string {
  const counts = { files: p.files, total: p.totalFiles };
  if (p.loading) return t('status.start.loading');
  return p.database ? t('status.start.files', counts) : t('status.start.database', counts);
}
