/**
 * The indicator map's table as CSV: one row per municipality with its code, name, county, the year, the
 * indicator and the value as shown (a suppressed value is an empty cell with status "suppressed", never
 * the number). Pure, so tests and the browser build the same file.
 */
import { shownCell, toCsv, type CsvColumn } from './csv';

/** A municipality as the table lists it. */
export interface CsvMunicipality {
  lau_code: string;
  name: string;
  qark_name: string;
}

type Row = { m: CsvMunicipality; cell: ReturnType<typeof shownCell>; year: number; indicator: string };

const COLUMNS: CsvColumn<Row>[] = [
  { header: 'lau_code', value: (r) => r.m.lau_code },
  { header: 'municipality', value: (r) => r.m.name },
  { header: 'county', value: (r) => r.m.qark_name },
  { header: 'year', value: (r) => r.year },
  { header: 'indicator', value: (r) => r.indicator },
  { header: 'value', value: (r) => r.cell.value },
  { header: 'status', value: (r) => r.cell.status },
];

/** The CSV columns of a map table, in order. */
export const MAP_CSV_HEADER: readonly string[] = COLUMNS.map((c) => c.header);

/** The map table of `indicator` in `year` as CSV text with a BOM (Excel then reads ë and ç right). */
export function mapTableCsv(
  municipalities: readonly CsvMunicipality[],
  values: ReadonlyMap<string, { value: number | null; suppressed: boolean }>,
  indicator: string,
  year: number,
): string {
  const rows = municipalities.map((m) => ({ m, cell: shownCell(values.get(m.lau_code)), year, indicator }));
  return toCsv(rows, COLUMNS, { bom: true });
}
