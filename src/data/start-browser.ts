/**
 * The lazy entry of the engine in the browser: DuckDB-WASM and parquet-wasm start while the first map is
 * already on screen; the dataset's Parquet files download meanwhile.
 */
import { createBrowserConnector } from './duckdb-browser';
import { createEngine, type Engine } from './engine';
import { loadDataset, type MunicipalityAttrs } from './dataset';
import { loadParquetModule } from './parquet-browser';
import { fetchBytes } from './static';

/** Marks the engine's milestones (User Timing names are a contract with tests and the bench). */
export interface EngineMilestones {
  duckdbReady(): void;
  dataLoaded(): void;
}

/** Starts DuckDB-WASM, loads the demo dataset and returns the engine. */
export async function startBrowserEngine(
  municipalities: readonly MunicipalityAttrs[],
  milestones: EngineMilestones,
): Promise<Engine> {
  const files = Promise.all(['values.parquet', 'facilities.parquet', 'caseload.parquet'].map(fetchBytes));
  const connected = createBrowserConnector().then((conn) => {
    milestones.duckdbReady();
    return conn;
  });
  const [conn, parquet] = await Promise.all([connected, loadParquetModule()]);
  const [values, facilities, caseload] = await files;
  if (!values || !facilities || !caseload) throw new Error('dataset files missing');
  await loadDataset(conn, parquet, municipalities, {
    indicator_values: { name: 'values.parquet', bytes: values },
    facilities: { name: 'facilities.parquet', bytes: facilities },
    caseload: { name: 'caseload.parquet', bytes: caseload },
  });
  milestones.dataLoaded();
  return createEngine(conn);
}
