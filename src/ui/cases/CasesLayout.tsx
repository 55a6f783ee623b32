/**
 * The case explorer's parts: the controls (count or rate, reset) and the summary line; the disclosure note;
 * the map beside the ranked municipalities; the facet charts and the month chart; the exports; the tables.
 */
import { useCallback, useId, useMemo } from 'react';
import { ErrorBoundary } from '../../common/ErrorBoundary';
import type { CaseBar, CaseCategoryDim, CaseDim, CasesInfo } from '../../engine/cases-types';
import { NO_DATA } from '../../map/scale';
import type { ViewContext } from '../views';
import { BarChart } from './BarChart';
import { hasFilters } from './cases-derive';
import { filterParts, monthLabel, RATE_DIGITS, SUPPRESSED_MARK } from './cases-texts';
import { CasesDisclosure } from './CasesDisclosure';
import { CasesExports } from './CasesExports';
import { CasesLegend, CasesMap } from './CasesMap';
import { CasesTables } from './CasesTables';
import { TimeChart } from './TimeChart';
import { TOP_MUNICIPALITIES, type CasesProps } from './useCasesProps';
import type { CasesViewData } from './useCasesView';

/** The facet charts under the map, in order. */
const CHARTS: readonly CaseCategoryDim[] = ['case_type', 'referral_source', 'age_band', 'sex'];
const NONE: readonly string[] = [];
const noFill = () => NO_DATA;

interface Props {
  data: CasesViewData;
  info: CasesInfo;
  props: CasesProps;
  ctx: ViewContext;
}

