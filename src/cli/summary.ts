/**
 * What an import wrote, and what small-count suppression will hide of it: for each sensitive indicator, how
 * many municipality-year cells have a count (or a ratio's numerator) from 1 to k - 1, by the app's own rule
 * (src/analysis/suppression.ts). Only counts of cells are printed, never values.
 */
import { isSuppressed } from '../analysis/suppression';
import type { Connector } from '../engine/connector';
import type { Catalog, IndicatorMeta } from '../engine/schema';

/** One file written to the output folder. */
export interface Written {
  file: string;
  rows: number;
  bytes: number;
}

/** Cells of one indicator and how many of them the app hides at threshold k. */
export interface IndicatorSummary {
  indicator: string;
  cells: number;
  suppressed: number;
}

/** The catalog the app should load with the imported values (as src/ui/useDataset.ts `applied` builds it). */
export function mergedCatalog(
  base: Catalog,
  extra: readonly IndicatorMeta[],
  present: readonly string[],
  years: { first: number; last: number } | null,
  userValues: boolean,
): Catalog {
  const ids = new Set(extra.map((i) => i.id));
  const all = [...base.indicators.filter((i) => !ids.has(i.id)), ...extra];
  const shown = all.filter((i) => present.includes(i.id));
  const indicators = shown.length > 0 ? shown : all;
  const first = indicators.some((i) => i.id === base.defaultIndicator) ? base.defaultIndicator : undefined;
  return {
    ...base,
    synthetic: base.synthetic && !userValues,
    title: userValues ? { en: 'Imported data', sq: 'Të dhëna të importuara' } : base.title,
    years: years ?? base.years,
    defaultYear: years ? years.last : base.defaultYear,
    defaultIndicator: first ?? indicators[0]?.id ?? base.defaultIndicator,
    indicators,
  };
}

/** Cells and suppressed cells per indicator of the live indicator_values table. */
export async function suppressionSummary(
  conn: Connector,
  indicators: readonly IndicatorMeta[],
  k: number,
): Promise<IndicatorSummary[]> {
  const rows = await conn.query<{ indicator: string; value: number | null; numerator: number | null }>({
    sql: 'SELECT indicator, value, numerator FROM indicator_values',
    params: [],
  });
  const meta = new Map(indicators.map((i) => [i.id, i]));
  const out = new Map<string, IndicatorSummary>();
  for (const r of rows) {
    const s = out.get(r.indicator) ?? { indicator: r.indicator, cells: 0, suppressed: 0 };
    s.cells++;
    const m = meta.get(r.indicator);
    if (m && isSuppressed(m, r.value, r.numerator, k)) s.suppressed++;
    out.set(r.indicator, s);
  }
  return [...out.values()].sort((a, b) => a.indicator.localeCompare(b.indicator));
}

/** The summary as text lines. */
export function formatSummary(dir: string, written: readonly Written[], k: number, s: IndicatorSummary[]) {
  const lines = [`Wrote ${written.length} file(s) to ${dir}:`];
  for (const w of written) {
    const unit = w.file.endsWith('.json') ? 'indicators' : w.file.endsWith('.geojson') ? 'features' : 'rows';
    lines.push(
      `  ${w.file}  ${w.rows.toLocaleString('en-US')} ${unit}, ${w.bytes.toLocaleString('en-US')} bytes`,
    );
  }
  const hidden = s.filter((x) => x.suppressed > 0);
  const rule = k > 1 ? `counts 1 to ${k - 1} of sensitive indicators are hidden` : 'nothing is hidden';
  lines.push(`Small-count suppression (k = ${k}: ${rule}):`);
  if (hidden.length === 0) lines.push('  no cell is hidden');
  for (const x of hidden) {
    lines.push(`  ${x.indicator}: ${x.suppressed} of ${x.cells} municipality-year cells hidden`);
  }
  return lines.join('\n');
}
