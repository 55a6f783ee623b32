/**
 * The indicator map's props: the engine's answers (./useMapData) and the state, through the pure builders
 * of ./map-view-props, each memoised on exactly what it depends on. A classification or palette change
 * keeps the derived values, the table's rows and the small multiples; the fills change with the scale.
 */
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { MapValue } from '../../engine/engine';
import type { Boundaries, MunicipalityProps } from '../../engine/static';
import type { ClassScale, Rgb } from '../../map/scale';
import type { TableRow } from '../ValuesTable';
import type { ViewContext } from '../views';
import { deriveMap, type MapChoices } from './derive';
import { mapTexts, type MapTexts } from './map-texts';
import * as build from './map-view-props';
import { useMapActions, type MapActions } from './useMapActions';
import { useMapData, type MapData } from './useMapData';
import { legendWeights, tooltipWeights } from './weights-text';

/** Everything the layout renders. */
export interface MapViewModel extends Pick<MapData, 'meta' | 'counties' | 'countyLevel' | 'byCounty'> {
  actions: MapActions;
  texts: MapTexts;
  units: Boundaries;
  unitList: MunicipalityProps[];
  countyList: { code: string; name: string }[];
  scale: ClassScale | null;
  values: ReadonlyMap<string, MapValue> | undefined;
  fill: (lau: string) => Rgb;
  fill2: (lau: string) => Rgb;
  describe: build.Describe;
  describe2: build.Describe;
  dataKey: string | null;
  focus: [number, number, number, number] | null;
  tableRows: TableRow[];
  /** The legend's note when weights stand in for counts, else null. */
  weightsNote: string | null;
}

/** The map's props for the current state. */
export function useMapView(ctx: ViewContext): MapViewModel {
  const { store, state, status, dataset, municipalities } = ctx;
  const { t } = useTranslation();
  const { boundaries } = dataset;
  const { lang, k: K } = state;
  const data = useMapData(ctx);
  const { meta, revision, counties, main, countyLevel, series } = data;
  const actions = useMapActions(store, state, revision);
  const byLau = useMemo(() => new Map(municipalities.map((m) => [m.lau_code, m])), [municipalities]);

  // The years the picture needs must be there (the first view holds only the default year).
  const complete = series?.has(state.year) === true && (state.compare === 'none' || series.has(state.year2));
  // Only what the values depend on: a classification or palette change keeps them (and the table's rows).
  const { year, year2, measure, compare, fixed } = state;
  const derived = useMemo(
    () => (series && complete ? deriveMap(meta, series, { year, year2, measure, compare, fixed }) : null),
    [series, complete, meta, year, year2, measure, compare, fixed],
  );
  const units = useMemo(
    () => build.mapUnits(boundaries, counties, countyLevel, state.county),
    [countyLevel, counties, boundaries, state.county],
  );
  const unitList = useMemo(() => units.features.map((f) => f.properties), [units]);

  const values = derived?.values;
  const { method, classes, palette, manual } = state;
  const scale = useMemo(
    () => build.mapScale(derived, unitList, { method, classes, palette, manual }, meta),
    [derived, unitList, method, classes, palette, manual, meta],
  );
  const fill = useMemo(() => build.fillOf(scale, values), [scale, values]);
  const second = derived?.second;
  const fill2 = useMemo(() => build.fillOf(scale, second), [scale, second]);
  const texts = mapTexts({ t, state, status, meta, main, derived, scale, countyLevel, byLau });
  const noData = t('tooltip.noData');
  const text = useMemo(
    () => build.textOf(values, lang, texts.digits, K, noData),
    [values, lang, texts.digits, K, noData],
  );
  const nameOf = useMemo(() => build.nameOfUnit(unitList, byLau), [unitList, byLau]);
  // Where weights stand in for counts (rates given without them), the legend and tooltip say so.
  const indicators = dataset.catalog.indicators;
  const weights = useMemo(
    () => ({ meta, indicators, countyLevel, lang, t }),
    [meta, indicators, countyLevel, lang, t],
  );
  const weightsNote = useMemo(() => legendWeights(values?.values(), weights), [values, weights]);
  const describe = useMemo(
    () =>
      build.describer(nameOf, countyLevel, byLau, text, t, (lau) =>
        tooltipWeights(values?.get(lau), weights),
      ),
    [nameOf, countyLevel, byLau, text, t, values, weights],
  );
  const describe2 = useMemo(() => build.describer2(describe, text, second), [describe, text, second]);
  const tableRows = useMemo(() => build.tableRowsOf(unitList, text, values), [unitList, text, values]);
  const countyList = useMemo(() => build.countyListOf(municipalities), [municipalities]);
  const focus = useMemo(
    () => build.focusOf(boundaries, actions.zoomTo, state.selected, state.county),
    [actions.zoomTo, state.selected, state.county, boundaries],
  );
  const choices: MapChoices = { ...state, level: countyLevel ? 'county' : 'municipality' };
  const dataKey = build.dataKeyOf(scale, main.key, choices, state.county);
  const { byCounty } = data;
  return {
    meta,
    counties,
    countyLevel,
    byCounty,
    actions,
    texts,
    units,
    unitList,
    countyList,
    scale,
    values,
    fill,
    fill2,
    describe,
    describe2,
    dataKey,
    focus,
    tableRows,
    weightsNote,
  };
}
