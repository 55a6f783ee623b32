/**
 * The planner's props, built from the state, the settings and the answers (values, need index, existing
 * units, solver): the status line, the brief's data and each panel's props, which ./PlannerLayout renders
 * (what they are derived from: ./planner-derive and ./planner-map-props). Pure (no React, no engine, no
 * worker): unit tested in Node.
 */
import type { TFunction } from 'i18next';
import type { ComponentProps } from 'react';
import type { CatchmentGeometry } from '../../analysis/catchment';
import type { CoverageGap } from '../../analysis/planning/gap';
import type { Normalisation } from '../../analysis/planning/normalise';
import type { RankInterval } from '../../analysis/planning/robustness';
import type { IndicatorMeta } from '../../engine/schema';
import type { Boundaries, StaticData } from '../../engine/static';
import { formatNumber, type Lang } from '../../i18n';
import type { MapPanel } from '../../map/MapPanel';
import type { MapPoint } from '../../map/points';
import type { Rgb } from '../../map/scale';
import type { Brief, BriefData } from './Brief';
import type { BudgetPanel } from './BudgetPanel';
import type { CompareView } from './CompareView';
import type { Describe } from './planner-map-props';
import type { Place, RankingTable } from './RankingTable';
import type { scenarioActions } from './scenario-actions';
import type { ScenariosPanel } from './ScenariosPanel';
import type { BudgetSettings, PlannerSettings } from './settings';
import type { SitingPanel } from './SitingPanel';
import { ROBUSTNESS, type Need } from './useNeed';
import type { Solved } from './useSolve';
import type { NamedUnit } from './useUnits';
import type { WeightsPanel } from './WeightsPanel';

/** The status line: the view's error, loading the year, or ready with the number ranked. */
export function plannerStatus(t: TFunction, error: string | null, loaded: boolean, year: number, n: number) {
  if (error) return t('error.view', { message: error });
  return loaded ? t('planner.status.ready', { year, n }) : t('status.loading', { year });
}

/** What the layout's parts do: write the settings, the catchment, the selection, or solve. */
export interface PlannerActions {
  onWeight: (id: string, value: number) => void;
  onToggle: (id: string, on: boolean) => void;
  onNorm: (norm: Normalisation) => void;
  onBudget: (b: BudgetSettings) => void;
  onCatchment: (code: string) => void;
  onK: (k: number) => void;
  onSolve: () => void;
  onSelect: (lau: string) => void;
  onCompare: (pair: [number, number] | null) => void;
  scenarios: ReturnType<typeof scenarioActions>;
}

/** Everything the props are built from. */
export interface PlannerInput {
  t: TFunction;
  lang: Lang;
  year: number;
  selected: string | null;
  catchment: string;
  suppressionK: number;
  synthetic: boolean;
  boundaries: Boundaries;
  neighbours: StaticData['neighbours'];
  needIndicators: readonly IndicatorMeta[];
  settings: PlannerSettings;
  places: ReadonlyMap<string, Place>;
  names: ReadonlyMap<string, string>;
  labels: ReadonlyMap<string, string>;
  ids: readonly string[];
  known: ReadonlySet<string>;
  loaded: boolean;
  error: string | null;
  need: Need | null;
  intervals: ReadonlyMap<string, RankInterval> | null;
  intervalsStale: boolean;
  map: {
    fill: (lau: string) => Rgb;
    describe: Describe;
    points: readonly MapPoint[];
    dataKey: string | null;
  };
  units: readonly NamedUnit[] | null;
  geom: CatchmentGeometry;
  gap: CoverageGap | null;
  gapByLau: ReadonlyMap<string, number> | null;
  canSolve: boolean;
  /** Why Find the best sites is not available yet, while it is not. */
  waiting: string | null;
  solve: { solved: Solved | null; current: Solved | null; solving: boolean; error: string | null };
  actions: PlannerActions;
}

/** What ./PlannerLayout renders: each part's props, or null when the part is not shown. */
export interface PlannerProps {
  lang: Lang;
  weights: ComponentProps<typeof WeightsPanel>;
  status: string;
  map: ComponentProps<typeof MapPanel>;
  units: number;
  siting: Omit<ComponentProps<typeof SitingPanel>, 'limitControls'>;
  budget: ComponentProps<typeof BudgetPanel>;
  brief: Omit<ComponentProps<typeof Brief>, 'onClose'> | null;
  ranking: ComponentProps<typeof RankingTable> | null;
  scenarios: ComponentProps<typeof ScenariosPanel>;
  compare: ComponentProps<typeof CompareView> | null;
}

