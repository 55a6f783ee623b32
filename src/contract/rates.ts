/**
 * Rates without counts in a staged values file: which ratio indicators the file gives as rates alone (or with
 * one part), where their weights will come from, and how many cells small-count suppression will hide once
 * the file is loaded. Run on the values as loading would leave them (the file's rows over the loaded ones,
 * src/contract/commit.ts), with the engine's own resolution (src/engine/queries-values.ts) and the one
 * policy (src/analysis/suppression-table.ts): the report says exactly what the map will do.
 */
import { DEFAULT_K } from '../analysis/suppression';
import { suppressTable } from '../analysis/suppression-table';
import type { Connector } from '../engine/connector';
import { policyCount, resolvedValues, selParams, type Basis } from '../engine/queries-values';
import type { IndicatorMeta } from '../engine/schema';
import { msg, problemTexts } from './problem-text';
import type { MsgParam, Problem, RateSummary } from './problem-types';
import { dropTables, ident } from './sql';
import type { ValidationContext } from './types';

interface Resolved {
  lau_code: string;
  year: number;
  value: number | null;
  numerator: number | null;
  basis: Basis;
  staged: boolean;
  qark_code: string | null;
}

async function exists(conn: Connector, name: string): Promise<boolean> {
  const [r] = await conn.query<{ n: number }>({
    sql: 'SELECT count(*) AS n FROM information_schema.tables WHERE table_name = ?',
    params: [name],
  });
  return (r?.n ?? 0) > 0;
}

/** Ratio indicators of the staged file with rows that give a rate without both counts, and their first row. */
async function rateOnly(conn: Connector, staging: string, ratios: readonly IndicatorMeta[]) {
  if (ratios.length === 0) return [];
  return conn.query<{ indicator: string; n: number; first: number }>({
    sql: `SELECT indicator, count(*)::INTEGER AS n, min(__row)::INTEGER AS first FROM ${ident(staging)}
WHERE value IS NOT NULL AND (numerator IS NULL OR denominator IS NULL)
  AND indicator IN (${ratios.map(() => '?').join(', ')})
GROUP BY indicator ORDER BY min(__row)`,
    params: ratios.map((r) => r.id),
  });
}

/**
 * The values as loading the file would leave them, as `<staging>_merged` (every column of indicator_values
 * and `staged`): the file's rows, places resolved through `<staging>_map`, over the loaded rows of other keys.
 */
async function createMerged(conn: Connector, staging: string): Promise<string> {
  const merged = `${staging}_merged`;
  const live = (await exists(conn, 'indicator_values'))
    ? `UNION ALL SELECT iv.lau_code, iv.year, iv.indicator, iv.value, iv.numerator, iv.denominator, iv.status, false
FROM indicator_values iv WHERE NOT EXISTS (SELECT 1 FROM f WHERE f.lau_code = iv.lau_code
  AND f.year = iv.year AND f.indicator = iv.indicator)`
    : '';
  await conn.exec(`CREATE OR REPLACE TABLE ${ident(merged)} AS
WITH f AS (SELECT m.lau_code, s.year, s.indicator, s.value, s.numerator, s.denominator,
  NULL::VARCHAR AS status FROM ${ident(staging)} s
  JOIN ${ident(`${staging}_map`)} m ON m.input = s.__place)
SELECT f.*, true AS staged FROM f ${live}`);
  return merged;
}

