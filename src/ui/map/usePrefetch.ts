/**
 * Once the engine is ready and the page idle, asks it for every indicator's values (all years, both
 * levels), one at a time. The engine caches the answers, so switching indicator later needs no query: the
 * data are small (61 municipalities x 11 years per indicator). A failed ask is not cached and simply
 * asked again when the user picks that indicator.
 */
import { useEffect } from 'react';
import type { IndicatorMeta } from '../../data/schema';
import type { EngineStatus } from '../useEngine';

const idle = (cb: () => void): (() => void) => {
  if (typeof requestIdleCallback === 'function') {
    const id = requestIdleCallback(cb, { timeout: 2000 });
    return () => cancelIdleCallback(id);
  }
  const id = setTimeout(cb, 200);
  return () => clearTimeout(id);
};

/** Prefetches `indicators` at threshold `k` in idle time; stops when the inputs change. */
export function usePrefetch(status: EngineStatus, indicators: readonly IndicatorMeta[], k: number): void {
  useEffect(() => {
    if (status.state !== 'ready') return;
    const engine = status.engine;
    let live = true;
    let cancel: () => void = () => undefined;
    const asks = indicators.flatMap((m) => [() => engine.allYears(m, k), () => engine.countyYears(m, k)]);
    const next = (i: number) => {
      if (!live || i >= asks.length) return;
      cancel = idle(() => {
        asks[i]!().then(
          () => next(i + 1),
          () => next(i + 1),
        );
      });
    };
    // After the first view's own answers: start a moment later.
    const start = setTimeout(() => next(0), 1000);
    return () => {
      live = false;
      clearTimeout(start);
      cancel();
    };
  }, [status, indicators, k]);
}
