/**
 * The coverage table as CSV: one row per county and one for Albania, for one year and catchment. Children
 * assisted and the figures resting on them go through {@link shownCell}: a suppressed value is an empty
 * cell with status "suppressed", never the number. Pure, so tests and the browser build the same file.
 */
import type { AreaFigures } from '../../analysis/coverage';
import { shownCell, toCsv, type CsvColumn } from '../../export/csv';

interface Row {
  a: AreaFigures;
  level: 'county' | 'national';
  name: string;
  year: number;
  catchment: string;
}

const shown = (header: string, pick: (a: AreaFigures) => AreaFigures['assisted']): CsvColumn<Row>[] => [
  { header, value: (r) => shownCell(pick(r.a)).value },
  { header: `${header}_status`, value: (r) => shownCell(pick(r.a)).status },
];

const COLUMNS: CsvColumn<Row>[] = [
  { header: 'year', value: (r) => r.year },
  { header: 'catchment', value: (r) => r.catchment },
  { header: 'level', value: (r) => r.level },
  { header: 'code', value: (r) => r.a.code },
  { header: 'name', value: (r) => r.name },
  { header: 'units', value: (r) => r.a.units },
  { header: 'staff', value: (r) => r.a.staff },
  { header: 'municipalities', value: (r) => r.a.municipalities },
  { header: 'municipalities_not_covered', value: (r) => r.a.uncovered },
  { header: 'children', value: (r) => r.a.children },
  { header: 'children_within_reach', value: (r) => r.a.covered },
  { header: 'share_within_reach', value: (r) => r.a.share },
  ...shown('children_assisted', (a) => a.assisted),
  ...shown('children_assisted_per_unit', (a) => a.perUnit),
  ...shown('caseload_per_worker', (a) => a.perWorker),
];

/** The CSV columns, in order. */
export const COVERAGE_CSV_HEADER: readonly string[] = COLUMNS.map((c) => c.header);

/** The year's county and national figures as CSV text with a BOM (Excel then reads ë and ç right). */
export function coverageCsv(
  year: number,
  catchment: string,
  counties: readonly AreaFigures[],
  national: AreaFigures,
  names: ReadonlyMap<string, string>,
  nationalName: string,
): string {
  const rows: Row[] = [
    ...counties.map((a) => ({
      a,
      level: 'county' as const,
      name: names.get(a.code) ?? a.code,
      year,
      catchment,
    })),
    { a: national, level: 'national', name: nationalName, year, catchment },
  ];
  return toCsv(rows, COLUMNS, { bom: true });
}
