import { describe, expect, it } from 'vitest';
import { ALBANIA_BBOX, fitBounds, projector } from '../src/map/viewport';

describe('Web Mercator view', () => {
  it('fits the box inside the padded frame, touching it on the tighter side', () => {
    const [w, h, pad] = [800, 600, 16];
    const view = fitBounds(ALBANIA_BBOX, w, h, pad);
    const p = projector(view, w, h);
    const [x0, y0] = p(ALBANIA_BBOX[0], ALBANIA_BBOX[3]);
    const [x1, y1] = p(ALBANIA_BBOX[2], ALBANIA_BBOX[1]);
    expect(x0).toBeGreaterThanOrEqual(pad - 1e-6);
    expect(x1).toBeLessThanOrEqual(w - pad + 1e-6);
    expect(y0).toBeCloseTo(pad, 6); // Albania is tall: height is the tight side
    expect(y1).toBeCloseTo(h - pad, 6);
    expect((x0 + x1) / 2).toBeCloseTo(w / 2, 6);
  });

  it('projects the centre to the middle of the frame and doubles distances per zoom level', () => {
    const view = { longitude: 20, latitude: 41, zoom: 7 };
    const [cx, cy] = projector(view, 400, 300)(20, 41);
    expect([cx, cy]).toEqual([200, 150]);
    const a = projector(view, 400, 300)(21, 41)[0] - 200;
    const b = projector({ ...view, zoom: 8 }, 400, 300)(21, 41)[0] - 200;
    expect(b / a).toBeCloseTo(2, 9);
    // 512-pixel world at zoom 0, as MapLibre: one degree of longitude is 512 * 2^7 / 360 pixels.
    expect(a).toBeCloseTo((512 * 128) / 360, 9);
  });
});
