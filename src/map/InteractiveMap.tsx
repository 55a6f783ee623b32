/**
 * The WebGL map: MapLibre with the offline basemap, deck.gl's choropleth on top. Loaded lazily after the
 * first paint; it tells its parent when it has drawn data so the SVG preview can step aside.
 */
import { MapboxOverlay, type MapboxOverlayProps } from '@deck.gl/mapbox';
import { Map as MapLibre, useControl, type MapRef } from '@vis.gl/react-maplibre';
import { setWorkerUrl } from 'maplibre-gl';
import workerUrl from 'maplibre-gl/dist/maplibre-gl-worker.mjs?url';
import 'maplibre-gl/dist/maplibre-gl.css';
import { useCallback, useEffect, useLayoutEffect, useMemo, useRef, useState } from 'react';
import type { Boundaries, StaticData } from '../engine/static';
import { basemapStyle } from './basemap';
import { choroplethLayer, selectionLayer } from './layers';
import { pointsLayer } from './layers-points';
import type { MapPoint } from './points';
import { NO_DATA, type Rgb } from './scale';
import type { ViewState } from './viewport';

setWorkerUrl(workerUrl);

/**
 * No multisampling and no preserved drawing buffer: polygons with a 1-pixel outline need neither, and both
 * cost a full-frame resolve or copy on every draw (hundreds of ms on software WebGL).
 */
const DEVICE_PROPS = { webgl: { antialias: false, preserveDrawingBuffer: false } };

const getCursor = ({ isHovering }: { isHovering: boolean }) => (isHovering ? 'pointer' : 'grab');

/** A choropleth kept on the GPU: its boundaries and the colours it was last drawn with. */
interface Kept {
  id: string;
  boundaries: Boundaries;
  fill: (lauCode: string) => Rgb;
  dataKey: string;
}

const noFill = (): Rgb => NO_DATA;

let nextId = 0;
const ids = new WeakMap<Boundaries, string>();
/** A stable layer id per boundaries object. */
function layerId(b: Boundaries): string {
  let id = ids.get(b);
  if (!id) ids.set(b, (id = `choropleth-${nextId++}`));
  return id;
}

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
  selected: string | readonly string[] | null;
  onHover: (lauCode: string | null, x: number, y: number) => void;
  onSelect: (lauCode: string) => void;
  /** Called after deck.gl has drawn the view `dataKey`. */
  onDrawn: (dataKey: string) => void;
  /** Boundaries the user may switch to next (the other level): kept ready on the GPU, hidden. */
  standby?: Boundaries | null;
  /** Optional points over the municipalities, and their hover. */
  points?: readonly MapPoint[];
  onPointHover?: (id: string | null, x: number, y: number) => void;
}

/** MapLibre + deck.gl choropleth. */
export default function InteractiveMap(props: Props) {
  const { boundaries, neighbours, view, fill, dataKey, selected, onHover, onSelect, onDrawn } = props;
  const { points, onPointHover, standby } = props;
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
  // The two most recent boundaries (municipalities and counties, say) each keep a layer: switching level
  // shows the other one instead of tessellating its polygons again. The hidden one keeps its last colours.
  // `standby` (the other level's boundaries) is tessellated ahead, hidden, so even the first switch is quick.
  const [kept, setKept] = useState<Kept[]>([]);
  const current: Kept = { id: layerId(boundaries), boundaries, fill, dataKey };
  const wantStandby =
    standby != null && standby !== boundaries && !kept.some((k) => k.boundaries === standby);
  if (kept[0]?.boundaries !== boundaries || kept[0].dataKey !== dataKey || wantStandby) {
    const rest = wantStandby
      ? [{ id: layerId(standby), boundaries: standby, fill: noFill, dataKey: 'standby' }]
      : kept.filter((k) => k.boundaries !== boundaries);
    setKept([current, ...rest].slice(0, 2));
  }
  const layers = useMemo(
    () => [
      ...kept.map((k, i) => choroplethLayer({ ...k, visible: i === 0, onHover, onSelect })),
      selectionLayer(boundaries, selected),
      ...(points ? [pointsLayer(points, onPointHover ?? (() => undefined))] : []),
    ],
    // `kept` holds each layer's `fill`, which changes with its `dataKey`; see above
    [kept, boundaries, selected, onHover, onSelect, points, onPointHover],
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
