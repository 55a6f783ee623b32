/**
 * `atlas plan` on the bundled demo data in DuckDB-WASM (one session shared by the runs): the printed plan
 * is the one the same code computes, usage mistakes exit 2 with a message, data mistakes exit 1.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parsePlanArgs, PlanUsageError } from '../../src/cli/plan';
import { bufferIo } from '../../src/cli/io';
import { run } from '../../src/cli/main';
import { openSession, type Session } from '../../src/cli/session';

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
}

describe('atlas plan', { timeout: 120_000 }, () => {
  it('rejects usage mistakes before starting the engine', () => {
    expect(() => parsePlanArgs([])).toThrow(/--k <n>/);
    expect(() => parsePlanArgs(['--k', 'x'])).toThrow(PlanUsageError);
    expect(() => parsePlanArgs(['--k', '2', '--radius-km', '10', '--contiguity'])).toThrow(/one of/);
    expect(() => parsePlanArgs(['--k', '2', '--weights', 'a=1,b'])).toThrow(/indicator=weight/);
    expect(() => parsePlanArgs(['--k', '2', '--method', 'magic'])).toThrow(/exact or greedy/);
    expect(() => parsePlanArgs(['--k', '2', '--bogus'])).toThrow(/unknown option/);
    expect(parsePlanArgs(['--k=3', '--radius-km', '25', '--existing', 'none'])).toMatchObject({
      k: 3,
      catchment: { kind: 'radius', km: 25 },
      existing: [],
    });
  });

  it('exits 2 with the usage on a bad command line', async () => {
    const r = await atlas('plan', '--k', '-1');
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/--k needs a whole number/);
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
});
