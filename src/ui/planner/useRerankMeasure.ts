/**
 * Slider responsiveness: from a weight input to the next painted frame showing the new ranking and map
 * (User Timing measure {@link RERANK_MEASURE}, and `-render` for the React work alone).
 */
import { useLayoutEffect, useRef } from 'react';
import { afterNextPaint } from '../../common/perf';

/** Name of the User Timing measure of a weight change: input to the painted ranking and map. */
export const RERANK_MEASURE = 'atlas:planner:rerank';

/** Returns the mark to call on a weight input; the measures end once `need` (the new index) is committed. */
export function useRerankMeasure(need: unknown): () => void {
  const inputAt = useRef<number | null>(null);
  useLayoutEffect(() => {
    const start = inputAt.current;
    if (start === null) return;
    inputAt.current = null;
    // The React work alone (index, ranking, map props) and the whole way to the painted frame.
    performance.measure(`${RERANK_MEASURE}-render`, { start, end: performance.now() });
    afterNextPaint(() => performance.measure(RERANK_MEASURE, { start, end: performance.now() }));
  }, [need]);
  return () => {
    inputAt.current ??= performance.now();
  };
}
