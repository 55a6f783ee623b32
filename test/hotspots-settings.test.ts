/** The hotspots view's settings string (the URL's `hot=`): round trip, defaults, fallbacks per part. */
import { describe, expect, it } from 'vitest';
import { decodeSettings, DEFAULT_SETTINGS, encodeSettings } from '../src/ui/hotspots/settings';

describe('hotspot settings', () => {
  it('encodes the defaults as an empty string and decodes it back', () => {
    expect(encodeSettings(DEFAULT_SETTINGS)).toBe('');
    expect(decodeSettings('')).toEqual(DEFAULT_SETTINGS);
  });

  it('round-trips every choice', () => {
    const s = {
      method: 'moran',
      weights: 'distance',
      permutations: 4999,
      seed: 7,
      correction: 'bonferroni',
      year: 2019,
      unit: 'schools',
      level: 'upper_secondary',
      display: 'rates',
    } as const;
    const text = encodeSettings(s);
    expect(text).toBe('m.d.4999.7.b.2019.s.u.r');
    expect(decodeSettings(text)).toEqual(s);
  });

  it('falls back part by part and keeps weights and display fitting the units', () => {
    const s = decodeSettings('x.k.abc.-1.f.2020.m.zz.r');
    expect(s.method).toBe('gistar');
    expect(s.weights).toBe('queen'); // kNN is for school points
    expect(s.permutations).toBe(999);
    expect(s.seed).toBe(12345);
    expect(s.year).toBe(2020);
    expect(s.level).toBe('all');
    expect(s.display).toBe('year'); // rates are for schools
    expect(decodeSettings('g.q.999.1.n.0.s.a.p').weights).toBe('knn');
    expect(decodeSettings('g.q.100000.1.n.0.m.a.y').permutations).toBe(999);
  });
});
