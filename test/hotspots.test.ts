/**
 * Issue 6 end to end in Node: the demo schools through the engine into `runHotspots`, the built-in hotspots
 * found (persistent, emerging, fading), the CLI giving exactly the same numbers as the function, and the
 * golden results the browser worker is checked against (e2e/hotspots.spec.ts) so Node, CLI and browser agree.
 * Set UPDATE_HOTSPOTS_GOLDEN=1 to rewrite the golden file after an intended change of data or method.
 */
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runPersistence } from '../src/analysis/spatial/persistence-run';
import { runHotspots, type HotspotRequest, type HotspotResult } from '../src/analysis/spatial/run';
import { municipalityPolygons } from '../src/cli/hotspots';
import { bufferIo } from '../src/cli/io';
import { run } from '../src/cli/main';
import type { Connector } from '../src/engine/connector';
import { createEngine, type Engine } from '../src/engine/engine';
import { loadDataset } from '../src/engine/dataset';
import { createNodeConnector } from '../src/engine/node/duckdb-node';
import { loadParquetModuleNode } from '../src/engine/node/parquet-node';
import { demoFile, demoMunicipalities } from './engine-setup';
import { goldenRequests, GOLDEN_PATH, type Golden } from './hotspots-golden';

let conn: Connector;
let engine: Engine;
const polygons = municipalityPolygons();
const dir = mkdtempSync(join(tmpdir(), 'atlas-hotspots-'));

beforeAll(async () => {
  conn = await createNodeConnector();
  await loadDataset(conn, loadParquetModuleNode(), demoMunicipalities(), {
    schools: demoFile('schools.parquet'),
    school_totals: demoFile('school-totals.parquet'),
  });
  engine = createEngine(conn);
}, 60_000);
afterAll(async () => {
  await conn.close();
});

const gistar = (year: number, k = 5) =>
  engine
    .municipalDropout(year, 'all', k)
    .then(({ input }) =>
      runHotspots({ ...input, method: 'gistar', weights: 'queen', polygons, permutations: 999, seed: 12345 }),
    );
const classOf = (r: HotspotResult, id: string) => r.classes[r.ids.indexOf(id)];

