/** The map (or the two years side by side) and the panel beside it: legend, selection and its trend. */
import { ErrorBoundary } from '../../common/ErrorBoundary';
import { MapPanel } from '../../map/MapPanel';
import { SidePanel } from '../SidePanel';
import type { ViewContext } from '../views';
import type { MapViewModel } from './useMapView';

type Props = Pick<ViewContext, 'state' | 'status' | 'dataset' | 'neighbours'> & { view: MapViewModel };

/** The map's main area. */
export function MapArea({ state, status, dataset, neighbours, view }: Props) {
  const { meta, countyLevel, actions, texts, dataKey } = view;
  const side = state.compare === 'side';
  const mapPanel = (which: 1 | 2) => (
    <ErrorBoundary>
      <MapPanel
        boundaries={view.units}
        neighbours={neighbours}
        fill={which === 1 ? view.fill : view.fill2}
        dataKey={dataKey && (which === 1 ? dataKey : `${dataKey}#2`)}
        selected={state.selected}
        onSelect={actions.onSelect}
        describe={which === 1 ? view.describe : view.describe2}
        label={which === 1 ? texts.mapLabel : texts.mapLabel2}
        focus={view.focus}
        standby={countyLevel ? dataset.boundaries : view.counties}
      />
    </ErrorBoundary>
  );
  return (
    <main className={side ? 'main side-by-side' : 'main'} id="map">
      {side ? (
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
        lang={state.lang}
        scale={view.scale}
        digits={texts.digits}
        k={state.k}
        status={status}
        version={dataset.version}
        selected={texts.selected}
        onClear={actions.onClear}
        legendTitle={texts.legendTitle}
        legendMethod={texts.legendMethod}
        counties={countyLevel}
        legendNote={view.weightsNote}
        onYear={actions.onYear}
      />
    </main>
  );
}
