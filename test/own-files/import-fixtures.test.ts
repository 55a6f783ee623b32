/**
 * The own-files corpus (test/fixtures/own-files: workbooks by openpyxl, exceljs and LibreOffice, DHIS2
 * exports, rates tables, bad workbooks) through the app's reader and batch pipeline, as
 * `npm run atlas -- import <file> [--sheet <name>]` runs them: the values loaded are the values the file's
 * own cells say (its `.expected.json`), a bad workbook loads nothing and says why.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkBatch } from '../../src/cli/check';
import { openSession, type Session } from '../../src/cli/session';
import { applyBatch, discardBatch } from '../../src/import/session';
import type { ProblemCode } from '../../src/contract/problem-types';

const DIR = 'test/fixtures/own-files';

interface Expected {
  lau_code: string;
  year: number;
  indicator: string;
  value: number | null;
  sheet?: string;
}

/** Files whose import is refused, and the error each must give. */
const REFUSED: Record<string, ProblemCode> = {
  'bomb.xlsx': 'unpacked-too-large',
  'csv-renamed.xlsx': 'not-workbook',
  'empty-sheets-openpyxl.xlsx': 'empty-workbook',
  'encrypted-libreoffice.xls': 'encrypted-file',
  'truncated.xlsx': 'corrupt-workbook',
  'dhis2-analytics-uids.csv': 'uid-not-name',
};

const files = readdirSync(DIR).filter((f) => readdirSync(DIR).includes(`${f}.expected.json`));

let session: Session;
beforeAll(async () => {
  session = await openSession();
}, 60_000);
afterAll(async () => {
  await session?.close();
});

describe('own files as ministries have them', () => {
  it('the corpus is there', () => {
    expect(files.length).toBeGreaterThanOrEqual(20);
  });

  for (const file of files) {
    it(
      file,
      async () => {
        const expected = JSON.parse(readFileSync(join(DIR, `${file}.expected.json`), 'utf8')) as Expected[];
        const bytes = new Uint8Array(readFileSync(join(DIR, file)));
        const sheets = [...new Set(expected.map((e) => e.sheet))];
        if (expected.length === 0 || REFUSED[file]) {
          const { batch } = await checkBatch(session, [{ name: file, bytes }]);
          await discardBatch(session.conn, batch);
          expect(batch.ok).toBe(false);
          const codes = batch.reports[0]!.problems.filter((p) => p.severity === 'error').map((p) => p.code);
          expect(codes).toContain(REFUSED[file]);
          expect(batch.reports[0]!.problems.every((p) => p.file === file)).toBe(true);
          return;
        }
        for (const sheet of sheets) {
          const want = expected.filter((e) => e.sheet === sheet && e.value !== null);
          const { batch } = await checkBatch(session, [{ name: file, bytes, ...(sheet ? { sheet } : {}) }]);
          const errors = batch.reports[0]!.problems.filter((p) => p.severity === 'error');
          expect(errors.map((p) => `${p.code} row ${p.row} ${p.column}: ${p.found}`)).toEqual([]);
          await applyBatch(session.conn, batch);
          const got = await session.conn.query<Expected>({
            sql: `SELECT lau_code, year, indicator, value FROM indicator_values WHERE year BETWEEN ? AND ?`,
            params: [Math.min(...want.map((e) => e.year)), Math.max(...want.map((e) => e.year))],
          });
          const byKey = new Map(got.map((r) => [`${r.lau_code}|${r.year}|${r.indicator}`, r.value]));
          const wrong = want.filter((e) => {
            const v = byKey.get(`${e.lau_code}|${e.year}|${e.indicator}`);
            return v === undefined || v === null || Math.abs(v - e.value!) > 1e-9;
          });
          expect(wrong.slice(0, 5)).toEqual([]);
        }
      },
      60_000,
    );
  }
});
