/**
 * Runs the hotspot statistics off the main thread: 999 conditional permutations on 1,500 schools take long
 * enough to freeze a page. The worker only calls the same pure functions Node and the CLI call.
 */
import { holdLife } from '../../common/worker-life';
import { runPersistence, type YearInput } from './persistence-run';
import { runHotspots, type HotspotRequest } from './run';

// The page learns of this worker's death the moment it happens (hotspots-client.ts).
holdLife();

/** What the page asks. */
export type HotspotsWorkerRequest =
  | { id: number; op: 'run'; request: HotspotRequest }
  | {
      id: number;
      op: 'persistence';
      series: YearInput[];
      base: Omit<HotspotRequest, 'ids' | 'values' | 'method'>;
    };

/** What the worker answers: the result and the time the computation took in the worker, or an error text. */
export interface HotspotsWorkerReply {
  id: number;
  result?: unknown;
  ms?: number;
  error?: string;
}

self.onmessage = (event: MessageEvent<HotspotsWorkerRequest>) => {
  const req = event.data;
  const start = performance.now();
  let reply: HotspotsWorkerReply;
  try {
    const result = req.op === 'run' ? runHotspots(req.request) : runPersistence(req.series, req.base);
    reply = { id: req.id, result, ms: performance.now() - start };
  } catch (err) {
    reply = { id: req.id, error: err instanceof Error ? err.message : String(err) };
  }
  (self as unknown as Worker).postMessage(reply);
};
