/**
 * Synthetic total and child (0–17) population per municipality and year, anchored on the only
 * real municipal figure available (the 2011 census) and the real qark change 2011 → 2023.
 *
 * - Total population follows the qark's census change geometrically: each municipality keeps its
 *   2011 share of the qark (no municipal 2023 census was available), interpolated for 2015–2023
 *   and extrapolated at the same annual rate for 2024–2025.
 * - The child share falls linearly from ~27 % in 2011 to ~21 % in 2025 (Albania's fast ageing),
 *   a few points higher in the north-eastern mountains, with a small fixed municipal offset.
 */
import { normal } from '../../src/analysis/random';
import { stream, YEARS } from './config';
import type { Latent } from './deprivation';
import type { Municipality } from './geography';

/** Census years the qark ratio spans (1 Oct 2011 and 18 Sep 2023: about 12 years apart). */
const CENSUS_A = 2011;
const CENSUS_B = 2023;

/** Populations of one municipality, aligned with YEARS (integers). */
export interface PopulationSeries {
  total: number[];
  children: number[];
}

/** National child (0–17) share in a year before the regional adjustment. */
export function nationalChildShare(year: number): number {
  return 0.27 - ((0.27 - 0.21) * (year - 2011)) / (2025 - 2011);
}

/** Builds total and child population for every municipality (lau_code order). */
export function buildPopulation(
  municipalities: readonly Municipality[],
  latent: Map<string, Latent>,
): Map<string, PopulationSeries> {
  const rng = stream('population');
  const result = new Map<string, PopulationSeries>();
  for (const m of municipalities) {
    const mountain = latent.get(m.lau_code)?.mountain ?? 0;
    // Fixed per-municipality offset: local fertility and migration differences the bumps miss.
    const offset = 0.006 * normal(rng);
    const total = YEARS.map((y) =>
      Math.round(m.pop2011 * m.qarkRatio2011to2023 ** ((y - CENSUS_A) / (CENSUS_B - CENSUS_A))),
    );
    const children = YEARS.map((y, i) =>
      Math.round((total[i] ?? 0) * (nationalChildShare(y) + 0.03 * mountain + offset)),
    );
    result.set(m.lau_code, { total, children });
  }
  return result;
}
