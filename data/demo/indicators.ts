/**
 * Generates values.parquet rows: every indicator for every municipality and year, each driven by
 * the latent deprivation score (deprivation.ts) and the synthetic population (population.ts).
 * Counts are drawn from Poisson/binomial distributions so that small municipalities produce the
 * small, noisy counts that make suppression and uncertainty matter.
 */
import type { ValueRow } from '../../src/engine/schema';
import type { Rng } from '../../src/analysis/random';
import { normal } from '../../src/analysis/random';
import { LAW_18_2017_YEAR, stream, YEARS } from './config';
import type { DemoIndicatorId } from './catalog';
import type { Latent } from './deprivation';
import type { Municipality } from './geography';
import type { PopulationSeries } from './population';
import { binomial, logistic, poisson } from './sampling';

/**
 * Share of child-protection cases that get reported and recorded, relative to full reporting.
 * Before Law 18/2017 came into force (June 2017) few municipalities had child-protection workers,
 * so reporting was low; it climbs as the law's units and workers are set up, then keeps rising a
 * little with awareness.
 */
export function reportingFactor(year: number): number {
  if (year < LAW_18_2017_YEAR) return 0.45 + 0.05 * (year - 2015);
  const ramp: Record<number, number> = { 2017: 0.62, 2018: 0.78, 2019: 0.9, 2020: 0.95 };
  return ramp[year] ?? 1 + 0.02 * (year - 2021);
}

/** Everything a generator sees for one municipality-year. */
interface Cell {
  m: Municipality;
  z: number;
  latent: Latent;
  year: number;
  total: number;
  children: number;
}

/** A generated figure: a count, or a ratio's numerator and denominator. */
type Generated = { count: number } | { numerator: number; denominator: number; scale: number };

type Generator = (cell: Cell, rng: Rng) => Generated;

const round2 = (x: number): number => Math.round(x * 100) / 100;

/** One generator per indicator, in catalog order; each runs on its own random stream. */
const GENERATORS: Record<DemoIndicatorId, Generator> = {
  child_pop: (c) => ({ count: c.children }),
  // Logit link: about 5 % at the lowest latent scores, about 35 % at the highest.
  econ_aid_share: (c, rng) => ({
    numerator: binomial(rng, c.children, logistic(-2.2 + 0.63 * c.z)),
    denominator: c.children,
    scale: 100,
  }),
  // Enrolled pupils are about 0.8 x the 0–17 population (pre-school ages and leavers excluded).
  dropout_rate: (c, rng) => {
    const enrolled = Math.round(0.8 * c.children * (1 + 0.02 * normal(rng)));
    return {
      numerator: binomial(rng, enrolled, logistic(-3.75 + 0.7 * c.z)),
      denominator: enrolled,
      scale: 100,
    };
  },
  // About 4.5 per 1,000 children at an average score and full reporting, 1–16 across the range.
  cp_cases_rate: (c, rng) => ({
    numerator: poisson(rng, (c.children / 1000) * 4.5 * Math.exp(0.5 * c.z) * reportingFactor(c.year)),
    denominator: c.children,
    scale: 1000,
  }),
  // Rare events: sub-linear in population so that even Tiranë stays in single digits.
  trafficking_referrals: (c, rng) => ({
    count: poisson(rng, 0.15 + 0.1 * (c.children / 1000) ** 0.8 * Math.exp(0.45 * c.z)),
  }),
  // Scales with the whole population; reporting rises about 4 % a year with awareness campaigns.
  dv_reports: (c, rng) => ({
    count: poisson(rng, (c.total / 1000) * 1.5 * Math.exp(0.2 * c.z) * (0.8 + 0.04 * (c.year - 2015))),
  }),
  // Concentrated in towns (population density) and around Roma/Egyptian communities.
  street_children: (c, rng) => {
    const density = c.total / Math.max(c.m.area_km2, 1);
    const urban = (density / 100) ** 0.3;
    return {
      count: poisson(rng, (c.children / 1000) * 0.25 * urban * Math.exp(1.3 * c.latent.roma + 0.3 * c.z)),
    };
  },
};

function toRow(lau_code: string, year: number, indicator: string, g: Generated): ValueRow {
  if ('count' in g) {
    return { lau_code, year, indicator, value: g.count, numerator: null, denominator: null };
  }
  const value = g.denominator > 0 ? round2((g.numerator / g.denominator) * g.scale) : null;
  return { lau_code, year, indicator, value, numerator: g.numerator, denominator: g.denominator };
}

/**
 * Generates all rows, sorted by indicator, year and lau_code (the order of values.parquet).
 * Random numbers are drawn per indicator in lau_code-then-year order, so the output depends only
 * on the seed.
 */
export function generateValues(
  municipalities: readonly Municipality[],
  latent: Map<string, Latent>,
  population: Map<string, PopulationSeries>,
): ValueRow[] {
  const rows: ValueRow[] = [];
  for (const [indicator, generate] of Object.entries(GENERATORS)) {
    const rng = stream(`indicator:${indicator}`);
    for (const m of municipalities) {
      const l = latent.get(m.lau_code);
      const p = population.get(m.lau_code);
      if (l === undefined || p === undefined) throw new Error(`missing inputs for ${m.lau_code}`);
      YEARS.forEach((year, i) => {
        const cell: Cell = {
          m,
          z: l.byYear[i] ?? l.base,
          latent: l,
          year,
          total: p.total[i] ?? 0,
          children: p.children[i] ?? 0,
        };
        rows.push(toRow(m.lau_code, year, indicator, generate(cell, rng)));
      });
    }
  }
  return rows.sort(compareValueRows);
}

/** Orders rows by indicator, year, lau_code (plain code-unit comparison, like DuckDB's ORDER BY). */
export function compareValueRows(a: ValueRow, b: ValueRow): number {
  if (a.indicator !== b.indicator) return a.indicator < b.indicator ? -1 : 1;
  if (a.year !== b.year) return a.year - b.year;
  return a.lau_code < b.lau_code ? -1 : a.lau_code > b.lau_code ? 1 : 0;
}
