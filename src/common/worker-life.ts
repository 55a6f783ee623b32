/**
 * Knowing at once that a worker died, with no polling of it: each of our workers holds a Web Lock named after
 * it for as long as it lives ({@link holdLife}, on the worker's first line); the page asks for the same lock
 * ({@link watchLife}), and the browser grants it the moment the worker is gone: terminated, closed or
 * crashed. A busy worker (a long query, 999 permutations) still holds its lock, so it is never mistaken for a
 * dead one, which a heartbeat cannot tell apart. Where the browser has no Web Locks (a page served over plain
 * http from another machine is not a secure context), `watchLife` returns null and callers fall back to a
 * heartbeat or their time limits.
 */
import { onDiagnostic, type DiagnosticCommand } from './diagnostic';

interface Locks {
  request(name: string, callback: (lock: unknown) => unknown): Promise<unknown>;
  request(
    name: string,
    options: { ifAvailable?: boolean; signal?: AbortSignal },
    callback: (lock: unknown) => unknown,
  ): Promise<unknown>;
}

function locks(): Locks | undefined {
  const nav = (globalThis as { navigator?: { locks?: Locks } }).navigator;
  return nav?.locks;
}

let counter = 0;

/** A lock name unique to one worker of this page (locks are shared by every tab of the origin). */
export function lifeName(kind: string): string {
  counter += 1;
  return `atlas-${kind}-${Date.now().toString(36)}-${counter}-${Math.random().toString(36).slice(2, 10)}`;
}

/** In a worker: holds the lock of the worker's name (`new Worker(url, { name })`) until the worker ends. */
export function holdLife(name = (globalThis as { name?: string }).name): void {
  if (!name) return;
  void locks()?.request(name, () => new Promise<never>(() => {}));
}

/**
 * On the page: calls `onDeath` once, when the worker holding lock `name` is gone. Until the worker has
 * taken its lock (it asks as it starts) a request that is granted at once is given straight back, every
 * `pollMs`, for at most `maxWaitMs`. Returns the function that stops watching (call it before terminating
 * the worker yourself), or null when the browser has no Web Locks.
 */
export function watchLife(
  name: string,
  onDeath: () => void,
  { pollMs = 20, maxWaitMs = 30_000 } = {},
): (() => void) | null {
  const lm = locks();
  if (!lm) return null;
  const abort = new AbortController();
  let stopped = false;
  const started = Date.now();
  void (async () => {
    for (;;) {
      if (stopped) return;
      const held = await lm.request(name, { ifAvailable: true }, (lock) => lock === null);
      if (held) break;
      if (Date.now() - started > maxWaitMs) return;
      await new Promise((r) => setTimeout(r, pollMs));
    }
    try {
      await lm.request(name, { signal: abort.signal }, () => undefined);
    } catch {
      return; // stopped watching
    }
    if (!stopped) {
      stopped = true;
      onDeath();
    }
  })();
  return () => {
    stopped = true;
    abort.abort();
  };
}

/** A worker whose death is told through `ondeath` (at most once), if `watched` (Web Locks exist). */
export type Mortal<W> = W & { ondeath: (() => void) | null; readonly watched: boolean };

/**
 * Watches `worker` (started with `{ name }`, holding its life lock): `ondeath` runs when it dies. Its
 * `terminate()` stops watching first (our own stop is no death); the diagnostic `command`, if given,
 * terminates it without telling anyone (src/common/diagnostic.ts). Returns the same object.
 */
export function mortal<W extends { terminate(): void }>(
  worker: W,
  name: string,
  command?: DiagnosticCommand,
): Mortal<W> {
  const m = worker as W & { ondeath: (() => void) | null; watched: boolean };
  m.ondeath = null;
  const kill = worker.terminate.bind(worker);
  let unhook = () => {};
  const unwatch = watchLife(name, () => {
    unhook();
    m.ondeath?.();
  });
  m.watched = unwatch !== null;
  if (command) unhook = onDiagnostic(command, kill);
  m.terminate = () => {
    unwatch?.();
    unhook();
    kill();
  };
  return m;
}

/** Whether deaths are told at once here (Web Locks exist). */
export function lifeWatched(): boolean {
  return locks() !== undefined;
}
