/**
 * A file's problems, one row each: the problem's title and where it is, what was found, what was expected
 * and how to fix it, in the language of the page (the problem catalogs, src/i18n/problems.*.json, rendered
 * by src/contract/problem-text.ts). Everything from the file is rendered as text. Loaded lazily (see
 * LazyProblemsTable.tsx): the catalogs of both languages come with the first report, not the first screen.
 */
import { useTranslation } from 'react-i18next';
import { localProblem, problemTitle } from '../../contract/problem-text';
import type { Problem } from '../../contract/problem-types';
import { toLang } from '../../i18n';

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
  const { t, i18n } = useTranslation();
  const lang = toLang(i18n.language);
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
        {problems.map((p, i) => {
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
  );
}

export default ProblemsTable;
