/**
 * `npm run atlas -- cases --rows <n> --seed <s> --out <file.parquet> [--json]`: n synthetic case records in
 * the data contract's columns, written progressively (about a million records a query and a row group) so
 * that 10 million records need no more memory than one. The records are drawn in DuckDB-WASM, the app's own
 * engine, by the SQL of src/engine/queries-cases-gen.ts, over the demo's municipalities and years weighted
 * by the demo's cases (src/engine/engine-cases-demo.ts).
 */
import { renameSync, rmSync, statSync } from 'node:fs';
import { placeWeights } from '../analysis/cases/demo-cells';
import { readDemoCaseCells } from '../engine/engine-cases-demo';
import { syntheticCasesQuery } from '../engine/queries-cases-gen';
import { UsageError } from './args';
import { CASES_USAGE, parseCasesArgs, type CasesArgs } from './cases-args';
import { ROW_GROUP_ROWS, writeParquetChunks } from './cases-write';
import type { Io } from './io';
import type { Session } from './session';

/** What a run wrote. */
export interface CasesResult {
  rows: number;
  seed: number;
  out: string;
  bytes: number;
  seconds: number;
}

/** Writes the records of `args` with the session's engine. */
export async function writeCases(session: Session, args: CasesArgs): Promise<CasesResult> {
  const started = performance.now();
  const places = placeWeights(await readDemoCaseCells(session.conn));
  const partial = `${args.out}.partial`;
  let start = 0;
  try {
    await writeParquetChunks(partial, () => {
      if (start >= args.rows) return null;
      const end = Math.min(args.rows, start + ROW_GROUP_ROWS);
      const ipc = session.conn.queryIPC(syntheticCasesQuery(args.seed, start, end, places));
      start = end;
      return ipc;
    });
    renameSync(partial, args.out);
  } finally {
    rmSync(partial, { force: true });
  }
  const seconds = Math.round((performance.now() - started) / 100) / 10;
  return { rows: args.rows, seed: args.seed, out: args.out, bytes: statSync(args.out).size, seconds };
}

/** Runs `cases`; returns the exit code (2 usage, 1 failure, 0 written). */
export async function casesCommand(
  argv: readonly string[],
  io: Io,
  open: () => Promise<Session>,
): Promise<number> {
  if (argv.includes('--help') || argv.includes('-h')) {
    io.out(CASES_USAGE);
    return 0;
  }
  let args: CasesArgs;
  try {
    args = parseCasesArgs(argv);
  } catch (err) {
    if (!(err instanceof UsageError)) throw err;
    io.err(`atlas cases: ${err.message}\n${CASES_USAGE}`);
    return 2;
  }
  let session: Session | undefined;
  try {
    session = await open();
    const r = await writeCases(session, args);
    if (args.json) io.out(JSON.stringify(r));
    else {
      const mb = (r.bytes / 1e6).toFixed(1);
      io.out(
        `Wrote ${r.rows} synthetic case records (seed ${r.seed}) to ${r.out}: ${mb} MB in ${r.seconds} s.`,
      );
    }
    return 0;
  } catch (err) {
    io.err(`atlas cases: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}`);
    return 1;
  } finally {
    await session?.close();
  }
}
