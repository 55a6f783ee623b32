/**
 * The DuckDB worker, started by the entry script before React renders its first view: the worker downloads
 * and compiles DuckDB-WASM's 34 MB module at once (duckdb-worker.ts), in parallel with the first map, while
 * the engine's own chunk is still loading. The engine's first instance (duckdb-browser.ts) takes this worker;
 * later instances (after a crash) start their own.
 *
 * One DuckDB build is shipped: the "eh" build (WebAssembly exceptions: Chrome and Edge 95, Firefox 100,
 * Safari 15.2 and later). A browser without them gets a clear message instead of the 39 MB "mvp" build.
 */
import { lifeName } from '../common/worker-life';

/** A started DuckDB worker and its life-lock name. */
export interface EngineWorker {
  worker: Worker;
  name: string;
}

/**
 * Whether this browser runs WebAssembly exceptions (the same module as DuckDB-WASM's own feature test and
 * wasm-feature-detect: a function with a try block).
 */
export function wasmExceptions(): boolean {
  const probe = [
    0, 97, 115, 109, 1, 0, 0, 0, 1, 4, 1, 96, 0, 0, 3, 2, 1, 0, 10, 8, 1, 6, 0, 6, 64, 25, 11, 11,
  ];
  try {
    return typeof WebAssembly === 'object' && WebAssembly.validate(new Uint8Array(probe));
  } catch {
    return false;
  }
}

/**
 * Starts a DuckDB worker. `warm`: the page already holds the compiled module and will send it (a restart),
 * so the worker must not download and compile it again; its name tells it so before any message arrives.
 */
export function startEngineWorker(warm: boolean): EngineWorker {
  const name = lifeName(warm ? 'duckdb-warm' : 'duckdb-eh');
  // Written out in the call, so Vite sees a worker to bundle (a URL in a variable would be a raw asset).
  const worker = new Worker(new URL('./duckdb-worker.ts', import.meta.url), { type: 'module', name });
  return { worker, name };
}

let booted: EngineWorker | null = null;

/** Called by the entry script: starts the first DuckDB worker now, where the browser can run it. */
export function bootEngine(): void {
  if (booted || typeof Worker === 'undefined' || !wasmExceptions()) return;
  booted = startEngineWorker(false);
}

/** The worker {@link bootEngine} started, once (null if none was started or it was taken). */
export function takeBootedWorker(): EngineWorker | null {
  const taken = booted;
  booted = null;
  return taken;
}
