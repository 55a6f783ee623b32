/**
 * The demo's case records, made in the engine: the served case indicators are read, the cells of records
 * worked out (src/analysis/cases/demo-cells.ts), and the records drawn in SQL over range()
 * (./queries-cases-gen.ts) into demo_cases. Nothing is shipped: the same values give the same records in
 * DuckDB-WASM (browser, Node) and native DuckDB.
 */
import { DEFAULT_K } from '../analysis/suppression';
import {
  demoCaseCells,
  type CaseCell,
  type ServedCell,
  type ServedTotal,
} from '../analysis/cases/demo-cells';
import type { Connector } from './connector';
import {
  CREATE_CELLS,
  insertCellsQueries,
  servedCaseCellsQuery,
  servedCaseTotalsQuery,
} from './queries-cases-cells';
import { DEMO_CASES_TABLE, DEMO_CELLS_TABLE, demoCasesQuery } from './queries-cases-gen';

/** The seed of the demo's records (any fixed number: the year of Law 18/2017 on the rights of the child). */
export const DEMO_CASES_SEED = 2017;

/** The demo's cells of records from the loaded values and county totals. */
export async function readDemoCaseCells(conn: Connector, seed = DEMO_CASES_SEED): Promise<CaseCell[]> {
  const served = await conn.query<ServedCell>(servedCaseCellsQuery());
  const totals = await conn.query<ServedTotal>(servedCaseTotalsQuery());
  return demoCaseCells(served, totals, seed, DEFAULT_K);
}

/** Draws the records of `cells` into demo_cases (replaced); returns how many there are. */
export async function writeDemoCases(
  conn: Connector,
  cells: readonly CaseCell[],
  seed = DEMO_CASES_SEED,
): Promise<number> {
  await conn.exec(CREATE_CELLS);
  try {
    for (const q of insertCellsQueries(cells)) await conn.query(q);
    const q = demoCasesQuery(seed);
    await conn.query({ sql: `CREATE OR REPLACE TABLE ${DEMO_CASES_TABLE} AS ${q.sql}`, params: q.params });
  } finally {
    await conn.exec(`DROP TABLE IF EXISTS ${DEMO_CELLS_TABLE}`);
  }
  const [r] = await conn.query<{ n: number }>({
    sql: `SELECT count(*)::INTEGER AS n FROM ${DEMO_CASES_TABLE}`,
    params: [],
  });
  return r?.n ?? 0;
}

/** Makes demo_cases from the loaded values: the demo's case records. Returns the number of records. */
export async function createDemoCases(conn: Connector): Promise<number> {
  return writeDemoCases(conn, await readDemoCaseCells(conn));
}
