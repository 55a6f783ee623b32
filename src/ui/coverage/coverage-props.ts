/**
 * The coverage view's props, built from the state, the engine's status and its coverage series (what they
 * are derived from: ./coverage-derive): the status line, the controls, the map, the legend, the exports'
 * texts, the tables and the charts, which ./CoverageLayout renders. Pure (no React, no engine): unit tested
 * in Node.
 */
import type { TFunction } from 'i18next';
import type { ComponentProps } from 'react';
import type { CoverageYear } from '../../analysis/coverage';
import type { Boundaries, MunicipalityProps, StaticData } from '../../engine/static';
import type { MapPanel } from '../../map/MapPanel';
import type { MapPoint } from '../../map/points';
import type { Rgb } from '../../map/scale';
import { startText } from '../engine-progress';
import type { EngineStatus } from '../useEngine';
import type { CatchmentChooser } from './CatchmentChooser';
import type CoverageCharts from './CoverageCharts';
import type { CoverageExports } from './CoverageExports';
import type { CoverageLegend } from './CoverageLegend';
import type { CountyTrends } from './CountyTrends';
import type { FiguresTable } from './FiguresTable';
import type { CoverageFormat } from './format';
import type { MunicipalityTable } from './MunicipalityTable';
import { COVERED, UNCOVERED } from './style';
import type { UnitsTable } from './UnitsTable';

/** The status line: the engine's or the view's error, starting, loading, or ready with year and catchment. */
export function coverageStatus(
  t: TFunction,
  status: EngineStatus,
  error: string | null,
  loaded: boolean,
  year: number,
  catchment: string,
): string {
  if (status.state === 'error') return t('status.error', { message: status.message });
  if (error) return t('error.view', { message: error });
  if (status.state === 'starting') return startText(t, status.progress);
  return loaded ? t('coverage.status.ready', { year, catchment }) : t('coverage.status.loading');
}

/** Whether any count of children assisted in the year is suppressed (nationally, by county or by unit). */
export function anySuppressed(coverage: CoverageYear | null): boolean {
  return (
    coverage !== null &&
    [coverage.national, ...coverage.counties, ...coverage.units].some((a) => a.assisted.suppressed)
  );
}

/** Everything the props are built from. */
export interface CoverageInput {
  t: TFunction;
  /** The suppression threshold. */
  k: number;
  /** The catchment of the series on screen. */
  code: string;
  /** The catchment chosen (the chooser shows it at once; `code` follows once its series is computed). */
  chosen: string;
  /** A series for `chosen` is on its way (the one on screen is for `code`). */
  pending: boolean;
  catchment: string;
  year: number;
  years: readonly number[];
  openedYears: readonly number[];
  since: number;
  status: EngineStatus;
  error: string | null;
  series: CoverageYear[] | null;
  coverage: CoverageYear | null;
  boundaries: Boundaries;
  neighbours: StaticData['neighbours'];
  selected: string | null;
  municipalities: readonly MunicipalityProps[];
  byLau: ReadonlyMap<string, MunicipalityProps>;
  countyNames: ReadonlyMap<string, string>;
  unitNames: ReadonlyMap<string, string>;
  colors: ReadonlyMap<string, Rgb>;
  supporterLabel: (supporter: string) => string;
  format: CoverageFormat;
  fill: (lau: string) => Rgb;
  points: readonly MapPoint[];
  describe: ComponentProps<typeof MapPanel>['describe'];
  /** The source of the child counts, in the screen's language. */
  childSource: string;
  synthetic: boolean;
  version: number;
  /** Today as yyyy-mm-dd, for the exports. */
  today: string;
  actions: {
    onCatchment: (code: string) => void;
    onYear: (year: number) => void;
    onSince: (year: number) => void;
    onSelect: (lau: string) => void;
  };
}

/** The tables of the year, under one heading. */
export interface CoverageFigures {
  title: string;
  table: ComponentProps<typeof FiguresTable>;
  trends: ComponentProps<typeof CountyTrends> | null;
  municipalities: ComponentProps<typeof MunicipalityTable>;
  units: ComponentProps<typeof UnitsTable>;
  /** The definitions and the source of the child counts, below the tables. */
  definitions: string;
  source: string;
}

/** What ./CoverageLayout renders: each part's props, or null when the part is not shown. */
export interface CoverageProps {
  chooser: ComponentProps<typeof CatchmentChooser>;
  year: { value: number; min: number | undefined; max: number | undefined; onChange: (y: number) => void };
  since: { value: number; options: readonly number[]; onChange: (y: number) => void };
  status: string;
  map: ComponentProps<typeof MapPanel>;
  legend: ComponentProps<typeof CoverageLegend> | null;
  exports: ComponentProps<typeof CoverageExports>;
  figures: CoverageFigures | null;
  charts: ComponentProps<typeof CoverageCharts> | null;
}

