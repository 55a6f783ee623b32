/**
 * Asks the engine for the dropout trend of a cluster against Albania. The answer is kept with the cluster it
 * is about, so a trend is never shown for another cluster (null while the right one is on its way).
 */
import { useEffect, useState } from 'react';
import type { DropoutTrendPoint } from '../../engine/engine-schools';
import type { SchoolLevel } from '../../engine/queries-schools';
import type { EngineStatus } from '../useEngine';

/** The trend of `cluster` (municipality codes) at `level`, or null (no cluster, or not answered yet). */
export function useClusterTrend(
  status: EngineStatus,
  cluster: readonly string[],
  level: SchoolLevel,
  k: number,
): DropoutTrendPoint[] | null {
  const clusterKey = `${cluster.join(',')}|${level}|${k}`;
  const [done, setDone] = useState<{ key: string; points: DropoutTrendPoint[] } | null>(null);
  useEffect(() => {
    if (status.state !== 'ready' || cluster.length === 0) return;
    let live = true;
    void status.engine
      .dropoutTrend(cluster, level, k)
      .then((points) => live && setDone({ key: clusterKey, points }));
    return () => {
      live = false;
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [status, clusterKey]);
  return done?.key === clusterKey ? done.points : null;
}
