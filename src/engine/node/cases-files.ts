/**
 * The Parquet case files of `atlas serve --data <dir>`, read by native DuckDB: every `.parquet` file under the
 * folder (one file, or many, e.g. partitioned by year as `year=2024/part-0.parquet`), in the order of their
 * paths, each checked against the contract's cases columns before any is loaded, then loaded into the table
 * `cases` in the contract's columns and types. The order is fixed (paths sorted, rows in file order), so a
 * record's rowid, and with it its record key, stays the same while the files do.
 */
import { readdirSync, statSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import type { BoundQuery, Connector } from '../connector';
import { DataError } from '../errors';
import { TABLES } from '../tables';

/** The table the records are loaded into. */
export const SERVED_CASES_TABLE = 'cases';

const COLUMNS = Object.entries(TABLES.cases) as [string, 'INTEGER' | 'VARCHAR'][];
const WHOLE = new Set([
  'TINYINT',
  'SMALLINT',
  'INTEGER',
  'BIGINT',
  'UTINYINT',
  'USMALLINT',
  'UINTEGER',
  'UBIGINT',
  'HUGEINT',
]);
const TEXT = new Set(['VARCHAR']);

/** What was loaded. */
export interface LoadedCases {
  files: string[];
  rows: number;
  /** Whether the year came from `year=YYYY` folders (hive partitioning). */
  partitioned: boolean;
}

/** Every `.parquet` file under `dir` (not in hidden folders), sorted by path. */
export function caseFiles(dir: string): string[] {
  const out: string[] = [];
  const walk = (d: string) => {
    for (const e of readdirSync(d, { withFileTypes: true })) {
      if (e.name.startsWith('.')) continue;
      const p = join(d, e.name);
      // A symbolic link counts as what it points to (the operator's own folder).
      const kind = e.isSymbolicLink() ? statSync(p) : e;
      if (kind.isDirectory()) walk(p);
      else if (kind.isFile() && e.name.toLowerCase().endsWith('.parquet')) out.push(p);
    }
  };
  if (!statSync(dir).isDirectory())
    throw new DataError(dir, 'not a folder', 'a folder of Parquet case files', 'Pass --data <dir>.');
  walk(dir);
  return out.sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
}

const list = (files: readonly string[]) => `[${files.map(() => '?').join(', ')}]`;

/** `read_parquet` over `files` (bound), hive partitioning on or off. */
function reader(files: readonly string[], hive: boolean, filename = false): string {
  return `read_parquet(${list(files)}, hive_partitioning = ${hive}, union_by_name = true, filename = ${filename})`;
}

/** The DESCRIBE of one file. */
export function describeFileQuery(file: string, hive: boolean): BoundQuery {
  return { sql: `DESCRIBE SELECT * FROM ${reader([file], hive)}`, params: [file] };
}

/** Per file, the records whose year, month or municipality is unusable. */
export function badValuesQuery(files: readonly string[], hive: boolean): BoundQuery {
  const from = reader(files, hive, true);
  return {
    sql: `SELECT filename, count(*)::BIGINT AS n,
  count(*) FILTER (WHERE year IS NULL OR year < 1900 OR year > 2199)::BIGINT AS bad_year,
  count(*) FILTER (WHERE month IS NULL OR month < 1 OR month > 12)::BIGINT AS bad_month,
  count(*) FILTER (WHERE lau_code IS NULL)::BIGINT AS bad_lau
FROM ${from} GROUP BY filename ORDER BY filename`,
    params: [...files],
  };
}

/** The statement that loads `files` into {@link SERVED_CASES_TABLE}, in the contract's columns. */
export function loadCasesQuery(files: readonly string[], hive: boolean): BoundQuery {
  const cols = COLUMNS.map(([c, t]) => `${c}::${t} AS ${c}`).join(', ');
  return {
    sql: `CREATE OR REPLACE TABLE ${SERVED_CASES_TABLE} AS SELECT ${cols} FROM ${reader(files, hive)}`,
    params: [...files],
  };
}

/** The problem with one file's columns, or null. */
function columnProblem(
  file: string,
  described: { column_name: string; column_type: string }[],
): DataError | null {
  const types = new Map(described.map((c) => [c.column_name, c.column_type]));
  for (const [name, want] of COLUMNS) {
    const got = types.get(name);
    const fix = `Write the file with the contract's cases columns (docs/data-contract.md): ${COLUMNS.map(([c]) => c).join(', ')}.`;
    if (got === undefined)
      return new DataError(file, `no column "${name}"`, `a column "${name}" (${want})`, fix);
    const ok = want === 'INTEGER' ? WHOLE.has(got) : TEXT.has(got);
    if (!ok)
      return new DataError(
        file,
        `column "${name}" is ${got}`,
        want === 'INTEGER' ? 'whole numbers' : 'text (VARCHAR)',
        fix,
      );
  }
  return null;
}

/** Checks every file under `dir` and loads them all into `cases`; throws DataError naming the file. */
export async function loadCaseFiles(conn: Connector, dir: string): Promise<LoadedCases> {
  const files = caseFiles(dir);
  if (files.length === 0) {
    throw new DataError(
      dir,
      'no .parquet file',
      'one or more Parquet case files',
      'Write them with `atlas import` or `atlas cases`.',
    );
  }
  const partitioned = files.some((f) =>
    relative(dir, f)
      .split(sep)
      .some((p) => /^year=\d+$/.test(p)),
  );
  for (const file of files) {
    let described;
    try {
      described = await conn.query<{ column_name: string; column_type: string }>(
        describeFileQuery(file, partitioned),
      );
    } catch (err) {
      const why = err instanceof Error ? err.message.split('\n')[0]! : String(err);
      throw new DataError(
        file,
        `not a readable Parquet file (${why})`,
        'a Parquet file',
        'Write it again, or remove it from the folder.',
      );
    }
    const problem = columnProblem(file, described);
    if (problem) throw problem;
  }
  for (const r of await conn.query<{
    filename: string;
    bad_year: number;
    bad_month: number;
    bad_lau: number;
  }>(badValuesQuery(files, partitioned))) {
    const bad = [
      r.bad_year ? `${r.bad_year} records with no year or one outside 1900..2199` : '',
      r.bad_month ? `${r.bad_month} records with no month or one outside 1..12` : '',
      r.bad_lau ? `${r.bad_lau} records with no lau_code` : '',
    ].filter(Boolean);
    if (bad.length) {
      throw new DataError(
        r.filename,
        bad.join('; '),
        'every record with a year, a month 1..12 and a lau_code',
        'Check the file with `npm run atlas -- validate`.',
      );
    }
  }
  await conn.query(loadCasesQuery(files, partitioned));
  const [{ n }] = (await conn.query<{ n: number }>({
    sql: `SELECT count(*)::BIGINT AS n FROM ${SERVED_CASES_TABLE}`,
    params: [],
  })) as [{ n: number }];
  return { files, rows: n, partitioned };
}
