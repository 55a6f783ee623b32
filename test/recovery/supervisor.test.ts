/**
 * The supervised engine (src/engine/supervisor.ts) over fake instances: a call waiting when its instance
 * dies runs again on the next one, after its tables are loaded again, and resolves as if nothing happened;
 * a second death rejects it with a clear error, never a hang; fatal WASM errors count as deaths, SQL errors
 * do not; a job starts over as a whole; a crash loop stops the restarts; the user is told at each step.
 */
import { describe, expect, it } from 'vitest';
import { createCrashPolicy, WorkerLostError } from '../../src/common/crash-policy';
import type { HealthEvent } from '../../src/common/worker-health';
import type { BoundQuery, Connector } from '../../src/engine/connector';
import { createSupervisor, isFatalEngineError, type EngineInstance } from '../../src/engine/supervisor';

/** A fake instance: answers `SELECT <n>` with n, loads into `tables`, and can be killed or made to hang. */
interface Fake extends EngineInstance {
  id: number;
  tables: string[];
  /** Queries it received. */
  asked: string[];
  /** Hangs every query from now on (a terminated worker answers nothing). */
  hang: boolean;
  /** Makes the next query fail with this error. */
  failNext: Error | null;
  die(): void;
}

/** `dieOn(instance, sql)`: the instance dies as it is asked that (it never answers it). */
function fakes(dieOn: (instance: number, sql: string) => boolean = () => false) {
  const made: Fake[] = [];
  const start = async (): Promise<EngineInstance> => {
    let die = () => {};
    const dead = new Promise<string>((resolve) => (die = () => resolve('killed')));
    const f: Fake = {
      id: made.length + 1,
      tables: [],
      asked: [],
      hang: false,
      failNext: null,
      dead,
      die: () => {
        f.hang = true;
        die();
      },
      kill: () => f.die(),
      conn: {} as Connector,
    };
    const answer = <T>(sql: string, value: () => T): Promise<T> => {
      f.asked.push(sql);
      if (dieOn(f.id, sql)) setTimeout(() => f.die(), 0);
      if (f.hang || dieOn(f.id, sql)) return new Promise<T>(() => {});
      const err = f.failNext;
      f.failNext = null;
      return err ? Promise.reject(err) : Promise.resolve(value());
    };
    f.conn = {
      query: <T extends object>(q: BoundQuery) =>
        answer(q.sql, () => [{ n: Number(q.sql.split(' ')[1]), from: f.id }] as unknown as T[]),
      exec: (sql) => answer(sql, () => void f.tables.push(sql)),
      insertArrowIPC: (name) => answer(name, () => void f.tables.push(name)),
      close: async () => {},
    };
    made.push(f);
    return f;
  };
  return { made, start };
}

function setup(
  options: {
    stableMs?: number;
    failLoad?: (f: number) => Error | null;
    dieOn?: (instance: number, sql: string) => boolean;
  } = {},
) {
  const { made, start } = fakes(options.dieOn);
  const events: HealthEvent[] = [];
  const loads: { instance: number; restart: boolean }[] = [];
  const recovered: number[] = [];
  let clock = 0;
  const sup = createSupervisor({
    start,
    load: async (conn, restart) => {
      const f = made.at(-1)!;
      loads.push({ instance: f.id, restart });
      const err = options.failLoad?.(f.id);
      if (err) throw err;
      await conn.exec('CREATE TABLE indicator_values');
      await conn.exec('CREATE TABLE user_values');
    },
    policy: createCrashPolicy({ maxQuickDeaths: 3, stableMs: options.stableMs ?? 10_000 }),
    now: () => (clock += 10),
    report: (e) => events.push(e),
    recovered: (noticed, ready) => recovered.push(ready - noticed),
  });
  return { sup, made, events, loads, recovered };
}

const q = (n: number): BoundQuery => ({ sql: `SELECT ${n}`, params: [] });
const tick = () => new Promise((r) => setTimeout(r, 0));

