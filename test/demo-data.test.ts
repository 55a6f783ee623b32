/**
 * Checks the demo data against the contract in src/engine/schema.ts: the generator's values as generated
 * (data/demo/build.ts), and the committed files in public/data (run `npm run data` to regenerate) read with
 * native DuckDB, as served (suppressed at source: test/served-files.test.ts checks what they withhold).
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { DuckDBInstance, type DuckDBConnection } from '@duckdb/node-api';
import { booleanPointInPolygon } from '@turf/turf';
import type { Feature, FeatureCollection, MultiPolygon, Polygon, Position } from 'geojson';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isSuppressed } from '../src/analysis/suppression';
import type { CaseloadRow, Catalog, FacilityRow, FirstView, ValueRow } from '../src/engine/schema';
import { buildDemo } from '../data/demo/build';

const path = (relative: string): string => fileURLToPath(new URL(`../${relative}`, import.meta.url));
const readJson = <T>(relative: string): T => JSON.parse(readFileSync(path(relative), 'utf8')) as T;

type Muni = Feature<Polygon | MultiPolygon, { lau_code: string }>;
const municipalities = readJson<FeatureCollection<Polygon | MultiPolygon, { lau_code: string }>>(
  'data/geo/albania_municipalities.geojson',
).features;
const catalog = readJson<Catalog>('public/data/catalog.json');
const firstView = readJson<FirstView>('public/data/first-view.json');
const metaById = new Map(catalog.indicators.map((m) => [m.id, m]));

const str = (x: unknown): string => {
  if (typeof x !== 'string') throw new Error(`expected a string, got ${String(x)}`);
  return x;
};
const numOrNull = (x: unknown): number | null => {
  if (x !== null && typeof x !== 'number') throw new Error(`expected a number, got ${String(x)}`);
  return x;
};
const num = (x: unknown): number => {
  const n = numOrNull(x);
  if (n === null) throw new Error('unexpected null');
  return n;
};

let connection: DuckDBConnection;
let values: ValueRow[] = [];
let facilities: FacilityRow[] = [];
let caseload: CaseloadRow[] = [];

/** Runs a query over one Parquet file of public/data, bound as $1 (never pasted into the SQL). */
async function rows(sql: string, file: string): Promise<Record<string, unknown>[]> {
  return (await connection.runAndReadAll(sql, [path(`public/data/${file}`)])).getRowObjectsJS();
}
const ALL = 'SELECT * FROM read_parquet($1)';

beforeAll(async () => {
  const instance = await DuckDBInstance.create(':memory:');
  connection = await instance.connect();
  // The generator's values before suppression at source: the served file withholds some (test/served-files).
  values = buildDemo().values;
  facilities = (await rows(ALL, 'facilities.parquet')).map((r) => ({
    id: str(r.id),
    lau_code: str(r.lau_code),
    name: str(r.name),
    lon: num(r.lon),
    lat: num(r.lat),
    opened: num(r.opened),
    closed: numOrNull(r.closed),
    supporter: str(r.supporter),
    staff: num(r.staff),
  }));
  caseload = (await rows(ALL, 'caseload.parquet')).map((r) => ({
    facility_id: str(r.facility_id),
    year: num(r.year),
    children_assisted: num(r.children_assisted),
  }));
  // None of the demo's caseloads is small: the served file withholds none.
  expect((await rows(ALL, 'caseload.parquet')).filter((r) => r.status !== null)).toEqual([]);
});

afterAll(() => connection.closeSync());

const years = Array.from({ length: 11 }, (_, i) => 2015 + i);
const geoCodes = municipalities.map((f) => f.properties.lau_code).sort();

