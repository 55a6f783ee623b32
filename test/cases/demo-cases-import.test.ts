/**
 * The demo's case records as a user's cases file: written to Parquet without their record keys and loaded
 * through the project's own import (importFiles, what `atlas import` runs), they are accepted as a cases
 * file and counted back (src/contract/cases.ts) into every cp_cases_rate numerator and trafficking_referrals
 * value the demo shows.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { writeParquetChunks } from '../../src/cli/cases-write';
import { importFiles } from '../../src/cli/import';
import { openSession, type Session } from '../../src/cli/session';
import { CASE_INDICATORS } from '../../src/engine/case-indicators';
import { createDemoCases } from '../../src/engine/engine-cases-demo';
import { DEMO_CASES_TABLE } from '../../src/engine/queries-cases-gen';
import { TABLES } from '../../src/engine/tables';

const dir = mkdtempSync(join(tmpdir(), 'atlas-demo-cases-'));
let session: Session;

beforeAll(async () => {
  session = await openSession();
}, 60_000);
afterAll(async () => {
  await session?.close();
  rmSync(dir, { recursive: true, force: true });
});

type Figure = { lau_code: string; year: number; indicator: string; n: number };
const SHOWN = `SELECT lau_code, year::INTEGER AS year, indicator, coalesce(numerator, value) AS n
FROM indicator_values WHERE indicator IN (?, ?) AND status IS NULL ORDER BY indicator, year, lau_code`;
const ids = [CASE_INDICATORS.rate.id, CASE_INDICATORS.trafficking.id];

it(
  'the import takes them as a cases file and counts them back into the shown figures',
  { timeout: 120_000 },
  async () => {
    const { conn } = session;
    const shown = await conn.query<Figure>({ sql: SHOWN, params: ids });
    const records = await createDemoCases(conn);
    const file = join(dir, 'demo-cases.parquet');
    let done = false;
    await writeParquetChunks(file, () => {
      if (done) return null;
      done = true;
      const cols = Object.keys(TABLES.cases).join(', ');
      return conn.queryIPC({ sql: `SELECT ${cols} FROM ${DEMO_CASES_TABLE}`, params: [] });
    });
    const r = await importFiles(session, [file], join(dir, 'out'), 5);
    expect(r.ok).toBe(true);
    expect(r.reports).toEqual([expect.objectContaining({ kind: 'cases', rows: records, problems: [] })]);
    const counted = await conn.query<Figure>({
      sql: `SELECT lau_code, year::INTEGER AS year, indicator, coalesce(numerator, value) AS n
FROM indicator_values WHERE indicator IN (?, ?) ORDER BY indicator, year, lau_code`,
      params: ids,
    });
    const back = new Map(counted.map((c) => [`${c.indicator} ${c.lau_code} ${c.year}`, c.n]));
    expect(shown.length).toBeGreaterThan(900);
    expect(shown.filter((s) => back.get(`${s.indicator} ${s.lau_code} ${s.year}`) !== s.n)).toEqual([]);
  },
);
