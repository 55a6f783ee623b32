/** Problems with where a boundary file's coordinates are: projected, swapped, or not in Albania. */
import { GEOGRAPHIC, KNOWN_CRS, fitAlbania, guessProjected, type CrsGuess } from './geojson-crs';
import { problem } from './read-problems';
import { msg, orList } from '../contract/problem-text';
import type { Msg, Problem } from '../contract/problem-types';

const EXPECTED = msg('problems.projected-crs.expected');
const EXPORT_4326 = msg('problems.projected-crs.export');

/** "400,000 to 500,000" (metres, `digits` 0) or "19.30 to 21.10" (degrees). */
function range(points: readonly [number, number][], axis: 0 | 1, digits: number): Msg {
  let lo = Infinity;
  let hi = -Infinity;
  for (const p of points) [lo, hi] = [Math.min(lo, p[axis]), Math.max(hi, p[axis])];
  if (digits === 0) return msg('problems.projected-crs.metres', { lo: Math.round(lo), hi: Math.round(hi) });
  return msg('problems.invalid-value.outside.range', { lo: lo.toFixed(digits), hi: hi.toFixed(digits) });
}

function describe(g: CrsGuess): Msg {
  const p = { code: g.crs.code, name: g.crs.name };
  return msg(g.swapped ? 'problems.projected-crs.crsSwapped' : 'problems.projected-crs.crs', p);
}

function projected(file: string, points: readonly [number, number][], declared: string | null): Problem {
  const extent = msg('problems.projected-crs.extent', { x: range(points, 0, 0), y: range(points, 1, 0) });
  const guesses = guessProjected(points);
  const best = guesses[0];
  // Readings about as good as the best (a small area can fit both EPSG:6870 and UTM 34N).
  const close = guesses.filter((g) => g !== best && best && g.fit.overlap >= best.fit.overlap - 0.15);
  const known = KNOWN_CRS.find(
    (c) => c.code === declared || (declared === 'EPSG:25834' && c.code === 'EPSG:32634'),
  );
  let found: Msg;
  if (known) found = msg('problems.projected-crs.declared', { extent, code: known.code, name: known.name });
  else if (best) {
    const alt =
      close.length > 0 ? msg('problems.projected-crs.alt', { list: orList(close.map(describe)) }) : '';
    const decl = declared ? msg('problems.projected-crs.fileDeclares', { code: declared }) : '';
    found = msg('problems.projected-crs.guessed', { extent, crs: describe(best), alt, decl });
  } else {
    const decl = declared ? msg('problems.projected-crs.unknownDeclares', { code: declared }) : '';
    found = msg('problems.projected-crs.unknown', { extent, decl });
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
        found: msg('problems.projected-crs.member.found', { code: declared }),
        expected: msg('problems.projected-crs.member.expected'),
        fix: msg('problems.projected-crs.member.fix'),
      }),
    );
  }
  const fit = fitAlbania(points);
  if (fit.inside >= 0.98) return out;
  const first = points[0]!;
  const swapped = fitAlbania(points.map(([x, y]) => [y, x]));
  if (swapped.inside >= 0.98) {
    const example = { a: String(first[0]), b: String(first[1]) };
    out.push(
      problem(file, {
        code: 'swapped-lat-lon',
        found: msg('problems.swapped-lat-lon.positions.found', example),
        expected: msg('problems.swapped-lat-lon.positions.expected', example),
        fix: msg('problems.swapped-lat-lon.positions.fix', { export: EXPORT_4326 }),
      }),
    );
    return out;
  }
  const extent = msg('problems.invalid-value.outside.extent', {
    lon: range(points, 0, 2),
    lat: range(points, 1, 2),
  });
  const share = Math.round((1 - fit.inside) * 100);
  out.push(
    problem(file, {
      code: 'invalid-value',
      severity: fit.inside >= 0.5 ? 'warning' : 'error',
      found:
        fit.inside > 0
          ? msg('problems.invalid-value.outside.share', { share, extent })
          : msg('problems.invalid-value.outside.all', { extent }),
      expected: msg('problems.invalid-value.outside.expected'),
      fix: msg('problems.invalid-value.outside.fix', { export: EXPORT_4326 }),
    }),
  );
  return out;
}
