/** The catalog of what a user imported (shared by `atlas import`, `atlas publish` and the app's publishing). */
import type { Catalog, IndicatorMeta } from './schema';

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
