/**
 * The hotspots view (issue 6): where school dropout clusters. Settings live in `state.hotspots` (the URL);
 * the engine gives the analysis input, the worker runs the statistics (./useHotspotsView), and the view draws
 * the classes (or the persistence patterns, or the schools' rates), a legend naming the correction, a table
 * alternative and the trend of a selected hot-spot cluster against Albania.
 */
import { ErrorBoundary } from '../../common/ErrorBoundary';
import { MapPanel } from '../../map/MapPanel';
import type { ViewContext } from '../views';
import { ClusterPanel } from './ClusterPanel';
import { HotspotsControls } from './HotspotsControls';
import { HotspotsLegend } from './HotspotsLegend';
import { HotspotsTable } from './HotspotsTable';
import { useHotspotsView } from './useHotspotsView';

/** The hotspots view. */
export default function HotspotsView(context: ViewContext) {
  const { state, dataset, neighbours } = context;
  const { settings, update, years, year, statusText, view, map, legend, selection, table } =
    useHotspotsView(context);
  return (
    <>
      <HotspotsControls settings={settings} years={years} year={year} onChange={update} />
      <p className="hint hotspots-status" role="status" aria-live="polite" data-testid="hotspots-status">
        {statusText}
      </p>
      <main
        className="main"
        id="map"
        data-testid="hotspots-view"
        data-state={view.state}
        data-key={view.key}
        data-ms={view.ms}
      >
        <ErrorBoundary>
          <MapPanel
            boundaries={dataset.boundaries}
            neighbours={neighbours}
            fill={map.fill}
            dataKey={map.dataKey}
            selected={state.selected}
            onSelect={map.onSelect}
            describe={map.describe}
            label={map.label}
            points={map.points}
          />
        </ErrorBoundary>
        <aside className="side">
          <HotspotsLegend {...legend} />
          <ClusterPanel {...selection} lang={state.lang} k={state.k} />
        </aside>
      </main>
      {table && (
        <ErrorBoundary>
          <HotspotsTable {...table} selected={state.selected} onSelect={map.onSelect} />
        </ErrorBoundary>
      )}
    </>
  );
}
