/**
 * Reads user files in a Web Worker, so decoding a 50 MB Parquet or CSV file never freezes the page, and
 * renames the columns of what was read for staging (Arrow work on hundreds of MB). Arrow IPC bytes are
 * transferred both ways, not copied.
 */
import init, { readParquet } from 'parquet-wasm/esm';
import wasmUrl from 'parquet-wasm/esm/parquet_wasm_bg.wasm?url';
import { renameColumns, type ColumnBinding } from './arrow-rename';
import { readInput } from './read';
import type { ReadInput, ReadResult } from './read-types';

/** What the page asks of the worker. */
export type WorkerRequest =
  | { id: number; op: 'read'; file: ReadInput }
  | { id: number; op: 'rename'; ipc: Uint8Array; columns: ColumnBinding[] };

const ready = init({ module_or_path: wasmUrl });

function failed(file: ReadInput, err: unknown): ReadResult {
  return {
    format: null,
    ipc: null,
    columns: [],
    rows: 0,
    rowOffset: 0,
    geojson: null,
    problems: [
      {
        file: file.name,
        severity: 'error',
        code: 'unknown-format',
        row: null,
        column: null,
        found: `a file the reader could not handle (${String(err)})`,
        expected: 'a CSV, Parquet or GeoJSON file',
        fix: 'Save the file again in one of these formats; if it still fails, please report it.',
      },
    ],
  };
}

self.onmessage = async (event: MessageEvent<WorkerRequest>) => {
  const req = event.data;
  const post = (result: unknown, ipc: Uint8Array | null) =>
    (self as unknown as Worker).postMessage({ id: req.id, result }, ipc ? [ipc.buffer as ArrayBuffer] : []);
  if (req.op === 'rename') {
    const renamed = renameColumns(req.ipc, req.columns);
    post(renamed, renamed.ipc);
    return;
  }
  await ready;
  let result: ReadResult;
  try {
    result = readInput(req.file, { readParquet });
  } catch (err) {
    result = failed(req.file, err);
  }
  post(result, result.ipc);
};
