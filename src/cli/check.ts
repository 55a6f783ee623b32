/**
 * Checking files as the app does: the app's reader (readInput, which the browser runs in a worker) and its
 * batch pipeline (checkFiles: stage, validate, report) on the CLI's engine. `validateFiles` is what
 * `atlas validate` runs and what the corpus test runs every case through.
 */
import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import { readInput } from '../import/read';
import { readFailure, type ReadInput, type ReadResult } from '../import/read-types';
import { checkFiles, discardBatch, type CheckedBatch } from '../import/session';
import type { FileReport } from '../contract/problem-types';
import type { ParquetModule } from '../engine/parquet';
import type { Session } from './session';
import type { ReadOptions } from './args';

/** A reader crash: the app turns it into an 'unknown-format' problem, the CLI also keeps the error. */
export interface ReadCrash {
  file: string;
  error: string;
}

/** What validating a batch found. */
export interface ValidateResult {
  reports: FileReport[];
  ok: boolean;
  /** Files on which the reader threw (a bug in the reader: bad input must be a problem, not a throw). */
  crashes: ReadCrash[];
}

/** Files from disk as the browser's file picker gives them: the base name and the bytes (and how to read them). */
export function readFiles(paths: readonly string[], read: ReadOptions = {}): ReadInput[] {
  return paths.map((p) => ({
    name: basename(p),
    bytes: new Uint8Array(readFileSync(p)),
    ...(read.sheet !== undefined ? { sheet: read.sheet } : {}),
    ...(read.mapping ? { mapping: read.mapping } : {}),
  }));
}

/** The read worker's behaviour (src/import/read-worker.ts): a throw becomes an 'unknown-format' problem. */
export function workerLikeReader(
  parquet: ParquetModule,
  crashes: ReadCrash[],
): (file: ReadInput) => Promise<ReadResult> {
  return async (file) => {
    try {
      return readInput(file, parquet);
    } catch (err) {
      crashes.push({
        file: file.name,
        error: err instanceof Error ? (err.stack ?? err.message) : String(err),
      });
      return readFailure(file.name, err);
    }
  };
}

/** Reads, stages and checks a batch in the session's engine; the caller applies or discards it. */
export async function checkBatch(
  session: Session,
  files: readonly ReadInput[],
): Promise<{ batch: CheckedBatch; crashes: ReadCrash[] }> {
  const crashes: ReadCrash[] = [];
  const batch = await checkFiles(
    session.conn,
    workerLikeReader(session.parquet, crashes),
    files,
    session.context,
  );
  return { batch, crashes };
}

/** Checks a batch and discards it: the live tables are never touched. */
export async function validateFiles(session: Session, files: readonly ReadInput[]): Promise<ValidateResult> {
  const { batch, crashes } = await checkBatch(session, files);
  await discardBatch(session.conn, batch);
  return { reports: batch.reports, ok: batch.ok, crashes };
}
