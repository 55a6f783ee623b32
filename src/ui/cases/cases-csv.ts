/**
 * The case explorer's facets as CSV: one row per bar of every facet (each counted under every filter but its
 * own, as on screen) and a first row for the total under all filters, with the filters written out. A
 * suppressed count is an empty cell with status "suppressed", never a number; the `note` column says on
 * every row whether counts are perturbed. Pure, so tests and the browser build the same file.
 */
import { CASE_DIMS, type CaseDim, type CaseFacets } from '../../engine/cases-types';
import { toCsv, type CsvColumn } from '../../export/csv';

interface Row {
  facet: CaseDim | 'total';
  value: string;
  label: string;
  count: number | null;
  rate: number | null;
}

/** What the file says about the counts and the filters. */
export interface CasesCsvContext {
  /** The label of a value of a dimension (municipality names, translated categories, months). */
  label: (dim: CaseDim, value: string | number) => string;
  /** The filters in words (the summary's list). */
  filters: string;
  perturb: boolean;
  k: number;
}

const noteOf = (ctx: CasesCsvContext) =>
  ctx.perturb
    ? `counts perturbed (cell-key method); counts below ${ctx.k} never shown`
    : `counts not perturbed (own records, this computer only); counts below ${ctx.k} never shown`;

/** The columns, in order. */
function columns(ctx: CasesCsvContext): CsvColumn<Row>[] {
  const note = noteOf(ctx);
  return [
    { header: 'facet', value: (r) => r.facet },
    { header: 'value', value: (r) => r.value },
    { header: 'label', value: (r) => r.label },
    { header: 'count', value: (r) => r.count },
    { header: 'count_status', value: (r) => (r.count === null ? 'suppressed' : 'shown') },
    { header: 'rate_per_1000_children_per_year', value: (r) => (r.count === null ? null : r.rate) },
    { header: 'filters', value: () => ctx.filters },
    { header: 'note', value: () => note },
  ];
}

/** The CSV columns' headers. */
export const CASES_CSV_HEADER: readonly string[] = columns({
  label: () => '',
  filters: '',
  perturb: true,
  k: 5,
}).map((c) => c.header);

/** The facets as CSV text with a BOM (Excel then reads ë and ç right). */
export function casesCsv(facets: CaseFacets, ctx: CasesCsvContext): string {
  const rows: Row[] = [{ facet: 'total', value: '', label: '', count: facets.total, rate: null }];
  for (const dim of CASE_DIMS)
    for (const b of facets.facets[dim])
      rows.push({
        facet: dim,
        value: dim === 'period' ? periodCode(Number(b.key)) : String(b.key),
        label: ctx.label(dim, b.key),
        count: b.count,
        rate: b.rate ?? null,
      });
  return toCsv(rows, columns(ctx), { bom: true });
}

/** A month index as `yyyy-mm`. */
function periodCode(index: number): string {
  return `${Math.floor(index / 12)}-${String((index % 12) + 1).padStart(2, '0')}`;
}
