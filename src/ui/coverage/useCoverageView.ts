/**
 * The coverage view's props for the current state: the coverage series asked of the engine (./useCoverage)
 * under the catchment of the state (the default, a unit's own municipality, when the link names none), the
 * "opened since" year the view holds, and the parts ./coverage-derive derives, each memoised on exactly what
 * it depends on (the charts redraw only when the series, colours, format or catchment change), through the
 * pure builder ./coverage-props. Interactions only write `state.catchment`, `state.year` and `state.selected`.
 */
import { useCallback, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { catchmentGeometry } from '../../analysis/catchment';
import type { ViewContext } from '../views';
import * as derive from './coverage-derive';
import { beginInteraction } from '../../common/perf';
import { coverageMapKey, coverageProps, type CoverageProps } from './coverage-props';
import { coverageFormat } from './format';
import { coverageFill, supporterColors, unitPoints } from './style';
import { useCoverage } from './useCoverage';

/** Units opened since this year are marked at first: the year after Law 18/2017 made units mandatory. */
const DEFAULT_SINCE = 2018;

/** Everything ./CoverageLayout renders. */
export function useCoverageView(ctx: ViewContext): CoverageProps {
  const { store, state, status, dataset, neighbours, municipalities } = ctx;
  const { t } = useTranslation();
  const { catalog, boundaries, version } = dataset;
  const { lang, k } = state;
  const geometry = useMemo(() => catchmentGeometry(boundaries.features), [boundaries]);
  const chosen = derive.coverageCode(state.catchment);
  // `code`: the catchment of the series on screen (the last one while the chosen one is computed).
  const { series, error, code, pending } = useCoverage(status, geometry, chosen, k, version);

  const years = useMemo(
    () => derive.yearsOf(series, catalog.years.first, catalog.years.last),
    [series, catalog],
  );
  const year = derive.nearestYear(years, state.year);
  const coverage = series?.find((y) => y.year === year) ?? null;
  const [since, setSince] = useState(DEFAULT_SINCE);

  const byLau = useMemo(() => new Map(municipalities.map((m) => [m.lau_code, m])), [municipalities]);
  const countyNames = useMemo(() => derive.countyNamesOf(municipalities), [municipalities]);
  const colors = useMemo(() => supporterColors(series ?? []), [series]);
  const unitNames = useMemo(() => derive.unitNamesOf(series), [series]);
  const openedYears = useMemo(() => derive.openedYearsOf(series, years), [series, years]);
  const format = useMemo(
    () => coverageFormat(lang, k, t('tooltip.noData'), (value) => t('coverage.percent', { value })),
    [lang, k, t],
  );
  const supporterLabel = useMemo(() => derive.supporterLabelOf(t), [t]);
  const catchment = derive.catchmentText(t, code);

  const covered = useMemo(() => derive.coveredOf(coverage), [coverage]);
  const isCovered = useMemo(() => derive.isCoveredOf(covered), [covered]);
  const fill = useCallback((lau: string) => coverageFill(isCovered, lau), [isCovered]);
  const detail = useMemo(() => derive.unitDetailOf(t, supporterLabel, format), [supporterLabel, t, format]);
  const points = useMemo(
    () => (coverage ? unitPoints(coverage.units, colors, since, detail) : []),
    [coverage, colors, since, detail],
  );
  const describe = useMemo(
    () => derive.coverageDescribe(t, byLau, covered, unitNames),
    [byLau, covered, unitNames, t],
  );
  const onSelect = useCallback((lau: string) => store.set({ selected: lau }), [store]);

  // An input is measured to the frame that draws its map (common/perf): the key that map will draw.
  const mapKey = (next: { code?: string; year?: number; since?: number }) =>
    coverageMapKey({ code, year, k, since, version, ...next });
  const actions = {
    onCatchment: (c: string) => {
      beginInteraction('coverage-catchment', mapKey({ code: derive.coverageCode(c) }));
      store.set({ catchment: c });
    },
    onYear: (y: number) => {
      beginInteraction('coverage-year', mapKey({ year: derive.nearestYear(years, y) }));
      store.set({ year: y });
    },
    onSince: (s: number) => {
      beginInteraction('coverage-since', mapKey({ since: s }));
      setSince(s);
    },
    onSelect,
  };

  return coverageProps({
    t,
    k,
    code,
    chosen,
    pending,
    catchment,
    year,
    years,
    openedYears,
    since,
    status,
    error,
    series,
    coverage,
    boundaries,
    neighbours,
    selected: state.selected,
    municipalities,
    byLau,
    countyNames,
    unitNames,
    colors,
    supporterLabel,
    format,
    fill,
    points,
    describe,
    childSource: catalog.indicators.find((i) => i.id === 'child_pop')?.source[lang] ?? '',
    synthetic: catalog.synthetic,
    version,
    today: new Date().toISOString().slice(0, 10),
    actions,
  });
}
