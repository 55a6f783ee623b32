/**
 * Reads user files in a Web Worker, so decoding a 50 MB Parquet or CSV file never freezes the page, and
 * renames the columns of what was read for staging (Arrow work on hundreds of MB). Arrow IPC bytes are
 * transferred both ways, not copied. A Parquet file of millions of rows is read a part at a time
 * (read-parquet-parts.ts): the worker keeps its bytes until the page releases it.
 */
import init, { ParquetFile, readParquet } from 'parquet-wasm/esm';
import wasmUrl from 'parquet-wasm/esm/parquet_wasm_bg.wasm?url';
import { renameColumns, type ColumnBinding } from '../engine/arrow-rename';
import type { PartResult } from '../contract/types';
import { readInput } from './read';
import { sniff } from './format-sniff';
import { partPlanOf, type PartPlan } from './read-parquet-parts';
import { readFailure, type ReadInput, type ReadResult } from './read-types';

/** What the page asks of the worker. */
export type WorkerRequest =
  | { id: number; op: 'read'; file: ReadInput }
  | { id: number; op: 'rename'; ipc: Uint8Array; columns: ColumnBinding[] }
  | { id: number; op: 'part'; token: number; index: number; columns: ColumnBinding[] }
  | { id: number; op: 'release'; token: number };

/** A read result as posted: a file read in parts names them by a token (functions do not cross). */
export type WireResult = Omit<ReadResult, 'parts'> & { partsOf?: { token: number; count: number } };

const ready = init({ module_or_path: wasmUrl });
const held = new Map<number, { bytes: Uint8Array; plan: PartPlan }>();
let tokens = 0;

/** Reads a file; a large Parquet file by its first part, kept for the others. */
async function read(file: ReadInput): Promise<WireResult> {
  const plan =
    sniff(file.bytes).kind === 'parquet' ? await partPlanOf(file.bytes, ParquetFile.fromFile) : null;
  if (!plan) return readInput(file, { readParquet });
  const first = readInput(file, { readParquet: (b) => readParquet(b, { rowGroups: plan.groups[0]! }) });
  if (!first.ipc) return first;
  const token = ++tokens;
  held.set(token, { bytes: file.bytes, plan });
  const rows = plan.rows.reduce((s, n) => s + n, 0);
  return { ...first, rows, partsOf: { token, count: plan.groups.length } };
}

/** Part `index` of a held file, renamed; a damaged row group is an error, not a crash. */
function part(token: number, index: number, columns: ColumnBinding[]): PartResult {
  const h = held.get(token);
  if (!h || !h.plan.groups[index]) return { error: `part ${index} of a file no longer held` };
  try {
    const ipc = readParquet(h.bytes, { rowGroups: h.plan.groups[index] }).intoIPCStream();
    return renameColumns(ipc, columns);
  } catch (err) {
    return { error: err instanceof Error ? err.message : String(err) };
  }
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
  if (req.op === 'release') {
    held.delete(req.token);
    post(null, null);
    return;
  }
  await ready;
  if (req.op === 'part') {
    const r = part(req.token, req.index, req.columns);
    post(r, 'ipc' in r ? r.ipc : null);
    return;
  }
  let result: WireResult;
  try {
    result = await read(req.file);
  } catch (err) {
    result = readFailure(req.file.name, err);
  }
  post(result, result.ipc);
};
