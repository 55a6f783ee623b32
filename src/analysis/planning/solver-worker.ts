/**
 * The siting solver in a module Web Worker, so a long solve never freezes the page. HiGHS's WASM is
 * imported as a URL, so Vite emits it as an asset of the app's own origin (no CDN), and handed to the
 * loader through `locateFile`. Start it with `new Worker(new URL('./solver-worker.ts', import.meta.url),
 * { type: 'module' })` (solver-client.ts does).
 */
import loadHighs from 'highs';
import wasmUrl from 'highs/runtime?url';
import { holdLife } from '../../common/worker-life';
import { createSolverHandler } from './solver-handler';
import type { SolverRequest } from './solver-protocol';

// The page learns of this worker's death the moment it happens (solver-client.ts).
holdLife();

const handle = createSolverHandler(() => loadHighs({ locateFile: () => wasmUrl }));

self.onmessage = (event: MessageEvent<SolverRequest>) => {
  void handle(event.data).then((response) => self.postMessage(response));
};