/** The explorer's layout. */
export function CasesLayout({ data, info, props: p, ctx }: Props) {
  const { t, lang } = p;
  const measureId = useId();
  const { facets } = data.answer;
  const { on, filters } = data;
  const { measure } = data.settings;
  const bars = (dim: CaseDim): readonly CaseBar[] => facets?.facets[dim] ?? [];
  const labelOf = useMemo(
    () =>
      Object.fromEntries(CHARTS.map((d) => [d, (v: string) => p.label(d, v)])) as Record<
        CaseCategoryDim,
        (v: string) => string
      >,
    [p],
  );
  const { onToggle } = on;
  const onMapToggle = useCallback((lau: string) => onToggle('lau_code', lau), [onToggle]);
  const selectedOf = useCallback((dim: CaseCategoryDim) => filters[dim] ?? NONE, [filters]);
  const lauLabel = useMemo(() => (v: string) => p.label('lau_code', v), [p]);
  const filtersText = filterParts({ t, lang, names: p.names }, filters).join('; ') || t('cases.noFilter');
  const selectedLau = filters.lau_code ?? NONE;
  const total = facets?.total ?? null;
  return (
    <>
      <div className="controls cases-controls">
        <div className="control">
          <label htmlFor={measureId}>{t('cases.measure')}</label>
          <select
            id={measureId}
            value={measure}
            onChange={(e) => on.onMeasure(e.target.value === 'rate' ? 'rate' : 'count')}
            data-testid="cases-measure"
          >
            <option value="count">{t('cases.unitCount')}</option>
            <option value="rate">{t('cases.unitRate')}</option>
          </select>
        </div>
        <button type="button" onClick={on.onReset} disabled={!hasFilters(filters)} data-testid="cases-reset">
          {t('cases.reset')}
        </button>
        <p
          className="cases-summary"
          role="status"
          aria-live="polite"
          aria-busy={data.answer.pending}
          data-testid="cases-summary"
        >
          {facets && (
            <>
              <strong data-testid="cases-total" data-count={total ?? ''}>
                {total === null ? (
                  <>
                    <span aria-hidden="true">{SUPPRESSED_MARK}</span>
                    <span className="sr-only">{t('cases.suppressed')}</span>
                  </>
                ) : (
                  p.count(total)
                )}
              </strong>{' '}
              {p.summary}
            </>
          )}
        </p>
      </div>
      <CasesDisclosure info={info} k={data.k} perturb={data.perturb} onPerturb={on.onPerturb} />
      <main
        className="main cases-main"
        id="map"
        data-testid="cases-view"
        data-state={facets && !data.answer.pending ? 'ready' : 'loading'}
        data-key={data.viewKey ?? ''}
        aria-busy={data.answer.pending}
      >
        <ErrorBoundary>
          <CasesMap
            boundaries={ctx.dataset.boundaries}
            neighbours={ctx.neighbours}
            fill={p.map?.fill ?? noFill}
            dataKey={p.map?.key ?? null}
            selected={selectedLau}
            onToggle={onMapToggle}
            describe={p.describe}
            label={p.mapText.label}
          />
        </ErrorBoundary>
        <aside className="side cases-side">
          {p.map && (
            <CasesLegend
              scale={p.map.scale}
              lang={lang}
              k={data.k}
              digits={measure === 'rate' ? RATE_DIGITS : 0}
              text={p.mapText}
            />
          )}
          <BarChart
            dim="lau_code"
            title={t('cases.topTitle', { n: TOP_MUNICIPALITIES })}
            note={t('cases.topNote', { unit: p.mapText.unit })}
            bars={p.ranked}
            selected={selectedLau}
            label={lauLabel}
            valueText={p.valueText}
            suppressedText={t('cases.suppressed')}
            measure={measure}
            onToggle={on.onToggle}
            onActivate={on.onActivate}
          />
        </aside>
      </main>
      <section className="cases-charts" aria-label={t('cases.chartsLabel')}>
        {CHARTS.map((dim) => (
          <BarChart
            key={dim}
            dim={dim}
            title={t(`cases.dim.${dim}`)}
            bars={bars(dim)}
            selected={filters[dim] ?? NONE}
            label={labelOf[dim]}
            valueText={p.countOnly}
            suppressedText={t('cases.suppressed')}
            onToggle={on.onToggle}
            onActivate={on.onActivate}
          />
        ))}
        <TimeChart
          bars={bars('period')}
          periods={info.periods}
          period={filters.period ?? null}
          monthLabel={(i) => monthLabel(t, i)}
          text={{
            title: t('cases.dim.period'),
            from: t('cases.from'),
            to: t('cases.to'),
            clear: t('cases.allMonths'),
            picture: t('cases.timePicture'),
          }}
          onPeriod={on.onPeriod}
          onActivate={() => on.onActivate('period')}
        />
      </section>
      <ErrorBoundary>
        <CasesExports
          facets={facets}
          scale={p.map?.scale ?? null}
          fill={p.map?.fill ?? noFill}
          boundaries={ctx.dataset.boundaries}
          neighbours={ctx.neighbours}
          selected={selectedLau}
          label={p.label}
          lang={lang}
          k={data.k}
          perturb={data.perturb}
          demo={info.source === 'demo'}
          digits={measure === 'rate' ? RATE_DIGITS : 0}
          text={{
            title: t('cases.mapTitle'),
            unit: p.mapText.unit,
            summary: `${total === null ? SUPPRESSED_MARK : p.count(total)} ${p.summary}`,
            filters: filtersText,
          }}
        />
      </ErrorBoundary>
      {facets && (
        <CasesTables
          facets={[
            { dim: 'lau_code', title: t('cases.dim.lau_code'), bars: bars('lau_code') },
            ...CHARTS.map((dim) => ({ dim, title: t(`cases.dim.${dim}`), bars: bars(dim) })),
            { dim: 'period' as const, title: t('cases.dim.period'), bars: bars('period') },
          ]}
          label={p.label}
          count={p.count}
          rate={p.rate}
          selected={selectedOf}
          onToggle={on.onToggle}
          text={{
            heading: t('cases.tables'),
            value: t('cases.tableValue'),
            count: t('cases.tableCount'),
            rate: t('cases.unitRate'),
            suppressed: t('cases.suppressed'),
            caption: t('cases.tablesNote'),
          }}
        />
      )}
    </>
  );
}
