/**
 * Reads user files in a Web Worker, so decoding a 50 MB Parquet or CSV file never freezes the page, and
 * renames the columns of what was read for staging (Arrow work on hundreds of MB). Arrow IPC bytes are
 * transferred both ways, not copied.
 */
import init, { readParquet } from 'parquet-wasm/esm';
import wasmUrl from 'parquet-wasm/esm/parquet_wasm_bg.wasm?url';
import { renameColumns, type ColumnBinding } from '../engine/arrow-rename';
import { readInput } from './read';
import { readFailure, type ReadInput, type ReadResult } from './read-types';

/** What the page asks of the worker. */
export type WorkerRequest =
  | { id: number; op: 'read'; file: ReadInput }
  | { id: number; op: 'rename'; ipc: Uint8Array; columns: ColumnBinding[] };

const ready = init({ module_or_path: wasmUrl });

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
    result = readFailure(req.file.name, err);
  }
  post(result, result.ipc);
};