describe('values.parquet', () => {
  it('has exactly the contract columns and types', async () => {
    const schema = await rows(`DESCRIBE ${ALL}`, 'values.parquet');
    expect(schema.map((r) => [r.column_name, r.column_type])).toEqual([
      ['lau_code', 'VARCHAR'],
      ['year', 'INTEGER'],
      ['indicator', 'VARCHAR'],
      ['value', 'DOUBLE'],
      ['numerator', 'DOUBLE'],
      ['denominator', 'DOUBLE'],
      ['status', 'VARCHAR'],
    ]);
  });

  it('has one row per municipality, year and indicator, sorted by indicator, year, lau_code', () => {
    expect(values).toHaveLength(61 * 11 * catalog.indicators.length);
    expect([...new Set(values.map((r) => r.lau_code))].sort()).toEqual(geoCodes);
    expect([...new Set(values.map((r) => r.year))].sort()).toEqual(years);
    expect([...new Set(values.map((r) => r.indicator))].sort()).toEqual([...metaById.keys()].sort());
    const keys = values.map((r) => `${r.indicator}|${r.year}|${r.lau_code}`);
    expect(new Set(keys).size).toBe(keys.length);
    expect(keys).toEqual([...keys].sort());
  });

  it('has finite, non-negative values and integer counts', () => {
    for (const r of values) {
      expect(r.value !== null && Number.isFinite(r.value) && r.value >= 0).toBe(true);
      const meta = metaById.get(r.indicator);
      if (meta?.aggregation === 'sum') {
        expect([r.numerator, r.denominator]).toEqual([null, null]);
        expect(Number.isInteger(r.value)).toBe(true);
      } else {
        expect(Number.isInteger(r.numerator) && Number.isInteger(r.denominator)).toBe(true);
      }
    }
  });

  it('keeps value = numerator / denominator * scale for ratios', () => {
    for (const r of values) {
      const meta = metaById.get(r.indicator);
      if (meta?.aggregation !== 'ratio') continue;
      const expected = ((r.numerator ?? NaN) / (r.denominator ?? NaN)) * meta.scale;
      expect(Math.abs((r.value ?? NaN) - expected)).toBeLessThanOrEqual(0.01);
    }
  });

  it('is spatially autocorrelated: Moran I of econ_aid_share over queen contiguity > 0.2', () => {
    // Queen contiguity: the boundaries are snapped, so neighbours share exact vertices.
    const owners = new Map<string, Set<string>>();
    const rings = (f: Muni): Position[][] =>
      f.geometry.type === 'Polygon' ? f.geometry.coordinates : f.geometry.coordinates.flat();
    for (const f of municipalities) {
      for (const [x, y] of rings(f).flat()) {
        const key = `${x},${y}`;
        owners.set(key, (owners.get(key) ?? new Set()).add(f.properties.lau_code));
      }
    }
    const links = new Set<string>();
    for (const set of owners.values())
      for (const a of set) for (const b of set) if (a !== b) links.add(`${a}|${b}`);
    for (const year of years) {
      const x = new Map(
        values
          .filter((r) => r.indicator === 'econ_aid_share' && r.year === year)
          .map((r) => [r.lau_code, r.value ?? NaN]),
      );
      const mean = [...x.values()].reduce((s, v) => s + v, 0) / x.size;
      const dev = (code: string): number => (x.get(code) ?? NaN) - mean;
      let cross = 0;
      for (const link of links) {
        const [a = '', b = ''] = link.split('|');
        cross += dev(a) * dev(b);
      }
      const variance = geoCodes.reduce((s, c) => s + dev(c) ** 2, 0);
      const moranI = (x.size / links.size) * (cross / variance);
      expect(moranI, `Moran I in ${year}`).toBeGreaterThan(0.2);
    }
  });
});

describe('facilities.parquet and caseload.parquet', () => {
  const byCode = new Map(municipalities.map((f) => [f.properties.lau_code, f]));

  it('places every unit inside its own municipality, at 5-decimal precision', () => {
    for (const f of facilities) {
      const polygon = byCode.get(f.lau_code);
      expect(polygon, f.id).toBeDefined();
      if (polygon !== undefined) expect(booleanPointInPolygon([f.lon, f.lat], polygon), f.id).toBe(true);
      expect(Math.round(f.lon * 1e5) / 1e5).toBe(f.lon);
      expect(Math.round(f.lat * 1e5) / 1e5).toBe(f.lat);
    }
  });

  it('has 14 units of the seed era and grows to 35-40 units', () => {
    expect(facilities.filter((f) => f.opened <= 2015)).toHaveLength(14);
    expect(facilities.length).toBeGreaterThanOrEqual(35);
    expect(facilities.length).toBeLessThanOrEqual(40);
    expect(new Set(facilities.map((f) => f.id)).size).toBe(facilities.length);
    expect(facilities.find((f) => f.lau_code === 'AL341')?.opened).toBe(2017); // Devoll
  });

  it('has one caseload row of 10-150 children per year each unit is open', () => {
    const expected = facilities.flatMap((f) =>
      years.filter((y) => y >= f.opened && (f.closed === null || y < f.closed)).map((y) => `${f.id}|${y}`),
    );
    expect(caseload.map((r) => `${r.facility_id}|${r.year}`).sort()).toEqual(expected.sort());
    for (const r of caseload) {
      expect(r.children_assisted).toBeGreaterThanOrEqual(10);
      expect(r.children_assisted).toBeLessThanOrEqual(150);
    }
  });
});

describe('catalog.json and first-view.json', () => {
  it('describes the synthetic demo', () => {
    expect(catalog.synthetic).toBe(true);
    expect(catalog.years).toEqual({ first: 2015, last: 2025 });
    expect(metaById.has(catalog.defaultIndicator)).toBe(true);
    expect(catalog.defaultYear).toBe(2025);
  });

  it('matches values.parquet for the default year: every primary-suppressed value hidden, every other value exact', () => {
    expect(firstView.year).toBe(catalog.defaultYear);
    const shown = new Map(firstView.rows.map((r) => [`${r[0]}|${r[1]}`, r]));
    const year = values.filter((r) => r.year === catalog.defaultYear);
    expect(firstView.rows.length).toBe(year.length);
    let secondary = 0;
    for (const r of year) {
      const row = shown.get(`${r.lau_code}|${r.indicator}`)!;
      const meta = metaById.get(r.indicator)!;
      if (isSuppressed(meta, r.value, r.numerator)) expect(row.slice(2)).toEqual([null, true]);
      else if (row[3])
        secondary++; // hidden by secondary suppression (tested in suppression-secondary.test.ts)
      else expect(row[2]).toBe(r.value);
    }
    expect(firstView.rows.some((r) => r[3])).toBe(true);
    expect(secondary).toBeGreaterThan(0);
  });
});
