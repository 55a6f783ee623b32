/**
 * The server's limits on what one client and all of them may ask: a token bucket per client address (a 429
 * with Retry-After when it is empty) and a gate that lets a few questions reach the engine at once and queues
 * a bounded number more (a 503 beyond). Both are in memory: `atlas serve` is one process.
 */

/** A per-client token bucket. */
export interface RateLimiter {
  /** Takes one token for `client`; returns 0 when allowed, else the whole seconds to wait. */
  take(client: string, now?: number): number;
}

/**
 * `perMinute` requests a minute per client, in bursts of up to `burst`. Buckets that are full again are
 * forgotten, so the map cannot grow without bound from many addresses.
 */
export function rateLimiter(perMinute: number, burst: number, maxClients = 10_000): RateLimiter {
  const perMs = perMinute / 60_000;
  const buckets = new Map<string, { tokens: number; at: number }>();
  const sweep = (now: number) => {
    for (const [client, b] of buckets) {
      if (b.tokens + (now - b.at) * perMs >= burst) buckets.delete(client);
    }
  };
  return {
    take(client, now = Date.now()) {
      if (perMinute <= 0) return 0;
      let b = buckets.get(client);
      if (!b) {
        if (buckets.size >= maxClients) sweep(now);
        b = { tokens: burst, at: now };
        buckets.set(client, b);
      }
      b.tokens = Math.min(burst, b.tokens + (now - b.at) * perMs);
      b.at = now;
      if (b.tokens >= 1) {
        b.tokens -= 1;
        return 0;
      }
      return Math.max(1, Math.ceil((1 - b.tokens) / perMs / 1000));
    },
  };
}

/** Thrown when the gate's queue is full or a question waited too long. */
export class BusyError extends Error {}

/** Runs at most `concurrency` tasks at once, queues up to `queue` more, refuses the rest. */
export interface Gate {
  run<T>(task: () => Promise<T>): Promise<T>;
  /** Tasks running and waiting now. */
  readonly load: { running: number; waiting: number };
}

/** A gate of `concurrency` slots and a queue of `queue` waiting tasks. */
export function gate(concurrency: number, queue: number): Gate {
  let running = 0;
  const waiting: (() => void)[] = [];
  const release = () => {
    running--;
    const next = waiting.shift();
    if (next) {
      running++;
      next();
    }
  };
  return {
    get load() {
      return { running, waiting: waiting.length };
    },
    async run<T>(task: () => Promise<T>): Promise<T> {
      if (running >= concurrency) {
        if (waiting.length >= queue) throw new BusyError('the server is busy; try again shortly');
        await new Promise<void>((resolve) => waiting.push(resolve));
      } else running++;
      try {
        return await task();
      } finally {
        release();
      }
    },
  };
}

/** Rejects with BusyError when `promise` takes longer than `ms` (the work itself runs on). */
export function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new BusyError(`no answer within ${ms} ms; try again shortly`)), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}
