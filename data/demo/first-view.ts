/**
 * public/data/first-view.json: the default year's values, already suppressed, so the app can draw
 * its first map before DuckDB-WASM has started.
 */
import type { Catalog, FirstView, ValueRow } from '../../src/engine/schema';
import { DEFAULT_K } from '../../src/analysis/suppression';
import { suppressTable } from '../../src/analysis/suppression-table';

/**
 * Builds the first view for the catalog's default year, in values.parquet order, with the same primary and
 * secondary suppression the engine applies (`county` maps lau_code to qark_code).
 */
export function buildFirstView(
  catalog: Catalog,
  rows: readonly ValueRow[],
  county: ReadonlyMap<string, string>,
): FirstView {
  const year = rows.filter((r) => r.year === catalog.defaultYear);
  const out: FirstView['rows'] = [];
  for (const m of catalog.indicators) {
    const mine = year.filter((r) => r.indicator === m.id);
    const policy = suppressTable(
      m,
      mine.map((r) => ({
        id: r.lau_code,
        group: county.get(r.lau_code) ?? '',
        value: r.value,
        numerator: r.numerator,
      })),
      DEFAULT_K,
    );
    for (const r of mine) {
      const suppressed = policy.hidden.has(r.lau_code);
      out.push([r.lau_code, r.indicator, suppressed ? null : r.value, suppressed]);
    }
  }
  const unknown = year.find((r) => !catalog.indicators.some((i) => i.id === r.indicator));
  if (unknown) throw new Error(`indicator ${unknown.indicator} is not in the catalog`);
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
