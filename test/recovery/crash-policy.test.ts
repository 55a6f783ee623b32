/**
 * The pure rules of recovery (src/common/crash-policy.ts): when a dead worker is restarted, when a crash
 * loop stops the restarts, and a job run again once after a death.
 */
import { describe, expect, it } from 'vitest';
import {
  createCrashPolicy,
  retryAfterDeath,
  WorkerDiedError,
  WorkerLostError,
} from '../../src/common/crash-policy';

describe('crash policy', () => {
  it('restarts after a first death, and after any death of a worker that lived long enough', () => {
    const p = createCrashPolicy({ maxQuickDeaths: 3, stableMs: 10_000 });
    expect(p.died(1_000)).toBe('restart');
    expect(p.quickDeaths).toBe(0);
    // 20 s after the restart: healthy meanwhile, a new death.
    expect(p.died(21_000)).toBe('restart');
    expect(p.died(60_000)).toBe('restart');
    expect(p.quickDeaths).toBe(0);
    expect(p.gaveUp).toBe(false);
  });

  it('gives up after 3 deaths in a row, each right after a restart, and stays given up', () => {
    const p = createCrashPolicy({ maxQuickDeaths: 3, stableMs: 10_000 });
    expect(p.died(0)).toBe('restart'); // the first death
    expect(p.died(500)).toBe('restart'); // died again right after the restart: 1
    expect(p.died(900)).toBe('restart'); // 2
    expect(p.quickDeaths).toBe(2);
    expect(p.died(1_200)).toBe('give-up'); // 3: a crash loop
    expect(p.gaveUp).toBe(true);
    expect(p.died(100_000)).toBe('give-up');
  });

  it('counts quick deaths in a row only: a healthy stretch starts the count again', () => {
    const p = createCrashPolicy({ maxQuickDeaths: 3, stableMs: 10_000 });
    p.died(0);
    p.died(100);
    p.died(200); // 2 quick
    expect(p.died(30_000)).toBe('restart'); // lived 29.8 s: not quick
    expect(p.quickDeaths).toBe(0);
    expect(p.died(30_100)).toBe('restart');
    expect(p.died(30_200)).toBe('restart');
    expect(p.died(30_300)).toBe('give-up');
  });

  it('counts a restart that failed (it died before it was ready) as quick, however long it took', () => {
    const p = createCrashPolicy({ maxQuickDeaths: 3, stableMs: 10_000 });
    expect(p.died(0)).toBe('restart');
    expect(p.died(30_000, true)).toBe('restart');
    expect(p.died(60_000, true)).toBe('restart');
    expect(p.died(90_000, true)).toBe('give-up');
  });

  it('takes its defaults: 3 quick deaths within 10 s', () => {
    const p = createCrashPolicy();
    expect([0, 9_999, 19_998, 29_997].map((t) => p.died(t))).toEqual([
      'restart',
      'restart',
      'restart',
      'give-up',
    ]);
    const q = createCrashPolicy();
    expect([0, 10_000, 20_000, 30_000, 40_000].map((t) => q.died(t))).not.toContain('give-up');
  });
});

describe('a job run again after its worker died', () => {
  it('runs once more after a death and resolves as if nothing happened', async () => {
    const tries: number[] = [];
    let recovered = 0;
    const value = await retryAfterDeath(
      'engine',
      async (n) => {
        tries.push(n);
        if (n === 0) throw new WorkerDiedError('engine');
        return 42;
      },
      async () => void (recovered += 1),
    );
    expect(value).toBe(42);
    expect(tries).toEqual([0, 1]);
    expect(recovered).toBe(1);
  });

  it('rejects with a clear error when the worker dies under it twice, never a third run', async () => {
    const tries: number[] = [];
    const run = retryAfterDeath(
      'hotspots',
      async (n) => {
        tries.push(n);
        throw new WorkerDiedError('hotspots');
      },
      async () => {},
    );
    await expect(run).rejects.toThrow(WorkerLostError);
    await expect(run).rejects.toThrow('the hotspots worker stopped twice while running this job');
    expect(tries).toEqual([0, 1]);
  });

  it('passes other errors on at once, and the recovery error when restarting was given up', async () => {
    let ran = 0;
    await expect(
      retryAfterDeath(
        'engine',
        async () => {
          ran += 1;
          throw new Error('Binder Error: column x not found');
        },
        async () => {},
      ),
    ).rejects.toThrow('Binder Error');
    expect(ran).toBe(1);
    const lost = new WorkerLostError('engine', true);
    await expect(
      retryAfterDeath(
        'engine',
        async () => {
          throw new WorkerDiedError('engine');
        },
        async () => {
          throw lost;
        },
      ),
    ).rejects.toBe(lost);
    expect(lost.code).toBe('worker-lost');
    expect(lost.message).toMatch(/not restarted again/);
  });
});
