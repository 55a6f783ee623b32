/**
 * The hotspot table's props: the persistence patterns with their hot years, or every unit's statistic, z,
 * p-values and class sorted by z (schools: only those in a significant cluster). A unit whose value is hidden
 * was not tested: its row (municipalities) says so and shows no statistic. Pure (unit tested).
 */
import type { TFunction } from 'i18next';
import { PERSISTENCE_CLASSES } from '../../analysis/spatial/persistence';
import type { PersistenceResult } from '../../analysis/spatial/persistence-run';
import type { HotspotResult } from '../../analysis/spatial/run';
import type { MunicipalDropout } from '../../engine/engine-schools';
import type { MunicipalityProps } from '../../engine/static';
import type { Lang } from '../../i18n';
import { formatRate, formatStat } from './format';
import type { TableRow } from './HotspotsTable';
import { classesOf, classLabel, leftOut, type ReadyAnalysis } from './hotspots-props';
import type { HotspotSettings } from './settings';

/** The table's props (without the selection). */
export interface TableProps {
  caption: string;
  headers: string[];
  numeric: boolean[];
  rows: TableRow[];
}

/** What the table needs. */
export interface TableInput {
  unit: HotspotSettings['unit'];
  showPersistence: boolean;
  persistence: PersistenceResult | null;
  ready: ReadyAnalysis | null;
  byLau: ReadonlyMap<string, MunicipalityProps>;
  rateOf: ReadonlyMap<string, MunicipalDropout>;
  /** The legend's title, which names the year's table. */
  title: string;
  lang: Lang;
  k: number;
}

/** The table, or null before an answer. */
export function hotspotsTable(t: TFunction, input: TableInput): TableProps | null {
  const { unit, showPersistence, persistence, ready, byLau } = input;
  if (showPersistence && persistence) return persistenceTable(t, persistence, byLau);
  if (!ready) return null;
  return unit === 'schools' ? schoolsTable(t, ready, input) : municipalTable(t, ready, input);
}

function persistenceTable(
  t: TFunction,
  persistence: PersistenceResult,
  byLau: ReadonlyMap<string, MunicipalityProps>,
): TableProps {
  const rows: TableRow[] = persistence.ids.map((id, u) => ({
    id,
    cls: persistence.classes[u]!,
    selectable: true,
    cells: [
      byLau.get(id)?.name ?? id,
      t(`hotspots.pattern.${persistence.classes[u]!}`),
      persistence.years.filter((_, y) => persistence.hot[u]![y]).join(', '),
    ],
  }));
  const order = PERSISTENCE_CLASSES;
  rows.sort(
    (a, b) => order.indexOf(a.cls as never) - order.indexOf(b.cls as never) || (a.id < b.id ? -1 : 1),
  );
  return {
    headers: [t('hotspots.col.name'), t('hotspots.col.pattern'), t('hotspots.col.hotYears')],
    numeric: [false, false, false],
    rows,
    caption: t('hotspots.legendPersistence'),
  };
}

const headersOf = (t: TFunction): string[] => [
  t('hotspots.col.name'),
  t('hotspots.col.rate'),
  t('hotspots.col.statistic'),
  t('hotspots.col.z'),
  t('hotspots.col.p'),
  t('hotspots.col.pAdjusted'),
  t('hotspots.col.cls'),
];
const NUMERIC = [false, true, true, true, true, true, false];

/** Unit indices by descending z (ties in `ids` order). */
const byZ = (result: HotspotResult): number[] =>
  result.ids.map((_, i) => i).sort((a, b) => result.z[b]! - result.z[a]! || a - b);

/** The cells after the rate: statistic, z, p, adjusted p and class. */
function statCells(t: TFunction, result: HotspotResult, i: number, lang: Lang): string[] {
  return [
    formatStat(result.statistic[i]!, lang),
    formatStat(result.z[i]!, lang, 2),
    formatStat(result.p[i]!, lang),
    formatStat(result.pAdjusted[i]!, lang),
    classLabel(t, result.classes[i]!),
  ];
}

function schoolsTable(t: TFunction, ready: ReadyAnalysis, input: TableInput): TableProps {
  const { result } = ready;
  const { byLau, lang, k } = input;
  const schools = new Map(ready.schools.map((s) => [s.school_id, s]));
  const classes = classesOf(ready);
  const shown = byZ(result).filter((i) => {
    const c = classes.get(result.ids[i]!);
    return c !== 'ns' && c !== 'hidden';
  });
  const { hidden } = leftOut(ready);
  const caption = t('hotspots.tableSchools', { shown: shown.length, total: result.ids.length });
  return {
    headers: [t('hotspots.col.school'), ...headersOf(t).slice(1)],
    numeric: NUMERIC,
    caption: hidden > 0 ? `${caption} · ${t('hotspots.tableHidden', { count: hidden })}` : caption,
    rows: shown.map((i): TableRow => {
      const s = schools.get(result.ids[i]!);
      return {
        id: result.ids[i]!,
        cls: result.classes[i]!,
        selectable: false,
        cells: [
          `${result.ids[i]!} (${byLau.get(s?.lau_code ?? '')?.name ?? ''})`,
          formatRate(s, k, lang),
          ...statCells(t, result, i, lang),
        ],
      };
    }),
  };
}

function municipalTable(t: TFunction, ready: ReadyAnalysis, input: TableInput): TableProps {
  const { result } = ready;
  const { byLau, rateOf, title, lang, k } = input;
  const classes = classesOf(ready);
  const tested = byZ(result).filter((i) => classes.get(result.ids[i]!) !== 'hidden');
  // Not tested, value hidden: the class alone, never a statistic (it would rest on the hidden value).
  const hidden = ready.municipalities.filter((m) => classes.get(m.lau_code) === 'hidden');
  const none = ['–', '–', '–', '–'];
  return {
    headers: headersOf(t),
    numeric: NUMERIC,
    caption: t('hotspots.tableCaption', { what: title, year: ready.year }),
    rows: [
      ...tested.map((i): TableRow => {
        const id = result.ids[i]!;
        return {
          id,
          cls: result.classes[i]!,
          selectable: true,
          cells: [
            byLau.get(id)?.name ?? id,
            formatRate(rateOf.get(id), k, lang),
            ...statCells(t, result, i, lang),
          ],
        };
      }),
      ...hidden.map((m): TableRow => ({
        id: m.lau_code,
        cls: 'hidden',
        selectable: true,
        cells: [
          byLau.get(m.lau_code)?.name ?? m.lau_code,
          formatRate(m, k, lang),
          ...none,
          classLabel(t, 'hidden'),
        ],
      })),
    ],
  };
}
