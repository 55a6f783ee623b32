import { readFileSync } from 'node:fs';
import { tableFromIPC } from 'apache-arrow';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Connector } from '../src/engine/connector';
import { createEngine, type Engine } from '../src/engine/engine';
import { loadParquetModuleNode } from '../src/engine/node/parquet-node';
import { parquetToArrowIPC } from '../src/engine/parquet';
import type { Catalog, FirstView } from '../src/engine/schema';
import { demoConnector, demoMunicipalities } from './engine-setup';

const catalog = JSON.parse(readFileSync('public/data/catalog.json', 'utf8')) as Catalog;
const firstView = JSON.parse(readFileSync('public/data/first-view.json', 'utf8')) as FirstView;
const meta = (id: string) => catalog.indicators.find((i) => i.id === id)!;

interface Row {
  lau_code: string;
  year: number;
  indicator: string;
  value: number | null;
  numerator: number | null;
  denominator: number | null;
}

/** The values file decoded independently of DuckDB (parquet-wasm -> Arrow in JS). */
function valuesInJs(): Row[] {
  const ipc = parquetToArrowIPC(
    loadParquetModuleNode(),
    new Uint8Array(readFileSync('public/data/values.parquet')),
    'values.parquet',
  );
  return tableFromIPC(ipc)
    .toArray()
    .map((r: { toJSON(): Row }) => r.toJSON());
}

let conn: Connector;
let engine: Engine;
beforeAll(async () => {
  conn = await demoConnector();
  engine = createEngine(conn);
}, 30_000);
afterAll(() => engine.close());

describe('engine on DuckDB-WASM (Node build, same engine as the browser)', () => {
  it('refuses to download extensions', async () => {
    const rows = await conn.query<{ value: string }>({
      sql: "SELECT value FROM duckdb_settings() WHERE name = 'autoinstall_known_extensions' OR name = 'autoload_known_extensions'",
      params: [],
    });
    expect(rows.map((r) => r.value)).toEqual(['false', 'false']);
  });

  it('the precomputed first view equals what DuckDB returns, for every indicator', async () => {
    for (const ind of catalog.indicators) {
      const fromEngine = (await engine.choropleth(ind, firstView.year)).map(
        ({ lau_code, value, suppressed }) => ({ lau_code, value, suppressed }),
      );
      const fromFile = firstView.rows
        .filter((r) => r[1] === ind.id)
        .map(([lau_code, , value, suppressed]) => ({ lau_code, value, suppressed }))
        .sort((a, b) => a.lau_code.localeCompare(b.lau_code));
      expect(fromEngine).toEqual(fromFile);
    }
  });

  it('never returns a sensitive count between 1 and 4', async () => {
    for (const ind of catalog.indicators.filter((i) => i.sensitive && i.aggregation === 'sum')) {
      for (let year = catalog.years.first; year <= catalog.years.last; year++) {
        const values = await engine.choropleth(ind, year);
        expect(values.filter((v) => v.value !== null && v.value > 0 && v.value < 5)).toEqual([]);
      }
    }
  });

  it('no hidden count can be recovered from a county total shown in the chart (secondary suppression)', async () => {
    const munis = demoMunicipalities();
    const byCounty = new Map<string, string[]>();
    for (const m of munis) byCounty.set(m.qark_code, [...(byCounty.get(m.qark_code) ?? []), m.lau_code]);
    let checked = 0;
    for (const ind of catalog.indicators.filter((i) => i.sensitive && i.aggregation === 'sum')) {
      for (const [, laus] of byCounty) {
        const trend = await engine.trend(ind, laus[0]!);
        for (const p of trend) {
          if (p.county.suppressed) continue;
          const map = await engine.choropleth(ind, p.year);
          const inCounty = map.filter((v) => laus.includes(v.lau_code));
          const hidden = inCounty.filter((v) => v.suppressed);
          const shownSum = inCounty.reduce((s, v) => s + (v.value ?? 0), 0);
          // What an onlooker can compute: the hidden cells' sum. It must not pin down a single cell.
          expect(hidden.length === 0 || hidden.length >= 2).toBe(true);
          if (hidden.length > 0) expect(p.county.value! - shownSum).toBeGreaterThanOrEqual(5);
          checked++;
        }
      }
    }
    expect(checked).toBeGreaterThan(200);
  });

  it('county and national rates are summed numerators over summed denominators', async () => {
    const rows = valuesInJs().filter((r) => r.indicator === 'econ_aid_share');
    const county = new Map(demoMunicipalities().map((m) => [m.lau_code, m.qark_code]));
    const trend = await engine.trend(meta('econ_aid_share'), 'AL132');
    expect(trend.map((p) => p.year)).toEqual([
      2015, 2016, 2017, 2018, 2019, 2020, 2021, 2022, 2023, 2024, 2025,
    ]);
    for (const p of trend) {
      const year = rows.filter((r) => r.year === p.year);
      const inCounty = year.filter((r) => county.get(r.lau_code) === 'AL-07');
      const rate = (rs: Row[]) =>
        (rs.reduce((s, r) => s + r.numerator!, 0) / rs.reduce((s, r) => s + r.denominator!, 0)) * 100;
      expect(p.municipality.value).toBeCloseTo(year.find((r) => r.lau_code === 'AL132')!.value!, 9);
      expect(p.county.value).toBeCloseTo(rate(inCounty), 9);
      expect(p.national.value).toBeCloseTo(rate(year), 9);
    }
  });

  it('sums counts for the county and the nation', async () => {
    const rows = valuesInJs().filter((r) => r.indicator === 'child_pop' && r.year === 2020);
    const p = (await engine.trend(meta('child_pop'), 'AL224')).find((t) => t.year === 2020)!;
    expect(p.national.value).toBe(rows.reduce((s, r) => s + r.value!, 0));
  });

  it('binds values as parameters: a hostile code is data, not SQL', async () => {
    const hostile = "AL132' OR '1'='1";
    const trend = await engine.trend(meta('dv_reports'), hostile);
    expect(trend.every((p) => p.municipality.value === null && p.county.value === null)).toBe(true);
    expect(
      await engine.choropleth({ ...meta('dv_reports'), id: "x'; DROP TABLE indicator_values; --" }, 2025),
    ).toEqual([]);
    expect((await engine.choropleth(meta('dv_reports'), 2025)).length).toBe(61);
  });
});
