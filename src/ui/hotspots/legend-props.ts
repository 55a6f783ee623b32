/**
 * The hotspot legend's props: its title, its rows (classes, patterns or rate bands with their counts), the
 * warning when the correction puts significance out of reach and the notes under it. Pure (unit tested).
 */
import type { TFunction } from 'i18next';
import { PERSISTENCE_CLASSES } from '../../analysis/spatial/persistence';
import type { PersistenceResult } from '../../analysis/spatial/persistence-run';
import type { HotspotResult } from '../../analysis/spatial/run';
import { formatNumber, type Lang } from '../../i18n';
import {
  CLASS_COLOR,
  GI_CLASSES,
  LISA_CLASSES,
  PERSISTENCE_COLOR,
  RATE_COLORS,
  rateColor,
  type ViewClass,
} from './colors';
import { formatStat } from './format';
import type { LegendRow } from './HotspotsLegend';
import { classesOf, classLabel, leftOut, RATE_BREAKS, type ReadyAnalysis } from './hotspots-props';
import type { HotspotSettings } from './settings';

type Shown = Pick<HotspotSettings, 'unit' | 'display' | 'method'>;

/** The legend's title, which also names the map and the table. */
export function legendTitle(t: TFunction, settings: Shown, showPersistence: boolean): string {
  return showPersistence
    ? t('hotspots.legendPersistence')
    : settings.unit === 'schools' && settings.display === 'rates'
      ? t('hotspots.legendSchools')
      : settings.method === 'gistar'
        ? t('hotspots.legendGi')
        : t('hotspots.legendLisa');
}

/** What the legend's rows need. */
export interface LegendInput {
  settings: Shown;
  showPersistence: boolean;
  persistence: PersistenceResult | null;
  ready: ReadyAnalysis | null;
  lang: Lang;
  k: number;
}

/** The legend's rows with their counts (zero before an answer). */
export function legendRows(t: TFunction, input: LegendInput): LegendRow[] {
  const { settings, showPersistence, persistence, ready, lang, k } = input;
  if (showPersistence) {
    return PERSISTENCE_CLASSES.map((p) => ({
      key: p,
      label: t(`hotspots.pattern.${p}`),
      color: PERSISTENCE_COLOR[p],
      count: persistence?.classes.filter((c) => c === p).length ?? 0,
    }));
  }
  if (settings.unit === 'schools' && settings.display === 'rates') {
    const fmt = (v: number) => formatNumber(v, lang, 0);
    const bands = [0, ...RATE_BREAKS];
    const rows = bands.map((from, i) => ({
      key: `rate${i}`,
      label:
        i < RATE_BREAKS.length
          ? t('hotspots.rateBand', { from: fmt(from), to: fmt(RATE_BREAKS[i]!) })
          : t('hotspots.rateAbove', { from: fmt(from) }),
      color: RATE_COLORS[i]!,
      count:
        ready?.schools.filter((s) => s.rate !== null && rateColor(s.rate, RATE_BREAKS) === RATE_COLORS[i])
          .length ?? 0,
    }));
    return [
      ...rows,
      {
        key: 'suppressed',
        label: t('hotspots.legendSuppressed', { k }),
        color: CLASS_COLOR.hidden,
        count: ready?.schools.filter((s) => s.suppressed).length ?? 0,
      },
    ];
  }
  const classes: ViewClass[] = [...(settings.method === 'gistar' ? GI_CLASSES : LISA_CLASSES), 'hidden'];
  const shown = [...classesOf(ready).values()];
  return classes.map((c) => ({
    key: c,
    label: classLabel(t, c),
    color: CLASS_COLOR[c],
    count: shown.filter((x) => x === c).length,
  }));
}

/** The warning when no unit can be significant at 95 % after the correction; null otherwise. */
export function unreachableWarning(
  t: TFunction,
  result: HotspotResult | null,
  correction: HotspotSettings['correction'],
  correctionName: string,
  lang: Lang,
): string | null {
  if (!result || correction === 'none' || !(result.minAdjustedP > 0.05)) return null;
  return t('hotspots.unreachable', {
    permutations: result.permutations,
    minP: formatNumber(result.minP, lang, 4),
    correction: correctionName,
    n: result.ids.length,
    minAdj: formatNumber(result.minAdjustedP, lang, 3),
  });
}

/** The notes under the legend: global Moran's I, neighbours, timing, islands, and the persistence method. */
export function legendNotes(
  t: TFunction,
  ready: ReadyAnalysis | null,
  persistence: PersistenceResult | null,
  showPersistence: boolean,
  lang: Lang,
): string[] {
  const notes: string[] = [];
  if (ready) {
    const { result } = ready;
    notes.push(
      t('hotspots.global', {
        I: formatStat(result.global.I, lang),
        z: formatStat(result.global.z, lang, 2),
        p: formatStat(result.global.pSim ?? result.global.p, lang),
      }),
      t('hotspots.neighbours', {
        min: result.neighbours.min,
        max: result.neighbours.max,
        mean: formatNumber(result.neighbours.mean, lang, 1),
      }),
      t('hotspots.timing', {
        n: result.ids.length,
        permutations: result.permutations,
        seed: result.seed,
        ms: formatNumber(ready.ms, lang, 0),
      }),
    );
    if (result.islands.length > 0) notes.push(t('hotspots.islands', { ids: result.islands.join(', ') }));
    const { hidden, total } = leftOut(ready);
    if (hidden > 0 && !showPersistence) notes.push(t('hotspots.leftOut', { count: hidden, total }));
  }
  if (showPersistence && persistence) {
    notes.push(
      t('hotspots.persistenceNote', { first: persistence.years[0], last: persistence.years.at(-1) }),
    );
  }
  return notes;
}
