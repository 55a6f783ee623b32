/**
 * A value that follows `value` once it has stopped changing for `ms` (at once the first time): work that
 * hangs off a slider (the coverage gap, the rank intervals) waits until the slider rests, so each step of
 * the slider costs only the re-ranking and its repaint.
 */
import { useEffect, useState } from 'react';

/** How long a slider must rest before the work that hangs off it runs (ms). */
export const REST_MS = 600;

/** `value`, `ms` after its last change. */
export function useRested<T>(value: T, ms: number): T {
  const [rested, setRested] = useState(value);
  useEffect(() => {
    if (Object.is(rested, value)) return;
    const timer = setTimeout(() => setRested(value), ms);
    return () => clearTimeout(timer);
  }, [value, rested, ms]);
  // Nothing to rest from yet (no value before): take it now rather than show nothing for `ms`.
  return rested ?? value;
}
