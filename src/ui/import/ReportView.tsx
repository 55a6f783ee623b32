/**
 * The validation report: per file what it was recognised as, then each problem with its title, where it is,
 * what was found, what was expected and how to fix it, in the language of the page (the problem catalogs,
 * src/i18n/problems.*.json). Every value from the file is rendered as text.
 */
import { useTranslation } from 'react-i18next';
import { localProblem, problemTitle } from '../../contract/problem-text';
import type { FileReport, Problem } from '../../contract/problem-types';
import { toLang } from '../../i18n';

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
  const { t, i18n } = useTranslation();
  const lang = toLang(i18n.language);
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
            {report.problems.map((p, i) => {
              const text = localProblem(p, lang);
              const at = where(p, t);
              return (
                <tr key={i} className={p.severity} data-code={p.code}>
                  <th scope="row">
                    <span className={`badge ${p.severity}`}>{t(`severity.${p.severity}`)}</span>{' '}
                    <span className="problem-title">{problemTitle(p.code, lang)}</span>
                    {at && <> · {at}</>}
                  </th>
                  <td>{text.found}</td>
                  <td>{text.expected}</td>
                  <td>
                    {text.fix}
                    {p.suggestions && p.suggestions.length > 0 && (
                      <> {t('import.suggestions', { list: p.suggestions.join(', ') })}</>
                    )}
                    {p.more ? <> ({t('import.more', { count: p.more })})</> : null}
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      )}
    </section>
  );
}

export default ReportView;
