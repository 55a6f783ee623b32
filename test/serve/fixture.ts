/**
 * What the server tests run on: a folder with one small Parquet case file written by `atlas cases` (the
 * CLI's own synthetic records), and the engine the server should agree with, made the same way over its
 * own native connection.
 */
import { mkdirSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { bufferIo } from '../../src/cli/io';
import { run } from '../../src/cli/main';
import { recordSalt } from '../../src/cli/serve/questions';
import type { CaseQuestions } from '../../src/engine/cases-types';
import type { Connector } from '../../src/engine/connector';
import { caseQuestions } from '../../src/engine/engine-cases';
import { loadCaseFiles } from '../../src/engine/node/cases-files';
import { createNativeConnector } from '../../src/engine/node/duckdb-native';
import { loadPopulation } from '../../src/engine/node/population-file';

/** A fresh folder holding `cases.parquet` of `rows` synthetic records. */
export async function casesDir(rows: number, seed = 7): Promise<string> {
  const dir = mkdtempSync(join(tmpdir(), 'atlas-serve-'));
  mkdirSync(dir, { recursive: true });
  const io = bufferIo();
  const code = await run(
    ['cases', '--rows', String(rows), '--seed', String(seed), '--out', join(dir, 'cases.parquet')],
    io,
  );
  if (code !== 0) throw new Error(`atlas cases failed: ${io.stderr.join('\n')}`);
  return dir;
}

/** The engine over the records of `dir`, as the server makes it (same files, same salt), on its own connection. */
export async function referenceEngine(dir: string): Promise<{ conn: Connector; questions: CaseQuestions }> {
  const conn = await createNativeConnector();
  await loadCaseFiles(conn, dir);
  await loadPopulation(conn);
  const { questions } = caseQuestions(conn, { demo: false, salt: recordSalt(dir), autoIndex: false });
  return { conn, questions };
}
