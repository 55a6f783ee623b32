/**
 * The indicator map: controls, the map (or two, side by side) with its legend, the selected unit's trend,
 * small multiples by county, exports and the table. A layout only: ./map/useMapView asks the engine
 * (./map/useMapData) and builds the props (./map/map-view-props); interactions only write state
 * (./map/useMapActions).
 */
import { ErrorBoundary } from '../common/ErrorBoundary';
import { Controls } from './Controls';
import { MapArea } from './map/MapArea';
import { MapOptions } from './map/MapOptions';
import { SmallMultiples } from './map/SmallMultiples';
import { useMapView } from './map/useMapView';
import { MapExports } from './MapExports';
import { ValuesTable } from './ValuesTable';
import type { ViewContext } from './views';

/** The indicator map view. */
export default function MapView(ctx: ViewContext) {
  const { state, status, dataset, neighbours, municipalities } = ctx;
  const { catalog } = dataset;
  const { lang, k: K } = state;
  const view = useMapView(ctx);
  const { meta, countyLevel, actions, texts, scale } = view;
  const series = view.byCounty.series;

  return (
    <>
      <Controls
        catalog={catalog}
        lang={lang}
        indicator={meta.id}
        year={state.year}
        status={texts.status}
        k={K}
        onIndicator={actions.onIndicator}
        onYear={actions.onYear}
        onK={actions.onK}
        groups={dataset.groups ?? null}
      />
      <MapOptions
        state={state}
        meta={meta}
        years={catalog.years}
        municipalities={municipalities}
        problem={scale?.problem ?? null}
        actions={actions}
      />
      <MapArea state={state} status={status} dataset={dataset} neighbours={neighbours} view={view} />
      {series && (
        <ErrorBoundary>
          <SmallMultiples
            counties={view.countyList}
            series={series}
            year={state.year}
            highlight={texts.highlightCounty}
            lang={lang}
            digits={texts.seriesDigits}
            k={K}
            title={texts.smallMultiplesTitle}
            onCounty={actions.onCounty}
            onYear={actions.onYear}
          />
        </ErrorBoundary>
      )}
      <ErrorBoundary>
        <MapExports
          meta={meta}
          year={state.year}
          lang={lang}
          k={K}
          digits={texts.digits}
          boundaries={view.units}
          municipalities={view.unitList}
          values={view.values ?? new Map()}
          scale={scale}
          fill={view.fill}
          title={texts.legendTitle}
          source={meta.source[lang]}
          neighbours={neighbours}
          selected={countyLevel ? null : state.selected}
          synthetic={catalog.synthetic}
          method={texts.legendMethod}
          counties={countyLevel}
        />
      </ErrorBoundary>
      <ErrorBoundary>
        <ValuesTable
          caption={texts.tableCaption}
          unitLabel={texts.tableUnitLabel}
          hideCounty={countyLevel}
          rows={view.tableRows}
          selected={state.selected}
          onSelect={actions.onSelect}
        />
      </ErrorBoundary>
    </>
  );
}
