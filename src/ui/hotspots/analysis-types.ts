/** The state of one hotspot analysis, as the view shows it (its own file: props and cache read it too). */
import type { HotspotResult } from '../../analysis/spatial/run';
import type { MunicipalDropout, SchoolPoint } from '../../engine/engine-schools';
import type { HotspotSettings } from './settings';

/** Where an analysis is. */
export type Analysis =
  | { state: 'loading' }
  | { state: 'error'; message: string; /** 'worker-lost': the worker died twice under it. */ code?: string }
  | {
      state: 'ready';
      year: number;
      /** The units this result is about (a stale result may be about the other level). */
      unit: HotspotSettings['unit'];
      result: HotspotResult;
      /** Time the statistics took in the worker. */
      ms: number;
      municipalities: MunicipalDropout[];
      schools: SchoolPoint[];
    };
