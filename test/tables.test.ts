import { readFileSync } from 'node:fs';
import { tableFromArrays, tableToIPC } from 'apache-arrow';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Connector } from '../src/engine/connector';
import { DataError } from '../src/engine/errors';
import { loadParquetModuleNode } from '../src/engine/node/parquet-node';
import { parquetToArrowIPC } from '../src/engine/parquet';
import { loadTable } from '../src/engine/tables';
import { demoConnector } from './engine-setup';

let conn: Connector;
const count = async () =>
  (
    await conn.query<{ n: number }>({
      sql: 'SELECT count(*)::INTEGER AS n FROM indicator_values',
      params: [],
    })
  )[0]!.n;
const checksum = async () =>
  (await conn.query<{ s: number }>({ sql: 'SELECT sum(value) AS s FROM indicator_values', params: [] }))[0]!
    .s;

beforeAll(async () => {
  conn = await demoConnector();
}, 30_000);
afterAll(() => conn.close());

describe('loading never leaves the loaded data changed by a rejected file', () => {
  const good = new Uint8Array(readFileSync('public/data/values.parquet'));
  const parquet = loadParquetModuleNode();

  it('a truncated Parquet file is refused by name, and the table is untouched', async () => {
    const [n, s] = [await count(), await checksum()];
    const truncated = good.slice(0, good.length - 100);
    expect(() => parquetToArrowIPC(parquet, truncated, 'cases-2024.parquet')).toThrow(DataError);
    expect(() => parquetToArrowIPC(parquet, truncated, 'cases-2024.parquet')).toThrow(/cases-2024\.parquet/);
    expect([await count(), await checksum()]).toEqual([n, s]);
  });

  it('a CSV renamed to .parquet is told apart', () => {
    const csv = new TextEncoder().encode('lau_code,year,indicator,value\nAL132,2025,x,1\n');
    expect(() => parquetToArrowIPC(parquet, csv, 'values.parquet')).toThrow(/PAR1/);
  });

  it('a file without the required columns names the missing ones, and the table is untouched', async () => {
    const [n, s] = [await count(), await checksum()];
    const wrong = tableToIPC(
      tableFromArrays({ lau_code: ['AL132'], year: Int32Array.from([2025]) }),
      'stream',
    );
    const err = await loadTable(conn, 'indicator_values', wrong, 'my-values.parquet').catch(
      (e: unknown) => e,
    );
    expect(err).toBeInstanceOf(DataError);
    expect((err as DataError).message).toMatch(/my-values\.parquet/);
    expect((err as DataError).fix).toMatch(/indicator, value, numerator, denominator/);
    expect([await count(), await checksum()]).toEqual([n, s]);
  });

  it('a good file replaces the table and normalises its types', async () => {
    const n = await loadTable(
      conn,
      'indicator_values',
      parquetToArrowIPC(parquet, good, 'v.parquet'),
      'v.parquet',
    );
    expect(n).toBe(61 * 11 * 7);
    const types = await conn.query<{ column_name: string; data_type: string }>({
      sql: "SELECT column_name, data_type FROM information_schema.columns WHERE table_name = 'indicator_values' ORDER BY ordinal_position",
      params: [],
    });
    expect(types.map((t) => `${t.column_name}:${t.data_type}`)).toEqual([
      'lau_code:VARCHAR',
      'year:INTEGER',
      'indicator:VARCHAR',
      'value:DOUBLE',
      'numerator:DOUBLE',
      'denominator:DOUBLE',
      'status:VARCHAR',
    ]);
  });
});
