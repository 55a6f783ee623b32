/**
 * `atlas import <file>... --out <dir>`: the batch is checked exactly as `validate` does; with any error the
 * report is printed and nothing is written. Otherwise it is committed into the engine (as the app's "Load"
 * button does) and the resulting tables are written as the Parquet files the app loads, plus catalog.json
 * when the batch brought a catalog and municipalities.geojson when it brought boundaries.
 */
import { applyBatch, discardBatch } from '../import/session';
import type { TableName } from '../engine/tables';
import { checkBatch, readFiles, type ValidateResult } from './check';
import { tableExists, tableToParquet } from './export';
import type { Connector } from '../engine/connector';
import type { Io } from './io';
import { writeOutput } from './output';
import { formatReports } from './report';
import type { Session } from './session';
import type { ReadOptions } from './args';
import {
  formatSummary,
  mergedCatalog,
  suppressionSummary,
  type IndicatorSummary,
  type Written,
} from './summary';

/** The files the app loads, by engine table. */
export const OUTPUT_FILES: readonly [TableName, string][] = [
  ['indicator_values', 'values.parquet'],
  ['facilities', 'facilities.parquet'],
  ['caseload', 'caseload.parquet'],
  ['schools', 'schools.parquet'],
  ['cases', 'cases.parquet'],
];

/**
 * The table an output file is written from: values.parquet holds the user's values only (user_values, the
 * rows of the batch's values and case files), never the demo's rows they were merged with; when the batch
 * brought no values, the loaded values as they are. Null when there is no such table.
 */
export async function sourceOf(conn: Connector, table: TableName): Promise<TableName | null> {
  if (table === 'indicator_values' && (await tableExists(conn, 'user_values'))) {
    const [r] = await conn.query<{ n: number }>({ sql: 'SELECT count(*) AS n FROM user_values', params: [] });
    if ((r?.n ?? 0) > 0) return 'user_values';
  }
  return (await tableExists(conn, table)) ? table : null;
}

/** What an import did. */
export interface ImportResult extends ValidateResult {
  written: Written[];
  suppression: IndicatorSummary[];
}

/** Checks, commits and writes a batch; writes nothing when a file has an error. */
export async function importFiles(
  session: Session,
  paths: readonly string[],
  out: string,
  k: number,
  read: ReadOptions = {},
): Promise<ImportResult> {
  const { conn } = session;
  // The report counts the rates without counts that threshold k will hide (src/contract/rates.ts).
  const withK = { ...session, context: { ...session.context, k } };
  const { batch, crashes } = await checkBatch(withK, readFiles(paths, read));
  const base = { reports: batch.reports, ok: batch.ok, crashes, written: [], suppression: [] };
  if (!batch.ok) {
    await discardBatch(conn, batch);
    return base;
  }
  await applyBatch(conn, batch);
  const files: { file: string; rows: number; bytes: Uint8Array }[] = [];
  for (const [table, file] of OUTPUT_FILES) {
    const from = await sourceOf(conn, table);
    if (from) files.push({ file, ...(await tableToParquet(conn, from)) });
  }
  const values = (await sourceOf(conn, 'indicator_values')) ?? 'indicator_values';
  const [stats] = await conn.query<{ first: number | null; last: number | null }>({
    sql: `SELECT min(year) AS first, max(year) AS last FROM ${values}`,
    params: [],
  });
  const ids = await conn.query<{ id: string }>({
    sql: `SELECT DISTINCT indicator AS id FROM ${values}`,
    params: [],
  });
  const present = ids.map((r) => r.id);
  const years = stats?.first != null && stats.last != null ? { first: stats.first, last: stats.last } : null;
  const user = batch.reports.some((r) => r.kind === 'indicator_values' || r.kind === 'cases');
  const catalog = mergedCatalog(session.catalog, batch.indicators, present, user ? years : null, user);
  const encode = (o: unknown, indent?: number) =>
    new TextEncoder().encode(`${JSON.stringify(o, null, indent)}\n`);
  if (batch.indicators.length > 0) {
    files.push({ file: 'catalog.json', rows: catalog.indicators.length, bytes: encode(catalog, 2) });
  }
  if (batch.boundaries) {
    // Keyed and labelled like the bundled boundaries by checkFiles (code, names, county of each feature).
    const rows = batch.boundaries.features.length;
    files.push({ file: 'municipalities.geojson', rows, bytes: encode(batch.boundaries) });
  }
  writeOutput(out, files);
  const written = files.map((f) => ({ file: f.file, rows: f.rows, bytes: f.bytes.length }));
  return { ...base, written, suppression: await suppressionSummary(conn, catalog.indicators, k) };
}

/** Runs the import command; returns the exit code. */
export async function importCommand(
  session: Session,
  opts: { files: string[]; out: string; json: boolean; k: number; read?: ReadOptions },
  io: Io,
): Promise<number> {
  const r = await importFiles(session, opts.files, opts.out, opts.k, opts.read);
  if (opts.json) {
    const { reports, ok, written, suppression } = r;
    io.out(JSON.stringify({ files: reports, ok, out: opts.out, written, k: opts.k, suppression }, null, 2));
  } else {
    io.out(formatReports(r.reports, r.ok));
    if (r.ok) io.out(`\n${formatSummary(opts.out, r.written, opts.k, r.suppression)}`);
  }
  for (const c of r.crashes) io.err(`atlas: the reader crashed on ${c.file} (a bug): ${c.error}`);
  return r.ok ? 0 : 1;
}
