/**
 * Starts the analysis engine once, lazily (DuckDB-WASM is a separate chunk), and tells components how far
 * it has got. The first map does not wait for it.
 */
import { useEffect, useState } from 'react';
import type { Engine } from '../data/engine';
import type { MunicipalityAttrs } from '../data/dataset';
import { MARKS, markOnce } from './perf';

/** Where the engine is. */
export type EngineStatus =
  { state: 'starting' } | { state: 'ready'; engine: Engine } | { state: 'error'; message: string };

let started: Promise<Engine> | undefined;

function start(municipalities: readonly MunicipalityAttrs[]): Promise<Engine> {
  started ??= import('../data/start-browser').then((m) =>
    m.startBrowserEngine(municipalities, {
      duckdbReady: () => markOnce(MARKS.duckdbReady),
      dataLoaded: () => markOnce(MARKS.dataLoaded),
    }),
  );
  return started;
}

/** The engine's status; starts it on first use. */
export function useEngine(municipalities: readonly MunicipalityAttrs[]): EngineStatus {
  const [status, setStatus] = useState<EngineStatus>({ state: 'starting' });
  useEffect(() => {
    let live = true;
    start(municipalities).then(
      (engine) => live && setStatus({ state: 'ready', engine }),
      (err: unknown) =>
        live && setStatus({ state: 'error', message: err instanceof Error ? err.message : String(err) }),
    );
    return () => {
      live = false;
    };
  }, [municipalities]);
  return status;
}
