/**
 * The coverage view (issues 4 and 5): the catchment model and year chosen by the user; the covered / not
 * covered map with the units as points coloured by supporter; Albania's and each county's figures for the
 * year; units by supporter, children assisted and coverage share over time; PNG and CSV exports. Reads state,
 * asks the engine through {@link useCoverage}; every count of children assisted arrives already suppressed.
 */
import { lazy, Suspense, useCallback, useId, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { DEFAULT_CATCHMENT, catchmentGeometry, parseCatchment } from '../../analysis/catchment';
import type { UnitFigures } from '../../analysis/coverage';
import { MapPanel } from '../../map/MapPanel';
import { isCatchment } from '../../state/url';
import { ErrorBoundary } from '../../common/ErrorBoundary';
import type { ViewContext } from '../views';
import { CatchmentChooser } from './CatchmentChooser';
import { CoverageExports } from './CoverageExports';
import { CoverageLegend } from './CoverageLegend';
import { CountyTrends } from './CountyTrends';
import { FiguresTable } from './FiguresTable';
import { coverageFormat } from './format';
import { MunicipalityTable } from './MunicipalityTable';
import { COVERED, coverageFill, supporterColors, UNCOVERED, unitPoints } from './style';
import { UnitsTable } from './UnitsTable';
import { useCoverage } from './useCoverage';
import './coverage.css';

const CoverageCharts = lazy(() => import('./CoverageCharts'));

/** Units opened since this year are marked at first: the year after Law 18/2017 made units mandatory. */
const DEFAULT_SINCE = 2018;

/** The year of `years` nearest to `year` (the latest on a tie), or `year` when there are none. */
function nearestYear(years: readonly number[], year: number): number {
  let best = years[0] ?? year;
  for (const y of years) if (Math.abs(y - year) <= Math.abs(best - year)) best = y;
  return best;
}

/** The coverage view. */
export default function CoverageView({
  store,
  state,
  status,
  dataset,
  neighbours,
  municipalities,
}: ViewContext) {
  const { t } = useTranslation();
  const { catalog, boundaries, version } = dataset;
  const { lang, k } = state;
  const yearId = useId();
  const sinceId = useId();
  const geometry = useMemo(() => catchmentGeometry(boundaries.features), [boundaries]);
  const code = isCatchment(state.catchment) ? state.catchment : DEFAULT_CATCHMENT;
  const catchment = parseCatchment(code);
  const { series, error } = useCoverage(status, geometry, code, k, version);

  const years = useMemo(() => {
    if (series && series.length > 0) return series.map((y) => y.year);
    const out: number[] = [];
    for (let y = catalog.years.first; y <= catalog.years.last; y++) out.push(y);
    return out;
  }, [series, catalog]);
  const year = nearestYear(years, state.year);
  const coverage = series?.find((y) => y.year === year) ?? null;
  const [since, setSince] = useState(DEFAULT_SINCE);

  const byLau = useMemo(() => new Map(municipalities.map((m) => [m.lau_code, m])), [municipalities]);
  const countyNames = useMemo(
    () => new Map(municipalities.map((m) => [m.qark_code, m.qark_name])),
    [municipalities],
  );
  const colors = useMemo(() => supporterColors(series ?? []), [series]);
  const unitNames = useMemo(
    () => new Map((series ?? []).flatMap((y) => y.units.map((u) => [u.id, u.name] as const))),
    [series],
  );
  const openedYears = useMemo(() => {
    const first = Math.min(...(series ?? []).flatMap((y) => y.units.map((u) => u.opened)), years[0]!);
    const out: number[] = [];
    for (let y = first; y <= years[years.length - 1]!; y++) out.push(y);
    return out;
  }, [series, years]);

  const format = useMemo(
    () => coverageFormat(lang, k, t('tooltip.noData'), (value) => t('coverage.percent', { value })),
    [lang, k, t],
  );
  const supporterLabel = useCallback(
    (s: string) => (s === 'Municipality' ? t('coverage.supporterMunicipality') : s),
    [t],
  );
  const catchmentText =
    catchment.kind === 'radius'
      ? t('coverage.catchment.radiusLong', { km: catchment.km })
      : t(`coverage.catchment.${catchment.kind}Long`);

  const covered = useMemo(
    () => (coverage ? new Map(coverage.municipalities.map((m) => [m.lau_code, m])) : null),
    [coverage],
  );
  const isCovered = useMemo(
    () => (covered ? new Map([...covered].map(([c, m]) => [c, m.covered])) : null),
    [covered],
  );
  const fill = useCallback((lau: string) => coverageFill(isCovered, lau), [isCovered]);
  const detail = useCallback(
    (u: UnitFigures) =>
      [
        supporterLabel(u.supporter),
        t('coverage.tip.opened', { year: u.opened }),
        t('coverage.tip.assisted', { value: format.shown(u.assisted) }),
      ].join(' · '),
    [supporterLabel, t, format],
  );
  const points = useMemo(
    () => (coverage ? unitPoints(coverage.units, colors, since, detail) : []),
    [coverage, colors, since, detail],
  );
  const describe = useCallback(
    (lau: string) => {
      const m = byLau.get(lau);
      const c = covered?.get(lau);
      return {
        name: m?.name ?? lau,
        county: t('tooltip.county', { county: m?.qark_name ?? '' }),
        value: !c
          ? t('tooltip.noData')
          : c.covered
            ? t('coverage.tip.covered', { units: c.units.map((id) => unitNames.get(id) ?? id).join(', ') })
            : t('coverage.tip.uncovered'),
      };
    },
    [byLau, covered, unitNames, t],
  );
  const onSelect = useCallback((lau: string) => store.set({ selected: lau }), [store]);

  const statusText =
    status.state === 'error'
      ? t('status.error', { message: status.message })
      : error
        ? t('error.view', { message: error })
        : status.state === 'starting'
          ? t('coverage.status.starting')
          : !coverage
            ? t('coverage.status.loading')
            : t('coverage.status.ready', { year, catchment: catchmentText });
  const mapLabel = t('coverage.map.label', { year, catchment: catchmentText });
  const childSource = catalog.indicators.find((i) => i.id === 'child_pop')?.source[lang] ?? '';
  const definitions = t('coverage.notes.definitions', { k, max: k - 1 });
  const anySuppressed =
    coverage !== null &&
    [coverage.national, ...coverage.counties, ...coverage.units.map((u) => ({ assisted: u.assisted }))].some(
      (a) => a.assisted.suppressed,
    );

  return (
    <>
      <div className="controls coverage-controls">
        <CatchmentChooser code={code} onChange={(c) => store.set({ catchment: c })} />
        <div className="control">
          <label htmlFor={yearId}>
            {t('controls.year')}: <output data-testid="coverage-year-value">{year}</output>
          </label>
          <input
            id={yearId}
            type="range"
            min={years[0]}
            max={years[years.length - 1]}
            step={1}
            value={year}
            onChange={(e) => store.set({ year: Number(e.target.value) })}
            data-testid="coverage-year"
          />
        </div>
        <div className="control">
          <label htmlFor={sinceId}>{t('coverage.since.label')}</label>
          <select
            id={sinceId}
            className="coverage-since"
            value={since}
            onChange={(e) => setSince(Number(e.target.value))}
            data-testid="coverage-since"
          >
            {openedYears.map((y) => (
              <option key={y} value={y}>
                {y}
              </option>
            ))}
          </select>
        </div>
        <p className="status" role="status" data-testid="coverage-status">
          {statusText}
        </p>
      </div>
      <main className="main" id="map">
        <ErrorBoundary>
          <MapPanel
            boundaries={boundaries}
            neighbours={neighbours}
            fill={fill}
            dataKey={coverage ? `coverage:${code}:${year}:${k}:${since}:${version}` : null}
            selected={state.selected}
            onSelect={onSelect}
            describe={describe}
            label={mapLabel}
            points={points}
          />
        </ErrorBoundary>
        {coverage ? (
          <CoverageLegend
            coverage={coverage}
            catchment={catchmentText}
            colors={colors}
            supporterLabel={supporterLabel}
            since={since}
            format={format}
          />
        ) : (
          <aside className="side">
            <p className="hint">{statusText}</p>
          </aside>
        )}
      </main>
      <ErrorBoundary>
        <CoverageExports
          coverage={coverage}
          catchmentCode={code}
          boundaries={boundaries}
          neighbours={neighbours}
          fill={fill}
          points={points}
          countyNames={countyNames}
          text={{
            title: t('coverage.export.title', { year }),
            subtitle: t('coverage.export.subtitle', {
              n: municipalities.length,
              share: format.share(coverage?.national.share ?? null),
              catchment: catchmentText,
            }),
            legendTitle: t('coverage.legend.title', { year }),
            legend: [
              { color: COVERED, label: t('coverage.legend.covered') },
              { color: UNCOVERED, label: t('coverage.legend.uncovered') },
              ...[...colors].map(([s, color]) => ({
                color,
                label: t('coverage.export.unit', { supporter: supporterLabel(s) }),
              })),
            ],
            legendNotes: [
              t('coverage.export.recent', { year: since }),
              ...(anySuppressed ? [t('coverage.notes.suppressed', { max: k - 1 })] : []),
            ],
            date: t('export.date', { date: new Date().toISOString().slice(0, 10) }),
            note: [
              t('export.source', { source: childSource }),
              catalog.synthetic ? t('export.synthetic') : '',
            ]
              .filter(Boolean)
              .join(' '),
            attribution: t('map.attribution'),
            albania: t('coverage.albania'),
            group: t('coverage.export.group'),
          }}
        />
      </ErrorBoundary>
      {coverage && (
        <section className="coverage-section" aria-labelledby={`${yearId}-figures`}>
          <h2 id={`${yearId}-figures`}>{t('coverage.figures.title', { year })}</h2>
          <div className="coverage-scroll">
            <FiguresTable
              caption={t('coverage.figures.caption', { year, catchment: catchmentText })}
              counties={coverage.counties}
              national={coverage.national}
              names={countyNames}
              format={format}
            />
          </div>
          {series && (
            <CountyTrends series={series} names={countyNames} format={format} catchment={catchmentText} />
          )}
          <MunicipalityTable
            caption={t('coverage.municipalities.caption', { year, catchment: catchmentText })}
            coverage={coverage}
            municipalities={municipalities}
            unitNames={unitNames}
            format={format}
          />
          <UnitsTable
            caption={t('coverage.units.caption', { year })}
            coverage={coverage}
            municipalityName={(lau) => byLau.get(lau)?.name ?? lau}
            supporterLabel={supporterLabel}
            format={format}
          />
          <p className="hint coverage-note" data-testid="coverage-note">
            {definitions} {childSource}
          </p>
        </section>
      )}
      {series && series.length > 0 && (
        <section className="coverage-section" aria-labelledby={`${yearId}-time`}>
          <h2 id={`${yearId}-time`}>{t('coverage.charts.title')}</h2>
          <ErrorBoundary>
            <Suspense fallback={<p className="hint">{t('chart.waiting')}</p>}>
              <CoverageCharts
                series={series}
                colors={colors}
                supporterLabel={supporterLabel}
                format={format}
                catchment={catchmentText}
              />
            </Suspense>
          </ErrorBoundary>
        </section>
      )}
    </>
  );
}
