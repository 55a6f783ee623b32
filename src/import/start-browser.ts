/**
 * The lazy entry of the engine in the browser: DuckDB-WASM and parquet-wasm start while the first map is
 * already on screen; the dataset's Parquet files download meanwhile. The engine is supervised
 * (src/engine/supervisor.ts): when its worker dies, a new one starts, the downloaded files (kept) and the
 * user's applied files (kept by the importer) are loaded into it again, and the waiting queries run again.
 */
import { MEASURES } from '../common/perf';
import { reportHealth } from '../common/worker-health';
import { startBrowserInstance } from '../engine/duckdb-browser';
import { createEngine, type Engine } from '../engine/engine';
import { loadDataset, type MunicipalityAttrs } from '../engine/dataset';
import { createSupervisor } from '../engine/supervisor';
import type { ParquetModule } from '../engine/parquet';
import { loadParquetModule } from '../engine/parquet-browser';
import { fetchBytes } from '../engine/static';
import type { ValidationContext } from '../contract/types';
import { createImporter, type Importer } from './importer';

export type { Importer } from './importer';

/** Marks the engine's milestones (User Timing names are a contract with tests and the bench). */
export interface EngineMilestones {
  duckdbReady(): void;
  dataLoaded(): void;
  /** How far the start has got: the database started or not, and data files downloaded of all. */
  progress?(p: StartProgress): void;
}

/** The engine's start, as the status lines tell it. */
export interface StartProgress {
  database: boolean;
  files: number;
  totalFiles: number;
  /** The downloaded files are being loaded into the database. */
  loading: boolean;
}

/** The running engine and its importer. */
export interface BrowserEngine {
  engine: Engine;
  importer: Importer;
}

/**
 * parquet-wasm that decodes each file once: a restarted engine gets a copy of the Arrow stream decoded at
 * the start (the copy goes to the worker, the kept one stays here), not a second decoding on the page.
 */
function decodedOnce(parquet: ParquetModule): ParquetModule {
  const decoded = new WeakMap<Uint8Array, Uint8Array>();
  return {
    readParquet: (bytes) => ({
      intoIPCStream() {
        let ipc = decoded.get(bytes);
        if (!ipc) decoded.set(bytes, (ipc = parquet.readParquet(bytes).intoIPCStream()));
        return ipc.slice();
      },
    }),
  };
}

/** Starts DuckDB-WASM, loads the demo dataset and returns the engine. */
export async function startBrowserEngine(
  municipalities: readonly MunicipalityAttrs[],
  milestones: EngineMilestones,
  context: () => ValidationContext,
): Promise<BrowserEngine> {
  const names = ['values.parquet', 'facilities.parquet', 'caseload.parquet', 'schools.parquet'];
  const progress: StartProgress = { database: false, files: 0, totalFiles: names.length, loading: false };
  const tell = (change: Partial<StartProgress>) => {
    Object.assign(progress, change);
    milestones.progress?.({ ...progress });
  };
  const files = Promise.all(
    names.map((name) =>
      fetchBytes(name).then((bytes) => {
        tell({ files: progress.files + 1 });
        return bytes;
      }),
    ),
  );
  const parquetModule = loadParquetModule().then(decodedOnce);
  let booted = false;
  const supervisor = createSupervisor({
    start: async () => {
      const instance = await startBrowserInstance();
      if (!booted) {
        milestones.duckdbReady();
        tell({ database: true });
      }
      return instance;
    },
    async load(conn, restart) {
      const [parquet, [values, facilities, caseload, schools]] = await Promise.all([parquetModule, files]);
      if (!values || !facilities || !caseload || !schools) throw new Error('dataset files missing');
      if (!restart) tell({ loading: true });
      // The bytes stay here for a restart: only their Arrow copies go to the worker.
      await loadDataset(conn, parquet, municipalities, {
        indicator_values: { name: 'values.parquet', bytes: values },
        facilities: { name: 'facilities.parquet', bytes: facilities },
        caseload: { name: 'caseload.parquet', bytes: caseload },
        schools: { name: 'schools.parquet', bytes: schools },
      });
      await importer.replay(conn);
    },
    report: reportHealth,
    recovered: (start, end) => void performance.measure(MEASURES.engineRecovered, { start, end }),
  });
  // Both are used only once the first instance has started (after an await); the engine's answers are
  // forgotten after a restart, in case one of the user's files could not be loaded again.
  const engine = createEngine(supervisor.conn);
  const importer = createImporter(supervisor, context, () => engine.invalidate());
  supervisor.onRestart(() => engine.invalidate());
  await supervisor.ready();
  booted = true;
  milestones.dataLoaded();
  return { engine, importer };
}
