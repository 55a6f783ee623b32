/**
 * The costs file for budget siting (src/analysis/planning/costs*.ts), read by the import reader as the app
 * and the CLI read it: a good file, and each problem naming the file, the row and the column.
 */
import { describe, expect, it } from 'vitest';
import { costsFromRead } from '../../src/import/costs-file';
import { CostsFileError, withCosts, type CostProblem } from '../../src/analysis/planning/costs';
import { readInput } from '../../src/import/read';
import { loadParquetModuleNode } from '../../src/engine/node/parquet-node';

const known = new Set(['AL111', 'AL112', 'AL113']);

function costs(text: string, name = 'costs.csv'): Map<string, number> {
  const bytes = new TextEncoder().encode(text);
  return costsFromRead(name, readInput({ name, bytes }, loadParquetModuleNode()), known);
}

function problemOf(text: string): CostProblem {
  try {
    costs(text);
  } catch (err) {
    if (err instanceof CostsFileError) return err.problem;
    throw err;
  }
  throw new Error('no problem found');
}

describe('costs file', () => {
  it('reads a good file (comma or semicolon with decimal commas, any header case)', () => {
    expect(costs('lau_code,cost\nAL111,60000\nAL112,45000.5\n')).toEqual(
      new Map([
        ['AL111', 60000],
        ['AL112', 45000.5],
      ]),
    );
    expect(costs('LAU_CODE;Cost\nAL113;12,5\nAL111;0\n')).toEqual(
      new Map([
        ['AL113', 12.5],
        ['AL111', 0],
      ]),
    );
  });

  it('names a missing column and the columns found', () => {
    const p = problemOf('lau_code,price\nAL111,5\n');
    expect(p).toMatchObject({ code: 'missing-column', file: 'costs.csv', column: 'cost', row: null });
    expect(p.found).toBe('lau_code, price');
  });

  it('names the row and column of a bad number (header = row 1)', () => {
    const p = problemOf('lau_code,cost\nAL111,60000\nAL112,60k\nAL113,1\n');
    expect(p).toMatchObject({ code: 'bad-number', row: 3, column: 'cost', found: '"60k"' });
    expect(problemOf('lau_code,cost\nAL111,\n')).toMatchObject({ code: 'bad-number', row: 2 });
    expect(problemOf('lau_code,cost\nAL111,-5\n')).toMatchObject({ code: 'negative', row: 2 });
  });

  it('refuses a duplicate or unknown lau_code', () => {
    expect(problemOf('lau_code,cost\nAL111,1\nAL112,2\nAL111,3\n')).toMatchObject({
      code: 'duplicate',
      row: 4,
      column: 'lau_code',
    });
    expect(problemOf('lau_code,cost\nAL111,1\nXX999,2\n')).toMatchObject({
      code: 'unknown-lau',
      row: 3,
      found: '"XX999"',
    });
  });

  it('the English message says where, what was expected and how to fix it', () => {
    expect(() => costs('lau_code,cost\nAL112,abc\n')).toThrow(
      /costs\.csv, row 2, column cost: found "abc"; expected a number .*; fix: /,
    );
    expect(() => costs('{"type":"FeatureCollection","features":[]}', 'costs.geojson')).toThrow(
      CostsFileError,
    );
  });

  it('sets each candidate site its cost, the default where the file has none; existing units stay free', () => {
    const instance = {
      demand: [{ id: 'AL111', weight: 1 }],
      sites: [{ id: 'AL111' }, { id: 'AL112' }, { id: 'unit:1', existing: true }],
      coverage: new Map(),
    };
    expect(withCosts(instance, 60000, new Map([['AL112', 5]])).sites).toEqual([
      { id: 'AL111', cost: 60000 },
      { id: 'AL112', cost: 5 },
      { id: 'unit:1', existing: true },
    ]);
  });
});
