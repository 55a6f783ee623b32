/**
 * The covered / not covered map as a table (its keyboard and screen-reader alternative): each municipality,
 * its county, its children, whether it is within reach and of which units. Not covered rows come first.
 */
import { useTranslation } from 'react-i18next';
import type { CoverageYear } from '../../analysis/coverage';
import type { MunicipalityProps } from '../../engine/static';
import type { CoverageFormat } from './format';

interface Props {
  caption: string;
  coverage: CoverageYear;
  municipalities: readonly MunicipalityProps[];
  unitNames: ReadonlyMap<string, string>;
  format: CoverageFormat;
}

/** Municipalities, not covered first, then by name. */
export function MunicipalityTable({ caption, coverage, municipalities, unitNames, format }: Props) {
  const { t } = useTranslation();
  const byLau = new Map(municipalities.map((m) => [m.lau_code, m]));
  const rows = [...coverage.municipalities].sort(
    (a, b) =>
      Number(a.covered) - Number(b.covered) ||
      (byLau.get(a.lau_code)?.name ?? a.lau_code).localeCompare(
        byLau.get(b.lau_code)?.name ?? b.lau_code,
        'sq',
      ),
  );
  return (
    <details className="values-table" data-testid="coverage-municipalities">
      <summary>{t('coverage.municipalities.show')}</summary>
      <table>
        <caption>{caption}</caption>
        <thead>
          <tr>
            <th scope="col">{t('coverage.municipalities.name')}</th>
            <th scope="col">{t('coverage.municipalities.county')}</th>
            <th scope="col" className="num">
              {t('coverage.table.children')}
            </th>
            <th scope="col">{t('coverage.municipalities.status')}</th>
            <th scope="col">{t('coverage.municipalities.units')}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((m) => (
            <tr
              key={m.lau_code}
              data-lau={m.lau_code}
              data-covered={m.covered}
              className={m.covered ? undefined : 'coverage-gap'}
            >
              <th scope="row">{byLau.get(m.lau_code)?.name ?? m.lau_code}</th>
              <td>{byLau.get(m.lau_code)?.qark_name ?? m.qark_code}</td>
              <td className="num">{m.children === null ? t('tooltip.noData') : format.count(m.children)}</td>
              <td>
                {m.covered ? t('coverage.municipalities.covered') : t('coverage.municipalities.uncovered')}
              </td>
              <td>{m.units.map((id) => unitNames.get(id) ?? id).join(', ')}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </details>
  );
}
