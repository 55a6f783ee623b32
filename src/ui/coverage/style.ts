/**
 * Colours and symbols of the coverage map: covered and uncovered municipalities (blue / orange, the pair
 * that stays distinct under every common colour-vision deficiency), units as points coloured by supporter
 * (Okabe-Ito colours, without the orange and yellow of the fills) and ringed when opened recently.
 */
import type { CoverageYear, UnitFigures } from '../../analysis/coverage';
import type { MapPoint } from '../../map/points';
import { NO_DATA, type Rgb } from '../../map/scale';

/** Fill of a municipality within reach of an active unit. */
export const COVERED: Rgb = [198, 219, 239];
/** Fill of a municipality no active unit reaches: highlighted. */
export const UNCOVERED: Rgb = [230, 159, 0];

/** Okabe-Ito colours for supporters, in order of use; orange and yellow are left to the fills. */
const SUPPORTER_COLORS: readonly Rgb[] = [
  [0, 114, 178],
  [0, 158, 115],
  [204, 121, 167],
  [0, 0, 0],
  [86, 180, 233],
  [213, 94, 0],
];
/** Any further supporter: grey (the legend still names it). */
const OTHER_SUPPORTER: Rgb = [140, 140, 140];

/** Point radius in pixels; a unit opened since the marked year is drawn larger, with a thick ring. */
export const POINT_RADIUS = { normal: 6, recent: 8 } as const;
export const RECENT_RING = 3;

/**
 * One colour per supporter, stable across years: supporters ordered by how many units they ever had (ties
 * by name), so the biggest supporter gets the first colour.
 */
export function supporterColors(series: readonly CoverageYear[]): Map<string, Rgb> {
  const units = new Map<string, Set<string>>();
  for (const y of series) {
    for (const u of y.units) {
      const set = units.get(u.supporter) ?? new Set<string>();
      set.add(u.id);
      units.set(u.supporter, set);
    }
  }
  const order = [...units].sort((a, b) => b[1].size - a[1].size || (a[0] < b[0] ? -1 : 1)).map(([s]) => s);
  return new Map(order.map((s, i) => [s, SUPPORTER_COLORS[i] ?? OTHER_SUPPORTER]));
}

/** The fill of a municipality from the year's coverage (no data while it is loading). */
export function coverageFill(covered: ReadonlyMap<string, boolean> | null, lau: string): Rgb {
  const c = covered?.get(lau);
  return c === undefined ? NO_DATA : c ? COVERED : UNCOVERED;
}

/** The units of a year as map points; `label` and `detail` give their tooltip text. */
export function unitPoints(
  units: readonly UnitFigures[],
  colors: ReadonlyMap<string, Rgb>,
  since: number,
  detail: (u: UnitFigures) => string,
): MapPoint[] {
  return units.map((u) => {
    const recent = u.opened >= since;
    return {
      id: u.id,
      lon: u.lon,
      lat: u.lat,
      color: colors.get(u.supporter) ?? OTHER_SUPPORTER,
      radius: recent ? POINT_RADIUS.recent : POINT_RADIUS.normal,
      ring: recent ? RECENT_RING : 1,
      label: u.name,
      detail: detail(u),
    };
  });
}
