/**
 * The case explorer's SQL (answered by ./engine-cases.ts). Records are first counted into a cube, one row
 * per combination of the six dimensions with its count n and the sum ks of its records' keys (a cell key is
 * ks mod 256, src/analysis/disclosure/cell-key.ts, and sums add up, so any cell of the cube's rows has its
 * key). A facet is then a GROUP BY over the cube. For changes of one dimension A while the others stay, an
 * index (Mosaic's pre-aggregated "active view") holds, for every other dimension D, the counts by (A, D)
 * under the other filters: each brush or click on A is then a small sum over the index.
 * The cube holds each category as a small integer code (its place in the explorer's list of values) and is
 * ordered by month: GROUP BYs over integers, and month filters that skip whole blocks, are about ten times
 * faster than over texts in DuckDB-WASM (at 10M records, 26-40 ms against 480-585 ms for six facets).
 * Identifiers come only from CASE_DIMS; every value is bound.
 */
import { RECORD_KEY_RANGE } from '../analysis/disclosure/ptable';
import { CASE_DIMS, type CaseCategoryDim, type CaseDim } from './cases-types';
import type { BoundQuery, SqlValue } from './connector';
import { mixColumns, select } from './queries-cases-mix';

export const CASES_CUBE = 'cases_cube';
export const CASES_INDEX = 'cases_index';
/** The cube with its categories as texts, before they are coded. */
const CASES_TEXT = 'cases_cube_text';
const CASES_DICT = 'cases_dict';

/** The category dimensions. */
const CATEGORY_DIMS = CASE_DIMS.filter((d): d is CaseCategoryDim => d !== 'period');

/** Filters with category values as codes (a value the data do not hold is -1, which matches nothing). */
export type CodedFilters = Partial<Record<CaseCategoryDim, readonly number[]>> & {
  period?: readonly [number, number];
};

/** Where the records are: the user's `cases` (keys made from rowid and a salt) or the demo's (with keys). */
export type CaseSource = { table: 'cases'; salt: number } | { table: 'demo_cases' };

/**
 * The records with a `record_key`: the demo's carry theirs; a user's get one from lowbias32 of (rowid xor
 * salt), its top 8 bits (uniform over 0..255, fixed while the table and the salt stay).
 */
function keyed(source: CaseSource, params: SqlValue[]): string {
  if (source.table === 'demo_cases') return 'demo_cases';
  params.push(source.salt);
  const hashed = mixColumns(select('*, xor(rowid & 4294967295, ?::BIGINT) AS k', 'cases'), ['k']);
  if (RECORD_KEY_RANGE !== 256) throw new Error('record keys are the top 8 bits of a 32-bit hash');
  return select('*, (k >> 24) AS record_key', hashed);
}

/** Counts `source`'s records into the text cube (the first step of the cube). */
export function textCubeQuery(source: CaseSource): BoundQuery {
  const params: SqlValue[] = [];
  const from = keyed(source, params);
  const sql = `CREATE OR REPLACE TABLE ${CASES_TEXT} AS
SELECT lau_code, case_type, referral_source, age_band, sex, (year * 12 + month - 1)::INTEGER AS period,
  count(*)::BIGINT AS n, sum(record_key)::BIGINT AS ks
FROM ${from} AS r
WHERE lau_code IS NOT NULL AND year IS NOT NULL AND month IS NOT NULL
GROUP BY ALL`;
  return { sql, params };
}

/** The distinct values of every category dimension, the months covered and the number of records. */
export function cubeInfoQueries(): { values: BoundQuery; extent: BoundQuery } {
  const values = CATEGORY_DIMS.map(
    (d) => `SELECT DISTINCT '${d}' AS dim, ${d}::VARCHAR AS value FROM ${CASES_TEXT}`,
  ).join('\nUNION ALL\n');
  return {
    values: { sql: values, params: [] },
    extent: {
      sql: `SELECT min(period) AS first, max(period) AS last, coalesce(sum(n), 0)::BIGINT AS n FROM ${CASES_TEXT}`,
      params: [],
    },
  };
}

/**
 * The statements that code the text cube into the cube: the dictionary of `categories` (a value's code is
 * its index), the coded cube ordered by month, and the text cube and dictionary dropped. A value missing
 * from `categories` (null) gets a null code: counted in the totals, in no bar.
 */
export function codeCubeQueries(
  categories: Readonly<Record<CaseCategoryDim, readonly string[]>>,
): BoundQuery[] {
  const params: SqlValue[] = [];
  const rows = CATEGORY_DIMS.flatMap((d) =>
    categories[d].map((value, code) => {
      params.push(d, value, code);
      return '(?, ?, ?)';
    }),
  );
  const joins = CATEGORY_DIMS.map(
    (d, i) => `LEFT JOIN ${CASES_DICT} d${i} ON d${i}.dim = '${d}' AND d${i}.value = c.${d}`,
  ).join('\n');
  const codes = CATEGORY_DIMS.map((d, i) => `d${i}.code AS ${d}`).join(', ');
  return [
    { sql: `CREATE OR REPLACE TABLE ${CASES_DICT} (dim VARCHAR, value VARCHAR, code USMALLINT)`, params: [] },
    ...(rows.length ? [{ sql: `INSERT INTO ${CASES_DICT} VALUES ${rows.join(', ')}`, params }] : []),
    {
      sql: `CREATE OR REPLACE TABLE ${CASES_CUBE} AS
SELECT ${codes}, c.period::INTEGER AS period, c.n, c.ks FROM ${CASES_TEXT} c
${joins}
ORDER BY c.period, 1`,
      params: [],
    },
    { sql: `DROP TABLE ${CASES_TEXT}`, params: [] },
    { sql: `DROP TABLE ${CASES_DICT}`, params: [] },
  ];
}

