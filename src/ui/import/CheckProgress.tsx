/**
 * How far a batch's check has got: "Checking 500,000 rows of cases.xlsx (file 1 of 1)…" with a bar, reading
 * being the first half of a file and checking its rows in the engine the second.
 */
import { useTranslation } from 'react-i18next';
import { formatNumber, toLang } from '../../i18n';
import type { FileStage } from '../../import/session';

/** The status line and bar of a check in progress. */
export function CheckProgress(p: { done: number; total: number; file: string; stage?: FileStage }) {
  const { t, i18n } = useTranslation();
  const lang = toLang(i18n.language);
  const at = { file: p.file, done: p.done + 1, total: p.total };
  let text = t('import.checking', at);
  if (p.stage?.stage === 'reading') {
    const size = formatNumber(Math.round((p.stage.bytes / 1048576) * 10) / 10, lang, 1);
    text = t('import.stage.reading', { ...at, size });
  } else if (p.stage?.stage === 'checking') {
    text = t('import.stage.checking', { ...at, rows: formatNumber(p.stage.rows, lang, 0) });
  }
  const value = p.done + (p.stage?.stage === 'checking' ? 0.5 : 0);
  return (
    <>
      <progress max={p.total} value={value} aria-label={text} data-testid="import-progress" />{' '}
      <span>{text}</span>
    </>
  );
}
