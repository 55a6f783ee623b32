/** The exported image's layout: regions inside the image and apart, Albania fitted, a county zoomed to. */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { Boundaries } from '../src/engine/static';
import { pngLayout, zoomBox } from '../src/export/png-layout';
import { ALBANIA_BBOX, projector } from '../src/map/viewport';

const boundaries = JSON.parse(
  readFileSync(new URL('../public/data/municipalities.geojson', import.meta.url), 'utf8'),
) as Boundaries;

describe('pngLayout', () => {
  it('keeps header, map, legend and footer inside a 1600 x 1200 image without overlap', () => {
    const l = pngLayout();
    expect([l.width, l.height]).toEqual([1600, 1200]);
    for (const b of [l.header, l.map, l.legend, l.footer]) {
      expect(b.x).toBeGreaterThanOrEqual(0);
      expect(b.y).toBeGreaterThanOrEqual(0);
      expect(b.x + b.width).toBeLessThanOrEqual(l.width);
      expect(b.y + b.height).toBeLessThanOrEqual(l.height);
    }
    expect(l.header.y + l.header.height).toBeLessThanOrEqual(l.map.y);
    expect(l.map.x + l.map.width).toBeLessThanOrEqual(l.legend.x);
    expect(l.map.y + l.map.height).toBeLessThanOrEqual(l.footer.y);
  });

  it('fits Albania inside the map box', () => {
    const l = pngLayout();
    const p = projector(l.view, l.map.width, l.map.height);
    const [w, s, e, n] = ALBANIA_BBOX;
    for (const [x, y] of [p(w, s), p(e, n)]) {
      expect(x).toBeGreaterThanOrEqual(0);
      expect(x).toBeLessThanOrEqual(l.map.width);
      expect(y).toBeGreaterThanOrEqual(0);
      expect(y).toBeLessThanOrEqual(l.map.height);
    }
  });
});

describe('zoomBox', () => {
  it('is all of Albania (null) for every municipality, and the county for a county drilled into', () => {
    expect(zoomBox(boundaries.features)).toBeNull();
    const korce = boundaries.features.filter((f) => f.properties.qark_name === 'Korçë');
    expect(korce.length).toBeGreaterThan(1);
    const b = zoomBox(korce)!;
    expect(b).not.toBeNull();
    expect(b[0]).toBeGreaterThan(ALBANIA_BBOX[0]);
    expect(b[3]).toBeLessThan(ALBANIA_BBOX[3]);
    // A zoomed layout draws the county larger than the whole-country one does.
    const span = (l: ReturnType<typeof pngLayout>) => {
      const p = projector(l.view, l.map.width, l.map.height);
      return p(b[2], b[1])[0] - p(b[0], b[1])[0];
    };
    expect(span(pngLayout(undefined, undefined, b))).toBeGreaterThan(2 * span(pngLayout()));
  });
});
