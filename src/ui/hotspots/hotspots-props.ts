/**
 * The hotspots view's props, built from its settings and the engine's and worker's answers: the year shown,
 * the map's fills, tooltips and school points, the key a repaint is measured by, the selected cluster and the
 * status line (the legend's are in ./legend-props, the table's in ./table-props). Pure (no React, no engine),
 * so it is unit tested in Node; ./useHotspotsView memoises each part on exactly what it depends on.
 */
import type { TFunction } from 'i18next';
import { clusterAround, type PersistenceClass } from '../../analysis/spatial/persistence';
import type { PersistenceResult } from '../../analysis/spatial/persistence-run';
import type { HotspotClass, HotspotResult } from '../../analysis/spatial/run';
import type { MunicipalDropout } from '../../engine/engine-schools';
import type { MunicipalityProps } from '../../engine/static';
import { formatNumber, type Lang } from '../../i18n';
import type { MapPoint } from '../../map/points';
import type { Rgb } from '../../map/scale';
import { CLASS_COLOR, NOT_ANALYSED, PERSISTENCE_COLOR, rateColor, type ViewClass } from './colors';
import type { HotspotSettings } from './settings';
import type { Analysis } from './analysis-types';

/** An analysis with its answer. */
export type ReadyAnalysis = Extract<Analysis, { state: 'ready' }>;

/** Inner limits (%) of the school dropout-rate classes. */
export const RATE_BREAKS: readonly number[] = [1, 2, 4, 8];

/** A hot spot at any confidence, or a high-high cluster. */
export const isHot = (c: HotspotClass | undefined): boolean =>
  c === 'hot99' || c === 'hot95' || c === 'hot90' || c === 'HH';

/** The year analysed: the chosen one when it has data, else the latest; null while unknown or without data. */
export function pickYear(years: readonly number[] | null, wanted: number): number | null {
  if (!years || years.length === 0) return null;
  return years.includes(wanted) ? wanted : years.at(-1)!;
}

/** Whether the map shows the persistence patterns (municipalities only). */
export const showsPersistence = (s: HotspotSettings): boolean =>
  s.unit === 'municipality' && s.display === 'persistence';

/** The analysis when it has an answer about the chosen units (a stale one may be about the other level). */
export function readyFor(analysis: Analysis, unit: HotspotSettings['unit']): ReadyAnalysis | null {
  return analysis.state === 'ready' && analysis.unit === unit ? analysis : null;
}

/** The name of a Gi* class or LISA cluster type, or "not tested: value hidden". */
export const classLabel = (t: TFunction, c: ViewClass): string => t(`hotspots.cls.${c}`);

/**
 * Every unit's class on screen: the statistic's class of each unit tested, and `hidden` for each unit whose
 * value is hidden. The engine leaves those out of the statistic (src/engine/schools-shown.ts); a hidden unit
 * is `hidden` here even if a result held it, so that no class of a hidden value is ever shown.
 */
export function classesOf(ready: ReadyAnalysis | null): Map<string, ViewClass> {
  const map = new Map<string, ViewClass>();
  if (!ready) return map;
  const { result } = ready;
  result.ids.forEach((id, i) => map.set(id, result.classes[i]!));
  if (ready.unit === 'schools') {
    for (const s of ready.schools) if (s.suppressed) map.set(s.school_id, 'hidden');
  } else {
    for (const m of ready.municipalities) if (m.suppressed) map.set(m.lau_code, 'hidden');
  }
  return map;
}

/** How many units were left out of the statistic because their value is hidden, and how many there are. */
export function leftOut(ready: ReadyAnalysis): { hidden: number; total: number } {
  const units = ready.unit === 'schools' ? ready.schools : ready.municipalities;
  return { hidden: units.filter((u) => u.suppressed).length, total: units.length };
}

/** The name of the multiple-testing correction. */
export function correctionName(t: TFunction, correction: HotspotSettings['correction']): string {
  return t(
    correction === 'fdr'
      ? 'hotspots.correctionFdr'
      : correction === 'bonferroni'
        ? 'hotspots.correctionBonferroni'
        : 'hotspots.correctionNone',
  );
}

/** A municipality's fill: its pattern, its class, or "not analysed" (always so when schools are analysed). */
export function fillOf(
  unit: HotspotSettings['unit'],
  showPersistence: boolean,
  patternOf: ReadonlyMap<string, PersistenceClass>,
  classOf: ReadonlyMap<string, ViewClass>,
): (lau: string) => Rgb {
  return (lau) => {
    if (unit === 'schools') return NOT_ANALYSED;
    if (showPersistence) {
      const p = patternOf.get(lau);
      return p ? PERSISTENCE_COLOR[p] : NOT_ANALYSED;
    }
    const c = classOf.get(lau);
    return c ? CLASS_COLOR[c] : NOT_ANALYSED;
  };
}

/** What the school points need besides the analysis. */
export interface PointsInput {
  settings: Pick<HotspotSettings, 'unit' | 'display'>;
  ready: ReadyAnalysis | null;
  byLau: ReadonlyMap<string, MunicipalityProps>;
  lang: Lang;
  k: number;
}

