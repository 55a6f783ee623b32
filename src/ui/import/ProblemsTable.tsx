/** A file's problems, one row each: where, what was found, what was expected, how to fix it (all as text). */
import { useTranslation } from 'react-i18next';
import type { Problem } from '../../contract/problem-types';

function where(p: Problem, t: (k: string, o?: Record<string, unknown>) => string): string {
  return [
    p.row !== null ? t('import.row', { row: p.row }) : null,
    p.column ? t('import.column', { column: p.column }) : null,
  ]
    .filter(Boolean)
    .join(', ');
}

/** The problems table of the report (and of the column mapping's preview). */
export function ProblemsTable({ problems }: { problems: readonly Problem[] }) {
  const { t } = useTranslation();
  return (
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
        {problems.map((p, i) => (
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
  );
}