/** The brief's data once a plan for the settings on screen is there. */
export function briefDataOf(p: PlannerInput): BriefData | null {
  const { t, settings, solve } = p;
  const { budget } = settings;
  if (!solve.current || !p.need) return null;
  return {
    title:
      budget.mode === 'budget'
        ? t('planner.briefBudget.title', { budget: formatNumber(budget.budget, p.lang, 0) })
        : t('planner.brief.defaultTitle', { k: settings.k }),
    year: p.year,
    k: settings.k,
    budget,
    catchment: p.catchment,
    norm: settings.norm,
    weights: settings.weights,
    indicators: p.needIndicators,
    scores: p.need.result.scores,
    intervals: p.intervals,
    result: solve.current.result,
    places: p.places,
    fill: p.map.fill,
    points: p.map.points,
    synthetic: p.synthetic,
    suppressionK: p.suppressionK,
    robustness: ROBUSTNESS,
    units: p.units?.length ?? 0,
  };
}

/** The planner's props. */
export function plannerProps(p: PlannerInput): PlannerProps {
  const { t, lang, settings, need, actions, solve } = p;
  const scores = need?.result.scores ?? [];
  const [a, b] = settings.compare ?? [-1, -1];
  const scenarioA = settings.scenarios[a];
  const scenarioB = settings.scenarios[b];
  const data = briefDataOf(p);
  return {
    lang,
    weights: {
      indicators: p.needIndicators,
      weights: settings.weights,
      norm: settings.norm,
      lang,
      onWeight: actions.onWeight,
      onToggle: actions.onToggle,
      onNorm: actions.onNorm,
    },
    status: plannerStatus(t, p.error, p.loaded, p.year, scores.length),
    map: {
      boundaries: p.boundaries,
      neighbours: p.neighbours,
      ...p.map,
      selected: p.selected,
      onSelect: actions.onSelect,
      label: t('planner.map.label', { year: p.year }),
    },
    units: p.units?.length ?? 0,
    siting: {
      lang,
      catchment: p.catchment,
      k: settings.k,
      budget: settings.budget,
      onCatchment: actions.onCatchment,
      onK: actions.onK,
      onSolve: actions.onSolve,
      solving: solve.solving,
      canSolve: p.canSolve,
      waiting: p.canSolve ? null : p.waiting,
      result: solve.current?.result ?? solve.solved?.result ?? null,
      stale: !solve.current,
      curve: solve.current?.curve ?? null,
      cover: solve.current?.cover ?? null,
      gap: p.gap,
      names: p.names,
      error: solve.error,
      fallback: solve.current?.fallback ? t(`planner.siting.why.${solve.current.fallback}`) : null,
    },
    budget: { lang, value: settings.budget, onChange: actions.onBudget, known: p.known },
    brief: data && { data, boundaries: p.boundaries, neighbours: p.neighbours, lang },
    ranking: need && {
      scores: need.result.scores,
      intervals: p.intervals,
      gap: p.gapByLau,
      places: p.places,
      ids: p.ids,
      labels: p.labels,
      suppressed: need.suppressed,
      lang,
      selected: p.selected,
      onSelect: actions.onSelect,
      caption: t('planner.ranking.caption', {
        year: p.year,
        norm: t(`planner.norm.${settings.norm}`),
        stale: p.intervalsStale ? t('planner.ranking.updating') : '',
      }),
    },
    scenarios: {
      lang,
      scenarios: settings.scenarios,
      compare: settings.compare,
      canSave: need !== null,
      ...actions.scenarios,
      onCompare: actions.onCompare,
    },
    compare:
      scenarioA && scenarioB
        ? {
            a: scenarioA,
            b: scenarioB,
            geom: p.geom,
            units: p.units ?? [],
            boundaries: p.boundaries,
            neighbours: p.neighbours,
            names: p.names,
            labels: p.labels,
            lang,
          }
        : null,
  };
}
