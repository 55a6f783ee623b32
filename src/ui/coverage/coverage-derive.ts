/**
 * What the coverage view derives from the state and the engine's coverage series: the catchment code (the
 * default when the link names none, {@link DEFAULT_CATCHMENT}) and its words, the years on the slider and in
 * the "opened since" choice, unit and county names, which municipalities are covered, the map's tooltips and
 * the units' point details. Pure: unit tested in Node; ./useCoverageView memoises each on its inputs.
 */
import type { TFunction } from 'i18next';
import { DEFAULT_CATCHMENT, parseCatchment } from '../../analysis/catchment';
import type { CoverageYear, MunicipalityCoverage, UnitFigures } from '../../analysis/coverage';
import type { MunicipalityProps } from '../../engine/static';
import { isCatchment } from '../../state/url';
import type { CoverageFormat } from './format';

/** The catchment code of the state, or the default when it is not a valid one. */
export function coverageCode(catchment: string): string {
  return isCatchment(catchment) ? catchment : DEFAULT_CATCHMENT;
}

/** The catchment model in words ("catchment: the unit's own municipality"). */
export function catchmentText(t: TFunction, code: string): string {
  const catchment = parseCatchment(code);
  return catchment.kind === 'radius'
    ? t('coverage.catchment.radiusLong', { km: catchment.km })
    : t(`coverage.catchment.${catchment.kind}Long`);
}

/** The year of `years` nearest to `year` (the latest on a tie), or `year` when there are none. */
export function nearestYear(years: readonly number[], year: number): number {
  let best = years[0] ?? year;
  for (const y of years) if (Math.abs(y - year) <= Math.abs(best - year)) best = y;
  return best;
}

/** The years of the series, or the catalog's years while it loads. */
export function yearsOf(series: readonly CoverageYear[] | null, first: number, last: number): number[] {
  if (series && series.length > 0) return series.map((y) => y.year);
  const out: number[] = [];
  for (let y = first; y <= last; y++) out.push(y);
  return out;
}

/** Every year from the first unit's opening (or the first year) to the last year. */
export function openedYearsOf(series: readonly CoverageYear[] | null, years: readonly number[]): number[] {
  const first = Math.min(...(series ?? []).flatMap((y) => y.units.map((u) => u.opened)), years[0]!);
  const out: number[] = [];
  for (let y = first; y <= years[years.length - 1]!; y++) out.push(y);
  return out;
}

/** Unit names by id, over every year. */
export function unitNamesOf(series: readonly CoverageYear[] | null): Map<string, string> {
  return new Map((series ?? []).flatMap((y) => y.units.map((u) => [u.id, u.name] as const)));
}

/** County names by qark_code. */
export function countyNamesOf(municipalities: readonly MunicipalityProps[]): Map<string, string> {
  return new Map(municipalities.map((m) => [m.qark_code, m.qark_name]));
}

/** A supporter's name on screen ("Municipality" translated, organisations as they are). */
export function supporterLabelOf(t: TFunction): (supporter: string) => string {
  return (s) => (s === 'Municipality' ? t('coverage.supporterMunicipality') : s);
}

/** The year's municipalities by lau_code; null while it loads. */
export function coveredOf(coverage: CoverageYear | null): Map<string, MunicipalityCoverage> | null {
  return coverage ? new Map(coverage.municipalities.map((m) => [m.lau_code, m])) : null;
}

/** Whether each municipality is within reach of a unit. */
export function isCoveredOf(covered: ReadonlyMap<string, MunicipalityCoverage> | null) {
  return covered ? new Map([...covered].map(([c, m]) => [c, m.covered])) : null;
}

/** A unit's point detail: supporter, year opened, children assisted. */
export function unitDetailOf(
  t: TFunction,
  supporterLabel: (s: string) => string,
  format: CoverageFormat,
): (u: UnitFigures) => string {
  return (u) =>
    [
      supporterLabel(u.supporter),
      t('coverage.tip.opened', { year: u.opened }),
      t('coverage.tip.assisted', { value: format.shown(u.assisted) }),
    ].join(' · ');
}

/** A municipality's tooltip: name, county, and the units reaching it or "not covered". */
export function coverageDescribe(
  t: TFunction,
  byLau: ReadonlyMap<string, MunicipalityProps>,
  covered: ReadonlyMap<string, MunicipalityCoverage> | null,
  unitNames: ReadonlyMap<string, string>,
) {
  return (lau: string) => {
    const m = byLau.get(lau);
    const c = covered?.get(lau);
    return {
      name: m?.name ?? lau,
      county: t('tooltip.county', { county: m?.qark_name ?? '' }),
      value: !c
        ? t('tooltip.noData')
        : c.covered
          ? t('coverage.tip.covered', { units: c.units.map((id) => unitNames.get(id) ?? id).join(', ') })
          : t('coverage.tip.uncovered'),
    };
  };
}
