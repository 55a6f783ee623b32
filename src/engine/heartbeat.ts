/**
 * The engine's heartbeat, for browsers without Web Locks (src/common/worker-life.ts tells a death at once
 * where they exist, and then no heartbeat runs). Every `intervalMs` it pings the DuckDB worker unless a
 * ping is still out; the ping must come back within `timeoutMs`, or within `busyTimeoutMs` if it was sent
 * while a long call was out (loading or committing a large file: the ping waits behind it, as a busy
 * worker cannot answer). A ping not back in time means the worker is dead: a terminated worker fires no
 * event and answers nothing. The limit of this fallback: a busy worker and a dead one look alike, so a
 * single read query running longer than `timeoutMs` is taken for a death (and run again once on a new
 * worker). A beat costs the page a timer callback and one small message each way; `stats()` counts it.
 */

/** What the heartbeat needs; `timers` default to the global ones (tests pass fakes). */
export interface HeartbeatOptions {
  /** Round trip to the worker (DuckDB-WASM's `ping()`). */
  ping(): Promise<unknown>;
  /** Whether a long call (a load, a commit) is out now, or the engine is still loading its tables. */
  busy(): boolean;
  /** Called once, when the worker is found dead (the heartbeat stops). */
  onDead(): void;
  intervalMs?: number;
  timeoutMs?: number;
  busyTimeoutMs?: number;
  timers?: {
    now(): number;
    every(ms: number, tick: () => void): () => void;
  };
}

/** A running heartbeat. */
export interface Heartbeat {
  stop(): void;
  /** Beats so far and the page's time spent in them, ms. */
  stats(): { beats: number; ms: number };
}

/**
 * Defaults: a death of an idle worker is told within 0.75 s (the next ping, at most 150 ms after it; then
 * the first beat at least 500 ms after that ping, 600 ms at most). A shorter timeout would take a page slowed by a busy machine
 * for a dead worker.
 */
export const HEARTBEAT = { intervalMs: 150, timeoutMs: 500, busyTimeoutMs: 15_000 };

const globalTimers = {
  now: () => performance.now(),
  every(ms: number, tick: () => void) {
    const id = setInterval(tick, ms);
    return () => clearInterval(id);
  },
};

/** Starts beating. */
export function startHeartbeat(options: HeartbeatOptions): Heartbeat {
  const { ping, busy, onDead, timers = globalTimers } = options;
  const intervalMs = options.intervalMs ?? HEARTBEAT.intervalMs;
  const timeoutMs = options.timeoutMs ?? HEARTBEAT.timeoutMs;
  const busyTimeoutMs = options.busyTimeoutMs ?? HEARTBEAT.busyTimeoutMs;
  let out: { at: number; limit: number; token: number } | null = null;
  let token = 0;
  let beats = 0;
  let ms = 0;
  let stopped = false;
  const cancel = timers.every(intervalMs, () => {
    if (stopped) return;
    const start = timers.now();
    beats += 1;
    if (out && start - out.at >= out.limit) {
      stop();
      onDead();
    } else if (!out) {
      const mine = (token += 1);
      out = { at: start, limit: busy() ? busyTimeoutMs : timeoutMs, token: mine };
      const back = () => {
        if (out?.token === mine) out = null;
      };
      ping().then(back, back);
    }
    ms += timers.now() - start;
  });
  function stop() {
    stopped = true;
    cancel();
  }
  return { stop, stats: () => ({ beats, ms }) };
}
