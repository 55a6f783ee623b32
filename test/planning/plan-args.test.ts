/**
 * `atlas plan`'s command line, without the engine: usage mistakes, the k / budget limit, and the catchment
 * (the default {@link DEFAULT_CATCHMENT} when none is named; --contiguity for the bordering municipalities).
 */
import { describe, expect, it } from 'vitest';
import { DEFAULT_CATCHMENT, parseCatchment } from '../../src/analysis/catchment';
import { parsePlanArgs, PlanUsageError } from '../../src/cli/plan-args';
import { PLAN_USAGE } from '../../src/cli/plan-usage';

describe('atlas plan arguments', () => {
  it('rejects usage mistakes before starting the engine', () => {
    expect(() => parsePlanArgs([])).toThrow(/--k <n>/);
    expect(() => parsePlanArgs(['--k', 'x'])).toThrow(PlanUsageError);
    expect(() => parsePlanArgs(['--k', '2', '--radius-km', '10', '--contiguity'])).toThrow(/one of/);
    expect(() => parsePlanArgs(['--k', '2', '--weights', 'a=1,b'])).toThrow(/indicator=weight/);
    expect(() => parsePlanArgs(['--k', '2', '--method', 'magic'])).toThrow(/exact or greedy/);
    expect(() => parsePlanArgs(['--k', '2', '--bogus'])).toThrow(/unknown option/);
    expect(parsePlanArgs(['--k=3', '--radius-km', '25', '--existing', 'none'])).toMatchObject({
      limit: { k: 3 },
      catchment: { kind: 'radius', km: 25 },
      existing: [],
    });
  });

  it('takes exactly one of --k and --budget, and a cost with --budget only', () => {
    expect(() => parsePlanArgs(['--k', '2', '--budget', '100', '--cost', '1'])).toThrow(/not both/);
    expect(() => parsePlanArgs(['--budget', '100'])).toThrow(/--cost <per site> or --costs <file>/);
    expect(() => parsePlanArgs(['--k', '2', '--cost', '5'])).toThrow(/only apply with --budget/);
    expect(() => parsePlanArgs(['--budget', '1e5', '--cost', '5'])).toThrow(/an amount >= 0/);
    expect(() => parsePlanArgs(['--budget', '-5', '--cost', '5'])).toThrow(/an amount >= 0/);
    expect(parsePlanArgs(['--budget', '180000', '--cost', '60000.5'])).toMatchObject({
      limit: { budget: 180000 },
      cost: 60000.5,
    });
    expect(parsePlanArgs(['--budget=10', '--costs', 'c.csv'])).toMatchObject({
      limit: { budget: 10 },
      costs: 'c.csv',
    });
  });

  it('uses the default catchment (own municipality) unless --contiguity or --radius-km says otherwise', () => {
    expect(DEFAULT_CATCHMENT).toBe('self');
    expect(parsePlanArgs(['--k', '3']).catchment).toEqual(parseCatchment(DEFAULT_CATCHMENT));
    expect(parsePlanArgs(['--k', '3']).catchment).toEqual({ kind: 'self' });
    expect(parsePlanArgs(['--k', '3', '--self']).catchment).toEqual({ kind: 'self' });
    expect(parsePlanArgs(['--k', '3', '--contiguity']).catchment).toEqual({ kind: 'border' });
    expect(parsePlanArgs(['--k', '3', '--radius-km=12.5']).catchment).toEqual({ kind: 'radius', km: 12.5 });
    expect(() => parsePlanArgs(['--k', '3', '--self', '--contiguity'])).toThrow(/one of/);
    expect(() => parsePlanArgs(['--k', '3', '--contiguity=yes'])).toThrow(/takes no value/);
    expect(() => parsePlanArgs(['--k', '3', '--radius-km', '0'])).toThrow(/above 0/);
  });

  it('reads the other options, each once', () => {
    expect(
      parsePlanArgs([
        '--k',
        '2',
        '--year',
        '2024',
        '--existing',
        'AL111, AL112',
        '--weights',
        'dropout_rate=2,econ_aid_share=0.5',
        '--method=greedy',
        '--curve',
        '4',
        '--cover',
        '--gap',
        '--emit-coverage',
        '--json',
      ]),
    ).toEqual({
      limit: { k: 2 },
      catchment: { kind: 'self' },
      year: 2024,
      existing: ['AL111', 'AL112'],
      weights: { dropout_rate: 2, econ_aid_share: 0.5 },
      demand: undefined,
      method: 'greedy',
      curve: 4,
      cover: true,
      gap: true,
      emitCoverage: true,
      json: true,
    });
    expect(() => parsePlanArgs(['--k', '2', '--k', '3'])).toThrow(/given twice/);
    expect(() => parsePlanArgs(['--k'])).toThrow(/--k needs a value/);
    expect(() => parsePlanArgs(['--k', '2', 'extra'])).toThrow(/unexpected argument "extra"/);
    expect(() => parsePlanArgs(['--k', '2', '--weights', 'a=1,a=2'])).toThrow(/names a twice/);
    expect(() => parsePlanArgs(['--k', '2', '--demand', 'd.csv', '--weights', 'a=1'])).toThrow(/no effect/);
    expect(() => parsePlanArgs(['--k', '62'])).toThrow(/from 0 to 61/);
  });

  it('the usage names the default catchment and why, in one line', () => {
    const lines = PLAN_USAGE.split('\n').filter((l) => /^Default: --self\b/.test(l));
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/own municipality.*Law 18\/2017/);
    expect(PLAN_USAGE).not.toMatch(/--contiguity,\s+the default/);
  });
});
