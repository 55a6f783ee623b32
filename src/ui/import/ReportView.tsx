/**
 * The validation report: per file what it was recognised as (and for a workbook, the sheet read), then each
 * problem with where it is, what was found, what was expected and how to fix it. Every value from the file
 * is rendered as text.
 */
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { FileReport, RateSummary } from '../../contract/problem-types';
import { ProblemsTable } from './ProblemsTable';

type T = (k: string, o?: Record<string, unknown>) => string;

/** One indicator's rates without counts: how they are weighted and how many cells will be hidden. */
function rateLine(r: RateSummary, t: T): string {
  const w = r.bases;
  const weights = [
    w.denominator + w.numerator > 0 ? t('own.reportWeights.parts') : '',
    w.indicator > 0 ? t('own.reportWeights.indicator', { indicator: r.weight ?? '' }) : '',
    w.child_pop > 0 ? t('own.reportWeights.child_pop') : '',
    w.none > 0 ? t('own.reportWeights.none', { count: w.none }) : '',
  ].filter(Boolean);
  return t('own.report', {
    indicator: r.indicator,
    count: r.rows,
    weights: weights.join(', '),
    hidden: r.hidden,
    secondary: r.secondary,
    k: r.k,
  });
}

interface Props {
  report: FileReport;
  /** The sheet read, for a workbook. */
  sheet?: string | undefined;
  /** False while the column mapping shows the problems with its preview. */
  problems?: boolean;
  /** Tools for the file (the sheet chooser, the column mapping), under its summary. */
  children?: ReactNode;
}

/** One file's report. */
export function ReportView({ report, sheet, problems = true, children }: Props) {
  const { t } = useTranslation();
  const errors = report.problems.filter((p) => p.severity === 'error').length;
  return (
    <section className="report" aria-label={report.file} data-testid="import-report" data-file={report.file}>
      <h3>
        {report.file}{' '}
        <span className={errors > 0 ? 'badge error' : 'badge ok'}>
          {errors > 0 ? t('severity.error') : report.problems.length > 0 ? t('severity.warning') : '✓'}
        </span>
      </h3>
      <p className="hint">
        {report.kind ? t('import.kind', { kind: t(`kind.${report.kind}`) }) : t('import.kindUnknown')}
        {report.rows > 0 && ` · ${t('import.rows', { count: report.rows })}`}
        {sheet !== undefined && ` · ${t('mapping.sheetRead', { sheet })}`}
      </p>
      {report.rates?.map((r) => (
        <p key={r.indicator} className="hint rates" data-testid="import-rates" data-indicator={r.indicator}>
          {rateLine(r, t)}
        </p>
      ))}
      {children}
      {!problems ? null : report.problems.length === 0 ? (
        <p>{t('import.ok')}</p>
      ) : (
        <ProblemsTable problems={report.problems} />
      )}
    </section>
  );
}