/** `column IN (?, ...)` or `column BETWEEN ? AND ?` for one dimension's filter (values into `params`). */
function condition(column: string, dim: CaseDim, filters: CodedFilters, params: SqlValue[]): string | null {
  if (dim === 'period') {
    const range = filters.period;
    if (!range) return null;
    params.push(range[0], range[1]);
    return `${column} BETWEEN ? AND ?`;
  }
  const values = filters[dim];
  if (!values || values.length === 0) return null;
  params.push(...values);
  return `${column} IN (${values.map(() => '?').join(', ')})`;
}

/** The WHERE clause of every filter but those of `skip`. */
function where(filters: CodedFilters, skip: readonly CaseDim[], params: SqlValue[]): string {
  const parts = CASE_DIMS.filter((d) => !skip.includes(d)).flatMap((d) => {
    const c = condition(d, d, filters, params);
    return c ? [c] : [];
  });
  return parts.length ? `WHERE ${parts.join(' AND ')}` : '';
}

/** One row of a facet: the dimension, the value (a category's code, or the month), the true count and the cell key. */
export interface FacetRow {
  dim: CaseDim;
  key: number | null;
  n: number;
  ck: number;
}

const facetSelect = (dim: CaseDim) =>
  `SELECT '${dim}' AS dim, ${dim}::INTEGER AS key, sum(n)::BIGINT AS n, (sum(ks) % ${RECORD_KEY_RANGE})::INTEGER AS ck`;

/** Each dimension of `dims` counted from the cube under every filter but its own (one statement). */
export function cubeFacetsQuery(dims: readonly CaseDim[], filters: CodedFilters): BoundQuery {
  const params: SqlValue[] = [];
  const sql = dims
    .map((d) => `${facetSelect(d)} FROM ${CASES_CUBE} ${where(filters, [d], params)} GROUP BY ${d}`)
    .join('\nUNION ALL\n');
  return { sql, params };
}

/** The bit of GROUPING(others...) that is 0 when `others[i]` is grouped (the leftmost is the highest). */
function groupingMask(count: number, i: number): number {
  return 2 ** count - 1 - 2 ** (count - 1 - i);
}

/** The other dimensions of an index on `active`, in CASE_DIMS order. */
export function indexOthers(active: CaseDim): CaseDim[] {
  return CASE_DIMS.filter((d) => d !== active);
}

/** Replaces the index with the counts by (active, D) for every other D under every filter but active's. */
export function indexQuery(active: CaseDim, filters: CodedFilters): BoundQuery {
  const params: SqlValue[] = [];
  const others = indexOthers(active);
  const sets = others.map((d) => `(${active}, ${d})`).join(', ');
  const sql = `CREATE OR REPLACE TABLE ${CASES_INDEX} AS
SELECT ${active} AS active, ${others.join(', ')}, GROUPING(${others.join(', ')})::INTEGER AS g,
  sum(n)::BIGINT AS n, sum(ks)::BIGINT AS ks
FROM ${CASES_CUBE} ${where(filters, [active], params)}
GROUP BY GROUPING SETS (${sets})`;
  return { sql, params };
}

/** The dimensions `dims` (none of them `active`) from the index, under `active`'s filter in `filters`. */
export function indexFacetsQuery(
  active: CaseDim,
  dims: readonly CaseDim[],
  filters: CodedFilters,
): BoundQuery {
  const others = indexOthers(active);
  const params: SqlValue[] = [];
  const sql = dims
    .map((d) => {
      const i = others.indexOf(d);
      if (i < 0) throw new Error(`the index on ${active} does not hold ${d}`);
      params.push(groupingMask(others.length, i));
      const c = condition('active', active, filters, params);
      return `${facetSelect(d)} FROM ${CASES_INDEX} WHERE g = ?${c ? ` AND ${c}` : ''} GROUP BY ${d}`;
    })
    .join('\nUNION ALL\n');
  return { sql, params };
}

/** Child population per municipality and year (the denominator of case rates). */
export function populationQuery(indicator: string): BoundQuery {
  return {
    sql: `SELECT lau_code, year, value AS pop FROM indicator_values WHERE indicator = ? AND value > 0`,
    params: [indicator],
  };
}

/** Whether a table exists, and how many rows it holds. */
export function tableRowsQuery(table: 'cases' | 'demo_cases'): BoundQuery {
  return {
    sql: `SELECT (SELECT count(*) FROM duckdb_tables() WHERE table_name = ?)::INTEGER AS present`,
    params: [table],
  };
}