describe('demo schools', () => {
  it('has about 1,500 located schools in every municipality, every year 2015-2025', async () => {
    expect(await engine.schoolYears()).toEqual([
      2015, 2016, 2017, 2018, 2019, 2020, 2021, 2022, 2023, 2024, 2025,
    ]);
    const s = await engine.schoolDropout(2025, 'all');
    expect(s.rows.length).toBe(1500);
    expect(new Set(s.rows.map((r) => r.lau_code)).size).toBe(61);
    const m = await engine.municipalDropout(2025, 'all');
    expect(m.rows.length).toBe(61);
    // Served suppressed at source: a municipality whose dropouts are withheld is left out of the statistic.
    const withheld = m.rows.filter((r) => r.suppressed).map((r) => r.lau_code);
    expect(m.input.ids.length).toBe(61 - withheld.length);
    expect(m.input.ids.filter((id) => withheld.includes(id))).toEqual([]);
    expect(s.input.ids.length).toBe(s.rows.filter((r) => !r.suppressed).length);
    // The statistic runs on the units whose rate is shown, and on no other.
    const shown = m.rows.filter((r) => !r.suppressed);
    expect(m.input.ids).toEqual(shown.map((r) => r.lau_code));
    expect(m.input.values).toEqual(shown.map((r) => r.rate));
    expect(s.input.ids).toEqual(s.rows.filter((r) => !r.suppressed).map((r) => r.school_id));
    expect(s.points.length).toBe(s.input.ids.length);
  });

  it('hides rates resting on 1 to k-1 dropouts, and only those', async () => {
    const { rows } = await engine.schoolDropout(2025, 'all', 5);
    const hidden = rows.filter((r) => r.suppressed);
    expect(hidden.length).toBeGreaterThan(0);
    expect(hidden.every((r) => r.rate === null)).toBe(true);
    const strict = await engine.municipalDropout(2025, 'all', 1_000_000);
    expect(strict.rows.every((r) => r.rate === null || r.rate === 0)).toBe(true);
  });

  it('holds the built-in hotspots: persistent north-east, emerging Divjakë, fading Malësi e Madhe', async () => {
    const [y2015, y2025] = [await gistar(2015), await gistar(2025)];
    expect(classOf(y2015, 'AL132')).toMatch(/^hot/); // Kukës
    expect(classOf(y2025, 'AL132')).toMatch(/^hot/);
    expect(classOf(y2015, 'AL321')).toBe('ns'); // Divjakë: emerging
    expect(classOf(y2025, 'AL321')).toMatch(/^hot/);
    expect(classOf(y2015, 'AL152')).toMatch(/^hot/); // Malësi e Madhe: fading
    expect(classOf(y2025, 'AL152')).toBe('ns');
    expect(y2025.global.I).toBeGreaterThan(0.2);
    expect(y2025.global.p).toBeLessThan(0.001);
    // A municipality whose rate is hidden (withheld, or below a raised threshold) is not tested at all.
    const strict = await engine.municipalDropout(2025, 'all', 12);
    const hidden = strict.rows.filter((r) => r.suppressed);
    expect(hidden.length).toBeGreaterThan(0);
    const shown = await gistar(2025, 12);
    for (const r of hidden) expect(shown.ids).not.toContain(r.lau_code);
  });

  it('classifies persistence over the years: persistent, emerging and former hot spots', async () => {
    const series = await engine.municipalDropoutSeries('all');
    const r = runPersistence(
      series.map((s) => ({ year: s.year, ...s.input })),
      { weights: 'queen', polygons, permutations: 199, seed: 7, correction: 'none' },
    );
    const of = (id: string) => r.classes[r.ids.indexOf(id)];
    expect(['persistent', 'intensifying', 'diminishing']).toContain(of('AL132'));
    expect(['consecutive', 'new', 'sporadic']).toContain(of('AL321'));
    expect(of('AL152')).toBe('historical');
    expect(of('AL224')).toBe('none'); // Tiranë
  });
});

