/**
 * Starts the analysis engine once, lazily (DuckDB-WASM is a separate chunk), and tells components how far
 * it has got. The first map does not wait for it.
 */
import i18next from 'i18next';
import { useEffect, useState } from 'react';
import type { Engine } from '../engine/engine';
import type { MunicipalityAttrs } from '../engine/dataset';
import type { BrowserEngine, Importer, StartProgress } from '../import/start-browser';
import type { ValidationContext } from '../contract/types';
import { MARKS, markOnce } from '../common/perf';

/** Where the engine is. */
export type EngineStatus =
  | { state: 'starting'; progress: StartProgress }
  | { state: 'ready'; engine: Engine; importer: Importer }
  | { state: 'error'; message: string };

let started: Promise<BrowserEngine> | undefined;
const NOT_STARTED: StartProgress = { database: false, files: 0, totalFiles: 4, loading: false };
let progress = NOT_STARTED;
const listeners = new Set<(p: StartProgress) => void>();

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
        progress: (p) => {
          progress = p;
          for (const listener of listeners) listener(p);
        },
      },
      context,
    ),
  );
  return started;
}

/** What the views say when the engine did not start (a browser without what DuckDB needs, in words). */
function startError(err: unknown): string {
  if (err instanceof Error && err.name === 'EngineUnsupportedError') return i18next.t('status.unsupported');
  return err instanceof Error ? err.message : String(err);
}

/**
 * The engine's status; starts it on first use. `context` tells the importer what user files are checked
 * against (it is called at each check, so it may read the latest catalog).
 */
export function useEngine(
  municipalities: readonly MunicipalityAttrs[],
  context: () => ValidationContext,
): EngineStatus {
  const [status, setStatus] = useState<EngineStatus>({ state: 'starting', progress });
  useEffect(() => {
    let live = true;
    const listener = (p: StartProgress) => {
      if (live) setStatus((s) => (s.state === 'starting' ? { state: 'starting', progress: p } : s));
    };
    listeners.add(listener);
    start(municipalities, context).then(
      ({ engine, importer }) => live && setStatus({ state: 'ready', engine, importer }),
      (err: unknown) => live && setStatus({ state: 'error', message: startError(err) }),
    );
    return () => {
      live = false;
      listeners.delete(listener);
    };
  }, [municipalities, context]);
  return status;
}
