/**
 * The lazy entry of the engine in the browser: DuckDB-WASM and parquet-wasm start while the first map is
 * already on screen; the dataset's Parquet files download meanwhile.
 */
import type { Connector } from '../engine/connector';
import { createBrowserConnector } from '../engine/duckdb-browser';
import { createEngine, type Engine } from '../engine/engine';
import { loadDataset, type DatasetFiles, type MunicipalityAttrs } from '../engine/dataset';
import { LEGACY_FILES, SERVED_TABLE, type ServedFile } from '../engine/serve/served-columns';
import type { Catalog } from '../engine/schema';
import { readInWorker, renameInWorker } from './read-client';
import {
  applyBatch,
  checkFiles,
  discardBatch,
  recheckFile,
  type CheckedBatch,
  type CheckInput,
  type Progress,
} from './session';
import { loadParquetModule } from '../engine/parquet-browser';
import { buildPublication, type Publication, type PublicationInput } from '../engine/serve/publication';
import { dataUrl, fetchBytes } from '../engine/static';
import type { ValidationContext } from '../contract/types';

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

/** Brings a user's files in: check first (nothing changes), then apply or discard. */
export interface Importer {
  check(files: readonly CheckInput[], onProgress?: Progress): Promise<CheckedBatch>;
  /** Checks one file of `batch` again (another sheet, header row or mapping); `batch` is spent. */
  recheck(batch: CheckedBatch, file: CheckInput): Promise<CheckedBatch>;
  apply(batch: CheckedBatch): Promise<void>;
  discard(batch: CheckedBatch): Promise<void>;
  /** The data of a site on what is loaded of the user's (suppressed at source at `input.k`, at least 5). */
  publishData(input: PublicationInput): Promise<Publication>;
}

/** The running engine and its importer. */
export interface BrowserEngine {
  engine: Engine;
  importer: Importer;
}

/** Normalised rows kept of each file for the column-mapping panel's preview. */
const PREVIEW_ROWS = 20;

function createImporter(conn: Connector, engine: Engine, context: () => ValidationContext): Importer {
  // One batch at a time: DuckDB-WASM has one connection here, and staging tables are per batch.
  let queue: Promise<unknown> = Promise.resolve();
  const serial = <T>(job: () => Promise<T>): Promise<T> => {
    const run = queue.then(job, job);
    queue = run.catch(() => undefined);
    return run;
  };
  return {
    check: (files, onProgress) =>
      serial(() =>
        checkFiles(conn, readInWorker, files, context(), onProgress, renameInWorker, PREVIEW_ROWS),
      ),
    recheck: (batch, file) =>
      serial(() => recheckFile(conn, readInWorker, batch, file, context(), renameInWorker, PREVIEW_ROWS)),
    apply: (batch) =>
      serial(async () => {
        await applyBatch(conn, batch);
        engine.invalidate();
      }),
    discard: (batch) => serial(() => discardBatch(conn, batch)),
    publishData: (input) => serial(async () => buildPublication(conn, await loadParquetModule(), input)),
  };
}

/**
 * The Parquet files of the data folder: those its catalog lists when they were written suppressed at source
 * (a published site may have no schools or units), else the four of an older folder. The catalog is already
 * in the HTTP cache: the first screen fetched it.
 */
async function servedFileNames(): Promise<ServedFile[]> {
  const res = await fetch(dataUrl('catalog.json'));
  if (!res.ok) throw new Error(`catalog.json: HTTP ${res.status}`);
  const catalog = (await res.json()) as Catalog;
  const listed = catalog.served?.files ?? LEGACY_FILES;
  return listed.filter((f): f is ServedFile => f in SERVED_TABLE);
}

/** Starts DuckDB-WASM, loads the demo dataset and returns the engine. */
export async function startBrowserEngine(
  municipalities: readonly MunicipalityAttrs[],
  milestones: EngineMilestones,
  context: () => ValidationContext,
): Promise<BrowserEngine> {
  const names = await servedFileNames();
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
  const connected = createBrowserConnector().then((conn) => {
    milestones.duckdbReady();
    tell({ database: true });
    return conn;
  });
  const [conn, parquet] = await Promise.all([connected, loadParquetModule()]);
  const downloaded = await files;
  tell({ loading: true });
  const dataset: DatasetFiles = {};
  names.forEach((name, i) => {
    dataset[SERVED_TABLE[name]] = { name, bytes: downloaded[i]! };
  });
  await loadDataset(conn, parquet, municipalities, dataset);
  milestones.dataLoaded();
  const engine = createEngine(conn);
  return { engine, importer: createImporter(conn, engine, context) };
}
