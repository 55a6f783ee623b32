/**
 * The importer over a supervised engine (src/import/importer.ts, src/engine/supervisor.ts), on DuckDB-WASM's
 * Node build with the demo data: a user's applied file is loaded again into a restarted engine; a batch
 * checked before a restart is checked again when applied; a check the engine died under starts over. The
 * read worker is replaced by the same reader run in this process.
 */
import { describe, expect, it, vi } from 'vitest';
import { renameColumns } from '../../src/engine/arrow-rename';
import type { Connector } from '../../src/engine/connector';
import { loadDataset } from '../../src/engine/dataset';
import { createNodeConnector } from '../../src/engine/node/duckdb-node';
import { loadParquetModuleNode } from '../../src/engine/node/parquet-node';
import { createSupervisor, type EngineInstance } from '../../src/engine/supervisor';
import { contextOf } from '../../src/cli/session';
import { createImporter } from '../../src/import/importer';
import { readInput } from '../../src/import/read';
import type { Boundaries } from '../../src/engine/static';
import type { Catalog } from '../../src/engine/schema';
import { demoFile, demoMunicipalities } from '../engine-setup';
import { readFileSync } from 'node:fs';

vi.mock('../../src/import/read-client', () => ({
  readInWorker: async (file: Parameters<typeof readInput>[0]) => readInput(file, loadParquetModuleNode()),
  renameInWorker: async (ipc: Uint8Array, columns: Parameters<typeof renameColumns>[1]) =>
    renameColumns(ipc, columns),
}));

const catalog = JSON.parse(readFileSync('public/data/catalog.json', 'utf8')) as Catalog;
const boundaries = JSON.parse(readFileSync('public/data/municipalities.geojson', 'utf8')) as Boundaries;
const context = contextOf(catalog, boundaries);

/** Node instances that can be killed: a killed one never answers again, like a terminated worker. */
function nodeInstances() {
  const kills: (() => void)[] = [];
  const start = async (): Promise<EngineInstance> => {
    const real = await createNodeConnector();
    let gone = false;
    let die = () => {};
    const dead = new Promise<string>((resolve) => (die = () => ((gone = true), resolve('killed'))));
    const hangIfGone = <T>(work: () => Promise<T>) => (gone ? new Promise<T>(() => {}) : work());
    const conn: Connector = {
      query: (q) => hangIfGone(() => real.query(q)),
      exec: (sql) => hangIfGone(() => real.exec(sql)),
      insertArrowIPC: (name, ipc) => hangIfGone(() => real.insertArrowIPC(name, ipc)),
      close: () => real.close(),
    };
    kills.push(die);
    return { conn, dead, kill: die };
  };
  return { start, kill: (i: number) => kills[i]!() };
}

function setup() {
  const instances = nodeInstances();
  const importer = createImporter(
    { job: (work) => sup.job(work) },
    () => context,
    () => {},
  );
  const sup = createSupervisor({
    start: instances.start,
    load: async (conn) => {
      await loadDataset(conn, loadParquetModuleNode(), demoMunicipalities(), {
        indicator_values: demoFile('values.parquet'),
        facilities: demoFile('facilities.parquet'),
        caseload: demoFile('caseload.parquet'),
        schools: demoFile('schools.parquet'),
      });
      await importer.replay(conn);
    },
  });
  return { sup, importer, kill: instances.kill };
}

const file = (name: string, text: string) => ({ name, bytes: new TextEncoder().encode(text) });
const own = file(
  'dv 2025.csv',
  'lau_code,year,indicator,value\nAL121,2025,dv_reports,120\nAL224,2025,dv_reports,480\n',
);
const mine = (conn: Connector) =>
  conn.query<{ lau_code: string; value: number }>({
    sql: "SELECT lau_code, value FROM user_values WHERE indicator = 'dv_reports' ORDER BY lau_code",
    params: [],
  });

describe('importer over a restarting engine', { timeout: 120_000 }, () => {
  it("loads the user's applied file again into the restarted engine", async () => {
    const { sup, importer, kill } = setup();
    await sup.ready();
    await importer.apply(await importer.check([own]));
    expect(await mine(sup.conn)).toEqual([
      { lau_code: 'AL121', value: 120 },
      { lau_code: 'AL224', value: 480 },
    ]);
    kill(0);
    // Asked of the dead engine: answered by the new one, with the file loaded again.
    expect(await mine(sup.conn)).toEqual([
      { lau_code: 'AL121', value: 120 },
      { lau_code: 'AL224', value: 480 },
    ]);
    expect(sup.generation()).toBe(2);
    const [shown] = await sup.conn.query<{ value: number }>({
      sql: "SELECT value FROM indicator_values WHERE lau_code = 'AL224' AND year = 2025 AND indicator = 'dv_reports'",
      params: [],
    });
    expect(shown?.value).toBe(480);
    await sup.close();
  });

  it('a batch checked before the restart is checked again when applied; discarding one is harmless', async () => {
    const { sup, importer, kill } = setup();
    await sup.ready();
    const batch = await importer.check([own]);
    const other = await importer.check([
      file('x.csv', 'lau_code,year,indicator,value\nAL121,2025,dv_reports,7\n'),
    ]);
    kill(0);
    await sup.ready();
    await importer.discard(other);
    await importer.apply(batch); // its staging tables died with the first engine
    expect((await mine(sup.conn)).map((r) => r.value)).toEqual([120, 480]);
    await sup.close();
  });

  it('a check the engine died under starts over on the new engine', async () => {
    const { sup, importer, kill } = setup();
    await sup.ready();
    let killed = false;
    const batch = await importer.check([own], (done, _total, _file, stage) => {
      if (!killed && done === 0 && stage?.stage === 'checking') {
        killed = true;
        kill(0);
      }
    });
    expect(killed).toBe(true);
    expect(batch.ok).toBe(true);
    expect(sup.generation()).toBe(2);
    await importer.apply(batch);
    expect((await mine(sup.conn)).map((r) => r.value)).toEqual([120, 480]);
    await sup.close();
  });
});
