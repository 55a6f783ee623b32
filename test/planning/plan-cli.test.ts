/**
 * `atlas plan` on the bundled demo data in DuckDB-WASM (one session shared by the runs): the printed plan
 * is the one the same code computes, usage mistakes exit 2 with a message, data mistakes exit 1. The command
 * line alone is tested in plan-args.test.ts, the output formatting in plan-output.test.ts.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PlanningInstance } from '../../src/analysis/planning/problem';
import { bufferIo } from '../../src/cli/io';
import { run } from '../../src/cli/main';
import { openSession, type Session } from '../../src/cli/session';
import { bruteForceBest } from './instances';

let session: Session;
beforeAll(async () => {
  session = await openSession();
}, 120_000);
afterAll(async () => {
  await session?.close();
});

/** Runs the CLI on the shared session; returns the exit code and what was printed. */
async function atlas(...argv: string[]) {
  const io = bufferIo();
  const code = await run(argv, io, async () => ({ ...session, close: async () => undefined }));
  return { code, out: io.stdout.join('\n'), err: io.stderr.join('\n') };
}

interface PlanJson {
  status: string;
  method: string;
  sites: string[];
  existing: string[];
  objective: number;
  baseline: number;
  totalDemand: number;
  gap: number;
  marginalGains: { site: string; gain: number }[];
  coverage?: Record<string, string[]>;
  demand?: Record<string, number>;
  curve?: { k: number; objective: number }[];
  cover?: { count: number; status: string };
  demandSource: string;
  catchment: string;
  limit: { k: number } | { budget: number };
  cost: number;
  totalCost?: number;
  budgetLeft?: number;
  costSource?: string;
}

