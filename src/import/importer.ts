/**
 * The importer of the browser: a user's files checked, applied or discarded, one batch at a time, on the
 * engine whatever instance runs it (src/engine/supervisor.ts). Each job starts over on the new instance if
 * the engine dies under it; a batch checked before a restart is checked again when it is applied (its staging
 * tables died with the old instance); and the files of every applied batch are kept, in order, so that
 * {@link Importer.replay} loads them into a restarted engine, whether or not the user chose to keep them in
 * this browser.
 */
import type { Connector } from '../engine/connector';
import type { ParquetWriter } from '../engine/parquet-write';
import { buildPublication, type Publication, type PublicationInput } from '../engine/serve/publication';
import type { Supervisor } from '../engine/supervisor';
import type { ValidationContext } from '../contract/types';
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

/** The importer, and what a restarted engine needs of it. */
export interface RecoveringImporter extends Importer {
  /** Loads the files of every applied batch into `conn` (a new instance, its demo tables loaded). */
  replay(conn: Connector): Promise<void>;
}

/** Normalised rows kept of each file for the column-mapping panel's preview. */
const PREVIEW_ROWS = 20;

/**
 * The importer over `engine`; `changed` runs after a batch was applied (the engine's caches forget);
 * `writer` gives the Parquet writer publishing writes the served files with.
 */
export function createImporter(
  engine: Pick<Supervisor, 'job'>,
  context: () => ValidationContext,
  changed: () => void,
  writer?: () => Promise<ParquetWriter>,
): RecoveringImporter {
  // One batch at a time: DuckDB-WASM has one connection here, and staging tables are per batch.
  let queue: Promise<unknown> = Promise.resolve();
  const serial = <T>(job: () => Promise<T>): Promise<T> => {
    const run = queue.then(job, job);
    queue = run.catch(() => undefined);
    return run;
  };
  /** Which files each batch was checked from, on which instance. */
  const made = new WeakMap<CheckedBatch, { files: readonly CheckInput[]; generation: number }>();
  const applied: (readonly CheckInput[])[] = [];
  const check = async (conn: Connector, files: readonly CheckInput[], onProgress?: Progress) =>
    checkFiles(conn, readInWorker, files, context(), onProgress, renameInWorker, PREVIEW_ROWS);
  const tag = (batch: CheckedBatch, files: readonly CheckInput[], generation: number) => {
    made.set(batch, { files, generation });
    return batch;
  };
  const origin = (batch: CheckedBatch) => made.get(batch) ?? { files: [], generation: -1 };

  return {
    check: (files, onProgress) =>
      serial(() =>
        engine.job(async (conn, generation) => tag(await check(conn, files, onProgress), files, generation)),
      ),
    recheck: (batch, file) =>
      serial(() =>
        engine.job(async (conn, generation) => {
          const from = origin(batch);
          const files = from.files.map((f) => (f.name === file.name ? file : f));
          if (!files.some((f) => f.name === file.name)) files.push(file);
          const next =
            from.generation === generation
              ? await recheckFile(conn, readInWorker, batch, file, context(), renameInWorker, PREVIEW_ROWS)
              : await check(conn, files);
          return tag(next, files, generation);
        }),
      ),
    apply: (batch) =>
      serial(async () => {
        await engine.job(async (conn, generation) => {
          const from = origin(batch);
          if (applied.includes(from.files)) return; // applied before the engine died: replayed already
          let ready = batch;
          if (from.generation !== generation) {
            ready = await check(conn, from.files);
            if (!ready.ok) {
              await discardBatch(conn, ready);
              throw new Error('the files no longer pass their checks after the engine restarted');
            }
          }
          await applyBatch(conn, ready);
          applied.push(from.files);
        });
        changed();
      }),
    discard: (batch) =>
      serial(() =>
        engine.job(async (conn, generation) => {
          if (origin(batch).generation === generation) await discardBatch(conn, batch);
        }),
      ),
    publishData: (input) =>
      serial(() =>
        engine.job(async (conn) => {
          if (!writer) throw new Error('this importer has no Parquet writer to publish with');
          return buildPublication(conn, await writer(), input);
        }),
      ),
    async replay(conn) {
      for (const files of applied) {
        const batch = await checkFiles(conn, readInWorker, files, context(), undefined, renameInWorker);
        if (batch.ok) await applyBatch(conn, batch);
        else await discardBatch(conn, batch);
      }
    },
  };
}
