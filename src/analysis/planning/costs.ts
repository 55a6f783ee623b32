/**
 * Costs per candidate site for the budget variant of siting: a table with columns lau_code and cost (one
 * row per municipality, a finite number >= 0), checked row by row. A problem names the file, the row (as a
 * spreadsheet counts it), the column, what was found, what was expected and how to fix it; the app
 * translates it by its `code`, the CLI prints {@link costProblemText}. Pure: no DOM, no DuckDB.
 *
 * {@link withCosts} then sets every candidate site's cost: the file's cost where it has one, else the
 * default cost per unit (existing units stay free).
 */
import { PlanningError, type PlanningInstance } from './problem';

/** What can be wrong with a costs file. */
export type CostProblemCode =
  | 'unreadable'
  | 'empty'
  | 'missing-column'
  | 'bad-number'
  | 'negative'
  | 'missing-lau'
  | 'duplicate'
  | 'unknown-lau';

/** One problem in a costs file; `row` is 1-based with the header as row 1 (CSV), null for the whole file. */
export interface CostProblem {
  code: CostProblemCode;
  file: string;
  row: number | null;
  column: string | null;
  /** What was found, as data only: a cell's text ('' for an empty cell), a lau_code, or the columns present. */
  found: string;
  /** For 'unreadable': the reader's own explanation (expected; fix). */
  detail?: string;
}

const EXPECTED: Record<CostProblemCode, string> = {
  unreadable: 'a CSV or Parquet table',
  empty: 'at least one row after the header',
  'missing-column': 'columns lau_code and cost',
  'bad-number': 'a number such as 60000 or 60000.50 (no currency sign)',
  negative: 'a cost of 0 or more',
  'missing-lau': 'a lau_code in every row',
  duplicate: 'each lau_code once',
  'unknown-lau': "a lau_code of one of the country's municipalities",
};

const FIX: Record<CostProblemCode, string> = {
  unreadable: 'save the table again as CSV (comma- or semicolon-separated) or Parquet',
  empty: 'add one row per municipality: lau_code,cost',
  'missing-column': 'name the first row "lau_code,cost"',
  'bad-number': 'write the cost as a plain number',
  negative: 'correct the cost, or leave the municipality out to use the default cost',
  'missing-lau': 'fill in the lau_code or delete the row',
  duplicate: 'keep one row per lau_code',
  'unknown-lau': 'check the code against the municipalities list (e.g. AL111)',
};

/** A costs problem in English, for the CLI and for logs. */
export function costProblemText(p: CostProblem): string {
  const where = [p.file, p.row !== null ? `row ${p.row}` : null, p.column ? `column ${p.column}` : null]
    .filter(Boolean)
    .join(', ');
  const detail = p.detail ? ` (${p.detail})` : '';
  const found =
    p.code === 'missing-column'
      ? `columns ${p.found || '(none)'}`
      : p.code === 'empty'
        ? 'no data rows'
        : p.found || 'an empty cell';
  return `${where}: found ${found}${detail}; expected ${EXPECTED[p.code]}; fix: ${FIX[p.code]}`;
}

/** A costs file that cannot be used; `problem` says where and why. */
export class CostsFileError extends PlanningError {
  override name = 'CostsFileError';
  constructor(readonly problem: CostProblem) {
    super(costProblemText(problem));
  }
}

/** A table as read from a file: its columns, and cells by column and 0-based data row. */
export interface CostTable {
  columns: readonly string[];
  rows: number;
  /** Spreadsheet row number of the header (data row i is at rowOffset + 1 + i). */
  rowOffset: number;
  cell: (column: string, row: number) => unknown;
  /** Turns a text cell into a number (null when it is not one): the import reader's number rules. */
  toNumber: (text: string) => number | null;
}

/** Costs by lau_code from a table; throws {@link CostsFileError} at the first problem. */
export function costsFromTable(
  file: string,
  table: CostTable,
  known: ReadonlySet<string>,
): Map<string, number> {
  const fail = (code: CostProblemCode, row: number | null, column: string | null, found: string): never => {
    throw new CostsFileError({ code, file, row, column, found });
  };
  // Column names match whatever their case ("LAU_CODE", "Cost").
  const named = (column: string): string =>
    table.columns.find((c) => c.toLowerCase() === column) ??
    fail('missing-column', null, column, table.columns.join(', '));
  const lauColumn = named('lau_code');
  const costColumn = named('cost');
  if (table.rows === 0) fail('empty', null, null, '');
  const out = new Map<string, number>();
  for (let i = 0; i < table.rows; i++) {
    const row = table.rowOffset + 1 + i;
    const rawCode = table.cell(lauColumn, i);
    const code = typeof rawCode === 'string' ? rawCode.trim() : rawCode == null ? '' : String(rawCode);
    if (code === '') fail('missing-lau', row, 'lau_code', '');
    if (out.has(code)) fail('duplicate', row, 'lau_code', `"${code}"`);
    if (!known.has(code)) fail('unknown-lau', row, 'lau_code', `"${code}"`);
    const raw = table.cell(costColumn, i);
    const value =
      typeof raw === 'number'
        ? raw
        : typeof raw === 'bigint'
          ? Number(raw)
          : typeof raw === 'string'
            ? table.toNumber(raw)
            : null;
    if (value === null || !Number.isFinite(value)) {
      fail('bad-number', row, 'cost', raw == null || raw === '' ? '' : `"${String(raw)}"`);
    }
    if (value! < 0) fail('negative', row, 'cost', String(value));
    out.set(code, value!);
  }
  return out;
}

/** The instance with each candidate site's cost: the file's where given, else `defaultCost`. */
export function withCosts(
  instance: PlanningInstance,
  defaultCost: number,
  costs: ReadonlyMap<string, number> | null,
): PlanningInstance {
  return {
    ...instance,
    sites: instance.sites.map((s) => (s.existing ? s : { ...s, cost: costs?.get(s.id) ?? defaultCost })),
  };
}
