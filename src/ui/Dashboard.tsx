/**
 * The first screen: controls, the map with its legend, the selected municipality's trend, the table.
 * Reads state, asks the engine through hooks, derives the rest; interactions only write state.
 */
import { useCallback, useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { DEFAULT_K, isSuppressed } from '../analysis/suppression';
import type { MapValue } from '../data/engine';
import type { ReadInput } from '../data/import/read-types';
import type { CheckedBatch } from '../data/import/session';
import type { StaticData } from '../data/static';
import type { Lang } from '../i18n';
import { MapPanel } from '../map/MapPanel';
import { buildScale, fillFor, NO_DATA } from '../map/scale';
import { useAtlasState, type Store } from '../state/store';
import { Controls } from './Controls';
import { ErrorBoundary } from './ErrorBoundary';
import { digitsFor, formatShown } from './format';
import { Header } from './Header';
import { beginInteraction } from './perf';
import { SidePanel } from './SidePanel';
import { useChoropleth, viewKey } from './useChoropleth';
import { useDataset } from './useDataset';
import { useEngine } from './useEngine';
import { ImportPanel } from './import/ImportPanel';
import { useRestore } from './import/useRestore';
import { ValuesTable } from './ValuesTable';

interface Props {
  data: StaticData;
  store: Store;
  onLang: (lang: Lang) => void;
}

/** The dashboard. */
export function Dashboard({ data, store, onLang }: Props) {
  const { t } = useTranslation();
  const state = useAtlasState(store);
  const { dataset, context, applied } = useDataset(data);
  const { catalog, boundaries, firstView, version } = dataset;
  const { neighbours } = data;
  const municipalities = useMemo(() => boundaries.features.map((f) => f.properties), [boundaries]);
  const byLau = useMemo(() => new Map(municipalities.map((m) => [m.lau_code, m])), [municipalities]);
  // The engine loads the bundled boundaries' municipalities once; imports check against `context`.
  const bundled = useMemo(() => data.boundaries.features.map((f) => f.properties), [data.boundaries]);
  const status = useEngine(bundled, context);
  const [ownFiles, setOwnFiles] = useState<string[]>([]);
  const onLoaded = useCallback(
    async (batch: CheckedBatch, files: ReadInput[]) => {
      if (status.state !== 'ready') return;
      applied(batch, await status.engine.indicatorsPresent());
      setOwnFiles(files.map((f) => f.name));
    },
    [status, applied],
  );
  const restored = useRestore(status, onLoaded);
  // Warm the engine's cache with every indicator once it is ready: switching indicator then costs no query.
  useEffect(() => {
    if (status.state !== 'ready') return;
    void (async () => {
      try {
        for (const m of catalog.indicators) await status.engine.choropleth(m, catalog.defaultYear, state.k);
      } catch {
        // A failing indicator reports its error when it is shown; warming is only an optimisation.
      }
    })();
  }, [status, catalog, state.k]);
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
    <div className="app" lang={lang}>
      <Header lang={lang} onLang={onLang} synthetic={catalog.synthetic} />
      {(ownFiles.length > 0 || restored > 0) && (
        <p className="own-data" role="note" data-testid="own-data">
          {restored > 0 && `${t('import.restored', { count: restored })} `}
          {t('import.ownData', { files: ownFiles.join(', ') })}
        </p>
      )}
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
      {status.state === 'ready' && (
        <ErrorBoundary>
          <ImportPanel importer={status.importer} onLoaded={onLoaded} />
        </ErrorBoundary>
      )}
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
      <footer className="footer">
        <p>
          {catalog.synthetic || ownFiles.length === 0
            ? meta.source[lang]
            : t('import.ownData', { files: ownFiles.join(', ') })}
        </p>
      </footer>
    </div>
  );
}
