/**
 * What an import wrote, and what small-count suppression will hide of it: for each indicator, how many
 * municipality-year cells the app hides (counts 1 to k - 1, rates resting on them, and secondary
 * suppression), by the engine's own policy. Only counts of cells are printed, never values.
 */
import type { Connector } from '../engine/connector';
import { createEngine } from '../engine/engine';
import type { IndicatorMeta } from '../engine/schema';

export { mergedCatalog } from '../engine/merged-catalog';

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

/**
 * Cells and hidden cells per indicator of what the import wrote (the user's rows, or the loaded values when
 * the batch had none), hidden exactly as the app hides them: the engine's policy, with rates given without
 * counts judged on their implied counts and secondary suppression included.
 */
export async function suppressionSummary(
  conn: Connector,
  indicators: readonly IndicatorMeta[],
  k: number,
): Promise<IndicatorSummary[]> {
  const [own] = await conn.query<{ n: number }>({ sql: 'SELECT count(*) AS n FROM user_values', params: [] });
  const engine = createEngine(conn).scope((own?.n ?? 0) > 0 ? 'own' : 'all');
  const present = new Set(await engine.indicatorsPresent());
  const out: IndicatorSummary[] = [];
  for (const m of indicators.filter((i) => present.has(i.id))) {
    const s = { indicator: m.id, cells: 0, suppressed: 0 };
    for (const values of (await engine.allYears(m, k)).values()) {
      s.cells += values.length;
      s.suppressed += values.filter((v) => v.suppressed).length;
    }
    out.push(s);
  }
  return out.sort((a, b) => a.indicator.localeCompare(b.indicator));
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
  const rule =
    k > 1
      ? `counts 1 to ${k - 1} of sensitive indicators are hidden, with the cells that would give them back`
      : 'nothing is hidden';
  lines.push(`Small-count suppression (k = ${k}: ${rule}):`);
  if (hidden.length === 0) lines.push('  no cell is hidden');
  for (const x of hidden) {
    lines.push(`  ${x.indicator}: ${x.suppressed} of ${x.cells} municipality-year cells hidden`);
  }
  return lines.join('\n');
}
