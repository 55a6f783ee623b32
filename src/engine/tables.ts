/**
 * The tables the engine holds, their columns and SQL types (the allow-list every identifier comes from),
 * and loading that never leaves a half-loaded table behind: a file goes to a staging table, is checked and
 * normalised, and only then replaces the table users are looking at.
 */
import type { Connector } from './connector';
import { DataError } from './errors';

/** Column name -> DuckDB type it is normalised to. */
type Columns = Readonly<Record<string, string>>;

/** The columns of indicator values, loaded (indicator_values) and the user's own (user_values). */
const VALUE_COLUMNS = {
  lau_code: 'VARCHAR',
  year: 'INTEGER',
  indicator: 'VARCHAR',
  value: 'DOUBLE',
  numerator: 'DOUBLE',
  denominator: 'DOUBLE',
  status: 'VARCHAR',
} as const;

/** Every table the app queries. */
export const TABLES = {
  indicator_values: VALUE_COLUMNS,
  // The rows of indicator_values that came from the user's files (the rest are the demo's): the same
  // columns, kept by commit (src/contract/commit.ts) for "only my data" and for which indicator is whose.
  user_values: VALUE_COLUMNS,
  // County and national totals of a served dataset, computed from the full data and suppressed at source
  // (totals.parquet, src/engine/serve/): the browser cannot add up the cells it is not sent.
  value_totals: {
    level: 'VARCHAR',
    code: 'VARCHAR',
    year: 'INTEGER',
    indicator: 'VARCHAR',
    value: 'DOUBLE',
    numerator: 'DOUBLE',
    denominator: 'DOUBLE',
    status: 'VARCHAR',
  },
  facilities: {
    id: 'VARCHAR',
    lau_code: 'VARCHAR',
    name: 'VARCHAR',
    lon: 'DOUBLE',
    lat: 'DOUBLE',
    opened: 'INTEGER',
    closed: 'INTEGER',
    supporter: 'VARCHAR',
    staff: 'INTEGER',
  },
  caseload: { facility_id: 'VARCHAR', year: 'INTEGER', children_assisted: 'INTEGER', status: 'VARCHAR' },
  municipalities: { lau_code: 'VARCHAR', name: 'VARCHAR', qark_code: 'VARCHAR', qark_name: 'VARCHAR' },
  // Tables filled only from user files (src/contract): see docs/data-contract.md.
  schools: {
    school_id: 'VARCHAR',
    lau_code: 'VARCHAR',
    lon: 'DOUBLE',
    lat: 'DOUBLE',
    level: 'VARCHAR',
    year: 'INTEGER',
    enrolled: 'INTEGER',
    dropouts: 'INTEGER',
    status: 'VARCHAR',
  },
  // Municipality and national dropouts per level of a served dataset (school-totals.parquet).
  school_totals: {
    level: 'VARCHAR',
    code: 'VARCHAR',
    year: 'INTEGER',
    school_level: 'VARCHAR',
    enrolled: 'INTEGER',
    dropouts: 'INTEGER',
    schools: 'INTEGER',
    status: 'VARCHAR',
  },
  cases: {
    year: 'INTEGER',
    month: 'INTEGER',
    lau_code: 'VARCHAR',
    age_band: 'VARCHAR',
    sex: 'VARCHAR',
    case_type: 'VARCHAR',
    referral_source: 'VARCHAR',
  },
  catalog: {
    id: 'VARCHAR',
    label_en: 'VARCHAR',
    label_sq: 'VARCHAR',
    unit_en: 'VARCHAR',
    unit_sq: 'VARCHAR',
    higher_is_worse: 'BOOLEAN',
    aggregation: 'VARCHAR',
    scale: 'DOUBLE',
    sensitive: 'BOOLEAN',
    denominator: 'VARCHAR',
    source_en: 'VARCHAR',
    source_sq: 'VARCHAR',
    notes: 'VARCHAR',
  },
} as const satisfies Record<string, Columns>;

/**
 * Columns a file may leave out (they are then null): `status` says a served figure was withheld, and only
 * files written for serving have it.
 */
export const SERVED_ONLY: ReadonlySet<string> = new Set(['status']);

/** A table name from the allow-list. */
export type TableName = keyof typeof TABLES;

/** Creates the (empty) table of `name` when it does not exist yet, with the columns of TABLES. */
export async function ensureTable(conn: Connector, name: TableName): Promise<void> {
  const columns = Object.entries(TABLES[name])
    .map(([c, t]) => `"${c}" ${t}`)
    .join(', ');
  await conn.exec(`CREATE TABLE IF NOT EXISTS ${name} (${columns})`);
}

/**
 * Loads Arrow IPC bytes into `name`: staging table, column check, typed copy, swap. On any error the
 * staging table is dropped and the existing table is untouched.
 */
export async function loadTable(
  conn: Connector,
  name: TableName,
  ipc: Uint8Array,
  file: string,
): Promise<number> {
  const staging = `${name}__staging`;
  const columns: Columns = TABLES[name];
  await conn.exec(`DROP TABLE IF EXISTS ${staging}`);
  try {
    await conn.insertArrowIPC(staging, ipc);
    const found = await conn.query<{ column_name: string }>({
      sql: 'SELECT column_name FROM information_schema.columns WHERE table_name = ?',
      params: [staging],
    });
    const present = new Set(found.map((c) => c.column_name));
    const missing = Object.keys(columns).filter((c) => !present.has(c) && !SERVED_ONLY.has(c));
    if (missing.length > 0) {
      throw new DataError(
        file,
        `columns ${[...present].join(', ') || '(none)'}`,
        `the columns ${Object.keys(columns).join(', ')}`,
        `Add the missing column(s): ${missing.join(', ')}.`,
      );
    }
    const select = Object.entries(columns)
      .map(([col, type]) => `CAST(${present.has(col) ? `"${col}"` : 'NULL'} AS ${type}) AS "${col}"`)
      .join(', ');
    await conn.exec(`CREATE OR REPLACE TABLE ${name} AS SELECT ${select} FROM ${staging}`);
    const [count] = await conn.query<{ n: number }>({
      sql: `SELECT count(*)::INTEGER AS n FROM ${name}`,
      params: [],
    });
    return count?.n ?? 0;
  } finally {
    await conn.exec(`DROP TABLE IF EXISTS ${staging}`);
  }
}
