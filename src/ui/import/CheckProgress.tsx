/**
 * How far a batch has got: "Reading cases.parquet: 3,145,728 of 10,000,000 rows…", "Checking 500,000 rows of
 * cases.xlsx (file 1 of 1)…", "Loading 10,000,000 rows of cases.parquet…", with a bar (role progressbar,
 * its value a percentage: src/import/progress.ts).
 */
import { useTranslation } from 'react-i18next';
import { formatNumber, toLang } from '../../i18n';
import { progressPercent } from '../../import/progress';
import type { FileStage } from '../../import/session';

/** The status line and bar of a check (or load) in progress. */
export function CheckProgress(p: { done: number; total: number; file: string; stage?: FileStage }) {
  const { t, i18n } = useTranslation();
  const lang = toLang(i18n.language);
  const at = { file: p.file, done: p.done + 1, total: p.total };
  const n = (x: number) => formatNumber(x, lang, 0);
  let text = t('import.checking', at);
  const s = p.stage;
  if (s?.stage === 'reading' && s.rows) {
    text = t('import.stage.readingRows', { ...at, read: n(s.done ?? 0), rows: n(s.rows) });
  } else if (s?.stage === 'reading') {
    const size = formatNumber(Math.round((s.bytes / 1048576) * 10) / 10, lang, 1);
    text = t('import.stage.reading', { ...at, size });
  } else if (s?.stage === 'checking') {
    text = t('import.stage.checking', { ...at, rows: n(s.rows) });
  } else if (s?.stage === 'committing') {
    text = t('import.stage.committing', { ...at, rows: n(s.rows) });
  }
  const value = progressPercent(p.done, p.total, s);
  return (
    <>
      <span
        className="import-bar"
        role="progressbar"
        aria-valuemin={0}
        aria-valuemax={100}
        aria-valuenow={value}
        aria-valuetext={`${value} %`}
        aria-label={text}
        data-testid="import-progress"
      >
        <span style={{ width: `${value}%` }} />
      </span>{' '}
      <span>{text}</span>
    </>
  );
}
