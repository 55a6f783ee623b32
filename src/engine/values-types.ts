/** The plain rows the engine's value questions answer with (./engine.ts), apart so its parts can share them. */
import type { Basis } from './queries-values';
import type { Shown } from './shown';

/** One municipality's value on the map; `value` is null when missing or suppressed. */
export interface MapValue {
  lau_code: string;
  value: number | null;
  suppressed: boolean;
  /** The count a rate rests on (for a count indicator, the count itself); null when missing or suppressed. */
  numerator?: number | null;
  /** The population a rate rests on; null when missing or suppressed. */
  denominator?: number | null;
  /**
   * Set when the counts are not the file's own (src/engine/queries-values.ts): for a municipality, how its
   * implied count was found; for a county, the weakest basis of its municipalities where weights stand in.
   */
  basis?: Basis;
}

/** A county or national figure of the trend, with the basis when weights stand in for counts. */
export type GroupShown = Shown & { basis?: Basis };

/** How many rows of an indicator are the user's and how many the demo's. */
export interface ValueSource {
  indicator: string;
  own: number;
  demo: number;
}

/** One year of the trend chart: the municipality, its county and Albania. */
export interface TrendPoint {
  year: number;
  municipality: Shown;
  county: GroupShown;
  national: GroupShown;
}
