/**
 * The indicator map: controls, the map with its legend, the selected municipality's trend, the table.
 * Reads state, asks the engine through hooks, derives the rest; interactions only write state.
 */
import { useCallback, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { DEFAULT_K, isSuppressed } from '../analysis/suppression';
import type { MapValue } from '../data/engine';
import { MapPanel } from '../map/MapPanel';
import { buildScale, fillFor, NO_DATA } from '../map/scale';
import { Controls } from './Controls';
import { ErrorBoundary } from './ErrorBoundary';
import { digitsFor, formatShown } from './format';
import { beginInteraction } from './perf';
import { SidePanel } from './SidePanel';
import { useChoropleth, viewKey } from './useChoropleth';
import { MapExports } from './MapExports';
import { ValuesTable } from './ValuesTable';
import type { ViewContext } from './views';

/** The indicator map view. */
export default function MapView({ store, state, status, dataset, neighbours, municipalities }: ViewContext) {
  const { t } = useTranslation();
  const { catalog, boundaries, firstView, version } = dataset;
  const byLau = useMemo(() => new Map(municipalities.map((m) => [m.lau_code, m])), [municipalities]);
  const meta = catalog.indicators.find((i) => i.id === state.indicator) ?? catalog.indicators[0]!;
  const lang = state.lang;
  const digits = digitsFor(meta.aggregation);
  const K = state.k;
  const revision = `${version}:${K}`;
  // The first view was suppressed with the default threshold: it stands in only for that one.
  const {
    data: shown,
    current,
    error,
  } = useChoropleth(status, K === DEFAULT_K ? firstView : null, meta, state.year, revision, K);

  // A last guard at the view: while the answer for a new threshold is on its way, the values on screen were
  // suppressed with the old one, so a count below the current threshold is hidden here too.
  const values = useMemo(
    () =>
      new Map<string, MapValue>(
        shown?.values.map((v) => [
          v.lau_code,
          isSuppressed(meta, v.value, meta.aggregation === 'sum' ? v.value : null, K)
            ? { lau_code: v.lau_code, value: null, suppressed: true }
            : v,
        ]),
      ),
    [shown, meta, K],
  );
  // Every municipality counts in the legend: one missing from the data is "no data".
  const scale = useMemo(
    () =>
      shown
        ? buildScale(
            municipalities.map(
              (m) => values.get(m.lau_code) ?? { lau_code: m.lau_code, value: null, suppressed: false },
            ),
            meta.higherIsWorse,
          )
        : null,
    [shown, values, municipalities, meta],
  );
  const fill = useCallback(
    (lau: string) => (scale ? fillFor(scale, values.get(lau)) : NO_DATA),
    [scale, values],
  );
  const text = useCallback(
    (lau: string) =>
      formatShown(
        values.get(lau) ?? { value: null, suppressed: false },
        lang,
        digits,
        K,
        t('tooltip.noData'),
      ),
    [values, lang, digits, K, t],
  );
  const describe = useCallback(
    (lau: string) => {
      const m = byLau.get(lau);
      return {
        name: m?.name ?? lau,
        county: t('tooltip.county', { county: m?.qark_name ?? '' }),
        value: text(lau),
      };
    },
    [byLau, text, t],
  );

  const onIndicator = (id: string) => {
    beginInteraction('indicator', viewKey(id, state.year, revision));
    store.set({ indicator: id });
  };
  const onYear = (year: number) => {
    beginInteraction('year', viewKey(state.indicator, year, revision));
    store.set({ year });
  };
  const onSelect = useCallback((lau: string) => store.set({ selected: lau }), [store]);

  const statusText =
    status.state === 'error'
      ? t('status.error', { message: status.message })
      : error
        ? t('error.view', { message: error })
        : !current
          ? t('status.loading', { year: state.year })
          : status.state === 'starting'
            ? t('status.preview')
            : t('status.ready');
  const selected = state.selected ? byLau.get(state.selected) : undefined;
  const label = meta.label[lang];

  return (
    <>
      <Controls
        catalog={catalog}
        lang={lang}
        indicator={meta.id}
        year={state.year}
        status={statusText}
        k={K}
        onIndicator={onIndicator}
        onYear={onYear}
        onK={(k) => store.set({ k })}
      />
      <main className="main" id="map">
        <ErrorBoundary>
          <MapPanel
            boundaries={boundaries}
            neighbours={neighbours}
            fill={fill}
            dataKey={scale && shown ? shown.key : null}
            selected={state.selected}
            onSelect={onSelect}
            describe={describe}
            label={t('map.label', { indicator: label, year: state.year })}
          />
        </ErrorBoundary>
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
        />
      </main>
      <ErrorBoundary>
        <MapExports
          meta={meta}
          year={state.year}
          lang={lang}
          k={K}
          digits={digits}
          boundaries={boundaries}
          municipalities={municipalities}
          values={values}
          scale={scale}
          fill={fill}
          title={t('map.label', { indicator: label, year: state.year })}
          source={meta.source[lang]}
        />
      </ErrorBoundary>
      <ErrorBoundary>
        <ValuesTable
          caption={t('table.caption', { indicator: label, year: state.year })}
          rows={municipalities.map((m) => ({
            lau: m.lau_code,
            name: m.name,
            county: m.qark_name,
            text: text(m.lau_code),
            value: values.get(m.lau_code)?.value ?? null,
          }))}
          selected={state.selected}
          onSelect={onSelect}
        />
      </ErrorBoundary>
    </>
  );
}
