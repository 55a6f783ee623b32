/**
 * Words and colours for the need index: which indicators drive a municipality's score (for the sentence
 * "rank 3 of 61, mainly because of ..."), a colour per indicator for the stacked bars, and the need map's
 * classes. Colours are Okabe-Ito (indicators) and ColorBrewer YlOrBr (need classes): colour-blind safe.
 */
import { schemeYlOrBr } from 'd3-scale-chromatic';
import type { NeedScore } from '../../analysis/planning/need-index';
import type { Rgb } from '../../map/scale';

/** Okabe-Ito colours, one per indicator (in the order chosen). */
export const INDICATOR_COLORS = [
  '#E69F00',
  '#56B4E9',
  '#009E73',
  '#0072B2',
  '#D55E00',
  '#CC79A7',
  '#F0E442',
  '#000000',
] as const;

/** An indicator's share in the positive part of a score, for the sentence. */
export interface Driver {
  id: string;
  /** Share of this indicator in the sum of positive contributions, 0..1. */
  share: number;
}

/** The (at most two) indicators contributing most to a score, with their shares; none when nothing is positive. */
export function drivers(score: NeedScore, max = 2): Driver[] {
  const positive = Object.entries(score.contributions).filter(([, c]) => c > 0);
  const total = positive.reduce((a, [, c]) => a + c, 0);
  if (total <= 0) return [];
  return positive
    .sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))
    .slice(0, max)
    .map(([id, c]) => ({ id, share: c / total }));
}

/** Number of need classes on the map (quintiles of rank). */
export const NEED_CLASSES = 5;

function hex(color: string): Rgb {
  const n = parseInt(color.slice(1), 16);
  return [(n >> 16) & 255, (n >> 8) & 255, n & 255];
}

/** The need classes' colours, lowest need first. */
export const NEED_COLORS: readonly Rgb[] = (schemeYlOrBr[NEED_CLASSES] ?? []).map(hex);

/** Need class of a rank among n (0 = lowest fifth of need, NEED_CLASSES - 1 = highest fifth). */
export function needClass(rank: number, n: number): number {
  if (n <= 1) return NEED_CLASSES - 1;
  const fromTop = Math.floor(((rank - 1) / n) * NEED_CLASSES);
  return NEED_CLASSES - 1 - Math.min(NEED_CLASSES - 1, fromTop);
}

/** Colours of the scenario comparison map. */
export const COMPARE_COLORS = {
  onlyA: hex('#E69F00'),
  onlyB: hex('#56B4E9'),
  both: hex('#009E73'),
  neither: hex('#E8E8E8'),
} as const;

/** Colours of the sites on the map: new sites and existing units. */
export const SITE_COLORS = { chosen: hex('#0072B2'), existing: hex('#FFFFFF') } as const;

/** A colour as CSS text. */
export function cssColor([r, g, b]: Rgb): string {
  return `rgb(${r}, ${g}, ${b})`;
}
