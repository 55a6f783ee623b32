/** Building table cases: a valid table with one cell or row changed. */
import { withCell, type Rows } from './base';
import { csv } from './bytes';
import { fileCase, type CorpusCase, type Expected, type More } from './types';

/** A case from a whole table. */
export function c(name: string, description: string, t: Rows, expect: Expected, more: More = {}): CorpusCase {
  return fileCase(name, description, csv(t.header, t.rows), expect, more);
}

/** A case from table `t` with the cell at (row, column) of table `t` set to `value`; the row is named in the entry. */
export function cell(
  name: string,
  description: string,
  t: Rows,
  row: number,
  col: string,
  value: string | number | null,
  expect: Expected,
  more: More = {},
): CorpusCase {
  return c(
    name,
    description,
    withCell(t, row, col, value),
    expect,
    expect === 'ok' ? more : { row: row + 2, ...more },
  );
}
