/**
 * The app's frame: header, view switch, the chosen view, the import panel and the data note. Loads the
 * dataset and starts the engine once for every view; each view is caught by its own error boundary.
 */
import { lazy, Suspense, useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ReadInput } from '../import/read-types';
import type { CheckedBatch } from '../import/session';
import type { StaticData } from '../engine/static';
import type { Lang } from '../i18n';
import { useAtlasState, type Store, type ViewId } from '../state/store';
import { ErrorBoundary } from '../common/ErrorBoundary';
import { Header } from './Header';
import { HealthNotice } from './HealthNotice';
import { useRestore } from './import/useRestore';
import MapView from './MapView';
import { OwnDataNote, SourcesLine } from './own/OwnDataNote';
import { ownIndicatorFor } from './own/own-data';
import { useOwnData } from './own/useOwnData';
import { PublishButton } from './publish/PublishButton';
import { usePublishSources } from './publish/usePublishSources';
import { UpdateBanner } from './pwa/UpdateBanner';
import { useDataset } from './useDataset';
import { useEngine } from './useEngine';
import { ViewTabs } from './ViewTabs';
import type { ViewContext } from './views';

const CoverageView = lazy(() => import('./coverage/CoverageView'));
const HotspotsView = lazy(() => import('./hotspots/HotspotsView'));
const PlannerView = lazy(() => import('./planner/PlannerView'));
const CasesView = lazy(() => import('./cases/CasesView'));
// The import panel shows once the engine is ready; its code (readers' texts, the column mapping, the
// problem catalogs of both languages) loads then, not with the first screen.
const ImportPanel = lazy(() => import('./import/ImportPanel').then((m) => ({ default: m.ImportPanel })));

const VIEW_COMPONENTS: Record<ViewId, React.ComponentType<ViewContext>> = {
  map: MapView,
  coverage: CoverageView,
  hotspots: HotspotsView,
  planner: PlannerView,
  cases: CasesView,
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
  const { dataset: loaded, context, applied } = useDataset(data);
  const { neighbours } = data;
  // The engine loads the bundled boundaries' municipalities once; imports check against `context`.
  const bundled = useMemo(() => data.boundaries.features.map((f) => f.properties), [data.boundaries]);
  const engineStatus = useEngine(bundled, context);
  // The user's values against the demo's: the views get the engine and dataset of the chosen scope.
  const own = useOwnData(engineStatus, loaded, state);
  const { status, dataset } = own;
  const { catalog, boundaries } = dataset;
  const municipalities = useMemo(() => boundaries.features.map((f) => f.properties), [boundaries]);
  const [ownFiles, setOwnFiles] = useState<string[]>([]);
  const publishSources = usePublishSources();
  const { record } = publishSources;
  // Read at load time, not a dependency: a new onLoaded would make useRestore load the saved files again.
  const indicators = useRef(loaded.catalog.indicators);
  useEffect(() => {
    indicators.current = loaded.catalog.indicators;
  }, [loaded.catalog.indicators]);
  const onLoaded = useCallback(
    async (batch: CheckedBatch, files: ReadInput[]) => {
      if (engineStatus.state !== 'ready') return;
      const { engine } = engineStatus;
      applied(batch, await engine.indicatorsPresent());
      setOwnFiles(files.map((f) => f.name));
      await record(batch, files);
      // Show the user's own values: an indicator of theirs if the one on screen has none.
      const all = [...indicators.current, ...batch.indicators];
      const next = ownIndicatorFor(store.get().indicator, all, await engine.valueSources());
      if (next) store.set({ indicator: next, selected: null });
    },
    [engineStatus, applied, store, record],
  );
  const restored = useRestore(engineStatus, onLoaded);
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
  // A site needs the user's own values (or cases): "Publish these data" shows only then.
  const publishable = loaded.ownKinds.some((k) => k === 'indicator_values' || k === 'cases');
  const meta = catalog.indicators.find((i) => i.id === state.indicator) ?? catalog.indicators[0]!;
  const View = VIEW_COMPONENTS[state.view];
  const context_: ViewContext = { store, state, status, dataset, neighbours, municipalities };

  return (
    <div className="app" lang={lang}>
      <Header lang={lang} onLang={onLang} banner={own.banner} />
      <UpdateBanner />
      <ViewTabs state={state} onView={(view) => store.set({ view })} />
      <HealthNotice />
      {(ownFiles.length > 0 || restored > 0) && (
        <OwnDataNote
          files={ownFiles}
          restored={restored}
          offer={own.hasOwn}
          onlyMine={state.own}
          onOnlyMine={(on) => store.set({ own: on })}
        />
      )}
      <ErrorBoundary key={state.view}>
        <Suspense fallback={<p className="loading">{t(`views.${state.view}`)}…</p>}>
          <View {...context_} />
        </Suspense>
      </ErrorBoundary>
      {status.state === 'ready' && (
        <ErrorBoundary>
          <Suspense fallback={null}>
            <ImportPanel
              importer={status.importer}
              indicators={loaded.catalog.indicators}
              onLoaded={onLoaded}
              onShow={onShow}
              note={own.groups && <SourcesLine groups={own.groups} lang={lang} />}
            />
          </Suspense>
        </ErrorBoundary>
      )}
      {status.state === 'ready' && publishable && (
        <ErrorBoundary>
          <PublishButton
            importer={status.importer}
            base={data.catalog}
            sources={publishSources.sources}
            kinds={loaded.ownKinds}
            k={state.k}
            lang={lang}
          />
        </ErrorBoundary>
      )}
      <footer className="footer">
        <p>
          {ownFiles.length === 0 || !own.groups || own.groups.demo.includes(meta)
            ? meta.source[lang]
            : t('import.ownData', { files: ownFiles.join(', ') })}
        </p>
      </footer>
    </div>
  );
}