/** The schools on the map (undefined unless schools are analysed and answered), coloured by class or rate. */
export function schoolPoints(t: TFunction, input: PointsInput): MapPoint[] | undefined {
  const { settings, ready, byLau, lang, k } = input;
  if (settings.unit !== 'schools' || !ready) return undefined;
  const classes = classesOf(ready);
  return ready.schools.map((s) => {
    const c = classes.get(s.school_id) ?? 'ns';
    const lauName = byLau.get(s.lau_code)?.name ?? s.lau_code;
    // Enrolment is a count of children too: 1 to k-1 is never shown, nor told apart by the point's size.
    const small = s.enrolled >= 1 && s.enrolled < k;
    const pupils = small ? `<${k}` : formatNumber(s.enrolled, lang, 0);
    return {
      id: s.school_id,
      lon: s.lon,
      lat: s.lat,
      color: settings.display === 'rates' ? rateColor(s.rate, RATE_BREAKS) : CLASS_COLOR[c],
      radius: 1.5 + Math.sqrt(small ? k : s.enrolled) / 7,
      label: s.school_id,
      detail: s.suppressed
        ? t('hotspots.schoolTipHidden', { lau: lauName, pupils, k, cls: classLabel(t, c) })
        : t('hotspots.schoolTip', {
            lau: lauName,
            pupils,
            rate: formatNumber(s.rate ?? 0, lang, 1),
            cls: classLabel(t, c),
          }),
    };
  });
}

/** What a municipality's tooltip needs. */
export interface DescribeInput {
  unit: HotspotSettings['unit'];
  showPersistence: boolean;
  byLau: ReadonlyMap<string, MunicipalityProps>;
  rateOf: ReadonlyMap<string, MunicipalDropout>;
  patternOf: ReadonlyMap<string, PersistenceClass>;
  classOf: ReadonlyMap<string, ViewClass>;
  lang: Lang;
  k: number;
}

/** A municipality's tooltip: its name, county, and pattern or class with its dropout rate. */
export function describeOf(
  t: TFunction,
  input: DescribeInput,
): (lau: string) => { name: string; county: string; value: string } {
  const { unit, showPersistence, byLau, rateOf, patternOf, classOf, lang, k } = input;
  return (lau) => {
    const m = byLau.get(lau);
    const rate = rateOf.get(lau);
    const rateText = rate
      ? rate.suppressed
        ? `<${k}`
        : rate.rate === null
          ? '–'
          : `${formatNumber(rate.rate, lang, 2)} %`
      : '–';
    const what = showPersistence
      ? t(`hotspots.pattern.${patternOf.get(lau) ?? 'none'}`)
      : unit === 'schools'
        ? ''
        : classLabel(t, classOf.get(lau) ?? 'ns');
    return {
      name: m?.name ?? lau,
      county: m?.qark_name ?? '',
      value: what ? `${what} · ${rateText}` : rateText,
    };
  };
}

/**
 * Names the data on screen (not the request on its way: the map keeps the last result while a new one
 * runs); null before the first answer.
 */
export function mapDataKey(
  ready: ReadyAnalysis | null,
  key: string | null,
  display: HotspotSettings['display'],
  persistence: { shown: boolean; result: PersistenceResult | null; pending: boolean },
): string | null {
  return ready && key ? mapKeyOf(key, display, persistence) : null;
}

/** The map's key for the analysis `key` shown as `display` (see {@link mapDataKey}). */
export function mapKeyOf(
  key: string,
  display: HotspotSettings['display'],
  persistence: { shown: boolean; result: PersistenceResult | null; pending: boolean },
): string {
  const p = persistence.result;
  return `hotspots|${key}|${display}|${persistence.shown && p ? p.years.join('') + persistence.pending : ''}`;
}

/**
 * The selected cluster: the connected hot units (or units with a persistence pattern) around the selected
 * municipality, in `ids` order; empty for schools, without a selection or when the selection is not hot.
 */
export function selectedCluster(
  result: HotspotResult | null,
  unit: HotspotSettings['unit'],
  selected: string | null,
  showPersistence: boolean,
  patternOf: ReadonlyMap<string, PersistenceClass>,
): string[] {
  if (!result || unit !== 'municipality' || !selected) return [];
  const start = result.ids.indexOf(selected);
  if (start < 0) return [];
  const member = showPersistence
    ? (i: number) => {
        const p = patternOf.get(result.ids[i]!);
        return p !== undefined && p !== 'none';
      }
    : (i: number) => isHot(result.classes[i]);
  return clusterAround(start, result.links, member).map((i) => result.ids[i]!);
}

/** What the status line needs. */
export interface StatusInput {
  /** The engine's start-up error, if any. */
  engineError: string | null;
  /** How far the engine's start has got, while it starts. */
  engineStart: string | null;
  analysis: Analysis;
  years: readonly number[] | null;
  /** Whether any answer is on its way, and whether the year's analysis is. */
  pending: boolean;
  analysisPending: boolean;
  showPersistence: boolean;
  permutations: number;
}

/** The status line: an error, no school data, what is being computed, or nothing. */
export function statusText(t: TFunction, s: StatusInput): string {
  if (s.engineError !== null) return s.engineError;
  if (s.engineStart !== null) return s.engineStart;
  if (s.analysis.state === 'error')
    return s.analysis.code === 'worker-lost'
      ? t('hotspots.workerLost')
      : t('hotspots.error', { message: s.analysis.message });
  if (s.years && s.years.length === 0) return t('hotspots.noSchools');
  if (!s.pending) return '';
  return s.showPersistence && !s.analysisPending
    ? t('hotspots.persistenceLoading')
    : t('hotspots.running', { permutations: s.permutations });
}
