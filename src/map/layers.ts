/**
 * Typed props builders for the deck.gl layers, rebuilt on every render (deck.gl diffs them cheaply);
 * colours recompute only when `updateTriggers` change, i.e. when the view's data key changes.
 */
import { GeoJsonLayer } from '@deck.gl/layers';
import type { Feature, Geometry } from 'geojson';
import type { Boundaries, MunicipalityProps } from '../engine/static';
import type { Rgb } from './scale';
import { isSelected } from './selection';

type MunicipalityFeature = Feature<Geometry, MunicipalityProps>;

/** What the choropleth layer needs. */
export interface ChoroplethLayerInput {
  boundaries: Boundaries;
  fill: (lauCode: string) => Rgb;
  /** Changes whenever `fill` would give other colours. */
  dataKey: string;
  onHover: (lauCode: string | null, x: number, y: number) => void;
  onSelect: (lauCode: string) => void;
  /** Layer id (default `choropleth`): a layer kept for other boundaries needs its own. */
  id?: string;
  /** False for a layer kept hidden (deck.gl keeps its tessellated polygons for when it is shown again). */
  visible?: boolean;
}

/** The municipality choropleth. */
export function choroplethLayer(input: ChoroplethLayerInput): GeoJsonLayer<MunicipalityProps> {
  return new GeoJsonLayer<MunicipalityProps>({
    id: input.id ?? 'choropleth',
    visible: input.visible ?? true,
    data: input.boundaries,
    filled: true,
    stroked: true,
    getFillColor: (f: MunicipalityFeature) => input.fill(f.properties.lau_code),
    getLineColor: [255, 255, 255],
    lineWidthUnits: 'pixels',
    getLineWidth: 1,
    pickable: true,
    updateTriggers: { getFillColor: input.dataKey },
    onHover: (info) => {
      const f = info.object as MunicipalityFeature | undefined;
      input.onHover(f?.properties.lau_code ?? null, info.x, info.y);
    },
    onClick: (info) => {
      const f = info.object as MunicipalityFeature | undefined;
      if (f) input.onSelect(f.properties.lau_code);
    },
  });
}

/** A dark outline around the selected municipality (or municipalities). */
export function selectionLayer(
  boundaries: Boundaries,
  selected: string | readonly string[] | null,
): GeoJsonLayer<MunicipalityProps> {
  return new GeoJsonLayer<MunicipalityProps>({
    id: 'selection',
    data: boundaries.features.filter((f) => isSelected(selected, f.properties.lau_code)),
    filled: false,
    stroked: true,
    getLineColor: [20, 20, 20],
    lineWidthUnits: 'pixels',
    getLineWidth: 3,
  });
}
