/**
 * False until the frame after the component's first commit has been painted: what is below the fold (the
 * table, the exports) renders after the first map is on screen instead of delaying it.
 */
import { useEffect, useState } from 'react';
import { afterNextPaint } from '../common/perf';

/** Whether the first frame after mounting has been painted. */
export function usePainted(): boolean {
  const [painted, setPainted] = useState(false);
  useEffect(() => {
    let live = true;
    afterNextPaint(() => live && setPainted(true));
    return () => {
      live = false;
    };
  }, []);
  return painted;
}
