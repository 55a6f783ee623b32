/**
 * The engine's heartbeat (src/engine/heartbeat.ts), on a fake clock: an idle worker that stops answering is
 * found dead within 0.8 s (the next ping, then the first beat past its timeout); a worker busy with a long query is given its longer allowance; a
 * worker that answers is never declared dead; the beats are counted.
 */
import { describe, expect, it } from 'vitest';
import { startHeartbeat } from '../../src/engine/heartbeat';

function clock() {
  let t = 0;
  let tick: (() => void) | null = null;
  let every = 0;
  return {
    timers: {
      now: () => t,
      every(ms: number, cb: () => void) {
        every = ms;
        tick = cb;
        return () => (tick = null);
      },
    },
    /** Advances time by `ms`, beating on the way; lets answered pings settle between beats. */
    async advance(ms: number) {
      for (let done = 0; done < ms; done += every) {
        t += every;
        tick?.();
        await Promise.resolve();
        await Promise.resolve();
      }
    },
    get running() {
      return tick !== null;
    },
  };
}

describe('heartbeat', () => {
  it('finds an idle worker that stopped answering dead within interval + timeout', async () => {
    const c = clock();
    let answering = true;
    let deadAt: number | null = null;
    const h = startHeartbeat({
      ping: () => (answering ? Promise.resolve() : new Promise(() => {})),
      busy: () => false,
      onDead: () => (deadAt = c.timers.now()),
      intervalMs: 200,
      timeoutMs: 500,
      timers: c.timers,
    });
    await c.advance(2000);
    expect(deadAt).toBeNull();
    answering = false; // terminated at t = 2000
    await c.advance(2000);
    expect(deadAt).not.toBeNull();
    // At worst: the next ping 200 ms after the death, found late at the first beat 500 ms after it.
    expect(deadAt! - 2000).toBeLessThanOrEqual(800);
    expect(c.running).toBe(false);
    expect(h.stats().beats).toBeGreaterThan(10);
  });

  it('gives a worker busy with a long query its longer allowance', async () => {
    const c = clock();
    let release: () => void = () => {};
    let dead = false;
    startHeartbeat({
      // The ping waits behind a 5 s query, then is answered.
      ping: () => new Promise<void>((r) => (release = r)),
      busy: () => true,
      onDead: () => (dead = true),
      intervalMs: 200,
      timeoutMs: 500,
      busyTimeoutMs: 15_000,
      timers: c.timers,
    });
    await c.advance(5000);
    expect(dead).toBe(false);
    release();
    await c.advance(5000);
    expect(dead).toBe(false);
    // A busy worker silent for longer than the allowance is dead too.
    await c.advance(16_000);
    expect(dead).toBe(true);
  });

  it('stops when asked, and tells no death afterwards', async () => {
    const c = clock();
    let dead = false;
    const h = startHeartbeat({
      ping: () => new Promise(() => {}),
      busy: () => false,
      onDead: () => (dead = true),
      intervalMs: 200,
      timers: c.timers,
    });
    await c.advance(200);
    h.stop();
    await c.advance(5000);
    expect(dead).toBe(false);
    expect(h.stats().beats).toBe(1);
  });
});
