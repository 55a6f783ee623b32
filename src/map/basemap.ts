/**
 * The offline MapLibre style: a sea-coloured background and the neighbouring countries from Natural Earth.
 * No tiles, glyphs or sprites, so it makes no request at all. Albania itself is drawn by deck.gl.
 */
import type { StyleSpecification } from 'maplibre-gl';
import type { StaticData } from '../engine/static';

/** Colours shared with the first-paint SVG map (see index.css). */
export const BASEMAP_COLORS = { sea: '#dfe9f0', land: '#f2f1ee', border: '#b9b6ae' } as const;

/** Builds the style around the neighbouring countries' polygons. */
export function basemapStyle(neighbours: StaticData['neighbours']): StyleSpecification {
  return {
    version: 8,
    sources: { neighbours: { type: 'geojson', data: neighbours } },
    layers: [
      { id: 'sea', type: 'background', paint: { 'background-color': BASEMAP_COLORS.sea } },
      { id: 'land', type: 'fill', source: 'neighbours', paint: { 'fill-color': BASEMAP_COLORS.land } },
      {
        id: 'borders',
        type: 'line',
        source: 'neighbours',
        paint: { 'line-color': BASEMAP_COLORS.border, 'line-width': 0.8 },
      },
    ],
  };
}
