/**
 * Valid tables of every kind (docs/data-contract.md), generated from a seeded generator: the corpus breaks
 * them one way at a time, so that each malformed file has exactly the problem its entry names.
 */
import { readFileSync } from 'node:fs';
import type { FeatureCollection } from 'geojson';
import { createRng, type Rng } from '../../src/analysis/random';
import { ALBANIA_MUNICIPALITIES } from '../../src/contract/names-albania';

/** A table: header and rows of cells. */
export interface Rows {
  header: string[];
  rows: (string | number | null)[][];
}

/** Header of indicator_values. */
export const VALUES_HEADER = ['lau_code', 'year', 'indicator', 'value', 'numerator', 'denominator'];

const pick = <T>(rng: Rng, list: readonly T[]): T => list[Math.floor(rng() * list.length)]!;
const int = (rng: Rng, lo: number, hi: number): number => lo + Math.floor(rng() * (hi - lo + 1));

/** The valid tables of the corpus, all from one seed. */
export interface Base {
  rng: Rng;
  values: Rows;
  catalog: Rows;
  facilities: Rows;
  caseload: Rows;
  schools: Rows;
  cases: Rows;
  boundaries: FeatureCollection;
}

function values(rng: Rng): Rows {
  const codes = ALBANIA_MUNICIPALITIES.map((m) => m.lau_code);
  const rows: Rows['rows'] = [];
  for (const lau of codes.filter((_, i) => i % 5 === 0)) {
    for (const year of [2023, 2024]) {
      const pop = int(rng, 1500, 60000);
      const aid = int(rng, 50, Math.floor(pop / 3));
      const cases = int(rng, 0, 300);
      rows.push([lau, year, 'child_pop', pop, null, null]);
      rows.push([lau, year, 'econ_aid_share', Math.round((aid / pop) * 10000) / 100, aid, pop]);
      rows.push([lau, year, 'cp_cases_rate', Math.round((cases / pop) * 100000) / 100, cases, pop]);
      rows.push([lau, year, 'dv_reports', int(rng, 0, 40), null, null]);
    }
  }
  return { header: VALUES_HEADER, rows };
}

function catalog(): Rows {
  const header =
    'id,label_en,label_sq,unit_en,unit_sq,higher_is_worse,aggregation,scale,sensitive,source_en,source_sq,notes';
  // prettier-ignore
  const rows: Rows['rows'] = [
    ['child_pop', 'Child population 0–17', 'Popullsia e fëmijëve 0–17', 'children', 'fëmijë', 'false', 'sum', 1, 'false', 'INSTAT', 'INSTAT', null],
    ['foster_care', 'Children in foster care', 'Fëmijë në kujdestari', 'children', 'fëmijë', 'true', 'sum', 1, 'true', 'State Social Service', 'Shërbimi Social Shtetëror', null],
    ['school_meals_share', 'Pupils with school meals', 'Nxënës me drekë në shkollë', '%', '%', 'false', 'ratio', 100, 'false', 'Ministry of Education', 'Ministria e Arsimit', 'pilot'],
  ];
  return { header: header.split(','), rows };
}

const PLACES: [string, string, number, number][] = [
  ['AL121', 'NJMF Durrës', 19.4565, 41.3231],
  ['AL132', 'NJMF Kukës', 20.4217, 42.0769],
  ['AL131', 'NJMF Has', 20.327, 42.193],
  ['AL224', 'NJMF Tiranë', 19.8187, 41.3275],
  ['AL154', 'NJMF Shkodër', 19.5126, 42.0683],
  ['AL213', 'NJMF Elbasan', 20.0822, 41.1125],
  ['AL312', 'NJMF Kuçovë', 19.9167, 40.8003],
];

function facilities(rng: Rng): Rows {
  const rows = PLACES.map(([lau, name, lon, lat], i) => {
    const opened = int(rng, 2008, 2018);
    return [
      `cpu-${i + 1}`,
      lau,
      name,
      lon,
      lat,
      opened,
      i === 2 ? opened + 4 : null,
      pick(rng, ['UNICEF', 'Terre des hommes', 'Save the Children']),
      int(rng, 1, 6),
    ];
  });
  return { header: ['id', 'lau_code', 'name', 'lon', 'lat', 'opened', 'closed', 'supporter', 'staff'], rows };
}

function caseload(rng: Rng): Rows {
  const rows: Rows['rows'] = [];
  for (const id of ['CPU-AL121', 'CPU-AL112', 'CPU-AL113']) {
    for (const year of [2022, 2023, 2024]) rows.push([id, year, int(rng, 0, 250)]);
  }
  return { header: ['facility_id', 'year', 'children_assisted'], rows };
}

function schools(rng: Rng): Rows {
  const rows: Rows['rows'] = [];
  for (let s = 1; s <= 8; s++) {
    const lau = pick(rng, ALBANIA_MUNICIPALITIES).lau_code;
    for (const level of ['basic', 'upper_secondary']) {
      const enrolled = int(rng, 40, 700);
      rows.push([
        `S-${String(s).padStart(4, '0')}`,
        lau,
        level,
        2024,
        enrolled,
        int(rng, 0, Math.floor(enrolled / 10)),
      ]);
    }
  }
  return { header: ['school_id', 'lau_code', 'level', 'year', 'enrolled', 'dropouts'], rows };
}

function cases(rng: Rng): Rows {
  const rows: Rows['rows'] = [];
  for (let i = 0; i < 120; i++) {
    rows.push([
      pick(rng, [2023, 2024]),
      int(rng, 1, 12),
      pick(rng, ALBANIA_MUNICIPALITIES).lau_code,
      pick(rng, ['0-5', '6-11', '12-14', '15-17']),
      pick(rng, ['F', 'M', 'X']),
      pick(rng, ['trafficking', 'abuse', 'violence', 'exploitation', 'neglect', 'other']),
      pick(rng, ['school', 'police', 'health', 'social_services', 'ngo', 'family', 'other']),
    ]);
  }
  return { header: ['year', 'month', 'lau_code', 'age_band', 'sex', 'case_type', 'referral_source'], rows };
}

/** The shipped boundaries reduced to `lau_code` and `name` properties (a user's own export looks so). */
function boundaries(): FeatureCollection {
  const fc = JSON.parse(readFileSync('public/data/municipalities.geojson', 'utf8')) as FeatureCollection;
  return {
    type: 'FeatureCollection',
    features: fc.features.map((f) => ({
      type: 'Feature',
      properties: { lau_code: f.properties?.lau_code as string, name: f.properties?.name as string },
      geometry: f.geometry,
    })),
  };
}

/** Every valid table from `seed`. */
export function makeBase(seed: number): Base {
  const rng = createRng(seed);
  return {
    rng,
    values: values(rng),
    catalog: catalog(),
    facilities: facilities(rng),
    caseload: caseload(rng),
    schools: schools(rng),
    cases: cases(rng),
    boundaries: boundaries(),
  };
}

/** A deep copy of a table with `edit` applied (the base stays valid). */
export function edited(t: Rows, edit: (rows: Rows['rows'], header: string[]) => void): Rows {
  const copy: Rows = { header: [...t.header], rows: t.rows.map((r) => [...r]) };
  edit(copy.rows, copy.header);
  return copy;
}

/** A copy of a table with cell (row index, column name) set. */
export function withCell(t: Rows, row: number, column: string, value: string | number | null): Rows {
  return edited(t, (rows, header) => {
    const j = header.indexOf(column);
    if (j < 0) throw new Error(`no column ${column}`);
    rows[row]![j] = value;
  });
}
