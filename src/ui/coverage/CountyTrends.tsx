/**
 * County figures over time: one figure (chosen by the user) for every county and year, Albania last. The
 * table form of "coverage by county over time"; suppressed figures read "<k" as everywhere else.
 */
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AreaFigures, CoverageYear } from '../../analysis/coverage';
import type { CoverageFormat } from './format';

const METRICS = ['share', 'units', 'covered', 'assisted', 'perUnit', 'perWorker'] as const;
type Metric = (typeof METRICS)[number];

function cell(a: AreaFigures | undefined, m: Metric, f: CoverageFormat): string {
  if (!a) return '';
  switch (m) {
    case 'share':
      return f.share(a.share);
    case 'units':
    case 'covered':
      return f.count(a[m]);
    case 'assisted':
      return f.shown(a.assisted);
    default:
      return f.shown(a[m], 1);
  }
}

interface Props {
  series: readonly CoverageYear[];
  names: ReadonlyMap<string, string>;
  format: CoverageFormat;
  catchment: string;
}

/** A county × year table of one figure. */
export function CountyTrends({ series, names, format, catchment }: Props) {
  const { t } = useTranslation();
  const id = useId();
  const [metric, setMetric] = useState<Metric>('share');
  const counties = [...(series[0]?.counties ?? [])]
    .map((c) => c.code)
    .sort((a, b) => (names.get(a) ?? a).localeCompare(names.get(b) ?? b, 'sq'));
  const label = t(`coverage.table.${metric}`);
  return (
    <details className="values-table" data-testid="coverage-county-trends">
      <summary>{t('coverage.trends.show')}</summary>
      <div className="control coverage-trends-metric">
        <label htmlFor={id}>{t('coverage.trends.metric')}</label>
        <select id={id} value={metric} onChange={(e) => setMetric(e.target.value as Metric)}>
          {METRICS.map((m) => (
            <option key={m} value={m}>
              {t(`coverage.table.${m}`)}
            </option>
          ))}
        </select>
      </div>
      <div className="coverage-scroll">
        <table className="coverage-table">
          <caption>{t('coverage.trends.caption', { metric: label, catchment })}</caption>
          <thead>
            <tr>
              <th scope="col">{t('coverage.table.name')}</th>
              {series.map((y) => (
                <th key={y.year} scope="col" className="num">
                  {y.year}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {counties.map((q) => (
              <tr key={q} data-area={q}>
                <th scope="row">{names.get(q) ?? q}</th>
                {series.map((y) => (
                  <td key={y.year} className="num">
                    {cell(
                      y.counties.find((c) => c.code === q),
                      metric,
                      format,
                    )}
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
          <tfoot>
            <tr>
              <th scope="row">{t('coverage.albania')}</th>
              {series.map((y) => (
                <td key={y.year} className="num">
                  {cell(y.national, metric, format)}
                </td>
              ))}
            </tr>
          </tfoot>
        </table>
      </div>
    </details>
  );
}
