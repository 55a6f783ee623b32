/** The page's side of the read worker: one worker, requests matched by id. */
import type { ColumnBinding, Renamed } from '../engine/arrow-rename';
import type { WorkerRequest } from './read-worker';
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

/** Reads a file off the main thread. */
export function readInWorker(file: ReadInput): Promise<ReadResult> {
  return ask<ReadResult>({ op: 'read', file }, []);
}

/** Renames columns for staging off the main thread; `ipc` is handed over (unusable here afterwards). */
export function renameInWorker(ipc: Uint8Array, columns: ColumnBinding[]): Promise<Renamed> {
  return ask<Renamed>({ op: 'rename', ipc, columns }, [ipc.buffer as ArrayBuffer]);
}
