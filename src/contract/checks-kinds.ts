/**
 * Checks specific to one kind of table: coordinates, facility years, school counts, the scale of catalog
 * sums, and whether the case counts of a cases file will find a child population to be divided by.
 */
import type { TableKind } from './problem-types';
import { placeJoin } from './checks-rows';
import { msg } from './problem-text';
import type { Check } from './problems';
import { ident } from './sql';

// Albania's extent with a margin (lon 19.26-21.06, lat 39.64-42.66 in data/geo/README.md).
const LON = [19.0, 21.3] as const;
const LAT = [39.4, 42.9] as const;

/** Point checks: projected coordinates, lon/lat swapped, or a point outside Albania. */
export function coordinateChecks(): Check[] {
  const inLon = (e: string) => `${e} BETWEEN ${LON[0]} AND ${LON[1]}`;
  const inLat = (e: string) => `${e} BETWEEN ${LAT[0]} AND ${LAT[1]}`;
  const found = `s.lon__raw || ', ' || s.lat__raw`;
  return [
    {
      code: 'projected-crs',
      severity: 'error',
      column: 'lon',
      where: '(abs(s.lon) > 180 OR abs(s.lat) > 90)',
      found,
      expected: msg('problems.projected-crs.points.expected'),
      fix: msg('problems.projected-crs.points.fix'),
    },
    {
      code: 'swapped-lat-lon',
      severity: 'error',
      column: 'lon',
      where: `${inLon('s.lat')} AND ${inLat('s.lon')}`,
      found,
      expected: msg('problems.swapped-lat-lon.points.expected'),
      fix: msg('problems.swapped-lat-lon.points.fix'),
    },
    {
      code: 'invalid-value',
      severity: 'error',
      column: 'lon',
      where: `abs(s.lon) <= 180 AND abs(s.lat) <= 90 AND NOT (${inLon('s.lon')} AND ${inLat('s.lat')})
        AND NOT (${inLon('s.lat')} AND ${inLat('s.lon')})`,
      found,
      expected: msg('problems.invalid-value.point.expected'),
      fix: msg('problems.invalid-value.point.fix'),
    },
  ];
}

/** Checks specific to one kind, besides duplicates. */
export function kindChecks(
  kind: TableKind,
  staging: string,
  bound: ReadonlySet<string>,
  childPopLoaded: boolean,
): Check[] {
  const has = (...cs: string[]) => cs.every((c) => bound.has(c));
  const checks: Check[] = [];
  if (has('lon', 'lat')) checks.push(...coordinateChecks());
  if (kind === 'facilities' && has('opened', 'closed')) {
    checks.push({
      code: 'invalid-value',
      severity: 'error',
      column: 'closed',
      where: 's.closed < s.opened',
      found: `s.opened__raw || ' - ' || s.closed__raw`,
      expected: msg('problems.invalid-value.closed.expected'),
      fix: msg('problems.invalid-value.closed.fix'),
    });
  }
  if (kind === 'schools' && has('enrolled', 'dropouts')) {
    checks.push({
      code: 'numerator-above-denominator',
      severity: 'error',
      column: 'dropouts',
      where: 's.dropouts > s.enrolled',
      found: `s.dropouts__raw || ' > ' || s.enrolled__raw`,
      expected: msg('problems.numerator-above-denominator.dropouts.expected'),
      fix: msg('problems.common.swapped'),
    });
  }
  if (kind === 'catalog') {
    checks.push({
      code: 'invalid-value',
      severity: 'warning',
      column: 'scale',
      where: `s.aggregation = 'sum' AND s.scale <> 1`,
      expected: msg('problems.invalid-value.scale.expected'),
      fix: msg('problems.invalid-value.scale.fix'),
    });
  }
  if (kind === 'cases') {
    // One warning per municipality and year (its first row), not one per case.
    const noPop = childPopLoaded
      ? `NOT EXISTS (SELECT 1 FROM indicator_values iv WHERE iv.indicator = 'child_pop'
          AND iv.lau_code = s.__key_place AND iv.year = s.year AND iv.value > 0)`
      : 'true';
    checks.push({
      code: 'invalid-value',
      severity: 'warning',
      column: 'year',
      from: `(SELECT s.*, m.lau_code AS __key_place,
          row_number() OVER (PARTITION BY m.lau_code, s.year ORDER BY s.__row) AS __k
        FROM ${ident(staging)} s ${placeJoin(staging, true)}) s`,
      where: `s.__k = 1 AND s.__key_place IS NOT NULL AND s.year IS NOT NULL AND ${noPop}`,
      found: `s.__place || ' ' || s.year__raw`,
      expected: msg('problems.invalid-value.childPop.expected'),
      fix: msg('problems.invalid-value.childPop.fix'),
    });
  }
  return checks;
}
