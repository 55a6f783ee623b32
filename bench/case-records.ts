/**
 * The synthetic case records the benches read (`atlas cases --rows n --seed 42`), written once per size under
 * /tmp and never in the repository: the serve load test reads the folder, the cases bench the file.
 */
import { existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { bufferIo } from '../src/cli/io';
import { run } from '../src/cli/main';

/** The folder and file of `rows` records. */
export interface CaseRecords {
  dir: string;
  file: string;
}

/** The records file for `rows`, written by `atlas cases` when it is not there yet. */
export async function caseRecords(rows: number, log: (s: string) => void): Promise<CaseRecords> {
  const dir = `/tmp/atlas-serve-bench/cases-${rows}-s42`;
  const file = join(dir, 'cases.parquet');
  if (existsSync(file)) return { dir, file };
  mkdirSync(dir, { recursive: true });
  log(`writing ${rows.toLocaleString('en')} synthetic records to ${file}`);
  const io = bufferIo();
  const code = await run(['cases', '--rows', String(rows), '--seed', '42', '--out', file], io);
  if (code !== 0) throw new Error(io.stderr.join('\n'));
  return { dir, file };
}
