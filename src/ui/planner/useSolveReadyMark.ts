/**
 * The `atlas:planner-solve-ready` mark (common/perf MARKS.plannerSolveReady): set once per load, after the
 * frame that first shows the Solve button enabled with the solver loaded behind it.
 */
import { useLayoutEffect } from 'react';
import { afterNextPaint, MARKS, markOnce } from '../../common/perf';

/** Marks the planner's Solve usable the first time `usable` is true (after that frame is painted). */
export function useSolveReadyMark(usable: boolean): void {
  useLayoutEffect(() => {
    if (usable) afterNextPaint(() => markOnce(MARKS.plannerSolveReady));
  }, [usable]);
}
