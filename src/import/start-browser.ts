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
import { cameFromServer } from '../engine/cases-route';
import { detectCasesServer, remoteCaseQuestions } from '../engine/cases-remote';
import { loadDataset, type DatasetFiles, type MunicipalityAttrs } from '../engine/dataset';
import { createSupervisor } from '../engine/supervisor';
import type { ParquetModule } from '../engine/parquet';
import { LEGACY_FILES, SERVED_TABLE, type ServedFile } from '../engine/serve/served-columns';
import type { Catalog } from '../engine/schema';
import { loadParquetModule } from '../engine/parquet-browser';
import { dataUrl, fetchBytes } from '../engine/static';
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

/**
 * The Parquet files of the data folder (and whether it is the synthetic demo): those its catalog lists when
 * they were written suppressed at source (a published site may have no schools or units), else the four of
 * an older folder. The catalog is already in the HTTP cache: the first screen fetched it.
 */
async function servedFolder(): Promise<{ names: ServedFile[]; synthetic: boolean }> {
  const res = await fetch(dataUrl('catalog.json'));
  if (!res.ok) throw new Error(`catalog.json: HTTP ${res.status}`);
  const catalog = (await res.json()) as Catalog;
  const listed = catalog.served?.files ?? LEGACY_FILES;
  const names = listed.filter((f): f is ServedFile => f in SERVED_TABLE);
  return { names, synthetic: catalog.synthetic === true };
}

/** Starts DuckDB-WASM, loads the demo dataset and returns the engine. */
export async function startBrowserEngine(
  municipalities: readonly MunicipalityAttrs[],
  milestones: EngineMilestones,
  context: () => ValidationContext,
): Promise<BrowserEngine> {
  const { names, synthetic } = await servedFolder();
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
      const [parquet, downloaded] = await Promise.all([parquetModule, files]);
      if (!restart) tell({ loading: true });
      // The bytes stay here for a restart: only their Arrow copies go to the worker.
      const dataset: DatasetFiles = {};
      names.forEach((name, i) => {
        dataset[SERVED_TABLE[name]] = { name, bytes: downloaded[i]! };
      });
      await loadDataset(conn, parquet, municipalities, dataset);
      await importer.replay(conn);
    },
    report: reportHealth,
    recovered: (start, end) => void performance.measure(MEASURES.engineRecovered, { start, end }),
  });
  // Both are used only once the first instance has started (after an await); the engine's answers are
  // forgotten after a restart, in case one of the user's files could not be loaded again.
  // The demo's case records are made only for the demo: a published site's explorer has no records.
  // A page served by `atlas serve --dist` asks that server for the explorer's answers (docs/scale.md).
  const remoteCases = cameFromServer(document.cookie)
    ? () => detectCasesServer().then((info) => (info ? remoteCaseQuestions() : null))
    : undefined;
  const engine = createEngine(supervisor.conn, {
    demoCases: synthetic,
    ...(remoteCases ? { remoteCases } : {}),
  });
  const importer = createImporter(supervisor, context, () => engine.invalidate(), loadParquetModule);
  supervisor.onRestart(() => engine.invalidate());
  await supervisor.ready();
  booted = true;
  milestones.dataLoaded();
  return { engine, importer };
}
