/**
 * Colours of the hotspot maps. Gi* classes: ColorBrewer RdBu (7 classes, colour-blind safe), dark red = hot
 * at 99 %, dark blue = cold at 99 %, light grey = not significant. LISA clusters: GeoDa's colours (HH red,
 * LL blue, LH light blue, HL light red). Persistence: ColorBrewer's colour-blind-safe qualitative/sequential
 * reds and purples, with grey for "none".
 */
import type { HotspotClass } from '../../analysis/spatial/run';
import type { PersistenceClass } from '../../analysis/spatial/persistence';
import { SUPPRESSED, type Rgb } from '../../map/scale';

/**
 * A unit's class on screen: its Gi* class or LISA type, or `hidden` for a unit whose value is hidden by
 * small-count suppression: it is left out of the statistic ("not tested: value hidden").
 */
export type ViewClass = HotspotClass | 'hidden';

/** Fill of a municipality outside the analysis (no pupils, or not analysed). */
export const NOT_ANALYSED: Rgb = [232, 232, 232];

/** Gi* classes, hottest first. */
export const GI_CLASSES: readonly HotspotClass[] = [
  'hot99',
  'hot95',
  'hot90',
  'ns',
  'cold90',
  'cold95',
  'cold99',
];
/** LISA cluster types in legend order. */
export const LISA_CLASSES: readonly HotspotClass[] = ['HH', 'HL', 'LH', 'LL', 'ns'];

/** Colour of a Gi* class or LISA cluster, and of a unit not tested because its value is hidden. */
export const CLASS_COLOR: Record<ViewClass, Rgb> = {
  hot99: [178, 24, 43],
  hot95: [239, 138, 98],
  hot90: [253, 219, 199],
  ns: [247, 247, 247],
  cold90: [209, 229, 240],
  cold95: [103, 169, 207],
  cold99: [33, 102, 172],
  HH: [215, 25, 28],
  HL: [253, 174, 97],
  LH: [171, 217, 233],
  LL: [44, 123, 182],
  hidden: SUPPRESSED,
};

/** Colour of a persistence pattern. */
export const PERSISTENCE_COLOR: Record<PersistenceClass, Rgb> = {
  new: [254, 224, 139],
  consecutive: [253, 174, 97],
  intensifying: [165, 0, 38],
  persistent: [215, 48, 39],
  diminishing: [244, 109, 67],
  sporadic: [158, 154, 200],
  historical: [84, 39, 143],
  none: [247, 247, 247],
};

/** Dropout-rate colour of a school point (5 classes of ColorBrewer YlOrRd over the given breaks). */
const YL_OR_RD: readonly Rgb[] = [
  [255, 255, 178],
  [254, 204, 92],
  [253, 141, 60],
  [240, 59, 32],
  [189, 0, 38],
];

/** School point colour for a rate; grey when suppressed. `breaks` are the 4 inner class limits. */
export function rateColor(rate: number | null, breaks: readonly number[]): Rgb {
  if (rate === null) return SUPPRESSED;
  let i = 0;
  while (i < breaks.length && rate > breaks[i]!) i++;
  return YL_OR_RD[i]!;
}

/** The palette of school points, for their legend. */
export const RATE_COLORS = YL_OR_RD;
