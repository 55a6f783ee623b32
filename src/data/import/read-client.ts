/** The page's side of the read worker: one worker, requests matched by id. */
import type { ReadInput, ReadResult } from './read-types';

let worker: Worker | undefined;
let next = 0;
const waiting = new Map<number, (r: ReadResult) => void>();

/** Reads a file off the main thread. */
export function readInWorker(file: ReadInput): Promise<ReadResult> {
  if (!worker) {
    worker = new Worker(new URL('./read-worker.ts', import.meta.url), { type: 'module' });
    worker.onmessage = (e: MessageEvent<{ id: number; result: ReadResult }>) => {
      waiting.get(e.data.id)?.(e.data.result);
      waiting.delete(e.data.id);
    };
  }
  const id = next++;
  return new Promise((resolve) => {
    waiting.set(id, resolve);
    worker!.postMessage({ id, file });
  });
}
