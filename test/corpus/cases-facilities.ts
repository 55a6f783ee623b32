/**
 * Facilities with one thing wrong: swapped or projected coordinates, a place outside Albania, closing before
 * opening, staff counts; and text a spreadsheet would run as a formula or a browser as HTML.
 */
import { edited, withCell, type Base } from './base';
import type { CorpusCase } from './types';
import { c, cell } from './table-edit';

/** A formula a spreadsheet would run. */
export const F = '=HYPERLINK("http://x","y")';
/** HTML a browser would run if a label were rendered as HTML. */
export const HTML = '<img src=x onerror=alert(1)>';

/** Facility cases, on the valid facilities table. */
export function facilityCases(b: Base): CorpusCase[] {
  const f = b.facilities;
  const swap = edited(f, (rows) => rows.forEach((r) => ([r[3], r[4]] = [r[4]!, r[3]!])));
  // UTM zone 34N metres of the same places (approximate: east ~ 400-550 km, north ~ 4.5-4.7 Mm).
  const utm = edited(f, (rows) =>
    rows.forEach((r, i) => ([r[3], r[4]] = [380000 + 20000 * i, 4570000 + 15000 * i])),
  );
  return [
    c('facilities-valid.csv', 'facilities: 7 units with WGS84 coordinates, one closed', f, 'ok'),
    c('facilities-swapped.csv', 'facilities with lon and lat swapped', swap, ['swapped-lat-lon']),
    c('facilities-utm.csv', 'facilities with UTM 34N metres in lon/lat', utm, ['projected-crs']),
    cell(
      'facilities-outside.csv',
      'a unit in Paris (lon 2.35, lat 48.85)',
      withCell(f, 0, 'lat', 48.85),
      0,
      'lon',
      2.35,
      ['invalid-value'],
    ),
    cell('facilities-closed-before.csv', 'closed before it opened', f, 0, 'closed', 2001, ['invalid-value']),
    cell('facilities-staff-negative.csv', 'staff -2', f, 1, 'staff', -2, ['negative-count']),
    cell(
      'facilities-staff-huge.csv',
      'staff 99999999999999999999 (beyond a 32-bit integer)',
      f,
      1,
      'staff',
      '99999999999999999999',
      ['wrong-type'],
    ),
    cell('facilities-opened-1850.csv', 'opened 1850', f, 1, 'opened', 1850, ['year-out-of-range']),
    c(
      'facilities-duplicate-id.csv',
      'two units with id cpu-1',
      edited(f, (rows) => (rows[1]![0] = 'cpu-1')),
      ['duplicate-key'],
    ),
    cell('facilities-formula-name.csv', `facility name ${F}`, f, 0, 'name', F, 'ok', {
      warnings: ['formula-injection'],
    }),
    cell('facilities-formula-plus.csv', 'supporter "+cmd"', f, 0, 'supporter', '+cmd', 'ok', {
      warnings: ['formula-injection'],
    }),
    cell('facilities-formula-at.csv', 'supporter "@SUM(A1)"', f, 0, 'supporter', '@SUM(A1)', 'ok', {
      warnings: ['formula-injection'],
    }),
    cell(
      'facilities-formula-minus.csv',
      'supporter "-cmd|\' /C calc\'!A0"',
      f,
      0,
      'supporter',
      "-cmd|' /C calc'!A0",
      'ok',
      { warnings: ['formula-injection'] },
    ),
    cell('facilities-html-name.csv', `facility name ${HTML}`, f, 0, 'name', HTML, 'ok', {
      warnings: ['invalid-value'],
    }),
    cell(
      'facilities-negative-text-ok.csv',
      'supporter "-" alone and "+ 1" are not formulas',
      withCell(f, 1, 'supporter', '+ 1'),
      0,
      'supporter',
      '-',
      'ok',
    ),
  ];
}
