/**
 * The planner's layout: the weights and status line, the need map beside the legend and the siting panel,
 * the ranking, the scenarios and their comparison, and the printable brief. It renders ./planner-props's
 * props and holds only whether the brief is open.
 */
import { useCallback, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorBoundary } from '../../common/ErrorBoundary';
import { MapPanel } from '../../map/MapPanel';
import { Brief } from './Brief';
import { BudgetPanel } from './BudgetPanel';
import { CompareView } from './CompareView';
import { NeedLegend } from './NeedLegend';
import type { PlannerProps } from './planner-props';
import { RankingTable } from './RankingTable';
import { ScenariosPanel } from './ScenariosPanel';
import { SitingPanel } from './SitingPanel';
import { WeightsPanel } from './WeightsPanel';

/** The planner view's parts. */
export function PlannerLayout(p: PlannerProps) {
  const { t } = useTranslation();
  const [briefOpen, setBriefOpen] = useState(false);
  const closeBrief = useCallback(() => setBriefOpen(false), []);
  return (
    <>
      <div className="planner-top">
        <WeightsPanel {...p.weights} />
        <p className="status" role="status">
          {p.status}
        </p>
      </div>
      <main className="main" id="map">
        <ErrorBoundary>
          <MapPanel {...p.map} />
        </ErrorBoundary>
        <aside className="side planner-side">
          <h2>{t('planner.map.legend')}</h2>
          <NeedLegend t={t} units={p.units} />
          <SitingPanel {...p.siting} limitControls={<BudgetPanel {...p.budget} />} />
          <button
            type="button"
            className="primary"
            disabled={!p.brief}
            onClick={() => setBriefOpen(true)}
            data-testid="planner-brief"
          >
            {t('planner.brief.open')}
          </button>
          {!p.brief && <p className="hint">{t('planner.brief.needsSolve')}</p>}
        </aside>
      </main>
      {p.ranking && <RankingTable {...p.ranking} />}
      <ScenariosPanel {...p.scenarios} />
      {p.compare && (
        <ErrorBoundary>
          <CompareView {...p.compare} />
        </ErrorBoundary>
      )}
      {briefOpen && p.brief && <Brief {...p.brief} onClose={closeBrief} />}
    </>
  );
}
