/**
 * The validation report: per file what it was recognised as, then each problem with where it is, what was
 * found, what was expected and how to fix it. Every value from the file is rendered as text.
 */
import { useTranslation } from 'react-i18next';
import type { FileReport, Problem, RateSummary } from '../../contract/problem-types';

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

function where(p: Problem, t: (k: string, o?: Record<string, unknown>) => string): string {
  return [
    p.row !== null ? t('import.row', { row: p.row }) : null,
    p.column ? t('import.column', { column: p.column }) : null,
  ]
    .filter(Boolean)
    .join(', ');
}

/** One file's report. */
export function ReportView({ report }: { report: FileReport }) {
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
      </p>
      {report.rates?.map((r) => (
        <p key={r.indicator} className="hint rates" data-testid="import-rates" data-indicator={r.indicator}>
          {rateLine(r, t)}
        </p>
      ))}
      {report.problems.length === 0 ? (
        <p>{t('import.ok')}</p>
      ) : (
        <table className="problems">
          <thead>
            <tr>
              <th scope="col">{t('import.colWhere')}</th>
              <th scope="col">{t('import.colFound')}</th>
              <th scope="col">{t('import.colExpected')}</th>
              <th scope="col">{t('import.colFix')}</th>
            </tr>
          </thead>
          <tbody>
            {report.problems.map((p, i) => (
              <tr key={i} className={p.severity} data-code={p.code}>
                <th scope="row">
                  <span className={`badge ${p.severity}`}>{t(`severity.${p.severity}`)}</span> {where(p, t)}
                </th>
                <td>{p.found}</td>
                <td>{p.expected}</td>
                <td>
                  {p.fix}
                  {p.suggestions && p.suggestions.length > 0 && (
                    <> {t('import.suggestions', { list: p.suggestions.join(', ') })}</>
                  )}
                  {p.more ? <> ({t('import.more', { count: p.more })})</> : null}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
