/**
 * Synthetic Child Protection Units (CPUs) and their yearly caseload.
 *
 * The history is loosely modelled on what is documented (data/facts/README.md): 14 units existed
 * before the 2015 reform, many started with donor support (Terre des hommes ran Vlorë's from
 * January 2010); after Law 18/2017 municipalities had to provide child-protection workers, so
 * units multiplied, mostly run by the municipalities themselves (Devoll's opened in 2017 with one
 * worker, per a UNICEF story). Everything else here (years, staff, caseloads) is invented.
 *
 * A unit is active in year y when opened <= y and (closed is null or y < closed).
 */
import type { CaseloadRow, FacilityRow } from '../../src/engine/schema';
import { normal, type Rng } from '../../src/analysis/random';
import { stream, YEARS } from './config';
import type { Latent } from './deprivation';
import type { Municipality } from './geography';
import { reportingFactor } from './indicators';
import type { PopulationSeries } from './population';
import { clamp } from './sampling';

const TDH = 'Terre des hommes';
const ORGANISATIONS = ['UNICEF', 'World Vision', 'Save the Children', TDH] as const;

/** The 14 units of the seed era: [lau_code, year opened, supporter]. */
const SEED_ERA: readonly (readonly [string, number, string])[] = [
  ['AL224', 2006, 'UNICEF'], // Tiranë
  ['AL154', 2007, 'World Vision'], // Shkodër
  ['AL121', 2008, TDH], // Durrës
  ['AL343', 2008, TDH], // Korçë
  ['AL213', 2009, TDH], // Elbasan
  ['AL357', 2010, TDH], // Vlorë (real: operating since 5 January 2010)
  ['AL322', 2010, TDH], // Fier
  ['AL311', 2011, 'Save the Children'], // Berat
  ['AL132', 2011, 'UNICEF'], // Kukës
  ['AL345', 2012, TDH], // Pogradec
  ['AL332', 2012, TDH], // Gjirokastër
  ['AL142', 2013, 'World Vision'], // Lezhë
  ['AL112', 2014, 'Save the Children'], // Dibër
  ['AL355', 2015, 'UNICEF'], // Sarandë
];

/** Devoll (AL341): opened 2017 with one child-protection worker (UNICEF story, 2018). */
const DEVOLL = 'AL341';

/** How many further units open from 2016 to 2025 besides Devoll's. */
const LATER_OPENINGS = 22;

/** Relative chance that a later unit opens in each year: a wave after Law 18/2017. */
const OPENING_WEIGHTS: Record<number, number> = {
  2016: 1,
  2017: 3,
  2018: 4,
  2019: 3,
  2020: 2,
  2021: 2,
  2022: 2,
  2023: 2,
  2024: 1.5,
  2025: 1.5,
};

/** Picks an index with probability proportional to its weight. */
function weightedIndex(rng: Rng, weights: readonly number[]): number {
  const total = weights.reduce((s, w) => s + w, 0);
  let u = rng() * total;
  for (let i = 0; i < weights.length; i++) {
    u -= weights[i] ?? 0;
    if (u < 0) return i;
  }
  return weights.length - 1;
}

function lastValue(xs: readonly number[]): number {
  return xs[xs.length - 1] ?? 0;
}

/** Builds the units (sorted by id) and their caseload (sorted by facility_id, year). */
export function buildFacilities(
  municipalities: readonly Municipality[],
  latent: Map<string, Latent>,
  population: Map<string, PopulationSeries>,
): { facilities: FacilityRow[]; caseload: CaseloadRow[] } {
  const rng = stream('facilities');
  const byCode = new Map(municipalities.map((m) => [m.lau_code, m]));
  const children = (code: string): readonly number[] => population.get(code)?.children ?? [];
  const plans: { code: string; opened: number; supporter: string; closed: number | null }[] = SEED_ERA.map(
    ([code, opened, supporter]) => ({ code, opened, supporter, closed: null }),
  );
  plans.push({ code: DEVOLL, opened: 2017, supporter: 'UNICEF', closed: null });

  // Later units: larger municipalities set one up sooner (weight ~ sqrt of child population).
  const candidates = municipalities.map((m) => m.lau_code).filter((c) => !plans.some((p) => p.code === c));
  const years = Object.keys(OPENING_WEIGHTS).map(Number);
  for (let n = 0; n < LATER_OPENINGS; n++) {
    const i = weightedIndex(
      rng,
      candidates.map((c) => Math.sqrt(lastValue(children(c)))),
    );
    const [code] = candidates.splice(i, 1);
    const opened =
      years[
        weightedIndex(
          rng,
          years.map((y) => OPENING_WEIGHTS[y] ?? 0),
        )
      ] ?? 2020;
    const org = ORGANISATIONS[Math.floor(rng() * ORGANISATIONS.length)] ?? 'UNICEF';
    const supporter = rng() < 0.7 ? 'Municipality' : org;
    if (code !== undefined) plans.push({ code, opened, supporter, closed: null });
  }
  // One donor-funded unit closes when its project ends: the earliest-opened later one with an
  // organisation as supporter (ties broken by code), closing three years after it opened.
  const closing = plans
    .slice(SEED_ERA.length + 1)
    .filter((p) => p.supporter !== 'Municipality' && p.opened <= 2020)
    .sort((a, b) => a.opened - b.opened || (a.code < b.code ? -1 : 1))[0];
  if (closing !== undefined) closing.closed = closing.opened + 3;

  const facilities: FacilityRow[] = [];
  const caseload: CaseloadRow[] = [];
  for (const plan of [...plans].sort((a, b) => (a.code < b.code ? -1 : 1))) {
    const m = byCode.get(plan.code);
    const l = latent.get(plan.code);
    if (m === undefined || l === undefined) throw new Error(`unknown municipality ${plan.code}`);
    const kids = children(plan.code);
    // Roughly one worker per 5,000 children, at least one, capped for the capital.
    const staff =
      plan.code === DEVOLL ? 1 : clamp(Math.round(lastValue(kids) / 5000 + 0.6 * normal(rng)), 1, 12);
    const id = `CPU-${m.lau_code}`;
    facilities.push({
      id,
      lau_code: m.lau_code,
      name: `CPU ${m.name}`,
      lon: m.lon,
      lat: m.lat,
      opened: plan.opened,
      closed: plan.closed,
      supporter: plan.supporter,
      staff,
    });
    YEARS.forEach((year, i) => {
      if (year < plan.opened || (plan.closed !== null && year >= plan.closed)) return;
      // New units take a few years to reach full caseload; reporting follows the national trend.
      const rampUp = Math.min(1, 0.6 + 0.2 * (year - plan.opened));
      const expected =
        22 *
        staff ** 0.7 *
        ((kids[i] ?? 0) / 5000) ** 0.35 *
        Math.exp(0.25 * (l.byYear[i] ?? 0)) *
        reportingFactor(year) *
        rampUp;
      const assisted = clamp(Math.round(expected * Math.exp(0.15 * normal(rng))), 10, 150);
      caseload.push({ facility_id: id, year, children_assisted: assisted });
    });
  }
  return { facilities, caseload };
}
