/**
 * The DuckDB worker, as a module worker of our own around DuckDB-WASM's: it first takes its life lock
 * (src/common/worker-life.ts: the page learns of its death the moment it happens), then starts downloading
 * and compiling DuckDB's WASM module at its first byte (`WebAssembly.compileStreaming`), while DuckDB-WASM's
 * worker script (the "eh" build, duckdb-boot.ts) loads beside it. Messages that arrive while that script
 * loads are kept and handed to it in order.
 *
 * The page's first message (before DuckDB-WASM's) is `{ atlasModule, port }`: the WASM module compiled by
 * an earlier worker, if any (the worker is then named `atlas-duckdb-warm-…` and compiles nothing), so that
 * a restart instantiates it without compiling 34 MB again; a worker that compiles it sends the compiled
 * module back through `port` (modules are shared between a page's workers).
 */
import ehWasm from '@duckdb/duckdb-wasm/dist/duckdb-eh.wasm?url';
import ehWorker from '@duckdb/duckdb-wasm/dist/duckdb-browser-eh.worker.js?url';
import { holdLife } from '../common/worker-life';

holdLife();

const download = self.fetch.bind(self);
/** Our own compile, started now, unless the page sends the module (a restart). */
const compiling: Promise<WebAssembly.Module> | null = /^atlas-duckdb-warm-/.test(self.name)
  ? null
  : WebAssembly.compileStreaming(download(new URL(ehWasm, self.location.href).href));
// Unhandled here means handled at instantiation (DuckDB-WASM reports it to the page).
compiling?.catch(() => undefined);

let sent: WebAssembly.Module | null = null;
let port: MessagePort | null = null;
/** Takes the page's own message (see above); false for DuckDB-WASM's. */
function ours(data: unknown): boolean {
  if (!data || typeof data !== 'object' || !('atlasModule' in data) || !('port' in data)) return false;
  sent = (data.atlasModule as WebAssembly.Module | null) ?? null;
  port = data.port as MessagePort;
  return true;
}
const early: MessageEvent[] = [];
self.onmessage = (event) => void (ours(event.data) || early.push(event));

/** The module this worker compiled, sent back to the page for later workers. */
async function ownModule(): Promise<WebAssembly.Module> {
  if (!compiling) throw new Error('no DuckDB module was sent to this worker');
  const module = await compiling;
  port?.postMessage(module);
  return module;
}

type Streaming = typeof WebAssembly.instantiateStreaming;
const instantiateStreaming: Streaming = async (source, imports) => {
  // The download DuckDB-WASM started is not needed: the module is here already, or compiling.
  void Promise.resolve(source)
    .then((r) => r.body?.cancel())
    .catch(() => undefined);
  const module = sent ?? (await ownModule());
  return { module, instance: await WebAssembly.instantiate(module, imports) };
};
Object.assign(WebAssembly, { instantiateStreaming });
// Nor is the download itself (34 MB): an empty answer stands in for DuckDB-WASM's own fetch of it.
self.fetch = (input, init) => {
  const url = input instanceof Request ? input.url : String(input);
  if (/\.wasm(?:$|\?)/.test(url)) return Promise.resolve(new Response(new Uint8Array(0)));
  return download(input, init);
};

// DuckDB-WASM's worker script sets `onmessage` itself when it runs; ours stays in front of it (the dev
// server can deliver the first messages late).
void import(/* @vite-ignore */ new URL(ehWorker, self.location.href).href).then(() => {
  const handler = self.onmessage;
  self.onmessage = (event) => void (ours(event.data) || handler?.call(self, event));
  for (const event of early) handler?.call(self, event);
});
