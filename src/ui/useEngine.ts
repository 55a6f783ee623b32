/**
 * Starts the analysis engine once, lazily (DuckDB-WASM is a separate chunk), and tells components how far
 * it has got. The first map does not wait for it.
 */
import { useEffect, useState } from 'react';
import type { Engine } from '../engine/engine';
import type { MunicipalityAttrs } from '../engine/dataset';
import type { BrowserEngine, Importer } from '../import/start-browser';
import type { ValidationContext } from '../contract/types';
import { MARKS, markOnce } from '../common/perf';

/** Where the engine is. */
export type EngineStatus =
  | { state: 'starting' }
  | { state: 'ready'; engine: Engine; importer: Importer }
  | { state: 'error'; message: string };

let started: Promise<BrowserEngine> | undefined;

function start(
  municipalities: readonly MunicipalityAttrs[],
  context: () => ValidationContext,
): Promise<BrowserEngine> {
  started ??= import('../import/start-browser').then((m) =>
    m.startBrowserEngine(
      municipalities,
      {
        duckdbReady: () => markOnce(MARKS.duckdbReady),
        dataLoaded: () => markOnce(MARKS.dataLoaded),
      },
      context,
    ),
  );
  return started;
}

/**
 * The engine's status; starts it on first use. `context` tells the importer what user files are checked
 * against (it is called at each check, so it may read the latest catalog).
 */
export function useEngine(
  municipalities: readonly MunicipalityAttrs[],
  context: () => ValidationContext,
): EngineStatus {
  const [status, setStatus] = useState<EngineStatus>({ state: 'starting' });
  useEffect(() => {
    let live = true;
    start(municipalities, context).then(
      ({ engine, importer }) => live && setStatus({ state: 'ready', engine, importer }),
      (err: unknown) =>
        live && setStatus({ state: 'error', message: err instanceof Error ? err.message : String(err) }),
    );
    return () => {
      live = false;
    };
  }, [municipalities, context]);
  return status;
}
