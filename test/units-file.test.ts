/** The planner's early units (src/engine/units-file.ts) are exactly the engine's facilities answer. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Connector } from '../src/engine/connector';
import { createEngine } from '../src/engine/engine';
import { loadParquetModuleNode } from '../src/engine/node/parquet-node';
import { unitsFromParquet } from '../src/engine/units-file';
import { demoConnector, demoFile } from './engine-setup';

let conn: Connector;
beforeAll(async () => {
  conn = await demoConnector();
}, 60_000);
afterAll(() => conn.close());

describe('units read from the facilities file', () => {
  it('equal the engine facilities query: columns, types, order', async () => {
    const file = demoFile('facilities.parquet');
    const early = unitsFromParquet(loadParquetModuleNode(), file.bytes, file.name);
    const engine = await createEngine(conn).facilities();
    expect(early.length).toBeGreaterThan(0);
    expect(early).toEqual(engine);
    expect(early.some((u) => u.closed !== null)).toBe(engine.some((u) => u.closed !== null));
  });

  it('refuse a file that is not Parquet', () => {
    expect(() => unitsFromParquet(loadParquetModuleNode(), new Uint8Array(20), 'x.parquet')).toThrow();
  });
});
