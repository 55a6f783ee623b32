/**
 * The coverage view's layout: the catchment chooser, year slider, "opened since" choice and status line;
 * the covered / not covered map beside its legend; the exports; the year's tables; the charts over time. It
 * renders ./coverage-props's props.
 */
import { lazy, Suspense, useId } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorBoundary } from '../../common/ErrorBoundary';
import { MapPanel } from '../../map/MapPanel';
import { CatchmentChooser } from './CatchmentChooser';
import type { CoverageProps } from './coverage-props';
import { CoverageExports } from './CoverageExports';
import { CoverageLegend } from './CoverageLegend';
import { CountyTrends } from './CountyTrends';
import { FiguresTable } from './FiguresTable';
import { MunicipalityTable } from './MunicipalityTable';
import { UnitsTable } from './UnitsTable';

const CoverageCharts = lazy(() => import('./CoverageCharts'));

/** The coverage view's parts. */
export function CoverageLayout(p: CoverageProps) {
  const { t } = useTranslation();
  const yearId = useId();
  const sinceId = useId();
  const { figures: f } = p;
  return (
    <>
      <div className="controls coverage-controls">
        <CatchmentChooser {...p.chooser} />
        <div className="control">
          <label htmlFor={yearId}>
            {t('controls.year')}: <output data-testid="coverage-year-value">{p.year.value}</output>
          </label>
          <input
            id={yearId}
            type="range"
            min={p.year.min}
            max={p.year.max}
            step={1}
            value={p.year.value}
            onChange={(e) => p.year.onChange(Number(e.target.value))}
            data-testid="coverage-year"
          />
        </div>
        <div className="control">
          <label htmlFor={sinceId}>{t('coverage.since.label')}</label>
          <select
            id={sinceId}
            className="coverage-since"
            value={p.since.value}
            onChange={(e) => p.since.onChange(Number(e.target.value))}
            data-testid="coverage-since"
          >
            {p.since.options.map((y) => (
              <option key={y} value={y}>
                {y}
              </option>
            ))}
          </select>
        </div>
        <p className="status" role="status" data-testid="coverage-status">
          {p.status}
        </p>
      </div>
      <main className="main" id="map">
        <ErrorBoundary>
          <MapPanel {...p.map} />
        </ErrorBoundary>
        {p.legend ? (
          <CoverageLegend {...p.legend} />
        ) : (
          <aside className="side">
            <p className="hint">{p.status}</p>
          </aside>
        )}
      </main>
      <ErrorBoundary>
        <CoverageExports {...p.exports} />
      </ErrorBoundary>
      {f && (
        <section className="coverage-section" aria-labelledby={`${yearId}-figures`}>
          <h2 id={`${yearId}-figures`}>{f.title}</h2>
          <div className="coverage-scroll">
            <FiguresTable {...f.table} />
          </div>
          {f.trends && <CountyTrends {...f.trends} />}
          <MunicipalityTable {...f.municipalities} />
          <UnitsTable {...f.units} />
          <p className="hint coverage-note" data-testid="coverage-note">
            {f.definitions} {f.source}
          </p>
        </section>
      )}
      {p.charts && (
        <section className="coverage-section" aria-labelledby={`${yearId}-time`}>
          <h2 id={`${yearId}-time`}>{t('coverage.charts.title')}</h2>
          <ErrorBoundary>
            <Suspense fallback={<p className="hint">{t('chart.waiting')}</p>}>
              <CoverageCharts {...p.charts} />
            </Suspense>
          </ErrorBoundary>
        </section>
      )}
    </>
  );
}
