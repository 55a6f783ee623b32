/**
 * The map's values as a table: the keyboard and screen-reader alternative to the map. Sortable by each
 * column (buttons in the headers, announced with aria-sort); each name selects its unit.
 */
import { memo, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { compareNames } from '../i18n';

/** One row, already formatted (suppression applied upstream). */
export interface TableRow {
  lau: string;
  name: string;
  county: string;
  text: string;
  /** The shown value (null when missing or suppressed), for sorting and for tests. */
  value: number | null;
}

type SortKey = 'name' | 'county' | 'value';
type Direction = 'ascending' | 'descending';

interface Props {
  caption: string;
  rows: TableRow[];
  selected: string | null;
  onSelect: (lauCode: string) => void;
  /** Header of the name column (municipality or county). */
  unitLabel?: string;
  /** Hide the county column (at county level). */
  hideCounty?: boolean;
}

/** Rows sorted by a column; missing values always last, ties by name. */
export function sortRows(rows: readonly TableRow[], key: SortKey, dir: Direction): TableRow[] {
  const sign = dir === 'ascending' ? 1 : -1;
  const byName = (a: TableRow, b: TableRow) => compareNames(a.name, b.name);
  return [...rows].sort((a, b) => {
    if (key === 'value') {
      if (a.value === null || b.value === null)
        return Number(a.value === null) - Number(b.value === null) || byName(a, b);
      return sign * (a.value - b.value) || byName(a, b);
    }
    return sign * compareNames(a[key], b[key]) || byName(a, b);
  });
}

/**
 * Municipalities ordered from the highest value down at first; any column can be sorted. Memoised: it
 * renders again only when its rows, caption or selection change (not on every classification change).
 */
export const ValuesTable = memo(function ValuesTable(props: Props) {
  const { caption, rows, selected, onSelect, unitLabel, hideCounty } = props;
  const { t } = useTranslation();
  const [sort, setSort] = useState<{ key: SortKey; dir: Direction }>({ key: 'value', dir: 'descending' });
  const sorted = useMemo(() => sortRows(rows, sort.key, sort.dir), [rows, sort]);
  const header = (key: SortKey, label: string, className?: string) => (
    <th scope="col" className={className} aria-sort={sort.key === key ? sort.dir : 'none'}>
      <button
        type="button"
        className="sort"
        data-testid={`sort-${key}`}
        onClick={() =>
          setSort((s) => ({
            key,
            dir:
              s.key === key && s.dir === 'descending'
                ? 'ascending'
                : s.key === key
                  ? 'descending'
                  : key === 'value'
                    ? 'descending'
                    : 'ascending',
          }))
        }
      >
        {label}
        <span aria-hidden="true">{sort.key === key ? (sort.dir === 'ascending' ? ' ▲' : ' ▼') : ' ↕'}</span>
      </button>
    </th>
  );
  return (
    <details className="values-table">
      <summary>{t('table.show')}</summary>
      <table>
        <caption>{caption}</caption>
        <thead>
          <tr>
            {header('name', unitLabel ?? t('table.municipality'))}
            {!hideCounty && header('county', t('table.county'))}
            {header('value', t('table.value'), 'num')}
          </tr>
        </thead>
        <tbody>
          {sorted.map((r) => (
            <tr key={r.lau} className={r.lau === selected ? 'selected' : undefined} data-lau={r.lau}>
              <th scope="row">
                <button
                  type="button"
                  className="link"
                  onClick={() => onSelect(r.lau)}
                  aria-label={t('table.select', { name: r.name })}
                  aria-pressed={r.lau === selected}
                >
                  {r.name}
                </button>
              </th>
              {!hideCounty && <td>{r.county}</td>}
              <td className="num" data-value={r.value ?? ''}>
                {r.text}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </details>
  );
});
