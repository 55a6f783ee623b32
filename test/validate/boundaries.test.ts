/** Boundary features matched to municipalities (the geometry itself is checked by the reader). */
import { readFileSync } from 'node:fs';
import type { Feature, FeatureCollection } from 'geojson';
import { describe, expect, it } from 'vitest';
import { validateBoundaries } from '../../src/contract/boundaries';
import { demoContext, docExamples } from '../fixtures/validate/setup';

const shipped = JSON.parse(readFileSync('public/data/municipalities.geojson', 'utf8')) as FeatureCollection;
const square = {
  type: 'Polygon' as const,
  coordinates: [
    [
      [19.4, 41.3],
      [19.5, 41.3],
      [19.5, 41.4],
      [19.4, 41.3],
    ],
  ],
};
const feature = (properties: Record<string, unknown>): Feature => ({
  type: 'Feature',
  properties,
  geometry: square,
});
const fc = (features: Feature[]): FeatureCollection => ({ type: 'FeatureCollection', features });
const ctx = demoContext();

describe('validateBoundaries', () => {
  it('the shipped boundaries match all 61 municipalities without a problem', () => {
    const r = validateBoundaries('municipalities.geojson', shipped, ctx);
    expect(r.problems).toEqual([]);
    expect(new Set(r.codes).size).toBe(61);
  });

  it('features are matched by code, else by name; missing municipalities are warnings', () => {
    const r = validateBoundaries(
      'b.geojson',
      fc([feature({ LAU_CODE: 'al121' }), feature({ name: 'Ura Vajgurore' })]),
      ctx,
    );
    expect(r.codes).toEqual(['AL121', 'AL315']);
    expect(r.problems.every((p) => p.severity === 'warning' && p.code === 'invalid-value')).toBe(true);
    expect(r.problems).toHaveLength(20);
    expect(r.problems[19]!.more).toBe(39);
  });

  it('unknown, county, empty and duplicate features are errors on their feature number', () => {
    const r = validateBoundaries(
      'b.geojson',
      fc([
        feature({ lau_code: 'AL121' }),
        feature({ name: 'Shkodr' }),
        feature({ name: 'Qarku Dibër' }),
        feature({ lau_code: '' }),
        feature({ municipality: 'Durrësi' }),
      ]),
      ctx,
    );
    const errors = r.problems.filter((p) => p.severity === 'error').map((p) => [p.row, p.column, p.code]);
    expect(errors).toEqual([
      [2, 'name', 'unknown-municipality'],
      [3, 'name', 'county-not-municipality'],
      [4, 'lau_code', 'null-key'],
      [5, 'municipality', 'duplicate-key'],
    ]);
    expect(r.problems.find((p) => p.row === 2)?.suggestions).toEqual(['Shkodër (AL154)']);
    expect(r.codes).toEqual(['AL121', null, null, null, 'AL121']);
  });

  it('the example feature of the docs is matched', () => {
    const [example] = docExamples('json');
    const r = validateBoundaries('b.geojson', fc([JSON.parse(example!.text) as Feature]), ctx);
    expect(r.codes).toEqual(['AL123']);
    expect(r.problems.filter((p) => p.severity === 'error')).toEqual([]);
  });
});
