/** The validator reads numbers in SQL exactly as the reader's parseNumberLoose does in JS (bar NaN/inf). */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Connector } from '../../src/engine/connector';
import { parseNumberLoose } from '../../src/import/csv-numbers';
import { createNodeConnector } from '../../src/engine/node/duckdb-node';
import { numberSql } from '../../src/contract/sql';

let conn: Connector;
beforeAll(async () => {
  conn = await createNodeConnector();
}, 30_000);
afterAll(() => conn.close());

const CELLS = [
  ...['0', '12', '12.5', '-3', '+4', '.5', '5.', '1e3', '2.5E-2', '−7', '2024', '2024.0', '007'],
  ...['12,5', '0,25', '-0,5', ',5', '1,234', '1,234.5', '12,345,678', '1.234', '1.234,5', '1.234.567,89'],
  ...['1 234', '1\u00a0234,5', '12 500 000', '1 23', '12 5', '1\u202f234'],
  ...['', 'x', '12 children', '1,2,3', '12%', '1..2', '--1', '0x10', '1_000', '١٢'],
];

describe('numberSql agrees with parseNumberLoose', () => {
  it.each([false, true])('decimalComma = %s', async (comma) => {
    const got: (number | null)[] = [];
    for (const cell of CELLS) {
      const [r] = await conn.query<{ v: number | null }>({
        sql: `SELECT ${numberSql('x', comma)} AS v FROM (SELECT CAST(? AS VARCHAR) AS x)`,
        params: [cell],
      });
      got.push(r!.v);
    }
    expect(got).toEqual(CELLS.map((c) => parseNumberLoose(c, comma)));
  });

  it('reads NaN and infinity as numbers that are not finite', async () => {
    for (const cell of ['NaN', 'nan', 'inf', '-Infinity', '+inf']) {
      const [r] = await conn.query<{ f: boolean }>({
        sql: `SELECT NOT isfinite(${numberSql('x', false)}) AS f FROM (SELECT CAST(? AS VARCHAR) AS x)`,
        params: [cell],
      });
      expect(r!.f, cell).toBe(true);
    }
  });
});
