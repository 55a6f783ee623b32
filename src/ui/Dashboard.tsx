/**
 * The app's frame: header, view switch, the chosen view, the import panel and the data note. Loads the
 * dataset and starts the engine once for every view; each view is caught by its own error boundary.
 */
import { lazy, Suspense, useCallback, useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ReadInput } from '../import/read-types';
import type { CheckedBatch } from '../import/session';
import type { StaticData } from '../engine/static';
import type { Lang } from '../i18n';
import { useAtlasState, type Store, type ViewId } from '../state/store';
import { ErrorBoundary } from '../common/ErrorBoundary';
import { Header } from './Header';
import { ImportPanel } from './import/ImportPanel';
import { useRestore } from './import/useRestore';
import MapView from './MapView';
import { useDataset } from './useDataset';
import { useEngine } from './useEngine';
import { ViewTabs } from './ViewTabs';
import type { ViewContext } from './views';

const CoverageView = lazy(() => import('./coverage/CoverageView'));
const HotspotsView = lazy(() => import('./hotspots/HotspotsView'));
const PlannerView = lazy(() => import('./planner/PlannerView'));

const VIEW_COMPONENTS: Record<ViewId, React.ComponentType<ViewContext>> = {
  map: MapView,
  coverage: CoverageView,
  hotspots: HotspotsView,
  planner: PlannerView,
};

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
  const { catalog, boundaries } = dataset;
  const { neighbours } = data;
  const municipalities = useMemo(() => boundaries.features.map((f) => f.properties), [boundaries]);
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
  const onShow = useCallback((indicator: string) => store.set({ indicator }), [store]);
  // Warm the engine's cache with every indicator, at both levels, once it is ready: switching indicator or
  // level then costs no query.
  useEffect(() => {
    if (status.state !== 'ready') return;
    void (async () => {
      try {
        for (const m of catalog.indicators) {
          await status.engine.allYears(m, state.k);
          await status.engine.countyYears(m, state.k);
        }
      } catch {
        // A failing indicator reports its error when it is shown; warming is only an optimisation.
      }
    })();
  }, [status, catalog, state.k]);

  const lang = state.lang;
  const meta = catalog.indicators.find((i) => i.id === state.indicator) ?? catalog.indicators[0]!;
  const View = VIEW_COMPONENTS[state.view];
  const context_: ViewContext = { store, state, status, dataset, neighbours, municipalities };

  return (
    <div className="app" lang={lang}>
      <Header lang={lang} onLang={onLang} synthetic={catalog.synthetic} />
      <ViewTabs state={state} onView={(view) => store.set({ view })} />
      {(ownFiles.length > 0 || restored > 0) && (
        <p className="own-data" role="note" data-testid="own-data">
          {restored > 0 && `${t('import.restored', { count: restored })} `}
          {t('import.ownData', { files: ownFiles.join(', ') })}
        </p>
      )}
      <ErrorBoundary key={state.view}>
        <Suspense fallback={<p className="loading">{t(`views.${state.view}`)}…</p>}>
          <View {...context_} />
        </Suspense>
      </ErrorBoundary>
      {status.state === 'ready' && (
        <ErrorBoundary>
          <ImportPanel
            importer={status.importer}
            indicators={catalog.indicators}
            onLoaded={onLoaded}
            onShow={onShow}
          />
        </ErrorBoundary>
      )}
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
