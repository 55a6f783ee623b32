/**
 * The case records' SQL gives the same bits on DuckDB-WASM 1.4.3 (the app's engine, Node build) and native
 * DuckDB 1.5: the lowbias32 mix against its JavaScript reference on edge and random values, the demo's
 * records from the same cells, and a slice of the CLI's synthetic records.
 */
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mix32, recordHash, streamHash } from '../../src/analysis/cases/mix32';
import { placeWeights, type CaseCell } from '../../src/analysis/cases/demo-cells';
import type { Connector } from '../../src/engine/connector';
import { readDemoCaseCells, writeDemoCases } from '../../src/engine/engine-cases-demo';
import { DEMO_CASES_TABLE, syntheticCasesQuery } from '../../src/engine/queries-cases-gen';
import { mixColumns } from '../../src/engine/queries-cases-mix';
import { demoConnector } from '../engine-setup';
import { createNativeConnector } from './native-connector';

let wasm: Connector;
let native: Connector;
let cells: CaseCell[];

beforeAll(async () => {
  wasm = await demoConnector();
  native = await createNativeConnector();
  cells = await readDemoCaseCells(wasm);
}, 60_000);
afterAll(async () => {
  await wasm.close();
  await native.close();
});

/** lowbias32 in SQL of every value of `xs`, in order. */
async function mixedInSql(conn: Connector, xs: readonly number[]): Promise<number[]> {
  const values = xs.map((_, i) => `(${i}, ?::BIGINT)`).join(', ');
  const rows = await conn.query<{ k: number }>({
    sql: `SELECT k FROM ${mixColumns(`(SELECT * FROM (VALUES ${values}) v(i, k))`, ['k'])} ORDER BY i`,
    params: [...xs],
  });
  return rows.map((r) => r.k);
}

describe('lowbias32 in SQL', () => {
  const edges = [0, 1, 2, 65535, 65536, 2 ** 31 - 1, 2 ** 31, 2 ** 32 - 2, 2 ** 32 - 1, 0x9e3779b9];

  it(
    'matches the JavaScript reference on both engines, at the edges and at random',
    { timeout: 30_000 },
    async () => {
      const random = fc.sample(fc.integer({ min: 0, max: 2 ** 32 - 1 }), { numRuns: 2000, seed: 15 });
      const xs = [...edges, ...random];
      const want = xs.map(mix32);
      expect(await mixedInSql(wasm, xs)).toEqual(want);
      expect(await mixedInSql(native, xs)).toEqual(want);
      expect(new Set(want).size).toBe(new Set(xs).size);
    },
  );

  it('the reference is lowbias32, checked against BigInt arithmetic, and keys streams apart', () => {
    const M = 2n ** 32n;
    const big = (x: number) => {
      let h = BigInt(x);
      h ^= h >> 16n;
      h = (h * 0x7feb352dn) % M;
      h ^= h >> 15n;
      h = (h * 0x846ca68bn) % M;
      h ^= h >> 16n;
      return Number(h);
    };
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 2 ** 32 - 1 }), (x) => mix32(x) === big(x)),
      {
        numRuns: 10_000,
      },
    );
    expect(recordHash(1, 2, 3)).not.toBe(recordHash(2, 2, 3));
    expect(recordHash(1, 2, 3)).not.toBe(recordHash(1, 3, 2));
    expect(streamHash(5, 0)).not.toBe(streamHash(5, 1));
  });
});

describe('the same records on DuckDB-WASM and native DuckDB', () => {
  it('the demo records, from the same cells', { timeout: 60_000 }, async () => {
    const dump = async (conn: Connector) => {
      await writeDemoCases(conn, cells);
      return conn.query<Record<string, unknown>>({ sql: `SELECT * FROM ${DEMO_CASES_TABLE}`, params: [] });
    };
    const a = await dump(wasm);
    const b = await dump(native);
    expect(a.length).toBe(cells.reduce((s, c) => s + c.n, 0));
    expect(b).toEqual(a);
  });

  it('a slice of the synthetic records of a seed', { timeout: 60_000 }, async () => {
    const q = syntheticCasesQuery(123456789, 4990, 25_000, placeWeights(cells));
    const run = (conn: Connector) => conn.query<Record<string, unknown>>(q);
    const a = await run(wasm);
    expect(a).toHaveLength(20_010);
    expect(await run(native)).toEqual(a);
  });
});