/** One indicator's summary over the merged values: bases of the file's rate-only rows and the hidden ones. */
async function summarise(
  conn: Connector,
  merged: string,
  meta: IndicatorMeta,
  k: number,
  counties: boolean,
): Promise<RateSummary> {
  // Secondary suppression works within counties: without the municipalities table, one group.
  const county = counties ? 'mu.qark_code' : "''";
  const join = counties ? 'LEFT JOIN municipalities mu ON mu.lau_code = rv.lau_code' : '';
  const rows = await conn.query<Resolved>({
    sql: `WITH ${resolvedValues('all', merged)}
SELECT rv.lau_code, rv.year::INTEGER AS year, rv.value, rv.numerator, rv.basis, x.staged,
  ${county} AS qark_code
FROM rv JOIN ${ident(merged)} x ON x.lau_code = rv.lau_code AND x.year = rv.year AND x.indicator = ?
${join}`,
    params: [...selParams(meta), meta.id],
  });
  const bases = { denominator: 0, numerator: 0, indicator: 0, child_pop: 0, none: 0 };
  const byYear = new Map<number, Resolved[]>();
  for (const r of rows) {
    if (r.staged && r.basis !== 'counts') bases[r.basis]++;
    const list = byYear.get(r.year) ?? [];
    list.push(r);
    byYear.set(r.year, list);
  }
  let hidden = 0;
  let secondary = 0;
  for (const list of byYear.values()) {
    const counts = list.map((r) => ({
      id: r.lau_code,
      group: r.qark_code ?? '',
      value: r.value,
      numerator: policyCount(meta, r),
    }));
    const policy = suppressTable(meta, counts, k);
    for (const r of list) {
      if (!r.staged || r.basis === 'counts' || !policy.hidden.has(r.lau_code)) continue;
      hidden++;
      const c = policyCount(meta, r);
      if (!(c !== null && c >= 1 && c < k)) secondary++;
    }
  }
  const n = Object.values(bases).reduce((a, b) => a + b, 0);
  return { indicator: meta.id, rows: n, bases, weight: meta.denominator ?? null, hidden, secondary, k };
}

/** The warning that goes with a summary: one per indicator, at its first rate-only row. */
function warning(file: string, s: RateSummary, row: number): Problem {
  const weights: MsgParam[] = [
    s.bases.denominator + s.bases.numerator > 0 ? msg('problems.rate-without-counts.weightParts') : null,
    s.bases.indicator > 0
      ? msg('problems.rate-without-counts.weightIndicator', {
          indicator: s.weight ?? msg('problems.rate-without-counts.weightCatalog'),
        })
      : null,
    s.bases.child_pop > 0 ? msg('problems.rate-without-counts.weightChildPop') : null,
  ].filter((w) => w !== null);
  const none = s.bases.none > 0 ? msg('problems.rate-without-counts.none', { n: String(s.bases.none) }) : '';
  return {
    file,
    severity: 'warning',
    code: 'rate-without-counts',
    row,
    column: 'value',
    ...problemTexts({
      found: {
        ...msg('problems.rate-without-counts.found', { rows: String(s.rows), indicator: s.indicator }),
        max: 60,
      },
      expected: msg('problems.rate-without-counts.expected'),
      fix: msg('problems.rate-without-counts.fix', {
        weights:
          weights.length > 0
            ? weights.reduce((a, b) => msg('problems.common.then', { a, b }))
            : msg('problems.rate-without-counts.nothing'),
        none,
        k: String(s.k),
        hidden: String(s.hidden),
      }),
    }),
  };
}

/**
 * Summaries and warnings for the rate-only rows of a staged values file (`<staging>_map` must exist). Nothing
 * live changes: the merged preview is dropped before returning.
 */
export async function rateSummaries(
  conn: Connector,
  staging: string,
  ctx: ValidationContext,
  rowOffset: number,
  file: string,
): Promise<{ summaries: RateSummary[]; problems: Problem[] }> {
  const ratios = ctx.indicators.filter((i) => i.aggregation === 'ratio');
  const found = await rateOnly(conn, staging, ratios);
  if (found.length === 0) return { summaries: [], problems: [] };
  const merged = await createMerged(conn, staging);
  try {
    const counties = await exists(conn, 'municipalities');
    const summaries: RateSummary[] = [];
    const problems: Problem[] = [];
    for (const f of found) {
      const meta = ratios.find((r) => r.id === f.indicator)!;
      const s = await summarise(conn, merged, meta, ctx.k ?? DEFAULT_K, counties);
      summaries.push(s);
      problems.push(warning(file, s, f.first + rowOffset));
    }
    return { summaries, problems };
  } finally {
    await dropTables(conn, [merged]);
  }
}
