/**
 * Loading a validated staging table into the live tables the app queries. Like loadTable, the swap is one
 * CREATE OR REPLACE TABLE (indicator values and cases: one transaction): a failure leaves the live tables as
 * they were. Indicator values are merged, not replaced: the user's rows win over the loaded ones by key.
 */
import type { Connector } from '../engine/connector';
import { DataError } from '../engine/errors';
import type { TableKind } from './problem-types';
import { ensureTable, TABLES, type TableName } from '../engine/tables';
import { commitCases } from './cases';
import { CONTRACT } from './contract';
import { createDataTable, dropTables, ident, isStagingName } from './sql';
import { hasPlace } from './stage';
import type { MunicipalityMapping } from './types';

/** Writes the mapping as `<staging>_map` and refuses when a staged place has no municipality in it. */
async function applyMapping(conn: Connector, staging: string, kind: TableKind, mapping: MunicipalityMapping) {
  const entries = [...mapping];
  await createDataTable(conn, `${staging}_map`, [
    { name: 'input', type: 'VARCHAR', values: entries.map(([k]) => k) },
    { name: 'lau_code', type: 'VARCHAR', values: entries.map(([, v]) => v) },
  ]);
  const [r] = await conn.query<{ n: number; example: string | null }>({
    sql: `SELECT count(*) AS n, min(s.__place) AS example FROM ${ident(staging)} s
LEFT JOIN ${ident(`${staging}_map`)} m ON m.input = s.__place WHERE m.lau_code IS NULL`,
    params: [],
  });
  if ((r?.n ?? 0) > 0) {
    throw new DataError(
      kind,
      `${r!.n} row(s) whose municipality is not resolved (e.g. “${r!.example ?? '(empty)'}”)`,
      'every row mapped to a lau_code',
      'Fix the municipality names or confirm a suggestion for each, then validate the file again.',
    );
  }
}

/** Replaces `target` by `rows` in one statement; returns its row count. */
async function replaceTable(conn: Connector, target: TableName, rows: string): Promise<number> {
  await conn.exec(`CREATE OR REPLACE TABLE ${ident(target)} AS ${rows}`);
  // A served dataset's school totals were of the schools this file replaces.
  if (target === 'schools') {
    await ensureTable(conn, 'school_totals');
    await conn.exec('DELETE FROM school_totals');
  }
  const [r] = await conn.query<{ n: number }>({
    sql: `SELECT count(*) AS n FROM ${ident(target)}`,
    params: [],
  });
  return r?.n ?? 0;
}

/**
 * The user's values win: each row of the file replaces the loaded row of the same municipality, year and
 * indicator (the demo's, or an earlier file's), every other loaded row stays. The file's rows also go into
 * user_values, which holds what came from the user's files. One transaction; returns the file's row count.
 */
async function mergeValues(conn: Connector, staging: string, rows: string): Promise<number> {
  const fresh = ident(`${staging}_rows`);
  const columns = Object.keys(TABLES.indicator_values).map(ident).join(', ');
  await conn.exec(`CREATE OR REPLACE TABLE ${fresh} AS ${rows}`);
  await conn.exec('BEGIN TRANSACTION');
  try {
    for (const table of ['indicator_values', 'user_values'] as const) {
      await ensureTable(conn, table);
      await conn.exec(`DELETE FROM ${table} WHERE EXISTS (SELECT 1 FROM ${fresh} f
  WHERE f.lau_code = ${table}.lau_code AND f.year = ${table}.year AND f.indicator = ${table}.indicator)`);
      await conn.exec(`INSERT INTO ${table} (${columns}) SELECT ${columns} FROM ${fresh}`);
    }
    await conn.exec('COMMIT');
  } catch (e) {
    await conn.exec('ROLLBACK');
    throw e;
  }
  const [r] = await conn.query<{ n: number }>({ sql: `SELECT count(*) AS n FROM ${fresh}`, params: [] });
  return r?.n ?? 0;
}

/**
 * Commits a staged file of `kind` into its live table (indicator_values, merged by key; catalog, facilities,
 * caseload, schools, replaced; cases also rewrites the case-based indicator rows) with types normalised by TABLES and places
 * mapped through `mapping`. Returns the number of rows loaded. The staging table is dropped on success and
 * kept on failure, so that a corrected mapping can be committed without validating again.
 */
export async function commitStaged(
  conn: Connector,
  staging: string,
  kind: TableKind,
  mapping: MunicipalityMapping,
): Promise<number> {
  if (!isStagingName(staging, kind)) throw new Error(`${staging} is not a ${kind} staging table`);
  const spec = CONTRACT[kind];
  const target = spec.table;
  if (!target) {
    throw new DataError(
      kind,
      'a boundary file',
      'a table file',
      'Boundaries are loaded by the map, not the engine.',
    );
  }
  const place = hasPlace(spec);
  try {
    if (place) await applyMapping(conn, staging, kind, mapping);
    let n: number;
    if (kind === 'cases') {
      n = await commitCases(conn, staging);
    } else {
      const have = new Set(spec.columns.map((c) => c.name));
      const select = Object.entries(TABLES[target])
        .map(([c, t]) => {
          const e = c === 'lau_code' && place ? 'm.lau_code' : have.has(c) ? `s.${ident(c)}` : 'NULL';
          return `CAST(${e} AS ${t}) AS ${ident(c)}`;
        })
        .join(', ');
      const join = place ? `JOIN ${ident(`${staging}_map`)} m ON m.input = s.__place` : '';
      const rows = `SELECT ${select} FROM ${ident(staging)} s ${join} ORDER BY s.__row`;
      n =
        kind === 'indicator_values'
          ? await mergeValues(conn, staging, rows)
          : await replaceTable(conn, target, rows);
    }
    await dropTables(conn, [staging]);
    return n;
  } finally {
    await dropTables(conn, [`${staging}_map`, `${staging}_rows`]);
  }
}
