/**
 * The DuckDB worker, as a module worker of our own around DuckDB-WASM's: it first takes its life lock
 * (src/common/worker-life.ts: the page learns of its death the moment it happens), then runs DuckDB-WASM's
 * worker script, chosen by the worker's name (`atlas-duckdb-eh-…` or `atlas-duckdb-mvp-…`, see
 * duckdb-browser.ts). Messages that arrive while that script loads are kept and handed to it in order.
 *
 * The page's first message (before DuckDB-WASM's) is `{ atlasModule, port }`: the WASM module compiled by
 * an earlier worker, if any, so that a restart instantiates it without compiling 34 MB again; a worker that
 * compiles it sends the compiled module back through `port` (modules are shared between a page's workers).
 */
import ehWorker from '@duckdb/duckdb-wasm/dist/duckdb-browser-eh.worker.js?url';
import mvpWorker from '@duckdb/duckdb-wasm/dist/duckdb-browser-mvp.worker.js?url';
import { holdLife } from '../common/worker-life';

holdLife();

let compiled: WebAssembly.Module | null = null;
let port: MessagePort | null = null;
/** Takes the page's own message (see above); false for DuckDB-WASM's. */
function ours(data: unknown): boolean {
  if (!data || typeof data !== 'object' || !('atlasModule' in data) || !('port' in data)) return false;
  compiled = (data.atlasModule as WebAssembly.Module | null) ?? null;
  port = data.port as MessagePort;
  return true;
}
const early: MessageEvent[] = [];
self.onmessage = (event) => void (ours(event.data) || early.push(event));

type Streaming = typeof WebAssembly.instantiateStreaming;
const streaming: Streaming = WebAssembly.instantiateStreaming.bind(WebAssembly);
const instantiateStreaming: Streaming = async (source, imports) => {
  if (compiled) {
    // The download DuckDB-WASM started is not needed: the module is here already.
    void Promise.resolve(source)
      .then((r) => r.body?.cancel())
      .catch(() => undefined);
    return { module: compiled, instance: await WebAssembly.instantiate(compiled, imports) };
  }
  const result = await streaming(source, imports);
  port?.postMessage(result.module);
  return result;
};
Object.assign(WebAssembly, { instantiateStreaming });
// Nor is the download itself (34 MB through the service worker's cache): an empty answer stands in for it.
const download = self.fetch.bind(self);
self.fetch = (input, init) => {
  const url = input instanceof Request ? input.url : String(input);
  if (compiled && /\.wasm(?:$|\?)/.test(url)) return Promise.resolve(new Response(new Uint8Array(0)));
  return download(input, init);
};

const script = /^atlas-duckdb-mvp-/.test(self.name) ? mvpWorker : ehWorker;
// DuckDB-WASM's worker script sets `onmessage` itself when it runs; ours stays in front of it (the dev
// server can deliver the first messages late).
void import(/* @vite-ignore */ new URL(script, self.location.href).href).then(() => {
  const handler = self.onmessage;
  self.onmessage = (event) => void (ours(event.data) || handler?.call(self, event));
  for (const event of early) handler?.call(self, event);
});
