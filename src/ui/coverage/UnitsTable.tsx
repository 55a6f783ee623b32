/**
 * The year's active units as a table (the alternative to the points on the map): supporter, opening year,
 * staff, children assisted (suppressed like every count of children) and how many municipalities they reach.
 */
import { useTranslation } from 'react-i18next';
import type { CoverageYear } from '../../analysis/coverage';
import type { CoverageFormat } from './format';

interface Props {
  caption: string;
  coverage: CoverageYear;
  municipalityName: (lau: string) => string;
  supporterLabel: (supporter: string) => string;
  format: CoverageFormat;
}

/** Units by name. */
export function UnitsTable({ caption, coverage, municipalityName, supporterLabel, format }: Props) {
  const { t } = useTranslation();
  const units = [...coverage.units].sort((a, b) => a.name.localeCompare(b.name, 'sq'));
  return (
    <details className="values-table" data-testid="coverage-units">
      <summary>{t('coverage.units.show', { count: units.length })}</summary>
      <table>
        <caption>{caption}</caption>
        <thead>
          <tr>
            <th scope="col">{t('coverage.units.name')}</th>
            <th scope="col">{t('coverage.municipalities.name')}</th>
            <th scope="col">{t('coverage.units.supporter')}</th>
            <th scope="col" className="num">
              {t('coverage.units.opened')}
            </th>
            <th scope="col" className="num">
              {t('coverage.table.staff')}
            </th>
            <th scope="col" className="num">
              {t('coverage.table.assisted')}
            </th>
            <th scope="col" className="num">
              {t('coverage.units.reach')}
            </th>
          </tr>
        </thead>
        <tbody>
          {units.map((u) => (
            <tr key={u.id} data-unit={u.id}>
              <th scope="row">{u.name}</th>
              <td>{municipalityName(u.lau_code)}</td>
              <td>{supporterLabel(u.supporter)}</td>
              <td className="num">{u.opened}</td>
              <td className="num">{format.count(u.staff)}</td>
              <td className="num">{format.shown(u.assisted)}</td>
              <td className="num">{format.count(u.reach.length)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </details>
  );
}