describe('the same numbers everywhere', () => {
  it('matches the golden results the browser worker is checked against', async () => {
    const requests = await goldenRequests(engine, polygons);
    const golden: Golden = {};
    for (const [name, req] of Object.entries(requests)) {
      const r = runHotspots(req);
      golden[name] = r.ids.map((id, i) => [
        id,
        r.statistic[i]!,
        r.z[i]!,
        r.p[i]!,
        r.pAdjusted[i]!,
        r.classes[i]!,
      ]);
    }
    if (process.env['UPDATE_HOTSPOTS_GOLDEN'] || !existsSync(GOLDEN_PATH)) {
      writeFileSync(GOLDEN_PATH, `${JSON.stringify(golden)}\n`);
    }
    expect(golden).toEqual(JSON.parse(readFileSync(GOLDEN_PATH, 'utf8')));
  }, 60_000);

  it('gives the CLI exactly the numbers of runHotspots (csv and json)', async () => {
    const { input } = await engine.municipalDropout(2021, 'upper_secondary');
    const csv = join(dir, 'rates.csv');
    writeFileSync(
      csv,
      ['lau_code,rate', ...input.ids.map((id, i) => `${id},${input.values[i]!}`)].join('\n'),
    );
    const req: HotspotRequest = {
      ...input,
      method: 'moran',
      weights: 'rook',
      polygons,
      permutations: 499,
      seed: 99,
      correction: 'fdr',
    };
    const expected = runHotspots(req);
    const io = bufferIo();
    const args = ['--input', csv, '--column', 'rate', '--method', 'moran', '--weights', 'rook'];
    const code = await run(
      ['hotspots', ...args, '--permutations', '499', '--seed', '99', '--correction', 'fdr'],
      io,
    );
    expect(code).toBe(0);
    const lines = io.stdout.join('\n').split('\n');
    expect(lines[0]).toBe('lau_code,statistic,z,p,p_adjusted,class');
    const rows = lines.slice(1).map((l) => l.split(','));
    expect(rows.map((r) => r[0])).toEqual(expected.ids);
    rows.forEach((r, i) => {
      expect(Number(r[1])).toBe(expected.statistic[i]);
      expect(Number(r[2])).toBe(expected.z[i]);
      expect(Number(r[3])).toBe(expected.p[i]);
      expect(Number(r[4])).toBe(expected.pAdjusted[i]);
      expect(r[5]).toBe(expected.classes[i]);
    });
    const json = bufferIo();
    await run(
      [
        'hotspots',
        ...args,
        '--permutations',
        '499',
        '--seed',
        '99',
        '--correction',
        'fdr',
        '--format',
        'json',
      ],
      json,
    );
    const parsed = JSON.parse(json.stdout.join('\n')) as { rows: { p: number }[]; global: { I: number } };
    expect(parsed.rows.map((r) => r.p)).toEqual(expected.p);
    expect(parsed.global.I).toBe(expected.global.I);
  });

  it('gives the same p-values for the same seed and different ones for another seed', async () => {
    const { input } = await engine.municipalDropout(2025, 'all');
    const base = {
      ...input,
      method: 'moran' as const,
      weights: 'queen' as const,
      polygons,
      permutations: 999,
    };
    const a = runHotspots({ ...base, seed: 1 });
    expect(runHotspots({ ...base, seed: 1 }).p).toEqual(a.p);
    expect(runHotspots({ ...base, seed: 2 }).p).not.toEqual(a.p);
  });

  it('says when Bonferroni cannot reach 95 %: n units x 1/1000 (n = 59 tested of 61)', async () => {
    const { input } = await engine.municipalDropout(2025, 'all');
    const n = input.ids.length;
    expect(n).toBe(59);
    const r = runHotspots({
      ...input,
      method: 'gistar',
      weights: 'queen',
      polygons,
      permutations: 999,
      correction: 'bonferroni',
    });
    expect(r.minAdjustedP).toBeCloseTo(n / 1000, 12);
    expect(r.classes.filter((c) => c !== 'ns' && !c.endsWith('90'))).toEqual([]);
    expect(Math.min(...r.pAdjusted)).toBeGreaterThanOrEqual(n / 1000 - 1e-12);
    const csv = join(dir, 'bonferroni.csv');
    writeFileSync(
      csv,
      ['lau_code,rate', ...input.ids.map((id, i) => `${id},${input.values[i]!}`)].join('\n'),
    );
    const io = bufferIo();
    expect(
      await run(['hotspots', '--input', csv, '--column', 'rate', '--correction', 'bonferroni'], io),
    ).toBe(0);
    expect(io.stderr.join('\n')).toContain('smallest adjusted p is 0.059');
  });

  it('rejects bad command lines with exit code 2 and bad inputs with 1', async () => {
    const io = bufferIo();
    expect(await run(['hotspots', '--input', 'x.csv'], io)).toBe(2);
    expect(await run(['hotspots', '--input', 'x.csv', '--column', 'v', '--method', 'lisa'], io)).toBe(2);
    expect(await run(['hotspots', '--input', 'x.csv', '--column', 'v', '--permutations', '-1'], io)).toBe(2);
    const csv = join(dir, 'few.csv');
    writeFileSync(csv, 'lau_code,v\nAL111,1\nAL112,2\n');
    expect(await run(['hotspots', '--input', csv, '--column', 'v'], io)).toBe(1);
    expect(await run(['hotspots', '--input', csv, '--column', 'nope'], io)).toBe(1);
    expect(io.stderr.join('\n')).toContain('no column "nope"');
  });
});
