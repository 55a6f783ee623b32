/**
 * The hook for a catalog file loaded in the same batch as values that use its new indicators: validate the
 * catalog first, read its staged indicators, and validate the values with them added to the context, so that
 * their ids are not reported as unknown.
 */
import type { Connector } from '../engine/connector';
import type { IndicatorMeta } from '../engine/schema';
import { ident, isStagingName } from './sql';
import type { ValidationContext } from './types';

interface CatalogRow {
  id: string;
  label_en: string;
  label_sq: string;
  unit_en: string | null;
  unit_sq: string | null;
  higher_is_worse: boolean;
  aggregation: 'sum' | 'ratio';
  scale: number;
  sensitive: boolean;
  denominator: string | null;
  source_en: string | null;
  source_sq: string | null;
}

/** The indicators of a staged (validated) catalog file, in file order. */
export async function stagedIndicators(conn: Connector, staging: string): Promise<IndicatorMeta[]> {
  if (!isStagingName(staging, 'catalog')) throw new Error(`${staging} is not a catalog staging table`);
  const rows = await conn.query<CatalogRow>({
    sql: `SELECT id, label_en, label_sq, unit_en, unit_sq, higher_is_worse, aggregation, scale, sensitive,
  denominator, source_en, source_sq FROM ${ident(staging)} ORDER BY __row`,
    params: [],
  });
  return rows.map((r) => ({
    id: r.id,
    label: { en: r.label_en, sq: r.label_sq },
    unit: { en: r.unit_en ?? '', sq: r.unit_sq ?? '' },
    higherIsWorse: r.higher_is_worse,
    aggregation: r.aggregation,
    scale: r.scale,
    sensitive: r.sensitive,
    ...(r.denominator ? { denominator: r.denominator } : {}),
    source: { en: r.source_en ?? '', sq: r.source_sq ?? '' },
  }));
}

/** The context with `extra` indicators added; an id in both takes the definition from `extra`. */
export function withIndicators(ctx: ValidationContext, extra: readonly IndicatorMeta[]): ValidationContext {
  const ids = new Set(extra.map((i) => i.id));
  return { ...ctx, indicators: [...ctx.indicators.filter((i) => !ids.has(i.id)), ...extra] };
}
