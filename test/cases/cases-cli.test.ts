/**
 * `atlas cases` as a real process: n records in the contract's columns that the project's own import takes
 * as a cases file, the same bytes for the same n and seed, other bytes for another seed, and a usage error
 * (exit 2, saying what is wrong) for bad arguments.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { tableFromIPC } from 'apache-arrow';
import { afterAll, describe, expect, it } from 'vitest';
import { AGE_BANDS, CASE_TYPES, REFERRAL_SOURCES, SEXES } from '../../src/analysis/cases/profile';
import { bufferIo } from '../../src/cli/io';
import { run } from '../../src/cli/main';
import { loadParquetModuleNode } from '../../src/engine/node/parquet-node';
import { TABLES } from '../../src/engine/tables';
import { cli } from '../corpus/harness';

const dir = mkdtempSync(join(tmpdir(), 'atlas-cases-cli-'));
const path = (name: string) => join(dir, name);
const ROWS = 12_345;

// Started at once, so that they run beside each other.
const runs = {
  a: cli(['cases', '--rows', String(ROWS), '--seed', '42', '--out', path('a.parquet'), '--json']),
  again: cli(['cases', '--rows', String(ROWS), '--seed', '42', '--out', path('again.parquet')]),
  other: cli(['cases', '--rows', String(ROWS), '--seed', '43', '--out', path('other.parquet')]),
};
afterAll(async () => {
  await Promise.all(Object.values(runs));
  rmSync(dir, { recursive: true, force: true });
});

/** The file's rows, decoded with the reader the app uses. */
function decode(file: string) {
  const ipc = loadParquetModuleNode()
    .readParquet(new Uint8Array(readFileSync(file)))
    .intoIPCStream();
  return tableFromIPC(ipc);
}

describe('atlas cases', () => {
  it('writes n records in the contract columns, every category, municipality and several years', async () => {
    const r = await runs.a;
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout)).toMatchObject({ rows: ROWS, seed: 42, out: path('a.parquet') });
    const t = decode(path('a.parquet'));
    expect(t.numRows).toBe(ROWS);
    expect(t.schema.fields.map((f) => f.name)).toEqual(Object.keys(TABLES.cases));
    const set = (col: string) => new Set(t.getChild(col)!.toArray() as unknown as Iterable<unknown>);
    expect([...set('case_type')].sort()).toEqual([...CASE_TYPES].sort());
    expect([...set('age_band')].sort()).toEqual([...AGE_BANDS].sort());
    expect([...set('sex')].sort()).toEqual([...SEXES].sort());
    expect([...set('referral_source')].sort()).toEqual([...REFERRAL_SOURCES].sort());
    expect(set('month').size).toBe(12);
    expect(set('lau_code').size).toBe(61);
    expect(set('year').size).toBeGreaterThanOrEqual(5);
  }, 120_000);

  it('gives the same bytes for the same n and seed, and others for another seed', async () => {
    const [a, again, other] = await Promise.all([runs.a, runs.again, runs.other]);
    expect([a.code, again.code, other.code]).toEqual([0, 0, 0]);
    expect(again.stdout).toMatch(/Wrote 12345 synthetic case records \(seed 42\)/);
    const bytes = (f: string) => readFileSync(path(f));
    expect(bytes('again.parquet').equals(bytes('a.parquet'))).toBe(true);
    expect(bytes('other.parquet').equals(bytes('a.parquet'))).toBe(false);
    expect(decode(path('other.parquet')).numRows).toBe(ROWS);
  }, 120_000);

  it('writes a file the import takes as a cases file, with exactly n records', async () => {
    await runs.a;
    const r = await cli(['import', path('a.parquet'), '--out', path('imported'), '--json']);
    expect(r.code).toBe(0);
    const report = JSON.parse(r.stdout) as {
      ok: boolean;
      files: { kind: string; rows: number; problems: unknown[] }[];
      written: { file: string; rows: number }[];
    };
    expect(report.ok).toBe(true);
    expect(report.files).toEqual([expect.objectContaining({ kind: 'cases', rows: ROWS, problems: [] })]);
    expect(report.written).toContainEqual(expect.objectContaining({ file: 'cases.parquet', rows: ROWS }));
  }, 120_000);

  it('refuses bad arguments with a usage error (exit 2) that names the mistake', async () => {
    const out = path('bad.parquet');
    const bad: [string[], RegExp][] = [
      [['--seed', '1', '--out', out], /cases needs --rows/],
      [['--rows', '0', '--seed', '1', '--out', out], /--rows needs a whole number from 1/],
      [['--rows', '10', '--seed', '-1', '--out', out], /--seed needs a whole number from 0 to 4294967295/],
      [['--rows', '10', '--seed', '1.5', '--out', out], /--seed needs a whole number/],
      [['--rows', '10', '--seed', '1', '--out', path('x.csv')], /--out must name a \.parquet file/],
      [['--rows', '10', '--seed', '1', '--out', join(dir, 'no', 'x.parquet')], /no such folder/],
      [['--rows', '10', '--seed', '1', '--out', out, '--frob'], /unknown option "--frob"/],
      [['--rows', '--seed', '1', '--out', out], /option --rows needs a value/],
    ];
    // Two as real processes, the rest in-process: the same router, without a process start each.
    const spawned = await Promise.all(bad.slice(0, 2).map(([args]) => cli(['cases', ...args])));
    const inProcess = await Promise.all(
      bad.slice(2).map(async ([args]) => {
        const io = bufferIo();
        const code = await run(['cases', ...args], io, () => Promise.reject(new Error('no engine needed')));
        return { code, stderr: io.stderr.join('\n') };
      }),
    );
    [...spawned, ...inProcess].forEach((r, i) => {
      expect(r.code, bad[i]![0].join(' ')).toBe(2);
      expect(r.stderr).toMatch(bad[i]![1]);
      expect(r.stderr).toMatch(/Usage: npm run atlas -- cases --rows <n>/);
    });
  }, 120_000);
});
