/**
 * The WebGL map: MapLibre with the offline basemap, deck.gl's choropleth on top. Loaded lazily after the
 * first paint; it tells its parent when it has drawn data so the SVG preview can step aside.
 */
import { MapboxOverlay, type MapboxOverlayProps } from '@deck.gl/mapbox';
import { Map as MapLibre, useControl, type MapRef } from '@vis.gl/react-maplibre';
import { setWorkerUrl } from 'maplibre-gl';
import workerUrl from 'maplibre-gl/dist/maplibre-gl-worker.mjs?url';
import 'maplibre-gl/dist/maplibre-gl.css';
import { useCallback, useEffect, useLayoutEffect, useMemo, useRef } from 'react';
import type { Boundaries, StaticData } from '../data/static';
import { basemapStyle } from './basemap';
import { choroplethLayer, selectionLayer } from './layers';
import { pointsLayer } from './layers-points';
import type { MapPoint } from './points';
import type { Rgb } from './scale';
import type { ViewState } from './viewport';

setWorkerUrl(workerUrl);

/**
 * No multisampling and no preserved drawing buffer: polygons with a 1-pixel outline need neither, and both
 * cost a full-frame resolve or copy on every draw (hundreds of ms on software WebGL).
 */
const DEVICE_PROPS = { webgl: { antialias: false, preserveDrawingBuffer: false } };

const getCursor = ({ isHovering }: { isHovering: boolean }) => (isHovering ? 'pointer' : 'grab');

function DeckOverlay(props: MapboxOverlayProps) {
  const overlay = useControl(() => new MapboxOverlay(props));
  overlay.setProps(props);
  return null;
}

interface Props {
  boundaries: Boundaries;
  neighbours: StaticData['neighbours'];
  view: ViewState;
  fill: (lauCode: string) => Rgb;
  dataKey: string;
  selected: string | null;
  onHover: (lauCode: string | null, x: number, y: number) => void;
  onSelect: (lauCode: string) => void;
  /** Called after deck.gl has drawn the view `dataKey`. */
  onDrawn: (dataKey: string) => void;
  /** Optional points over the municipalities, and their hover. */
  points?: readonly MapPoint[];
  onPointHover?: (id: string | null, x: number, y: number) => void;
}

/** MapLibre + deck.gl choropleth. */
export default function InteractiveMap(props: Props) {
  const { boundaries, neighbours, view, fill, dataKey, selected, onHover, onSelect, onDrawn } = props;
  const { points, onPointHover } = props;
  const style = useMemo(() => basemapStyle(neighbours), [neighbours]);
  // The view key deck.gl has yet to draw; reported once after its next render. Set in a layout effect, i.e.
  // during the commit and before deck.gl's next animation frame can draw the new layers.
  const undrawn = useRef<string | null>(null);
  // A new view (a county drilled into, a zoom to the selection) moves the camera; the first is initial.
  const mapRef = useRef<MapRef>(null);
  const firstView = useRef(view);
  useEffect(() => {
    if (view === firstView.current) return;
    mapRef.current?.jumpTo({ center: [view.longitude, view.latitude], zoom: view.zoom });
  }, [view]);
  useLayoutEffect(() => {
    undrawn.current = dataKey;
  }, [dataKey]);
  // Layers change only when the drawn data or the selection does: a new indicator or year whose values
  // have not arrived yet must not cost a WebGL frame (on software WebGL each frame costs hundreds of ms).
  const layers = useMemo(
    () => [
      choroplethLayer({ boundaries, fill, dataKey, onHover, onSelect }),
      selectionLayer(boundaries, selected),
      ...(points ? [pointsLayer(points, onPointHover ?? (() => undefined))] : []),
    ],
    // eslint-disable-next-line react-hooks/exhaustive-deps -- `fill` changes with `dataKey`; see above
    [boundaries, dataKey, selected, onHover, onSelect, points, onPointHover],
  );
  const onAfterRender = useCallback(() => {
    if (undrawn.current !== null) {
      onDrawn(undrawn.current);
      undrawn.current = null;
    }
  }, [onDrawn]);
  return (
    <MapLibre
      ref={mapRef}
      initialViewState={view}
      mapStyle={style}
      attributionControl={false}
      dragRotate={false}
      pitchWithRotate={false}
      touchPitch={false}
      style={{ position: 'absolute', inset: 0 }}
    >
      <DeckOverlay
        layers={layers}
        interleaved={false}
        getCursor={getCursor}
        onAfterRender={onAfterRender}
        deviceProps={DEVICE_PROPS}
      />
    </MapLibre>
  );
}
