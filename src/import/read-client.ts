/** The page's side of the read worker: one worker, requests matched by id. */
import type { ColumnBinding, Renamed } from '../engine/arrow-rename';
import type { PartReader, PartResult } from '../contract/types';
import type { WireResult, WorkerRequest } from './read-worker';
import type { ReadInput, ReadResult } from './read-types';

type Request = WorkerRequest extends infer R ? (R extends { id: number } ? Omit<R, 'id'> : never) : never;

let worker: Worker | undefined;
let next = 0;
const waiting = new Map<number, (r: unknown) => void>();

function ask<T>(request: Request, transfer: Transferable[]): Promise<T> {
  if (!worker) {
    worker = new Worker(new URL('./read-worker.ts', import.meta.url), { type: 'module' });
    worker.onmessage = (e: MessageEvent<{ id: number; result: unknown }>) => {
      waiting.get(e.data.id)?.(e.data.result);
      waiting.delete(e.data.id);
    };
  }
  const id = next++;
  return new Promise<T>((resolve) => {
    waiting.set(id, resolve as (r: unknown) => void);
    worker!.postMessage({ id, ...request }, transfer);
  });
}

/** The parts of a file the worker holds. */
function partReader(token: number, count: number): PartReader {
  return {
    count,
    read: (index: number, columns: ColumnBinding[]) =>
      ask<PartResult>({ op: 'part', token, index, columns }, []),
    release: () => void ask<null>({ op: 'release', token }, []),
  };
}

/** Reads a file off the main thread (a large Parquet file: its first part, and a reader of the others). */
export async function readInWorker(file: ReadInput): Promise<ReadResult> {
  const { partsOf, ...result } = await ask<WireResult>({ op: 'read', file }, []);
  return partsOf ? { ...result, parts: partReader(partsOf.token, partsOf.count) } : result;
}

/** Renames columns for staging off the main thread; `ipc` is handed over (unusable here afterwards). */
export function renameInWorker(ipc: Uint8Array, columns: ColumnBinding[]): Promise<Renamed> {
  return ask<Renamed>({ op: 'rename', ipc, columns }, [ipc.buffer as ArrayBuffer]);
}
