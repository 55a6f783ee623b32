/**
 * Siting: the catchment model (and a line saying what it means) and the limit on new units (a number, or a
 * budget: ./BudgetPanel.tsx), a Solve button, then the chosen sites with their marginal gains (and costs and
 * the budget left, under a budget), how the answer was found (exact or greedy, and its gap), the curve for
 * k = 1..10, the set-covering twin and the coverage gap of the existing units. Controls only report changes.
 */
import { lazy, Suspense, useId, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { CurvePoint } from '../../analysis/planning/curve';
import type { CoverageGap } from '../../analysis/planning/gap';
import type { CoverSolution } from '../../analysis/planning/set-cover';
import { formatNumber, type Lang } from '../../i18n';
import { ErrorBoundary } from '../../common/ErrorBoundary';
import { planCost } from './budget';
import { K_MAX, siteCost, type BudgetSettings, type SavedResult } from './settings';

const CurveChart = lazy(() => import('./CurveChart'));

/** Catchment codes offered (the URL may carry another radius; it is then offered too). */
export const CATCHMENTS = ['self', 'border', '10km', '25km', '50km'] as const;

interface Props {
  lang: Lang;
  catchment: string;
  k: number;
  /** The limit settings; in budget mode the k choice is hidden and costs are shown. */
  budget: BudgetSettings;
  /** The limit mode and budget controls. */
  limitControls: ReactNode;
  onCatchment: (code: string) => void;
  onK: (k: number) => void;
  onSolve: () => void;
  solving: boolean;
  canSolve: boolean;
  /** Why the solve button is disabled, shown beside it. */
  waiting: string | null;
  result: SavedResult | null;
  /** True when the result was computed for other settings than those now chosen. */
  stale: boolean;
  curve: readonly CurvePoint[] | null;
  cover: CoverSolution | null;
  gap: CoverageGap | null;
  names: ReadonlyMap<string, string>;
  error: string | null;
  fallback: string | null;
}

/** Status of a result in words: exact optimum, exact at the time limit, or greedy with its gap. */
export function useStatusText() {
  const { t } = useTranslation();
  return (r: SavedResult, lang: Lang) =>
    t(
      `planner.status.${r.status === 'optimal' ? 'optimal' : r.status === 'time-limit' ? 'timeLimit' : 'heuristic'}`,
      {
        method: t(`planner.method.${r.method === 'exact' ? 'exact' : 'greedy'}`),
        gap: formatNumber((r.gap ?? 0) * 100, lang, 1),
      },
    );
}

/** The siting controls and results. */
export function SitingPanel(props: Props) {
  const { lang, catchment, k, budget, result, curve, cover, gap, names, stale } = props;
  const byBudget = budget.mode === 'budget';
  const { t } = useTranslation();
  const statusText = useStatusText();
  const id = useId();
  const fmt = (v: number) => formatNumber(v, lang, 0);
  // The curve marks the chosen k, or under a budget the number of sites the budget bought.
  const chosenK = byBudget ? (result?.sites.length ?? 0) : k;
  const options: string[] = CATCHMENTS.includes(catchment as (typeof CATCHMENTS)[number])
    ? [...CATCHMENTS]
    : [...CATCHMENTS, catchment];
  const catchmentLabel = (c: string) =>
    c === 'self' || c === 'border'
      ? t(`planner.catchment.${c}`)
      : t('planner.catchment.radius', { km: parseInt(c, 10) });
  const explain =
    catchment === 'self' || catchment === 'border'
      ? t(`planner.catchment.explain.${catchment}`)
      : t('planner.catchment.explain.radius', { km: parseInt(catchment, 10) });

  return (
    <section className="planner-siting" aria-labelledby="planner-siting-title">
      <h2 id="planner-siting-title">{t('planner.siting.title')}</h2>
      <p className="hint">{t('planner.siting.hint')}</p>
      {props.limitControls}
      <div className="siting-controls">
        <div className="control">
          <label htmlFor={`${id}-c`}>{t('planner.catchment.label')}</label>
          <select
            id={`${id}-c`}
            value={catchment}
            onChange={(e) => props.onCatchment(e.target.value)}
            aria-describedby={`${id}-ce`}
            data-testid="planner-catchment"
          >
            {options.map((c) => (
              <option key={c} value={c}>
                {catchmentLabel(c)}
              </option>
            ))}
          </select>
        </div>
        {!byBudget && (
          <div className="control">
            <label htmlFor={`${id}-k`}>{t('planner.siting.k')}</label>
            <select
              id={`${id}-k`}
              value={k}
              onChange={(e) => props.onK(Number(e.target.value))}
              data-testid="planner-k"
            >
              {Array.from({ length: K_MAX }, (_, i) => i + 1).map((n) => (
                <option key={n} value={n}>
                  {n}
                </option>
              ))}
            </select>
          </div>
        )}
        <button
          type="button"
          className="primary"
          onClick={props.onSolve}
          disabled={!props.canSolve || props.solving}
          data-testid="planner-solve"
        >
          {props.solving ? t('planner.siting.solving') : t('planner.siting.solve')}
        </button>
      </div>
      {props.waiting && (
        <p className="hint" role="status" data-testid="planner-solve-waiting">
          {props.waiting}
        </p>
      )}
      <p id={`${id}-ce`} className="hint" data-testid="planner-catchment-explain">
        {explain}
      </p>
      {props.error && (
        <p className="view-error" role="alert">
          {t('planner.siting.error', { message: props.error })}
        </p>
      )}
      <div aria-live="polite">
        {result && !stale && (
          <div className="siting-result" data-testid="planner-result">
            <p className="siting-status" data-testid="planner-status">
              {statusText(result, lang)}
              {props.fallback && ` ${t('planner.siting.fallback', { why: props.fallback })}`}
            </p>
            <p>
              {t('planner.siting.covered', {
                before: fmt(result.baseline),
                after: fmt(result.covered),
                total: fmt(result.total),
                share: formatNumber(result.total > 0 ? (result.covered / result.total) * 100 : 0, lang, 1),
              })}
            </p>
            {byBudget && (
              <p data-testid="planner-cost">
                {t('planner.budget.total', {
                  cost: fmt(planCost(budget, result.sites)),
                  budget: fmt(budget.budget),
                  left: fmt(budget.budget - planCost(budget, result.sites)),
                })}
              </p>
            )}
            <table className="sites" data-testid="planner-sites">
              <caption>{t('planner.siting.sitesCaption', { count: result.sites.length })}</caption>
              <thead>
                <tr>
                  <th scope="col">#</th>
                  <th scope="col">{t('planner.ranking.municipality')}</th>
                  <th scope="col">{t('planner.siting.gain')}</th>
                  {byBudget && <th scope="col">{t('planner.sitingBudget.costCol')}</th>}
                </tr>
              </thead>
              <tbody>
                {result.sites.map((s, i) => (
                  <tr key={s} data-lau={s}>
                    <td className="num">{i + 1}</td>
                    <th scope="row">{names.get(s) ?? s}</th>
                    <td className="num">{fmt(result.gains[i] ?? 0)}</td>
                    {byBudget && <td className="num">{fmt(siteCost(budget, s))}</td>}
                  </tr>
                ))}
              </tbody>
            </table>
            {byBudget && result.covered >= result.total && (
              <p className="hint">{t('planner.siting.complete')}</p>
            )}
            {!byBudget && result.sites.length < k && (
              <p className="hint">
                {result.covered >= result.total
                  ? t('planner.siting.complete')
                  : t('planner.siting.fewer', { count: result.sites.length })}
              </p>
            )}
          </div>
        )}
        {result && stale && <p className="hint">{t('planner.siting.stale')}</p>}
      </div>
      {curve && !stale && (
        <figure className="curve">
          <figcaption>{t('planner.curve.title')}</figcaption>
          <ErrorBoundary fallback={null}>
            <Suspense fallback={null}>
              <CurveChart
                points={curve}
                chosenK={chosenK}
                lang={lang}
                xLabel={t('planner.curve.x')}
                seriesLabel={t('planner.curve.share')}
              />
            </Suspense>
          </ErrorBoundary>
          <table className="curve-table" data-testid="planner-curve-table">
            <caption className="sr-only">{t('planner.curve.title')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('planner.curve.k')}</th>
                <th scope="col">{t('planner.curve.share')}</th>
                <th scope="col">{t('planner.curve.gain')}</th>
                <th scope="col">{t('planner.curve.status')}</th>
              </tr>
            </thead>
            <tbody>
              {curve.map((p) => (
                <tr key={p.k} className={p.k === chosenK ? 'selected' : undefined}>
                  <td className="num">{p.k}</td>
                  <td className="num">{formatNumber(p.share * 100, lang, 1)}%</td>
                  <td className="num">{fmt(p.gain)}</td>
                  <td>{t(`planner.method.${p.solution.method === 'exact' ? 'exact' : 'greedy'}`)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </figure>
      )}
      {cover && !stale && (
        <p data-testid="planner-cover">
          {cover.unreachable.length > 0
            ? t('planner.cover.textUnreachable', {
                count: cover.count,
                unreachable: cover.unreachable.length,
              })
            : t('planner.cover.text', { count: cover.count })}{' '}
          {cover.status !== 'optimal' && t('planner.cover.bound', { bound: cover.lowerBound })}
        </p>
      )}
      {gap && (
        <details className="gap" data-testid="planner-gap">
          <summary>
            {t('planner.gap.summary', {
              uncovered: fmt(gap.uncoveredDemand),
              share: formatNumber(gap.uncoveredShare * 100, lang, 1),
              catchment: catchmentLabel(catchment),
            })}
          </summary>
          <table>
            <caption>{t('planner.gap.caption')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('planner.ranking.municipality')}</th>
                <th scope="col">{t('planner.gap.atRisk')}</th>
                <th scope="col">{t('planner.gap.uncovered')}</th>
              </tr>
            </thead>
            <tbody>
              {gap.rows
                .filter((r) => r.uncovered > 0)
                .map((r) => (
                  <tr key={r.id}>
                    <th scope="row">{names.get(r.id) ?? r.id}</th>
                    <td className="num">{fmt(r.demand)}</td>
                    <td className="num">{fmt(r.uncovered)}</td>
                  </tr>
                ))}
            </tbody>
          </table>
        </details>
      )}
    </section>
  );
}
