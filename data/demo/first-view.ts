/**
 * public/data/first-view.json: the default year's values, already suppressed, so the app can draw
 * its first map before DuckDB-WASM has started.
 */
import type { Catalog, FirstView, ValueRow } from '../../src/data/schema';
import { isSuppressed } from '../../src/analysis/suppression';

/** Builds the first view for the catalog's default year, in values.parquet order. */
export function buildFirstView(catalog: Catalog, rows: readonly ValueRow[]): FirstView {
  const meta = new Map(catalog.indicators.map((i) => [i.id, i]));
  const out: FirstView['rows'] = [];
  for (const r of rows) {
    if (r.year !== catalog.defaultYear) continue;
    const m = meta.get(r.indicator);
    if (m === undefined) throw new Error(`indicator ${r.indicator} is not in the catalog`);
    const suppressed = isSuppressed(m, r.value, r.numerator);
    out.push([r.lau_code, r.indicator, suppressed ? null : r.value, suppressed]);
  }
  return { year: catalog.defaultYear, rows: out };
}

/**
 * Serialises the first view as valid JSON with one row per line: compact enough to load first,
 * and still readable in a diff when the generator changes.
 */
export function formatFirstView(view: FirstView): string {
  const lines = view.rows.map((row) => `    ${JSON.stringify(row)}`);
  return `{\n  "year": ${view.year},\n  "rows": [\n${lines.join(',\n')}\n  ]\n}\n`;
}