describe('atlas plan', { timeout: 120_000 }, () => {
  it('exits 2 with the usage on a bad command line', async () => {
    const r = await atlas('plan', '--k', '-1');
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/--k needs a whole number/);
    expect(r.err).toMatch(/Default: --self, a unit serves its own municipality/);
  });

  it('by default a unit serves its own municipality: --k 3 chooses three sites, each adding demand', async () => {
    const r = await atlas('plan', '--k', '3', '--json');
    expect(r.code, r.err).toBe(0);
    const plan = JSON.parse(r.out) as PlanJson;
    expect(plan).toMatchObject({ catchment: 'self', status: 'optimal', limit: { k: 3 } });
    expect(plan.existing.length).toBeGreaterThan(0);
    expect(plan.sites).toHaveLength(3);
    expect(plan.marginalGains.map((g) => g.site)).toEqual(plan.sites);
    for (const g of plan.marginalGains) expect(g.gain).toBeGreaterThan(0);
    const gains = plan.marginalGains.reduce((a, g) => a + g.gain, 0);
    expect(plan.objective).toBeCloseTo(plan.baseline + gains, 6);
    expect(plan.objective).toBeLessThan(plan.totalDemand);
    // --self names the default; with --contiguity (bordering municipalities) the units of the year already
    // reach every municipality of the demo data, so no new site adds anything.
    const self = JSON.parse((await atlas('plan', '--k', '3', '--self', '--json')).out) as PlanJson;
    expect(self.sites).toEqual(plan.sites);
    const border = JSON.parse((await atlas('plan', '--k', '3', '--contiguity', '--json')).out) as PlanJson;
    expect(border).toMatchObject({ catchment: 'border', sites: [] });
    expect(border.objective).toBeCloseTo(border.totalDemand, 6);
  });

  it('plans on the demo data: optimal, existing units kept, the coverage sets it used', async () => {
    const r = await atlas(
      'plan',
      '--k',
      '4',
      '--radius-km',
      '25',
      '--existing',
      'none',
      '--curve',
      '4',
      '--cover',
      '--emit-coverage',
      '--json',
    );
    expect(r.code, r.err).toBe(0);
    const plan = JSON.parse(r.out) as PlanJson;
    expect(plan).toMatchObject({ status: 'optimal', method: 'exact', catchment: '25km', existing: [] });
    expect(plan.demandSource).toMatch(/need index/);
    expect(plan.sites).toHaveLength(4);
    expect(Object.keys(plan.coverage!)).toHaveLength(61);
    // The objective is the demand of the municipalities the chosen sites reach, recomputed from the output.
    const reached = new Set(plan.sites.flatMap((s) => plan.coverage![s]!));
    const sum = [...reached].reduce((a, id) => a + (plan.demand![id] ?? 0), 0);
    expect(plan.objective).toBeCloseTo(sum, 6);
    expect(plan.curve!.map((p) => p.k)).toEqual([1, 2, 3, 4]);
    expect(plan.curve![3]!.objective).toBeCloseTo(plan.objective, 6);
    for (let i = 1; i < 4; i++)
      expect(plan.curve![i]!.objective).toBeGreaterThanOrEqual(plan.curve![i - 1]!.objective);
    expect(plan.cover).toMatchObject({ status: 'optimal' });
    const greedy = JSON.parse(
      (
        await atlas(
          'plan',
          '--k',
          '4',
          '--radius-km',
          '25',
          '--existing',
          'none',
          '--method',
          'greedy',
          '--json',
        )
      ).out,
    ) as PlanJson;
    expect(greedy.method).toBe('greedy');
    expect(greedy.objective).toBeLessThanOrEqual(plan.objective + 1e-6);
  });

  it('keeps the active units of the year and reads demand from a file', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'plan-'));
    const file = join(dir, 'demand.csv');
    writeFileSync(file, 'lau_code,demand\nAL111,100\nAL122,50\nAL131,7\n');
    const r = await atlas(
      'plan',
      '--k',
      '1',
      '--self',
      '--existing',
      'AL111',
      '--demand',
      file,
      '--gap',
      '--json',
    );
    expect(r.code, r.err).toBe(0);
    const plan = JSON.parse(r.out) as PlanJson & { coverageGap: { uncoveredDemand: number } };
    expect(plan.existing).toEqual(['AL111']);
    expect(plan.sites).toEqual(['AL122']);
    expect(plan).toMatchObject({ baseline: 100, objective: 150, totalDemand: 157 });
    expect(plan.coverageGap.uncoveredDemand).toBe(57);
    const units = JSON.parse((await atlas('plan', '--k', '0', '--json')).out) as PlanJson;
    expect(units.existing.length).toBeGreaterThan(0);
    expect(units.sites).toEqual([]);
    expect(units.objective).toBe(units.baseline);
  });

  it('exits 1 with a clear message on an unknown indicator or municipality', async () => {
    const a = await atlas('plan', '--k', '1', '--weights', 'nope=1');
    expect(a.code).toBe(1);
    expect(a.err).toMatch(/unknown indicator "nope"/);
    const b = await atlas('plan', '--k', '1', '--existing', 'XX999');
    expect(b.code).toBe(1);
    expect(b.err).toMatch(/no municipality with lau_code "XX999"/);
  });

  it('a budget at equal costs chooses what --k chooses', async () => {
    const common = ['--radius-km', '25', '--existing', 'none', '--json'];
    const byK = JSON.parse((await atlas('plan', '--k', '3', ...common)).out) as PlanJson;
    const r = await atlas('plan', '--budget', '180000', '--cost', '60000', ...common);
    expect(r.code, r.err).toBe(0);
    const byBudget = JSON.parse(r.out) as PlanJson;
    expect(byBudget.limit).toEqual({ budget: 180000 });
    expect(byBudget.status).toBe('optimal');
    expect([...byBudget.sites].sort()).toEqual([...byK.sites].sort());
    expect(byBudget.objective).toBeCloseTo(byK.objective, 6);
    expect(byBudget).toMatchObject({ totalCost: 180000, budgetLeft: 0, cost: 180000 });
    expect(byBudget.costSource).toBe('60000 per site');
    // Just under the cost of 3 units buys 2.
    const less = JSON.parse(
      (await atlas('plan', '--budget', '179999', '--cost', '60000', ...common)).out,
    ) as PlanJson;
    expect(less.sites).toHaveLength(2);
  });

  it('with unequal costs the budget holds and the plan equals exhaustive enumeration', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'plan-costs-'));
    const demandFile = join(dir, 'demand.csv');
    writeFileSync(
      demandFile,
      'lau_code,demand\nAL111,100\nAL112,80\nAL113,60\nAL121,40\nAL122,30\nAL131,25\nAL211,70\nAL351,45\n',
    );
    const costsFile = join(dir, 'costs.csv');
    writeFileSync(costsFile, 'lau_code,cost\nAL111,90\nAL112,35\nAL113,20\nAL121,55\nAL122,10\nAL131,5\n');
    // Own municipality (a knapsack) and 15 km (15 sites reach some demand; their reach overlaps).
    const runs = [0, 25, 60, 100, 150, 250].flatMap((budget) =>
      ['--self', '--radius-km=15'].map((catchment) => ({ budget, catchment })),
    );
    const distinct = new Set<string>();
    for (const { budget, catchment } of runs) {
      const r = await atlas(
        'plan',
        '--budget',
        String(budget),
        '--cost',
        '50',
        '--costs',
        costsFile,
        '--demand',
        demandFile,
        catchment,
        '--existing',
        'none',
        '--emit-coverage',
        '--json',
      );
      expect(r.code, r.err).toBe(0);
      const plan = JSON.parse(r.out) as PlanJson;
      expect(plan.status).toBe('optimal');
      expect(plan.costSource).toMatch(/file costs\.csv \(6 sites\), 50 per site elsewhere/);
      const costOf = (site: string) =>
        ({ AL111: 90, AL112: 35, AL113: 20, AL121: 55, AL122: 10, AL131: 5 })[site] ?? 50;
      const spent = plan.sites.reduce((s, site) => s + costOf(site), 0);
      expect(plan.totalCost).toBe(spent);
      expect(spent).toBeLessThanOrEqual(budget);
      expect(plan.budgetLeft).toBe(budget - spent);
      // Brute force over every site that covers some demand (the others add nothing).
      const useful = Object.entries(plan.coverage!).filter(([, laus]) => laus.length > 0);
      expect(useful.length).toBeLessThanOrEqual(16);
      const instance: PlanningInstance = {
        demand: Object.entries(plan.demand!).map(([id, weight]) => ({ id, weight })),
        sites: useful.map(([id]) => ({ id, cost: costOf(id) })),
        coverage: new Map(useful),
      };
      expect(plan.objective).toBeCloseTo(bruteForceBest(instance, { budget }), 9);
      distinct.add(plan.sites.sort().join(' '));
    }
    // The cases differ: the budget binds in different ways.
    expect(distinct.size).toBeGreaterThanOrEqual(6);
  });

  it('exits 1 naming the row of a bad costs file, or the municipalities it leaves out', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'plan-costs-'));
    const bad = join(dir, 'bad.csv');
    writeFileSync(bad, 'lau_code,cost\nAL111,90\nAL112,ninety\n');
    const a = await atlas('plan', '--budget', '100', '--cost', '50', '--costs', bad);
    expect(a.code).toBe(1);
    expect(a.err).toMatch(/bad\.csv, row 3, column cost: found "ninety"/);
    const partial = join(dir, 'partial.csv');
    writeFileSync(partial, 'lau_code,cost\nAL111,90\n');
    const b = await atlas('plan', '--budget', '100', '--costs', partial);
    expect(b.code).toBe(1);
    expect(b.err).toMatch(/partial\.csv has no cost for 60 municipalities .*give --cost for the rest/);
  });
});
