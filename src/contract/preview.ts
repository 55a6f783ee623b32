/**
 * The first rows of a staged indicator-values file as they would load (municipality resolved, year,
 * indicator, value), and the indicator names it uses that the catalog does not know: what the column-mapping
 * panel previews before anything is loaded. Reads only the staging tables of stage.ts, with bound limits.
 */
import type { Connector } from '../engine/connector';
import { ident, isStagingName } from './sql';
import type { StagedPreview, ValidationContext } from './types';

export type { PreviewRow, StagedPreview } from './types';

interface Row {
  line: number;
  place: string | null;
  lau_code: string | null;
  year: number | null;
  indicator: string | null;
  raw: string | null;
  value: number | null;
}

/**
 * The first `limit` rows of the staged table `staging` (with its `_map` and `_ind` helpers, which exist until
 * stageAndValidate returns) and up to 50 unknown indicator names.
 */
export async function previewStaged(
  conn: Connector,
  staging: string,
  ctx: ValidationContext,
  rowOffset: number,
  limit: number,
): Promise<StagedPreview> {
  if (!isStagingName(staging, 'indicator_values'))
    throw new Error(`${staging} is not an indicator_values staging table`);
  const s = ident(staging);
  const rows = await conn.query<Row>({
    sql: `SELECT s.__row AS line, s.__place AS place, m.lau_code AS lau_code, s.year AS year,
  i.id AS indicator, trim(s.indicator__raw) AS raw, s.value AS value
FROM ${s} s LEFT JOIN ${ident(`${staging}_map`)} m ON m.input = s.__place
LEFT JOIN ${ident(`${staging}_ind`)} i ON i.id = s.indicator
ORDER BY s.rowid LIMIT ?`,
    params: [limit],
  });
  const unknown = await conn.query<{ name: string }>({
    sql: `SELECT trim(s.indicator__raw) AS name FROM ${s} s
LEFT JOIN ${ident(`${staging}_ind`)} i ON i.id = s.indicator
WHERE i.id IS NULL AND s.indicator__raw IS NOT NULL AND trim(s.indicator__raw) <> ''
GROUP BY 1 ORDER BY min(s.rowid) LIMIT ?`,
    params: [50],
  });
  const names = new Map(ctx.municipalities.map((m) => [m.lau_code, m.name]));
  return {
    rows: rows.map((r) => ({
      row: r.line + rowOffset,
      place: r.place,
      lau_code: r.lau_code,
      municipality: r.lau_code ? (names.get(r.lau_code) ?? null) : null,
      year: r.year,
      indicator: r.indicator ?? r.raw,
      value: r.value,
    })),
    unknownIndicators: unknown.map((u) => u.name),
  };
}
