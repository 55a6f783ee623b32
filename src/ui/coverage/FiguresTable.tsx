/**
 * Coverage figures of the year by county, with Albania as the footer row: a sortable table (buttons in the
 * headers, announced with aria-sort). Counts of children assisted arrive already suppressed.
 */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AreaFigures } from '../../analysis/coverage';
import type { CoverageFormat } from './format';

type Column =
  | 'name'
  | 'units'
  | 'staff'
  | 'children'
  | 'covered'
  | 'share'
  | 'uncovered'
  | 'assisted'
  | 'perUnit'
  | 'perWorker';
type Direction = 'ascending' | 'descending';

const COLUMNS: readonly Column[] = [
  'name',
  'units',
  'staff',
  'children',
  'covered',
  'share',
  'uncovered',
  'assisted',
  'perUnit',
  'perWorker',
];

/** The sortable number of a column (null when missing or suppressed: sorted last). */
function sortValue(a: AreaFigures, c: Exclude<Column, 'name'>): number | null {
  switch (c) {
    case 'assisted':
    case 'perUnit':
    case 'perWorker':
      return a[c].value;
    default:
      return a[c];
  }
}

interface Props {
  caption: string;
  counties: readonly AreaFigures[];
  national: AreaFigures;
  /** County names by qark_code. */
  names: ReadonlyMap<string, string>;
  format: CoverageFormat;
}

/** One row's cells, after its header cell. */
function Cells({ a, f }: { a: AreaFigures; f: CoverageFormat }) {
  const cells: [Column, string, number | null][] = [
    ['units', f.count(a.units), a.units],
    ['staff', f.count(a.staff), a.staff],
    ['children', f.count(a.children), a.children],
    ['covered', f.count(a.covered), a.covered],
    ['share', f.share(a.share), a.share],
    ['uncovered', f.count(a.uncovered), a.uncovered],
    ['assisted', f.shown(a.assisted), a.assisted.value],
    ['perUnit', f.shown(a.perUnit, 1), a.perUnit.value],
    ['perWorker', f.shown(a.perWorker, 1), a.perWorker.value],
  ];
  return (
    <>
      {cells.map(([c, text, value]) => (
        <td key={c} className="num" data-col={c} data-value={value ?? ''}>
          {text}
        </td>
      ))}
    </>
  );
}

/** Counties sorted by any column; Albania stays in the footer. */
export function FiguresTable({ caption, counties, national, names, format }: Props) {
  const { t } = useTranslation();
  const [sort, setSort] = useState<{ key: Column; dir: Direction }>({ key: 'share', dir: 'ascending' });
  const name = (a: AreaFigures) => names.get(a.code) ?? a.code;
  const sign = sort.dir === 'ascending' ? 1 : -1;
  const sorted = [...counties].sort((a, b) => {
    const byName = name(a).localeCompare(name(b), 'sq');
    if (sort.key === 'name') return sign * byName;
    const x = sortValue(a, sort.key);
    const y = sortValue(b, sort.key);
    if (x === null || y === null) return Number(x === null) - Number(y === null) || byName;
    return sign * (x - y) || byName;
  });
  return (
    <table className="coverage-table" data-testid="coverage-table">
      <caption>{caption}</caption>
      <thead>
        <tr>
          {COLUMNS.map((c) => (
            <th
              key={c}
              scope="col"
              className={c === 'name' ? undefined : 'num'}
              aria-sort={sort.key === c ? sort.dir : 'none'}
            >
              <button
                type="button"
                className="sort"
                data-testid={`coverage-sort-${c}`}
                onClick={() =>
                  setSort((s) => ({
                    key: c,
                    dir: s.key === c && s.dir === 'ascending' ? 'descending' : 'ascending',
                  }))
                }
              >
                {t(`coverage.table.${c}`)}
                <span aria-hidden="true">
                  {sort.key === c ? (sort.dir === 'ascending' ? ' ▲' : ' ▼') : ' ↕'}
                </span>
              </button>
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {sorted.map((a) => (
          <tr key={a.code} data-area={a.code}>
            <th scope="row">{name(a)}</th>
            <Cells a={a} f={format} />
          </tr>
        ))}
      </tbody>
      <tfoot>
        <tr data-area={national.code}>
          <th scope="row">{t('coverage.albania')}</th>
          <Cells a={national} f={format} />
        </tr>
      </tfoot>
    </table>
  );
}
