/** Building indicator-values cases: the base table with one thing changed. */
import { edited, withCell, type Base, type Rows } from './base';
import { csv } from './bytes';
import { fileCase, type CorpusCase, type Expected, type More } from './types';

// Rows of the base table repeat, per municipality and year: child_pop, econ_aid_share, cp_cases_rate,
// dv_reports. These are the first of each.
/** Row index of a child_pop count (sum). */
export const POP = 0;
/** Row index of an econ_aid_share ratio (%, scale 100). */
export const AID = 1;
/** Row index of a cp_cases_rate ratio (per 1,000 children). */
export const RATE = 2;
/** Row index of a dv_reports count (sum, sensitive). */
export const DV = 3;

/** The values table with one cell changed; the entry names the row unless the case is ok. */
export function cellCase(
  b: Base,
  name: string,
  description: string,
  row: number,
  col: string,
  value: string | number | null,
  expect: Expected,
  more: More = {},
): CorpusCase {
  const t = withCell(b.values, row, col, value);
  return fileCase(
    name,
    description,
    csv(t.header, t.rows),
    expect,
    expect === 'ok' ? more : { row: row + 2, ...more },
  );
}

/** The values table with ratio row `row` given a new value and parts. */
export function ratio(
  b: Base,
  row: number,
  value: number | string,
  num: number | string,
  den: number | string,
): Rows {
  return edited(b.values, (rows) => {
    rows[row]![3] = value;
    rows[row]![4] = num;
    rows[row]![5] = den;
  });
}

/** A case from a whole table. */
export function tableCase(name: string, d: string, rows: Rows, e: Expected, more: More = {}): CorpusCase {
  return fileCase(name, d, csv(rows.header, rows.rows), e, more);
}
