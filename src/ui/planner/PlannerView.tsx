/**
 * The expansion planner (issue 5): an explainable need index with weights the planner sets, rank intervals
 * under perturbed weights, the need map and ranking, the coverage gap of the existing units, optimal siting
 * of new units (HiGHS in a worker, greedy fallback), saved and compared scenarios in the URL, CSV export and
 * a printable brief. Reads state and the engine; interactions only write `state.planner` / `state.catchment`.
 */
import { useCallback, useLayoutEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { catchmentGeometry, parseCatchment, type MunicipalityFeature } from '../../analysis/catchment';
import { withCosts } from '../../analysis/planning/costs';
import { coverageGap } from '../../analysis/planning/gap';
import { childrenAtRisk, siteReach, sitingInstance } from '../../analysis/planning/need-demand';
import type { Normalisation } from '../../analysis/planning/normalise';
import { formatNumber } from '../../i18n';
import { MapPanel } from '../../map/MapPanel';
import { NO_DATA } from '../../map/scale';
import { ErrorBoundary } from '../../common/ErrorBoundary';
import { afterNextPaint } from '../../common/perf';
import type { ViewContext } from '../views';
import { Brief, type BriefData } from './Brief';
import { BudgetPanel } from './BudgetPanel';
import { CompareView } from './CompareView';
import { NEED_COLORS, needClass } from './explain';
import { NeedLegend } from './NeedLegend';
import { RankingTable, type Place } from './RankingTable';
import { scenarioActions } from './scenario-actions';
import { ScenariosPanel } from './ScenariosPanel';
import { decodeSettings, defaultSettings, encodeSettings, type PlannerSettings } from './settings';
import { sitePoints } from './siting';
import { SitingPanel } from './SitingPanel';
import { ROBUSTNESS, useNeed, useRankIntervals } from './useNeed';
import { usePlannerValues } from './usePlannerValues';
import { REST_MS, useRested } from './useRested';
import { limitOf, solveKeyOf, useSolve } from './useSolve';
import { useUnits } from './useUnits';
import { WeightsPanel } from './WeightsPanel';
import { equalWeights, rebalance } from './weights';
import './planner.css';

/** The indicator that counts children (the demand multiplier, not a need indicator). */
const CHILDREN = 'child_pop';
/** Name of the User Timing measure of a weight change: input to the painted ranking and map. */
export const RERANK_MEASURE = 'atlas:planner:rerank';

/** The planner view. */
export default function PlannerView({
  store,
  state,
  status,
  dataset,
  neighbours,
  municipalities,
}: ViewContext) {
  const { t } = useTranslation();
  const { catalog, boundaries, firstView, version } = dataset;
  const lang = state.lang;
  const needIndicators = useMemo(() => catalog.indicators.filter((m) => m.id !== CHILDREN), [catalog]);
  const defaults = useMemo(
    () => defaultSettings(equalWeights(needIndicators.map((m) => m.id))),
    [needIndicators],
  );
  const settings = useMemo(() => {
    const s = decodeSettings(state.planner, defaults);
    // Weights naming indicators this dataset does not have are dropped; none left means the defaults.
    const known = Object.fromEntries(
      Object.entries(s.weights).filter(([id]) => needIndicators.some((m) => m.id === id)),
    );
    return Object.keys(known).length > 0 ? { ...s, weights: known } : { ...s, weights: defaults.weights };
  }, [state.planner, defaults, needIndicators]);
  const update = useCallback(
    (patch: Partial<PlannerSettings>) => store.set({ planner: encodeSettings({ ...settings, ...patch }) }),
    [store, settings],
  );

  // Values, need index and rank intervals.
  const laus = useMemo(() => municipalities.map((m) => m.lau_code), [municipalities]);
  const places = useMemo(
    () =>
      new Map<string, Place>(municipalities.map((m) => [m.lau_code, { name: m.name, county: m.qark_name }])),
    [municipalities],
  );
  const names = useMemo(() => new Map(municipalities.map((m) => [m.lau_code, m.name])), [municipalities]);
  const labels = useMemo(
    () => new Map(catalog.indicators.map((m) => [m.id, m.label[lang]])),
    [catalog, lang],
  );
  const {
    values,
    key: valuesKey,
    error,
  } = usePlannerValues(status, firstView, catalog.indicators, state.year, state.k, String(version));
  const need = useNeed(values, laus, needIndicators, settings.weights, settings.norm);
  const { intervals, stale: intervalsStale } = useRankIntervals(need?.input);
  const scores = need?.result.scores;
  const byLau = useMemo(() => new Map((scores ?? []).map((s) => [s.lau_code, s])), [scores]);
  const ids = useMemo(
    () => needIndicators.filter((m) => m.id in settings.weights).map((m) => m.id),
    [needIndicators, settings.weights],
  );

  // Catchment geometry, existing units, children at risk, the siting instance and the coverage gap.
  const geom = useMemo(
    () => catchmentGeometry(boundaries.features as unknown as MunicipalityFeature[]),
    [boundaries],
  );
  const units = useUnits(status, state.year);
  const catchment = useMemo(() => parseCatchment(state.catchment), [state.catchment]);
  // The siting side (children at risk, the gap) follows the ranking once the slider rests, so a slider
  // step costs only the re-ranking and its repaint.
  const deferredNeed = useRested(need, REST_MS);
  const atRisk = useMemo(() => {
    if (!deferredNeed || !values) return null;
    const children = new Map(
      [...(values.get(CHILDREN) ?? new Map())].map(([lau, v]) => [lau, v.suppressed ? null : v.value]),
    );
    return childrenAtRisk(deferredNeed.result.scores, children);
  }, [deferredNeed, values]);
  const reachable = useMemo(
    () => (units ? siteReach(geom, catchment, units) : null),
    [geom, catchment, units],
  );
  const instance = useMemo(
    () => (atRisk && reachable ? sitingInstance(atRisk.demand, reachable) : null),
    [atRisk, reachable],
  );
  const gap = useMemo(() => (instance ? coverageGap(instance) : null), [instance]);
  const gapByLau = useMemo(() => (gap ? new Map(gap.rows.map((r) => [r.id, r.uncovered])) : null), [gap]);

  // Solving: under a budget, each candidate site costs the file's cost or the cost per unit.
  const { budget } = settings;
  const known = useMemo(() => new Set(laus), [laus]);
  const costed = useMemo(
    () =>
      instance && budget.mode === 'budget'
        ? withCosts(instance, budget.unitCost, budget.costs && new Map(Object.entries(budget.costs)))
        : instance,
    [instance, budget],
  );
  const solveKey = solveKeyOf(
    { ...settings, catchment: state.catchment, year: state.year },
    state.k,
    version,
  );
  const {
    solved,
    setSolved,
    current,
    solving,
    error: solveError,
    onSolve,
  } = useSolve(instance, costed, limitOf(settings), solveKey);

  // Slider responsiveness: input -> the next painted frame showing the new ranking and map.
  const inputAt = useRef<number | null>(null);
  const onWeight = (id: string, value: number) => {
    inputAt.current ??= performance.now();
    update({ weights: rebalance(settings.weights, id, value) });
  };
  useLayoutEffect(() => {
    const start = inputAt.current;
    if (start === null) return;
    inputAt.current = null;
    // The React work alone (index, ranking, map props) and the whole way to the painted frame.
    performance.measure(`${RERANK_MEASURE}-render`, { start, end: performance.now() });
    afterNextPaint(() => performance.measure(RERANK_MEASURE, { start, end: performance.now() }));
  }, [need]);
  const onToggle = (id: string, on: boolean) => {
    const chosen = needIndicators.map((m) => m.id).filter((x) => (x === id ? on : x in settings.weights));
    if (chosen.length === 0) return;
    update({ weights: equalWeights(chosen) });
  };

  // The map: need classes, with existing units and the chosen sites as points.
  const n = scores?.length ?? 0;
  const fill = useCallback(
    (lau: string) => {
      const s = byLau.get(lau);
      return s ? NEED_COLORS[needClass(s.rank, n)]! : NO_DATA;
    },
    [byLau, n],
  );
  const pointLabels = useMemo(
    () => ({ unit: t('planner.map.existingOne'), site: t('planner.map.newSite') }),
    [t],
  );
  const points = useMemo(
    () => sitePoints(geom, units ?? [], current?.result.sites ?? [], names, pointLabels),
    [geom, units, current, names, pointLabels],
  );
  const describe = useCallback(
    (lau: string) => {
      const s = byLau.get(lau);
      return {
        name: places.get(lau)?.name ?? lau,
        county: t('tooltip.county', { county: places.get(lau)?.county ?? '' }),
        value: s
          ? t('planner.map.tooltip', { rank: s.rank, n, score: formatNumber(s.score, lang, 3) })
          : t('tooltip.noData'),
      };
    },
    [byLau, places, t, n, lang],
  );
  const onSelect = useCallback((lau: string) => store.set({ selected: lau }), [store]);
  const mapKey = need
    ? `planner|${valuesKey}|${JSON.stringify(settings.weights)}|${settings.norm}|${current?.key ?? ''}`
    : null;

  // Scenarios.
  const scenarios = scenarioActions({
    store,
    settings,
    update,
    catchment: state.catchment,
    year: state.year,
    suppressionK: state.k,
    version,
    result: current?.result ?? null,
    setSolved,
    scores: need?.result.scores ?? null,
    geom,
    units: units ?? [],
    places,
    atRisk: atRisk?.demand ?? null,
    ids,
  });
  const [a, b] = settings.compare ?? [-1, -1];
  const scenarioA = settings.scenarios[a];
  const scenarioB = settings.scenarios[b];

  // The brief.
  const [briefOpen, setBriefOpen] = useState(false);
  const closeBrief = useCallback(() => setBriefOpen(false), []);
  const brief: BriefData | null =
    current && need
      ? {
          title:
            budget.mode === 'budget'
              ? t('planner.briefBudget.title', { budget: formatNumber(budget.budget, lang, 0) })
              : t('planner.brief.defaultTitle', { k: settings.k }),
          year: state.year,
          k: settings.k,
          budget,
          catchment: state.catchment,
          norm: settings.norm,
          weights: settings.weights,
          indicators: needIndicators,
          scores: need.result.scores,
          intervals,
          result: current.result,
          places,
          fill,
          points,
          synthetic: catalog.synthetic,
          suppressionK: state.k,
          robustness: ROBUSTNESS,
          units: units?.length ?? 0,
        }
      : null;

  return (
    <>
      <div className="planner-top">
        <WeightsPanel
          indicators={needIndicators}
          weights={settings.weights}
          norm={settings.norm}
          lang={lang}
          onWeight={onWeight}
          onToggle={onToggle}
          onNorm={(norm: Normalisation) => update({ norm })}
        />
        <p className="status" role="status">
          {error
            ? t('error.view', { message: error })
            : !values
              ? t('status.loading', { year: state.year })
              : t('planner.status.ready', { year: state.year, n })}
        </p>
      </div>
      <main className="main" id="map">
        <ErrorBoundary>
          <MapPanel
            boundaries={boundaries}
            neighbours={neighbours}
            fill={fill}
            dataKey={mapKey}
            selected={state.selected}
            onSelect={onSelect}
            describe={describe}
            label={t('planner.map.label', { year: state.year })}
            points={points}
          />
        </ErrorBoundary>
        <aside className="side planner-side">
          <h2>{t('planner.map.legend')}</h2>
          <NeedLegend t={t} units={units?.length ?? 0} />
          <SitingPanel
            lang={lang}
            catchment={state.catchment}
            k={settings.k}
            budget={budget}
            limitControls={
              <BudgetPanel lang={lang} value={budget} onChange={(b) => update({ budget: b })} known={known} />
            }
            onCatchment={(code) => store.set({ catchment: code })}
            onK={(k) => update({ k })}
            onSolve={() => void onSolve()}
            solving={solving}
            canSolve={instance !== null}
            result={current?.result ?? solved?.result ?? null}
            stale={!current}
            curve={current?.curve ?? null}
            cover={current?.cover ?? null}
            gap={gap}
            names={names}
            error={solveError}
            fallback={current?.fallback ? t(`planner.siting.why.${current.fallback}`) : null}
          />
          <button
            type="button"
            className="primary"
            disabled={!brief}
            onClick={() => setBriefOpen(true)}
            data-testid="planner-brief"
          >
            {t('planner.brief.open')}
          </button>
          {!brief && <p className="hint">{t('planner.brief.needsSolve')}</p>}
        </aside>
      </main>
      {need && scores && (
        <RankingTable
          scores={scores}
          intervals={intervals}
          gap={gapByLau}
          places={places}
          ids={ids}
          labels={labels}
          suppressed={need.suppressed}
          lang={lang}
          selected={state.selected}
          onSelect={onSelect}
          caption={t('planner.ranking.caption', {
            year: state.year,
            norm: t(`planner.norm.${settings.norm}`),
            stale: intervalsStale ? t('planner.ranking.updating') : '',
          })}
        />
      )}
      <ScenariosPanel
        lang={lang}
        scenarios={settings.scenarios}
        compare={settings.compare}
        canSave={need !== null}
        onSave={scenarios.onSave}
        onLoad={scenarios.onLoad}
        onDelete={scenarios.onDelete}
        onCsv={scenarios.onCsv}
        onCompare={(compare) => update({ compare })}
      />
      {scenarioA && scenarioB && (
        <ErrorBoundary>
          <CompareView
            a={scenarioA}
            b={scenarioB}
            geom={geom}
            units={units ?? []}
            boundaries={boundaries}
            neighbours={neighbours}
            names={names}
            labels={labels}
            lang={lang}
          />
        </ErrorBoundary>
      )}
      {briefOpen && brief && (
        <Brief
          data={brief}
          boundaries={boundaries}
          neighbours={neighbours}
          lang={lang}
          onClose={closeBrief}
        />
      )}
    </>
  );
}
