/**
 * The DuckDB worker, as a module worker of our own around DuckDB-WASM's: it first takes its life lock
 * (src/common/worker-life.ts: the page learns of its death the moment it happens), then runs DuckDB-WASM's
 * worker script, chosen by the worker's name (`atlas-duckdb-eh-…` or `atlas-duckdb-mvp-…`, see
 * duckdb-browser.ts). Messages that arrive while that script loads are kept and handed to it in order.
 */
import ehWorker from '@duckdb/duckdb-wasm/dist/duckdb-browser-eh.worker.js?url';
import mvpWorker from '@duckdb/duckdb-wasm/dist/duckdb-browser-mvp.worker.js?url';
import { holdLife } from '../common/worker-life';

holdLife();
const early: MessageEvent[] = [];
self.onmessage = (event) => void early.push(event);
const script = /^atlas-duckdb-mvp-/.test(self.name) ? mvpWorker : ehWorker;
// DuckDB-WASM's worker script sets `onmessage` itself when it runs.
void import(/* @vite-ignore */ new URL(script, self.location.href).href).then(() => {
  const handler = self.onmessage;
  for (const event of early) handler?.call(self, event);
});
