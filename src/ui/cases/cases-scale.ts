/** The cases map's colours: quantile classes of the municipality facet, the same scale as every map. */
import type { CaseBar } from '../../engine/cases-types';
import type { MapValue } from '../../engine/values-types';
import { buildScale, fillFor, type ClassScale, type Rgb } from '../../map/scale';
import { mapValues } from './cases-derive';
import type { CaseMeasure } from './settings';

/** The palette of the cases map (ColorBrewer YlOrRd: sequential, colour-blind safe). */
export const CASES_PALETTE = 'YlOrRd';

/** The map's colours: the scale and the fill of each municipality, from the municipality facet. */
export function casesScale(
  bars: readonly CaseBar[],
  measure: CaseMeasure,
): { scale: ClassScale; fill: (lau: string) => Rgb; values: Map<string, MapValue> } {
  const list = mapValues(bars, measure);
  const scale = buildScale(list, {
    method: 'quantile',
    classes: 5,
    palette: CASES_PALETTE,
    manual: [],
    higherIsWorse: true,
  });
  const values = new Map(list.map((v) => [v.lau_code, v]));
  return { scale, fill: (lau) => fillFor(scale, values.get(lau)), values };
}
