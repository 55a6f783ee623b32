/**
 * The engine behind `atlas serve`: the explorer's own questions (src/engine/engine-cases.ts) over the loaded
 * records, with record keys from their rowid and a salt kept beside the data (so a cell shows the same value
 * after a restart: a fresh salt would give fresh noise to average); then the database is locked: no file can
 * be read or written and no setting changed.
 */
import { randomInt } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { CaseQuestions } from '../../engine/cases-types';
import type { Connector } from '../../engine/connector';
import { caseQuestions } from '../../engine/engine-cases';
import { DataError } from '../../engine/errors';
import { SERVED_CASES_TABLE } from '../../engine/node/cases-files';
import { loadPopulation } from '../../engine/node/population-file';

/** The file beside the data that holds the record-key salt (hidden: not read as a case file). */
export const SALT_FILE = '.atlas-record-salt';

/** The salt of the records in `dir`: read from its salt file, or drawn once and written there. */
export function recordSalt(dir: string): number {
  const file = join(dir, SALT_FILE);
  let text: string | null = null;
  try {
    text = readFileSync(file, 'utf8').trim();
  } catch {
    text = null;
  }
  if (text !== null) {
    const n = Number(text);
    if (!/^\d+$/.test(text) || n > 4294967295) {
      throw new DataError(
        file,
        `"${text.slice(0, 20)}"`,
        'a whole number from 0 to 4294967295',
        'Restore the file, or delete it to draw new record keys.',
      );
    }
    return n;
  }
  const salt = randomInt(0, 2 ** 32);
  try {
    writeFileSync(file, `${salt}\n`, { mode: 0o600, flag: 'wx' });
  } catch (err) {
    const why = err instanceof Error ? err.message : String(err);
    throw new DataError(
      file,
      `the record-key salt cannot be written (${why})`,
      'a writable data folder, once',
      'Run serve once where the folder is writable, or write a number to this file.',
    );
  }
  return salt;
}

/** The explorer's questions over the `cases` table of `conn`, with the population of `values` for rates. */
export async function serverQuestions(
  conn: Connector,
  args: { data: string; values?: string },
): Promise<CaseQuestions> {
  await loadPopulation(conn, args.values);
  const { questions } = caseQuestions(conn, {
    demo: false,
    salt: recordSalt(args.data),
    autoIndex: false,
  });
  return questions;
}

/**
 * Drops the records once the engine has counted them into its cube (its questions are answered from the
 * cube alone): the server then holds no record, and a tenth of the memory.
 */
export async function dropRecords(conn: Connector): Promise<void> {
  await conn.exec(`DROP TABLE ${SERVED_CASES_TABLE}`);
}

/** No file access and no setting changes from here on (defence in depth: no client SQL reaches it anyway). */
export async function lockDown(conn: Connector): Promise<void> {
  await conn.exec('SET enable_external_access = false');
  await conn.exec('SET lock_configuration = true');
}
