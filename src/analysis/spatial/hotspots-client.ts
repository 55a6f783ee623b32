/** The page's side of the hotspots worker: one worker, requests matched by id, errors rejected. */
import type { PersistenceResult, YearInput } from './persistence-run';
import type { HotspotRequest, HotspotResult } from './run';
import type { HotspotsWorkerReply, HotspotsWorkerRequest } from './hotspots-worker';

type Request = HotspotsWorkerRequest extends infer R
  ? R extends { id: number }
    ? Omit<R, 'id'>
    : never
  : never;

let worker: Worker | undefined;
let next = 0;
const waiting = new Map<number, { resolve: (r: HotspotsWorkerReply) => void }>();

function ask(request: Request): Promise<HotspotsWorkerReply> {
  if (!worker) {
    worker = new Worker(new URL('./hotspots-worker.ts', import.meta.url), { type: 'module' });
    worker.onmessage = (e: MessageEvent<HotspotsWorkerReply>) => {
      waiting.get(e.data.id)?.resolve(e.data);
      waiting.delete(e.data.id);
    };
  }
  const id = next++;
  return new Promise((resolve, reject) => {
    waiting.set(id, {
      resolve: (reply) => (reply.error !== undefined ? reject(new Error(reply.error)) : resolve(reply)),
    });
    worker!.postMessage({ id, ...request });
  });
}

/** Runs one analysis in the worker; `ms` is the computation time inside the worker. */
export async function runInWorker(request: HotspotRequest): Promise<{ result: HotspotResult; ms: number }> {
  const reply = await ask({ op: 'run', request });
  return { result: reply.result as HotspotResult, ms: reply.ms ?? 0 };
}

/** Runs the yearly Gi* series and the persistence classes in the worker. */
export async function persistenceInWorker(
  series: YearInput[],
  base: Omit<HotspotRequest, 'ids' | 'values' | 'method'>,
): Promise<PersistenceResult> {
  return (await ask({ op: 'persistence', series, base })).result as PersistenceResult;
}
