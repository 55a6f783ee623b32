/**
 * The indicator map: controls, the map (or two, side by side) with its legend, the selected unit's trend,
 * small multiples by county, exports and the table. Reads state, asks the engine through hooks, derives
 * the rest (./map/derive); interactions only write state.
 */
import { useCallback, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { DEFAULT_K, isSuppressed } from '../analysis/suppression';
import type { MapValue } from '../engine/engine';
import { bboxOf } from '../map/geometry';
import { MapPanel } from '../map/MapPanel';
import { buildScale, fillFor, NO_DATA } from '../map/scale';
import type { AtlasState } from '../state/store';
import { Controls } from './Controls';
import { ErrorBoundary } from '../common/ErrorBoundary';
import { digitsFor, formatShown } from '../common/format';
import { ClassControls } from './map/ClassControls';
import { choicesKey, deriveMap, type MapChoices } from './map/derive';
import { GeoControls } from './map/GeoControls';
import { SmallMultiples } from './map/SmallMultiples';
import { TimeControls } from './map/TimeControls';
import { useCounties } from './map/useCounties';
import { useSeries } from './map/useSeries';
import { MapExports } from './MapExports';
import { beginInteraction, type InteractionKind } from '../common/perf';
import { SidePanel } from './SidePanel';
import { ValuesTable } from './ValuesTable';
import type { ViewContext } from './views';

/** The indicator map view. */
export default function MapView({ store, state, status, dataset, neighbours, municipalities }: ViewContext) {
  const { t } = useTranslation();
  const { catalog, boundaries, firstView, version } = dataset;
  const lang = state.lang;
  const K = state.k;
  const meta = catalog.indicators.find((i) => i.id === state.indicator) ?? catalog.indicators[0]!;
  const revision = `${version}:${K}`;
  const byLau = useMemo(() => new Map(municipalities.map((m) => [m.lau_code, m])), [municipalities]);
  // Fetched once the engine is up (or at once for a county link), so switching level never waits for it.
  const { counties } = useCounties(state.level === 'county' || status.state === 'ready');
  // The first view was suppressed with the default threshold: it stands in only for that one.
  const fv = K === DEFAULT_K ? firstView : null;
  const main = useSeries(status, fv, meta, state.level, revision, K);
  const byCounty = useSeries(status, null, meta, 'county', revision, K);
  // The level of the values on screen: it follows the choice once that level's values have arrived.
  const countyLevel = main.level === 'county' && counties !== null;

  // A last guard at the view: while the answer for a new threshold is on its way, the values on screen were
  // suppressed with the old one, so a count below the current threshold is hidden here too.
  const series = useMemo(() => {
    if (!main.series) return null;
    const guard = (v: MapValue): MapValue =>
      isSuppressed(meta, v.value, meta.aggregation === 'sum' ? v.value : (v.numerator ?? null), K)
        ? { lau_code: v.lau_code, value: null, suppressed: true, numerator: null, denominator: null }
        : v;
    return new Map([...main.series].map(([y, list]) => [y, list.map(guard)]));
  }, [main.series, meta, K]);

  const choices: MapChoices = useMemo(
    () => ({ ...state, level: countyLevel ? 'county' : 'municipality' }),
    [state, countyLevel],
  );
  // The years the picture needs must be there (the first view holds only the default year).
  const complete = series?.has(state.year) === true && (state.compare === 'none' || series.has(state.year2));
  // Only what the values depend on: a classification or palette change keeps them (and the table's rows).
  const { year, year2, measure, compare, fixed } = state;
  const derived = useMemo(
    () => (series && complete ? deriveMap(meta, series, { year, year2, measure, compare, fixed }) : null),
    [series, complete, meta, year, year2, measure, compare, fixed],
  );
  // Units on the map: counties, all municipalities, or those of the county drilled into.
  const units = useMemo(() => {
    if (countyLevel && counties) return counties;
    if (!state.county) return boundaries;
    return {
      ...boundaries,
      features: boundaries.features.filter((f) => f.properties.qark_code === state.county),
    };
  }, [countyLevel, counties, boundaries, state.county]);
  const unitList = useMemo(() => units?.features.map((f) => f.properties) ?? [], [units]);

  const values = derived?.values;
  const scale = useMemo(
    () =>
      derived && values
        ? buildScale(
            unitList.map(
              (m) => values.get(m.lau_code) ?? { lau_code: m.lau_code, value: null, suppressed: false },
            ),
            {
              method: state.method,
              classes: state.classes,
              palette: state.palette,
              manual: state.manual,
              higherIsWorse: meta.higherIsWorse,
              diverging: derived.diverging,
              basis: derived.basis,
            },
          )
        : null,
    [derived, values, unitList, state.method, state.classes, state.palette, state.manual, meta],
  );
  const fill = useCallback(
    (lau: string) => (scale ? fillFor(scale, values?.get(lau)) : NO_DATA),
    [scale, values],
  );
  const second = derived?.second;
  const fill2 = useCallback(
    (lau: string) => (scale ? fillFor(scale, second?.get(lau)) : NO_DATA),
    [scale, second],
  );
  const digits = derived?.measure === 'count' ? 0 : digitsFor(meta.aggregation);
  const noData = t('tooltip.noData');
  const text = useCallback(
    (lau: string, from = values) =>
      formatShown(from?.get(lau) ?? { value: null, suppressed: false }, lang, digits, K, noData),
    [values, lang, digits, K, noData],
  );
  const nameOf = useCallback(
    (lau: string) => unitList.find((u) => u.lau_code === lau)?.name ?? byLau.get(lau)?.name ?? lau,
    [unitList, byLau],
  );
  const describe = useCallback(
    (lau: string) => ({
      name: nameOf(lau),
      county: countyLevel ? '' : t('tooltip.county', { county: byLau.get(lau)?.qark_name ?? '' }),
      value: text(lau),
    }),
    [nameOf, countyLevel, byLau, text, t],
  );
  const describe2 = useCallback(
    (lau: string) => ({ ...describe(lau), value: text(lau, second ?? undefined) }),
    [describe, text, second],
  );

  const tableRows = useMemo(
    () =>
      unitList.map((m) => ({
        lau: m.lau_code,
        name: m.name,
        county: m.qark_name,
        text: text(m.lau_code),
        value: values?.get(m.lau_code)?.value ?? null,
      })),
    [unitList, text, values],
  );

  const dataKey = scale && main.key ? `${main.key}#${choicesKey(choices, state.county)}` : null;
  /** Writes state; a change that repaints the map is measured from here to the frame that shows it. */
  const change = useCallback(
    (kind: InteractionKind | null, patch: Partial<AtlasState>) => {
      if (kind) {
        // The key the map draws once the patched state's values are on screen (see `dataKey`).
        const next = { ...store.get(), ...patch };
        beginInteraction(
          kind,
          `${next.indicator}|${next.level}|${revision}#${choicesKey(next, next.county)}`,
        );
      }
      store.set(patch);
    },
    [store, revision],
  );
  const onYear = useCallback((year: number) => change('year', { year }), [change]);
  const onSelect = useCallback(
    (code: string) =>
      store.get().level === 'county'
        ? store.set({ level: 'municipality', county: code, selected: null })
        : store.set({ selected: code }),
    [store],
  );

  const onCounty = useCallback(
    (code: string) => store.set({ level: 'municipality', county: code, selected: null }),
    [store],
  );

  // Zoom: to the county drilled into, or to a municipality the user asked to zoom to.
  const [zoomTo, setZoomTo] = useState<string | null>(null);
  const focus = useMemo(() => {
    const lau = zoomTo && zoomTo === state.selected ? zoomTo : null;
    const features = boundaries.features.filter((f) =>
      lau ? f.properties.lau_code === lau : state.county !== null && f.properties.qark_code === state.county,
    );
    return bboxOf(features);
  }, [zoomTo, state.selected, state.county, boundaries]);

  const statusText =
    status.state === 'error'
      ? t('status.error', { message: status.message })
      : main.error
        ? t('error.view', { message: main.error })
        : !main.current && status.state === 'ready'
          ? t('status.loading', { year: state.year })
          : status.state === 'starting'
            ? t('status.preview')
            : t('status.ready');
  const selected = !countyLevel && state.selected ? byLau.get(state.selected) : undefined;
  const label = meta.label[lang];
  const measureWord =
    derived?.measure === 'count'
      ? t('classes.measures.count')
      : derived?.measure === 'smoothed'
        ? t('legend.smoothed')
        : null;
  const indicatorText = measureWord ? `${label} (${measureWord})` : label;
  const legendMethod = [
    scale ? t(`classes.methods.${scale.method}`) : '',
    state.fixed ? t('classes.fixedShort') : '',
    derived?.measure === 'smoothed' ? t('legend.smoothedNote') : '',
  ]
    .filter(Boolean)
    .join(' · ');
  const legendTitle =
    state.compare === 'change'
      ? t('legend.change', { indicator: indicatorText, from: state.year2, to: state.year })
      : state.compare === 'side'
        ? t('legend.side', { indicator: indicatorText, a: state.year2, b: state.year })
        : t('legend.title', { indicator: indicatorText, year: state.year });
  const mapLabel = (year: number) =>
    t(countyLevel ? 'map.labelCounty' : 'map.label', { indicator: indicatorText, year });
  const highlightCounty = countyLevel ? null : (state.county ?? selected?.qark_code ?? null);
  const countyList = useMemo(() => {
    const seen = new Map<string, string>();
    for (const m of municipalities) if (!seen.has(m.qark_code)) seen.set(m.qark_code, m.qark_name);
    return [...seen]
      .map(([code, name]) => ({ code, name }))
      .sort((a, b) => a.name.localeCompare(b.name, 'sq'));
  }, [municipalities]);

  const mapPanel = (which: 1 | 2) => (
    <ErrorBoundary>
      <MapPanel
        boundaries={units}
        neighbours={neighbours}
        fill={which === 1 ? fill : fill2}
        dataKey={dataKey && (which === 1 ? dataKey : `${dataKey}#2`)}
        selected={state.selected}
        onSelect={onSelect}
        describe={which === 1 ? describe : describe2}
        label={which === 1 ? mapLabel(state.year) : mapLabel(state.year2)}
        focus={focus}
        standby={countyLevel ? boundaries : counties}
      />
    </ErrorBoundary>
  );

  return (
    <>
      <Controls
        catalog={catalog}
        lang={lang}
        indicator={meta.id}
        year={state.year}
        status={statusText}
        k={K}
        onIndicator={(id) => change('indicator', { indicator: id })}
        onYear={onYear}
        onK={(k) => store.set({ k })}
      />
      <details className="map-options">
        <summary>{t('options.title')}</summary>
        <div className="options-row">
          <ClassControls
            state={state}
            isRate={meta.aggregation === 'ratio'}
            diverging={state.compare === 'change'}
            problem={scale?.problem ?? null}
            onChange={(patch) => change('class', patch)}
          />
          <TimeControls
            state={state}
            years={catalog.years}
            onYear={onYear}
            onChange={(patch) => change('class', patch)}
          />
          <GeoControls
            state={state}
            municipalities={municipalities}
            onChange={(patch) => change(patch.level && patch.level !== state.level ? 'level' : null, patch)}
            onZoom={(lau) => setZoomTo(lau ?? state.selected)}
          />
        </div>
      </details>
      <main className={state.compare === 'side' ? 'main side-by-side' : 'main'} id="map">
        {state.compare === 'side' ? (
          <div className="map-pair">
            <figure>
              <figcaption>{state.year2}</figcaption>
              {mapPanel(2)}
            </figure>
            <figure>
              <figcaption>{state.year}</figcaption>
              {mapPanel(1)}
            </figure>
          </div>
        ) : (
          mapPanel(1)
        )}
        <SidePanel
          meta={meta}
          year={state.year}
          lang={lang}
          scale={scale}
          digits={digits}
          k={K}
          status={status}
          version={version}
          selected={
            selected ? { lau: selected.lau_code, name: selected.name, county: selected.qark_name } : null
          }
          onClear={() => store.set({ selected: null })}
          legendTitle={legendTitle}
          legendMethod={legendMethod}
          counties={countyLevel}
          onYear={onYear}
        />
      </main>
      {byCounty.series && (
        <ErrorBoundary>
          <SmallMultiples
            counties={countyList}
            series={byCounty.series}
            year={state.year}
            highlight={highlightCounty}
            lang={lang}
            digits={digitsFor(meta.aggregation)}
            k={K}
            title={t('smallMultiples.title', { indicator: label })}
            onCounty={onCounty}
            onYear={onYear}
          />
        </ErrorBoundary>
      )}
      <ErrorBoundary>
        <MapExports
          meta={meta}
          year={state.year}
          lang={lang}
          k={K}
          digits={digits}
          boundaries={units ?? boundaries}
          municipalities={unitList}
          values={values ?? new Map()}
          scale={scale}
          fill={fill}
          title={legendTitle}
          source={meta.source[lang]}
          neighbours={neighbours}
          selected={countyLevel ? null : state.selected}
          synthetic={catalog.synthetic}
          method={legendMethod}
          counties={countyLevel}
        />
      </ErrorBoundary>
      <ErrorBoundary>
        <ValuesTable
          caption={t(countyLevel ? 'table.captionCounty' : 'table.caption', {
            indicator: legendTitle,
            year: state.year,
          })}
          unitLabel={countyLevel ? t('table.county') : undefined}
          hideCounty={countyLevel}
          rows={tableRows}
          selected={state.selected}
          onSelect={onSelect}
        />
      </ErrorBoundary>
    </>
  );
}
