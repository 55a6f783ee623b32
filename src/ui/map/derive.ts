/**
 * What the indicator map shows, derived from every year's (already suppressed) values and the user's
 * choices: the year's values in the chosen measure, the other year's for a comparison, or the change
 * between them, and the values the classes are computed from. Pure, so it is unit tested.
 */
import { empiricalBayes } from '../../analysis/smoothing';
import type { MapValue } from '../../engine/engine';
import type { IndicatorMeta } from '../../engine/schema';
import type { AtlasState, Measure } from '../../state/store';

/** The choices that change what the map shows. */
export type MapChoices = Pick<
  AtlasState,
  'year' | 'year2' | 'level' | 'measure' | 'compare' | 'fixed' | 'method' | 'classes' | 'palette' | 'manual'
>;

/** The choices the derived values depend on (classes and palette only colour them). */
export type DeriveChoices = Pick<AtlasState, 'year' | 'year2' | 'measure' | 'compare' | 'fixed'>;

/** The derived map. */
export interface DerivedMap {
  /** Values of the main map by unit code. */
  values: Map<string, MapValue>;
  /** Values of the second map (side by side), by unit code; null otherwise. */
  second: Map<string, MapValue> | null;
  /** The values the classes are computed from (pooled over years when classes are fixed). */
  basis: number[];
  /** A change map: classes centre on zero with a diverging palette. */
  diverging: boolean;
  /** The measure actually shown (a count indicator has no rate to smooth). */
  measure: Measure;
}

/** The measure an indicator can show: counts have no rate to smooth or count apart. */
export function effectiveMeasure(meta: IndicatorMeta, measure: Measure): Measure {
  return meta.aggregation === 'ratio' ? measure : 'rate';
}

/** One year's values in the chosen measure. Suppressed stays suppressed in every measure. */
export function inMeasure(meta: IndicatorMeta, values: readonly MapValue[], measure: Measure): MapValue[] {
  if (measure === 'rate') return [...values];
  if (measure === 'count')
    return values.map((v) => ({ ...v, value: v.suppressed ? null : (v.numerator ?? null) }));
  // Smoothed over the municipalities whose counts may be shown (hidden ones have no counts here).
  const usable = values.filter(
    (v) => !v.suppressed && v.numerator != null && v.denominator != null && v.denominator > 0,
  );
  const rates = empiricalBayes(
    usable.map((v) => v.numerator!),
    usable.map((v) => v.denominator!),
  );
  const smoothed = new Map(usable.map((v, i) => [v.lau_code, rates[i]! * meta.scale]));
  return values.map((v) => ({ ...v, value: v.suppressed ? null : (smoothed.get(v.lau_code) ?? null) }));
}

const byCode = (values: readonly MapValue[]) => new Map(values.map((v) => [v.lau_code, v]));

/** The change from `before` to `after` per unit; suppressed if either side is, missing if either is. */
export function change(after: readonly MapValue[], before: readonly MapValue[]): MapValue[] {
  const prior = byCode(before);
  return after.map((a) => {
    const b = prior.get(a.lau_code);
    const suppressed = a.suppressed || (b?.suppressed ?? false);
    const value =
      !suppressed && a.value !== null && b?.value != null && Number.isFinite(b.value)
        ? a.value - b.value
        : null;
    return { lau_code: a.lau_code, value, suppressed };
  });
}

const shown = (values: Iterable<MapValue>) => [...values].flatMap((v) => (v.value === null ? [] : [v.value]));

/** Derives the map from every year's values (`series`) and the choices. */
export function deriveMap(
  meta: IndicatorMeta,
  series: ReadonlyMap<number, readonly MapValue[]>,
  choices: DeriveChoices,
): DerivedMap {
  const measure = effectiveMeasure(meta, choices.measure);
  const at = (year: number) => inMeasure(meta, series.get(year) ?? [], measure);
  const main = at(choices.year);
  if (choices.compare === 'change') {
    const values = change(main, at(choices.year2));
    const basis = choices.fixed
      ? [...series.keys()].flatMap((y) => shown(change(at(y), at(choices.year2))))
      : shown(values);
    return { values: byCode(values), second: null, basis, diverging: true, measure };
  }
  const second = choices.compare === 'side' ? at(choices.year2) : null;
  const basis = choices.fixed
    ? [...series.keys()].flatMap((y) => shown(at(y)))
    : [...shown(main), ...(second ? shown(second) : [])];
  return { values: byCode(main), second: second && byCode(second), basis, diverging: false, measure };
}

/** Identifies every choice a repaint depends on (the data's own key is added by the caller). */
export function choicesKey(c: MapChoices, county: string | null): string {
  return [
    c.year,
    c.level,
    county ?? '',
    c.measure,
    c.compare,
    c.compare === 'none' ? '' : c.year2,
    c.fixed ? 'fixed' : '',
    c.method,
    c.classes,
    c.palette,
    c.method === 'manual' ? c.manual.join(',') : '',
  ].join('|');
}
