/**
 * The colour scale of the choropleth, shared by the first-paint SVG map, the WebGL map and the legend so
 * all three always agree. ColorBrewer sequential palettes (colour-blind safe), by indicator polarity.
 */
import { schemeBlues, schemeYlOrRd } from 'd3-scale-chromatic';
import { classIndex, extent, quantileBreaks } from '../analysis/classify';
import type { MapValue } from '../data/engine';

/** An RGB colour as deck.gl takes it. */
export type Rgb = [number, number, number];

/** Number of classes on the first map (the classification controls come with the analytics issue). */
export const CLASSES = 5;
/** Fill of a municipality with no value. */
export const NO_DATA: Rgb = [232, 232, 232];
/** Fill of a municipality whose value is hidden by small-count suppression. */
export const SUPPRESSED: Rgb = [160, 160, 160];

/** One legend row: the value range and the colour of a class, and how many municipalities fall in it. */
export interface ClassInfo {
  from: number;
  to: number;
  color: Rgb;
  count: number;
}

/** A classified scale over one map's values. */
export interface ClassScale {
  breaks: number[];
  classes: ClassInfo[];
  noData: number;
  suppressed: number;
}

function hexToRgb(hex: string): Rgb {
  const n = parseInt(hex.slice(1), 16);
  return [(n >> 16) & 255, (n >> 8) & 255, n & 255];
}

/** Builds quantile classes over the shown (unsuppressed) values. */
export function buildScale(values: readonly MapValue[], higherIsWorse: boolean): ClassScale {
  const shown = values.flatMap((v) => (v.value === null ? [] : [v.value]));
  const breaks = quantileBreaks(shown, CLASSES);
  const range = extent(shown);
  const n = breaks.length + 1;
  const scheme = (higherIsWorse ? schemeYlOrRd : schemeBlues)[Math.max(3, n)] ?? [];
  // With fewer than three classes take the palette's ends, not its two lightest colours.
  const palette = n >= 3 ? scheme : [scheme[0]!, scheme[scheme.length - 1]!].slice(2 - n);
  const classes: ClassInfo[] = range
    ? palette.slice(0, n).map((hex, i) => ({
        from: i === 0 ? range[0] : breaks[i - 1]!,
        to: i === n - 1 ? range[1] : breaks[i]!,
        color: hexToRgb(hex),
        count: 0,
      }))
    : [];
  for (const v of shown) {
    const c = classes[classIndex(breaks, v)];
    if (c) c.count++;
  }
  return {
    breaks,
    classes,
    noData: values.filter((v) => v.value === null && !v.suppressed).length,
    suppressed: values.filter((v) => v.suppressed).length,
  };
}

/** The fill of one municipality. */
export function fillFor(scale: ClassScale, v: MapValue | undefined): Rgb {
  if (!v) return NO_DATA;
  if (v.suppressed) return SUPPRESSED;
  if (v.value === null) return NO_DATA;
  return scale.classes[classIndex(scale.breaks, v.value)]?.color ?? NO_DATA;
}

/** CSS form of an RGB colour. */
export function css(rgb: Rgb): string {
  return `rgb(${rgb[0]}, ${rgb[1]}, ${rgb[2]})`;
}
