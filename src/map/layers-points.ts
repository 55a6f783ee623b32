/**
 * The points overlay (src/map/points.ts) as a deck.gl ScatterplotLayer. Sizes are in screen pixels, so points
 * stay readable at every zoom; labels are shown by the map's text-only tooltip.
 */
import { ScatterplotLayer } from '@deck.gl/layers';
import { POINT_OUTLINE, type MapPoint } from './points';

export type { MapPoint } from './points';

/** The points as a deck.gl layer; `onHover` receives the hovered point's id, or null. */
export function pointsLayer(
  points: readonly MapPoint[],
  onHover: (id: string | null, x: number, y: number) => void,
): ScatterplotLayer<MapPoint> {
  return new ScatterplotLayer<MapPoint>({
    id: 'points',
    data: points,
    getPosition: (p) => [p.lon, p.lat],
    getRadius: (p) => p.radius,
    getFillColor: (p) => p.color,
    getLineColor: POINT_OUTLINE,
    getLineWidth: (p) => p.ring ?? 1,
    radiusUnits: 'pixels',
    lineWidthUnits: 'pixels',
    stroked: true,
    filled: true,
    pickable: true,
    onHover: (info) => onHover(info.object?.id ?? null, info.x, info.y),
  });
}
