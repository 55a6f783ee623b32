/**
 * The page's side of the hotspots worker: one worker, requests matched by id, errors rejected. When the
 * worker dies (its life lock released: src/common/worker-life.ts, or its `error` event), a new one starts
 * and each request it was running is sent again, once; a request whose worker dies a second time rejects
 * with a WorkerLostError, and after a crash loop (src/common/crash-policy.ts) no worker is started again.
 */
import { createCrashPolicy, WorkerLostError } from '../../common/crash-policy';
import { reportHealth } from '../../common/worker-health';
import { lifeName, mortal, type Mortal } from '../../common/worker-life';
import type { PersistenceResult, YearInput } from './persistence-run';
import type { HotspotRequest, HotspotResult } from './run';
import type { HotspotsWorkerReply, HotspotsWorkerRequest } from './hotspots-worker';

type Request = HotspotsWorkerRequest extends infer R
  ? R extends { id: number }
    ? Omit<R, 'id'>
    : never
  : never;

interface Waiting {
  request: Request;
  /** Times it was sent again after a death. */
  retries: number;
  resolve: (r: HotspotsWorkerReply) => void;
  reject: (e: Error) => void;
}

let worker: Mortal<Worker> | undefined;
let next = 0;
const waiting = new Map<number, Waiting>();
const policy = createCrashPolicy();

function spawn(): Mortal<Worker> {
  const name = lifeName('hotspots');
  const started = new Worker(new URL('./hotspots-worker.ts', import.meta.url), { type: 'module', name });
  const w = mortal(started, name, 'terminate-hotspots');
  w.onmessage = (e: MessageEvent<HotspotsWorkerReply>) => {
    waiting.get(e.data.id)?.resolve(e.data);
    waiting.delete(e.data.id);
  };
  w.onerror = (e) => {
    e.preventDefault();
    died(w);
  };
  w.ondeath = () => died(w);
  return w;
}

/** Replaces a dead worker and sends its requests again (each once). */
function died(dead: Mortal<Worker>): void {
  if (worker !== dead) return;
  dead.terminate();
  worker = undefined;
  const noticed = performance.now();
  if (policy.died(noticed) === 'give-up') {
    for (const w of waiting.values()) w.reject(new WorkerLostError('hotspots', true));
    waiting.clear();
    return reportHealth({ worker: 'hotspots', state: 'failed' });
  }
  reportHealth({ worker: 'hotspots', state: 'restarting' });
  for (const [id, w] of waiting) {
    if (w.retries >= 1) {
      waiting.delete(id);
      w.reject(new WorkerLostError('hotspots'));
    }
  }
  worker = spawn();
  for (const [id, w] of waiting) {
    w.retries += 1;
    worker!.postMessage({ id, ...w.request });
  }
  reportHealth({ worker: 'hotspots', state: 'recovered', ms: performance.now() - noticed });
}

function ask(request: Request): Promise<HotspotsWorkerReply> {
  if (policy.gaveUp) return Promise.reject(new WorkerLostError('hotspots', true));
  worker ??= spawn();
  const id = next++;
  return new Promise((resolve, reject) => {
    waiting.set(id, {
      request,
      retries: 0,
      resolve: (reply) => (reply.error !== undefined ? reject(new Error(reply.error)) : resolve(reply)),
      reject,
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
