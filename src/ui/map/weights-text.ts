/**
 * What the legend and the tooltip say when weights stand in for counts (rates a file gives without numerator
 * and denominator, src/engine/queries-values.ts): which weight, for how many units. Pure, unit tested.
 */
import type { TFunction } from 'i18next';
import type { Basis, MapValue } from '../../engine/engine';
import type { IndicatorMeta } from '../../engine/schema';
import type { Lang } from '../../i18n';

/** Bases where a weight stands in for the counts (the others are the file's own parts). */
const WEIGHTED: readonly Basis[] = ['indicator', 'child_pop', 'none'];

/** What weight a basis names, in words. */
export function weightName(
  basis: Basis,
  meta: IndicatorMeta,
  indicators: readonly IndicatorMeta[],
  lang: Lang,
  t: TFunction,
): string {
  if (basis === 'indicator') {
    const d = indicators.find((i) => i.id === meta.denominator);
    return d ? d.label[lang] : (meta.denominator ?? '');
  }
  return basis === 'none' ? t('own.weight.none') : t('own.weight.child_pop');
}

/** Everything the notes need. */
export interface WeightsInput {
  meta: IndicatorMeta;
  indicators: readonly IndicatorMeta[];
  countyLevel: boolean;
  lang: Lang;
  t: TFunction;
}

/** The legend's note for the values on the map, or null when every value rests on counts. */
export function legendWeights(values: Iterable<MapValue> | undefined, p: WeightsInput): string | null {
  const weighted = [...(values ?? [])].filter((v) => v.basis && WEIGHTED.includes(v.basis));
  if (weighted.length === 0) return null;
  const names = [...new Set(weighted.map((v) => weightName(v.basis!, p.meta, p.indicators, p.lang, p.t)))];
  return p.t(p.countyLevel ? 'own.legendCounty' : 'own.legendMunicipality', {
    count: weighted.length,
    weight: names.join(' / '),
  });
}

/** A unit's tooltip note, or undefined when its value rests on counts. */
export function tooltipWeights(value: MapValue | undefined, p: WeightsInput): string | undefined {
  const basis = value?.basis;
  if (!basis || !WEIGHTED.includes(basis)) return undefined;
  if (basis === 'none' && !p.countyLevel) return p.t('own.tipNone');
  const weight = weightName(basis, p.meta, p.indicators, p.lang, p.t);
  return p.t(p.countyLevel ? 'own.tipCounty' : 'own.tipMunicipality', { weight });
}
