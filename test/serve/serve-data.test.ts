/**
 * The case files `atlas serve` reads: one file or a year-partitioned folder give the same records, and a
 * file that does not follow the contract is refused with its path and the column or values at fault.
 */
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { recordSalt, SALT_FILE } from '../../src/cli/serve/questions';
import type { Connector } from '../../src/engine/connector';
import { DataError } from '../../src/engine/errors';
import { caseFiles, loadCaseFiles } from '../../src/engine/node/cases-files';
import { createNativeConnector } from '../../src/engine/node/duckdb-native';

const tmp = mkdtempSync(join(tmpdir(), 'atlas-serve-data-'));
let conn: Connector;

/** `n` records in the contract's columns; `cols` replaces or drops (null) some column expressions. */
function records(n: number, cols: Record<string, string | null> = {}): string {
  const base: Record<string, string> = {
    year: '(2020 + range % 3)::INTEGER',
    month: '(1 + range % 12)::INTEGER',
    lau_code: "'AL111'",
    age_band: "'0-5'",
    sex: "'F'",
    case_type: "'neglect'",
    referral_source: "'school'",
  };
  const list = Object.entries({ ...base, ...cols }).flatMap(([c, e]) => (e === null ? [] : [`${e} AS ${c}`]));
  return `SELECT ${list.join(', ')} FROM range(${n})`;
}

async function write(dir: string, sql: string, options = 'FORMAT parquet'): Promise<string> {
  mkdirSync(dir, { recursive: true });
  const path = options.includes('PARTITION_BY') ? dir : join(dir, 'cases.parquet');
  await conn.exec(`COPY (${sql}) TO '${path}' (${options})`);
  return dir;
}

const refused = async (dir: string) => {
  try {
    await loadCaseFiles(conn, dir);
  } catch (err) {
    if (err instanceof DataError) return err;
    throw err;
  }
  throw new Error('accepted');
};

beforeAll(async () => {
  conn = await createNativeConnector();
});
afterAll(async () => {
  await conn.close();
  rmSync(tmp, { recursive: true, force: true });
});

describe('the case files', () => {
  it('one file, or a folder partitioned by year, give the same records', async () => {
    const one = await write(join(tmp, 'one'), records(3000));
    const parts = await write(join(tmp, 'parts'), records(3000), 'FORMAT parquet, PARTITION_BY (year)');
    expect(caseFiles(parts).map((f) => f.slice(parts.length))).toEqual([
      '/year=2020/data_0.parquet',
      '/year=2021/data_0.parquet',
      '/year=2022/data_0.parquet',
    ]);
    const count = async (dir: string) => {
      const loaded = await loadCaseFiles(conn, dir);
      const rows = await conn.query({
        sql: 'SELECT year, month, count(*)::INTEGER AS n FROM cases GROUP BY ALL ORDER BY ALL',
        params: [],
      });
      return { rows: loaded.rows, partitioned: loaded.partitioned, counts: rows };
    };
    const a = await count(one);
    const b = await count(parts);
    expect(a.partitioned).toBe(false);
    expect(b.partitioned).toBe(true);
    expect(b.counts).toEqual(a.counts);
    expect(a.rows).toBe(3000);
  });

  it('names the file and the column that is missing or of the wrong type', async () => {
    const missing = await write(join(tmp, 'missing'), records(10, { referral_source: null }));
    let e = await refused(missing);
    expect(e.file).toBe(join(missing, 'cases.parquet'));
    expect(e.found).toBe('no column "referral_source"');
    const typed = await write(join(tmp, 'typed'), records(10, { month: '(1 + range % 12)::DOUBLE' }));
    e = await refused(typed);
    expect(e.found).toBe('column "month" is DOUBLE');
    expect(e.expected).toBe('whole numbers');
  });

  it('names the file with months, years or municipalities that cannot be used', async () => {
    const dir = join(tmp, 'values');
    await write(join(dir, 'a'), records(10));
    await write(join(dir, 'b'), records(10, { month: 'CASE WHEN range % 3 = 1 THEN 13 ELSE 1 END' }));
    const e = await refused(dir);
    expect(e.file).toBe(join(dir, 'b', 'cases.parquet'));
    expect(e.found).toMatch(/^3 records with no month or one outside 1\.\.12$/);
  });

  it('refuses a folder without Parquet files, and a file that is not Parquet', async () => {
    const empty = join(tmp, 'empty');
    mkdirSync(empty);
    expect((await refused(empty)).found).toBe('no .parquet file');
    const broken = join(tmp, 'broken');
    mkdirSync(broken);
    await conn.exec(`COPY (SELECT 1 AS x) TO '${join(broken, 'x.parquet')}' (FORMAT csv)`);
    expect((await refused(broken)).found).toMatch(/^not a readable Parquet file/);
  });

  it('keeps the record-key salt beside the data, the same on every start', () => {
    const dir = join(tmp, 'salt');
    mkdirSync(dir);
    const salt = recordSalt(dir);
    expect(recordSalt(dir)).toBe(salt);
    expect(caseFiles(dir)).toEqual([]);
    expect(SALT_FILE.startsWith('.')).toBe(true);
  });
});
