/** Problems with where a boundary file's coordinates are: projected, swapped, or not in Albania. */
import { GEOGRAPHIC, KNOWN_CRS, fitAlbania, guessProjected, type CrsGuess } from './geojson-crs';
import { fmt, problem } from './read-problems';
import type { Problem } from '../contract/problem-types';

const EXPECTED = 'WGS84 longitude/latitude in degrees (EPSG:4326), e.g. [19.82, 41.33] for Tirana';
const EXPORT_4326 =
  'Export the file as WGS84 longitude/latitude (EPSG:4326), e.g. in QGIS: Export > Save Features As > CRS EPSG:4326.';

function range(points: readonly [number, number][], axis: 0 | 1, digits: number): string {
  let lo = Infinity;
  let hi = -Infinity;
  for (const p of points) [lo, hi] = [Math.min(lo, p[axis]), Math.max(hi, p[axis])];
  const f = (v: number): string => (digits === 0 ? fmt(Math.round(v)) : v.toFixed(digits));
  return `${f(lo)} to ${f(hi)}`;
}

function describe(g: CrsGuess): string {
  return `${g.crs.code} (${g.crs.name})${g.swapped ? ' with x and y swapped' : ''}`;
}

function projected(file: string, points: readonly [number, number][], declared: string | null): Problem {
  const extent = `x ${range(points, 0, 0)}, y ${range(points, 1, 0)}`;
  const guesses = guessProjected(points);
  const best = guesses[0];
  // Readings about as good as the best (a small area can fit both EPSG:6870 and UTM 34N).
  const close = guesses.filter((g) => g !== best && best && g.fit.overlap >= best.fit.overlap - 0.15);
  const known = KNOWN_CRS.find(
    (c) => c.code === declared || (declared === 'EPSG:25834' && c.code === 'EPSG:32634'),
  );
  let found: string;
  if (known) found = `coordinates in metres (${extent}), declared as ${known.code} (${known.name})`;
  else if (best) {
    const alt = close.length > 0 ? `, or possibly ${close.map(describe).join(' or ')}` : '';
    const decl = declared ? ` (the file declares ${declared})` : '';
    found = `coordinates in metres (${extent}): they look like ${describe(best)}${alt}${decl}`;
  } else {
    const decl = declared ? `; the file declares ${declared}` : '';
    found = `coordinates that are not longitude/latitude degrees (${extent}), in a system we do not recognise${decl}`;
  }
  return problem(file, { code: 'projected-crs', found, expected: EXPECTED, fix: EXPORT_4326 });
}

/**
 * Checks a sample of positions ([x, y] as written) against Albania. `declared` is the file's `crs`
 * member ("EPSG:6870"), if any.
 */
export function coordinateProblems(
  file: string,
  points: readonly [number, number][],
  declared: string | null,
): Problem[] {
  if (points.length === 0) return [];
  const degrees = points.every(([x, y]) => Math.abs(x) <= 180 && Math.abs(y) <= 90);
  if (!degrees) return [projected(file, points, declared)];
  const out: Problem[] = [];
  if (declared !== null && !GEOGRAPHIC.has(declared)) {
    out.push(
      problem(file, {
        code: 'projected-crs',
        severity: 'warning',
        found: `a "crs" member naming ${declared}, while the coordinates look like longitude/latitude degrees`,
        expected: 'no "crs" member, or one naming WGS84 (urn:ogc:def:crs:OGC:1.3:CRS84 or EPSG:4326)',
        fix: 'Check that the coordinates really are WGS84 degrees, then remove the "crs" member.',
      }),
    );
  }
  const fit = fitAlbania(points);
  if (fit.inside >= 0.98) return out;
  const first = points[0]!;
  const swapped = fitAlbania(points.map(([x, y]) => [y, x]));
  if (swapped.inside >= 0.98) {
    out.push(
      problem(file, {
        code: 'swapped-lat-lon',
        found: `positions written as [latitude, longitude], e.g. [${first[0]}, ${first[1]}]`,
        expected: `[longitude, latitude] (GeoJSON order), e.g. [${first[1]}, ${first[0]}]`,
        fix: `Swap the two numbers of every position. ${EXPORT_4326}`,
      }),
    );
    return out;
  }
  const extent = `longitude ${range(points, 0, 2)}, latitude ${range(points, 1, 2)}`;
  const share = Math.round((1 - fit.inside) * 100);
  out.push(
    problem(file, {
      code: 'invalid-value',
      severity: fit.inside >= 0.5 ? 'warning' : 'error',
      found:
        fit.inside > 0
          ? `${share}% of the positions lie outside Albania (${extent})`
          : `positions that all lie outside Albania (${extent})`,
      expected: 'boundaries of Albanian municipalities: longitude 19.3 to 21.1, latitude 39.6 to 42.7',
      fix: `Check that this is the Albanian boundary file. ${EXPORT_4326}`,
    }),
  );
  return out;
}