/** The texts of the PNG and CSV exports. */
export function exportTextOf(p: CoverageInput): ComponentProps<typeof CoverageExports>['text'] {
  const { t, year, k, catchment, supporterLabel } = p;
  return {
    title: t('coverage.export.title', { year }),
    subtitle: t('coverage.export.subtitle', {
      n: p.municipalities.length,
      share: p.format.share(p.coverage?.national.share ?? null),
      catchment,
    }),
    legendTitle: t('coverage.legend.title', { year }),
    legend: [
      { color: COVERED, label: t('coverage.legend.covered') },
      { color: UNCOVERED, label: t('coverage.legend.uncovered') },
      ...[...p.colors].map(([s, color]) => ({
        color,
        label: t('coverage.export.unit', { supporter: supporterLabel(s) }),
      })),
    ],
    legendNotes: [
      t('coverage.export.recent', { year: p.since }),
      ...(anySuppressed(p.coverage) ? [t('coverage.notes.suppressed', { max: k - 1 })] : []),
    ],
    date: t('export.date', { date: p.today }),
    note: [t('export.source', { source: p.childSource }), p.synthetic ? t('export.synthetic') : '']
      .filter(Boolean)
      .join(' '),
    attribution: t('map.attribution'),
    albania: t('coverage.albania'),
    group: t('coverage.export.group'),
  };
}

/** The tables of the year's coverage. */
function figuresOf(p: CoverageInput, coverage: CoverageYear): CoverageFigures {
  const { t, year, catchment, format } = p;
  return {
    title: t('coverage.figures.title', { year }),
    table: {
      caption: t('coverage.figures.caption', { year, catchment }),
      counties: coverage.counties,
      national: coverage.national,
      names: p.countyNames,
      format,
    },
    trends: p.series && { series: p.series, names: p.countyNames, format, catchment },
    municipalities: {
      caption: t('coverage.municipalities.caption', { year, catchment }),
      coverage,
      municipalities: p.municipalities,
      unitNames: p.unitNames,
      format,
    },
    units: {
      caption: t('coverage.units.caption', { year }),
      coverage,
      municipalityName: (lau) => p.byLau.get(lau)?.name ?? lau,
      supporterLabel: p.supporterLabel,
      format,
    },
    definitions: t('coverage.notes.definitions', { k: p.k, max: p.k - 1 }),
    source: p.childSource,
  };
}

/** What the coverage map draws: the key its repaint is measured by (common/perf). */
export function coverageMapKey(p: {
  code: string;
  year: number;
  k: number;
  since: number;
  version: number;
}): string {
  return `coverage:${p.code}:${p.year}:${p.k}:${p.since}:${p.version}`;
}

/** The coverage view's props. */
export function coverageProps(p: CoverageInput): CoverageProps {
  const { t, year, coverage, catchment, actions } = p;
  // A site published without a units file has none to show: say which file it needs.
  const status =
    coverage !== null && p.openedYears.length === 0 && p.status.state === 'ready'
      ? t('coverage.status.noUnits')
      : coverageStatus(t, p.status, p.error, coverage !== null && !p.pending, year, catchment);
  return {
    chooser: { code: p.chosen, onChange: actions.onCatchment },
    year: { value: year, min: p.years[0], max: p.years[p.years.length - 1], onChange: actions.onYear },
    since: { value: p.since, options: p.openedYears, onChange: actions.onSince },
    status,
    map: {
      boundaries: p.boundaries,
      neighbours: p.neighbours,
      fill: p.fill,
      dataKey: coverage ? coverageMapKey(p) : null,
      selected: p.selected,
      onSelect: actions.onSelect,
      describe: p.describe,
      label: t('coverage.map.label', { year, catchment }),
      points: p.points,
    },
    legend: coverage && {
      coverage,
      catchment,
      colors: p.colors,
      supporterLabel: p.supporterLabel,
      since: p.since,
      format: p.format,
    },
    exports: {
      coverage,
      catchmentCode: p.code,
      boundaries: p.boundaries,
      neighbours: p.neighbours,
      fill: p.fill,
      points: p.points,
      countyNames: p.countyNames,
      text: exportTextOf(p),
    },
    figures: coverage && figuresOf(p, coverage),
    charts:
      p.series && p.series.length > 0
        ? {
            series: p.series,
            colors: p.colors,
            supporterLabel: p.supporterLabel,
            format: p.format,
            catchment,
          }
        : null,
  };
}
