/** The engine's coverage questions on DuckDB-WASM (Node build) against the demo Parquet decoded in JS. */
import { readFileSync } from 'node:fs';
import { tableFromIPC } from 'apache-arrow';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  catchmentGeometry,
  parseCatchment,
  reach,
  type MunicipalityFeature,
} from '../src/analysis/catchment';
import { isActive } from '../src/analysis/coverage';
import { createEngine, type Engine } from '../src/engine/engine';
import { loadParquetModuleNode } from '../src/engine/node/parquet-node';
import { parquetToArrowIPC } from '../src/engine/parquet';
import { childPopulationQuery } from '../src/engine/queries-coverage';
import type { CaseloadRow, FacilityRow } from '../src/engine/schema';
import { demoConnector, demoMunicipalities } from './engine-setup';

/** A Parquet file of public/data decoded without DuckDB (parquet-wasm -> Arrow in JS). */
function parquetInJs<T>(name: string): T[] {
  const ipc = parquetToArrowIPC(
    loadParquetModuleNode(),
    new Uint8Array(readFileSync(`public/data/${name}`)),
    name,
  );
  return tableFromIPC(ipc)
    .toArray()
    .map((r: { toJSON(): T }) => r.toJSON());
}

const facilities = parquetInJs<FacilityRow>('facilities.parquet');
const caseload = parquetInJs<CaseloadRow>('caseload.parquet');
const childPop = parquetInJs<{ lau_code: string; year: number; indicator: string; value: number }>(
  'values.parquet',
).filter((r) => r.indicator === 'child_pop');
const features = (
  JSON.parse(readFileSync('public/data/municipalities.geojson', 'utf8')) as {
    features: MunicipalityFeature[];
  }
).features;
const geometry = catchmentGeometry(features);

/** Share of children within reach, computed here from the decoded files only. */
function expectedShare(code: string, year: number): number {
  const covered = new Set(
    facilities
      .filter((f) => isActive({ opened: f.opened, closed: f.closed ?? null }, year))
      .flatMap((f) => reach(geometry, parseCatchment(code), f)),
  );
  const rows = childPop.filter((r) => r.year === year);
  const all = rows.reduce((s, r) => s + r.value, 0);
  return rows.filter((r) => covered.has(r.lau_code)).reduce((s, r) => s + r.value, 0) / all;
}

let engine: Engine;
beforeAll(async () => {
  engine = createEngine(await demoConnector());
}, 30_000);
afterAll(() => engine.close());

describe('coverage questions on the demo data', () => {
  it('returns the 37 units as stored in facilities.parquet', async () => {
    const units = await engine.facilities();
    expect(units).toHaveLength(37);
    const byId = new Map(facilities.map((f) => [f.id, f]));
    for (const u of units) {
      const f = byId.get(u.id)!;
      expect(u).toEqual({ ...f, closed: f.closed ?? null });
    }
  });

  it('returns the child population of 61 municipalities over 11 years', async () => {
    const rows = await engine.childPopulation();
    expect(rows).toHaveLength(61 * 11);
    const total2020 = childPop.filter((r) => r.year === 2020).reduce((s, r) => s + r.value, 0);
    expect(rows.filter((r) => r.year === 2020).reduce((s, r) => s + r.children!, 0)).toBe(total2020);
  });

  it('national share per catchment equals the share computed from the files', async () => {
    for (const code of ['self', 'border', '10km', '25km', '50km']) {
      const series = await engine.coverage(geometry, parseCatchment(code));
      expect(series.map((y) => y.year)).toEqual([
        2015, 2016, 2017, 2018, 2019, 2020, 2021, 2022, 2023, 2024, 2025,
      ]);
      for (const y of series)
        expect(y.national.share, `${code} ${y.year}`).toBeCloseTo(expectedShare(code, y.year), 12);
    }
  });

  it('covers exactly the municipalities with an active unit under self', async () => {
    const [y2025] = (await engine.coverage(geometry, { kind: 'self' })).filter((y) => y.year === 2025);
    const withUnit = new Set(
      facilities.filter((f) => isActive({ ...f, closed: f.closed ?? null }, 2025)).map((f) => f.lau_code),
    );
    expect(new Set(y2025!.municipalities.filter((m) => m.covered).map((m) => m.lau_code))).toEqual(withUnit);
    expect(y2025!.national.units).toBe(withUnit.size);
  });

  it('children assisted add up from caseload.parquet, and pass the small-count policy', async () => {
    const series = await engine.coverage(geometry, { kind: 'border' });
    for (const y of series) {
      const total = caseload.filter((c) => c.year === y.year).reduce((s, c) => s + c.children_assisted, 0);
      expect(y.national.assisted).toEqual({ value: total, suppressed: false });
    }
    // With a threshold above every caseload, every unit's figure is hidden, and so is every total.
    const strict = await engine.coverage(geometry, { kind: 'border' }, 10_000);
    for (const y of strict) {
      expect(y.units.every((u) => u.assisted.suppressed && u.assisted.value === null)).toBe(true);
      expect(y.national.assisted.suppressed).toBe(true);
      expect(y.national.perWorker.value).toBeNull();
    }
  });

  it('caches an answer per geometry, catchment and threshold, and forgets it on invalidate', async () => {
    const a = engine.coverage(geometry, { kind: 'radius', km: 25 });
    expect(engine.coverage(geometry, parseCatchment('25km'))).toBe(a);
    expect(engine.coverage(geometry, { kind: 'radius', km: 25 }, 6)).not.toBe(a);
    engine.invalidate();
    expect(engine.coverage(geometry, { kind: 'radius', km: 25 })).not.toBe(a);
  });

  it('binds the indicator as a parameter', () => {
    const q = childPopulationQuery("child_pop' OR '1'='1");
    expect(q.sql).not.toContain("'1'='1");
    expect(q.params).toEqual(["child_pop' OR '1'='1"]);
    expect(demoMunicipalities()).toHaveLength(61);
  });
});
