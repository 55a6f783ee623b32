/**
 * The indicator map's props, built from the state and the engine's answers: the units drawn, the class
 * scale and fills, tooltips, the table's rows, the zoom box and the keys a repaint is measured by (the texts
 * are in ./map-texts). Pure (no React, no engine), so it is unit tested in Node; ./useMapView memoises each
 * part on exactly what it depends on, so a classification change keeps the values and the table's rows.
 */
import type { TFunction } from 'i18next';
import { isSuppressed } from '../../analysis/suppression';
import { formatShown } from '../../common/format';
import type { MapValue } from '../../engine/engine';
import type { IndicatorMeta } from '../../engine/schema';
import type { Boundaries, MunicipalityProps } from '../../engine/static';
import type { Lang } from '../../i18n';
import { bboxOf } from '../../map/geometry';
import { buildScale, fillFor, NO_DATA, type ClassScale, type Rgb } from '../../map/scale';
import type { AtlasState } from '../../state/store';
import type { TableRow } from '../ValuesTable';
import { choicesKey, type DerivedMap, type MapChoices } from './derive';

/** Every year's values of one indicator. */
export type Series = ReadonlyMap<number, readonly MapValue[]>;
type Values = ReadonlyMap<string, MapValue>;

/**
 * A last guard at the view: while the answer for a new threshold is on its way, the values on screen were
 * suppressed with the old one, so a count below the current threshold `k` is hidden here too.
 */
export function guardSeries(series: Series, meta: IndicatorMeta, k: number): Map<number, MapValue[]> {
  const guard = (v: MapValue): MapValue =>
    isSuppressed(meta, v.value, meta.aggregation === 'sum' ? v.value : (v.numerator ?? null), k)
      ? { lau_code: v.lau_code, value: null, suppressed: true, numerator: null, denominator: null }
      : v;
  return new Map([...series].map(([y, list]) => [y, list.map(guard)]));
}

/** Units on the map: counties, all municipalities, or those of the county drilled into. */
export function mapUnits(
  boundaries: Boundaries,
  counties: Boundaries | null,
  countyLevel: boolean,
  county: string | null,
): Boundaries {
  if (countyLevel && counties) return counties;
  if (!county) return boundaries;
  return { ...boundaries, features: boundaries.features.filter((f) => f.properties.qark_code === county) };
}

/** The class scale of the units' values (a missing unit counts as no data); null until values are there. */
export function mapScale(
  derived: DerivedMap | null,
  units: readonly MunicipalityProps[],
  choices: Pick<AtlasState, 'method' | 'classes' | 'palette' | 'manual'>,
  meta: IndicatorMeta,
): ClassScale | null {
  if (!derived) return null;
  const { values } = derived;
  return buildScale(
    units.map((m) => values.get(m.lau_code) ?? { lau_code: m.lau_code, value: null, suppressed: false }),
    {
      method: choices.method,
      classes: choices.classes,
      palette: choices.palette,
      manual: choices.manual,
      higherIsWorse: meta.higherIsWorse,
      diverging: derived.diverging,
      basis: derived.basis,
    },
  );
}

/** A unit's fill colour. */
export function fillOf(scale: ClassScale | null, values: Values | null | undefined): (lau: string) => Rgb {
  return (lau) => (scale ? fillFor(scale, values?.get(lau)) : NO_DATA);
}

/** A unit's value as text (of `values`, or of `from`). */
export type TextOf = (lau: string, from?: Values) => string;

/** Formats a unit's value: a number, "<k" when suppressed, or the no-data word. */
export function textOf(
  values: Values | undefined,
  lang: Lang,
  digits: number,
  k: number,
  noData: string,
): TextOf {
  return (lau, from = values) =>
    formatShown(from?.get(lau) ?? { value: null, suppressed: false }, lang, digits, k, noData);
}

/** A unit's name: of the units on the map, else of the municipalities, else its code. */
export function nameOfUnit(
  units: readonly MunicipalityProps[],
  byLau: ReadonlyMap<string, MunicipalityProps>,
): (lau: string) => string {
  return (lau) => units.find((u) => u.lau_code === lau)?.name ?? byLau.get(lau)?.name ?? lau;
}

/** A map tooltip: name, county line, value, and a note when weights stand in for counts. */
export type Describe = (lau: string) => { name: string; county: string; value: string; note?: string };

/** The main map's tooltip (no county line at county level). */
export function describer(
  nameOf: (lau: string) => string,
  countyLevel: boolean,
  byLau: ReadonlyMap<string, MunicipalityProps>,
  text: TextOf,
  t: TFunction,
  note: (lau: string) => string | undefined = () => undefined,
): Describe {
  return (lau) => {
    const n = note(lau);
    return {
      name: nameOf(lau),
      county: countyLevel ? '' : t('tooltip.county', { county: byLau.get(lau)?.qark_name ?? '' }),
      value: text(lau),
      ...(n ? { note: n } : {}),
    };
  };
}

/** The second map's tooltip: the same, with the second map's value. */
export function describer2(describe: Describe, text: TextOf, second: Values | null | undefined): Describe {
  return (lau) => ({ ...describe(lau), value: text(lau, second ?? undefined) });
}

/** The table's rows, in unit order. */
export function tableRowsOf(
  units: readonly MunicipalityProps[],
  text: TextOf,
  values: Values | undefined,
): TableRow[] {
  return units.map((m) => ({
    lau: m.lau_code,
    name: m.name,
    county: m.qark_name,
    text: text(m.lau_code),
    value: values?.get(m.lau_code)?.value ?? null,
  }));
}

/** The counties of the municipalities, by Albanian name. */
export function countyListOf(municipalities: readonly MunicipalityProps[]): { code: string; name: string }[] {
  const seen = new Map<string, string>();
  for (const m of municipalities) if (!seen.has(m.qark_code)) seen.set(m.qark_code, m.qark_name);
  return [...seen].map(([code, name]) => ({ code, name })).sort((a, b) => a.name.localeCompare(b.name, 'sq'));
}

/** Zoom: to a municipality the user asked to zoom to (while selected), or to the county drilled into. */
export function focusOf(
  boundaries: Boundaries,
  zoomTo: string | null,
  selected: string | null,
  county: string | null,
): [number, number, number, number] | null {
  const lau = zoomTo && zoomTo === selected ? zoomTo : null;
  return bboxOf(
    boundaries.features.filter((f) =>
      lau ? f.properties.lau_code === lau : county !== null && f.properties.qark_code === county,
    ),
  );
}

/** The key the map draws once `state`'s values are on screen: what an interaction is measured to. */
export function interactionKey(state: AtlasState, revision: string): string {
  return `${state.indicator}|${state.level}|${revision}#${choicesKey(state, state.county)}`;
}

/** The key of what the map draws now (the data's key and the choices), or null without a scale. */
export function dataKeyOf(
  scale: ClassScale | null,
  seriesKey: string | null,
  choices: MapChoices,
  county: string | null,
): string | null {
  return scale && seriesKey ? `${seriesKey}#${choicesKey(choices, county)}` : null;
}