describe('supervised engine', () => {
  it('boots: the first instance is loaded, calls pass through', async () => {
    const { sup, made, loads, events } = setup();
    await sup.ready();
    expect(await sup.conn.query(q(7))).toEqual([{ n: 7, from: 1 }]);
    expect(loads).toEqual([{ instance: 1, restart: false }]);
    expect(made[0]!.tables).toEqual(['CREATE TABLE indicator_values', 'CREATE TABLE user_values']);
    expect(sup.generation()).toBe(1);
    expect(events).toEqual([]);
  });

  it('a call waiting when the instance dies runs again on a new, reloaded one and resolves', async () => {
    const { sup, made, loads, events, recovered } = setup();
    await sup.ready();
    made[0]!.hang = true; // terminated: it will never answer
    const waiting = sup.conn.query(q(42));
    const restarted: number[] = [];
    sup.onRestart(() => restarted.push(sup.generation()));
    await tick();
    made[0]!.die();
    expect(await waiting).toEqual([{ n: 42, from: 2 }]);
    expect(loads).toEqual([
      { instance: 1, restart: false },
      { instance: 2, restart: true },
    ]);
    expect(made[1]!.tables).toEqual(['CREATE TABLE indicator_values', 'CREATE TABLE user_values']);
    expect(restarted).toEqual([2]);
    expect(events.map((e) => e.state)).toEqual(['restarting', 'recovered']);
    expect(events[1]!.ms).toBeGreaterThan(0);
    expect(recovered).toHaveLength(1);
    // Later calls go to the new instance.
    expect(await sup.conn.query(q(1))).toEqual([{ n: 1, from: 2 }]);
  });

  it('a call whose instance dies again under its second run rejects with a clear error', async () => {
    // Both the first and the second instance die as they are asked it.
    const { sup } = setup({ dieOn: (id, sql) => id <= 2 && sql === 'SELECT 5' });
    await sup.ready();
    const waiting = sup.conn.query(q(5));
    await expect(waiting).rejects.toThrow(WorkerLostError);
    await expect(waiting).rejects.toThrow('the engine worker stopped twice while running this job');
    // The engine itself came back a third time: the next call is answered.
    expect(await sup.conn.query(q(3))).toEqual([{ n: 3, from: 3 }]);
  });

  it('a fatal WASM error is a death (restart, retry); an SQL error is only an error', async () => {
    const { sup, made } = setup();
    await sup.ready();
    made[0]!.failNext = new Error('Binder Error: Referenced column "x" not found');
    await expect(sup.conn.query(q(1))).rejects.toThrow('Binder Error');
    expect(made).toHaveLength(1);
    made[0]!.failNext = Object.assign(new Error('memory access out of bounds'), { name: 'RuntimeError' });
    expect(await sup.conn.query(q(2))).toEqual([{ n: 2, from: 2 }]);
    expect(made).toHaveLength(2);
    expect(isFatalEngineError(new Error('Out of Memory Error: failed to allocate'))).toBe(false);
    expect(isFatalEngineError(new Error('RuntimeError: unreachable'))).toBe(true);
    expect(isFatalEngineError(new Error('Aborted(). Build with -sASSERTIONS for more info.'))).toBe(true);
  });

  it('a job starts over as a whole on the new instance', async () => {
    const { sup, made } = setup();
    await sup.ready();
    const runs: number[] = [];
    const job = sup.job(async (conn, generation) => {
      runs.push(generation);
      await conn.exec('CREATE TABLE staging');
      if (generation === 1) {
        made[0]!.die();
        await conn.exec('INSERT INTO indicator_values SELECT * FROM staging');
      }
      await conn.exec('INSERT INTO indicator_values SELECT * FROM staging');
      return 'committed';
    });
    expect(await job).toBe('committed');
    expect(runs).toEqual([1, 2]);
    expect(made[1]!.tables.slice(-2)).toEqual([
      'CREATE TABLE staging',
      'INSERT INTO indicator_values SELECT * FROM staging',
    ]);
  });

  it('a crash loop (dies right after each restart, 3 times) stops restarting, with a message', async () => {
    // Every restarted instance dies while its tables load.
    const { sup, made, events } = setup({
      failLoad: (id) => (id > 1 ? Object.assign(new Error('unreachable'), { name: 'RuntimeError' }) : null),
    });
    await sup.ready();
    made[0]!.hang = true;
    const waiting = sup.conn.query(q(9));
    await tick();
    made[0]!.die();
    await expect(waiting).rejects.toThrow(WorkerLostError);
    await expect(waiting).rejects.toThrow(/not restarted again/);
    // The first death and three quick ones: 1 + 3 instances, and no more.
    expect(made).toHaveLength(4);
    expect(events.map((e) => e.state)).toEqual(['restarting', 'failed']);
    await expect(sup.conn.query(q(1))).rejects.toThrow(/not restarted again/);
    await new Promise((r) => setTimeout(r, 20));
    expect(made).toHaveLength(4);
  });

  it('a boot that fails for a data reason fails as before: ready() rejects with its error', async () => {
    const { sup, made } = setup({ failLoad: () => new Error('dataset files missing') });
    await expect(sup.ready()).rejects.toThrow('dataset files missing');
    await expect(sup.conn.query(q(1))).rejects.toThrow('dataset files missing');
    expect(made).toHaveLength(1);
  });

  it('a death during the boot restarts it: the boot completes on the next instance', async () => {
    const { sup, made, loads } = setup({
      failLoad: (id) => (id === 1 ? Object.assign(new Error('Aborted()'), { name: 'RuntimeError' }) : null),
    });
    await sup.ready();
    expect(made).toHaveLength(2);
    expect(loads.map((l) => l.instance)).toEqual([1, 2]);
    expect(await sup.conn.query(q(4))).toEqual([{ n: 4, from: 2 }]);
  });

  it('many calls waiting at the death all run again, in order, and none hangs', async () => {
    const { sup, made } = setup();
    await sup.ready();
    made[0]!.hang = true;
    const calls = [1, 2, 3, 4, 5].map((n) => sup.conn.query(q(n)));
    await tick();
    made[0]!.die();
    expect((await Promise.all(calls)).map((r) => r[0])).toEqual([1, 2, 3, 4, 5].map((n) => ({ n, from: 2 })));
    expect(made[1]!.asked.slice(2)).toEqual(['SELECT 1', 'SELECT 2', 'SELECT 3', 'SELECT 4', 'SELECT 5']);
  });
});
