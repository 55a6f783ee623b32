/**
 * Writing the import's files into the --out folder. Folders are created one level at a time: Node's
 * `mkdirSync(dir, { recursive: true })` spins forever where mkdir fails with ENOENT on an existing parent
 * (e.g. under /proc), and the CLI must never hang. A failure is a DataError naming the path.
 */
import { existsSync, mkdirSync, renameSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { DataError } from '../engine/errors';

/** A file to write: its name in the folder and its bytes. */
export interface OutputFile {
  file: string;
  bytes: Uint8Array;
}

function cannot(path: string, err: unknown): DataError {
  const why = err instanceof Error ? err.message : String(err);
  return new DataError(
    path,
    `a folder that cannot be written (${why})`,
    'a folder you can write to',
    'Choose another --out folder.',
  );
}

/** Creates `dir` and its missing parents, top-down, without the recursive flag. */
export function ensureDir(dir: string): void {
  const missing: string[] = [];
  for (let d = resolve(dir); !existsSync(d); d = dirname(d)) {
    missing.unshift(d);
    if (dirname(d) === d) break;
  }
  try {
    for (const d of missing) mkdirSync(d);
  } catch (err) {
    throw cannot(dir, err);
  }
}

/** Writes every file into `dir`, each to a temporary name first, so a reader never sees half a file. */
export function writeOutput(dir: string, files: readonly OutputFile[]): void {
  ensureDir(dir);
  for (const f of files) {
    const path = join(dir, f.file);
    try {
      writeFileSync(`${path}.tmp`, f.bytes);
      renameSync(`${path}.tmp`, path);
    } catch (err) {
      throw cannot(path, err);
    }
  }
}
