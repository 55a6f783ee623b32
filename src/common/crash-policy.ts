/**
 * When a worker that died is started again, and when it is not: the pure rules of recovery, with time passed
 * in (tested in Node without a browser). The engine, the hotspots worker and the planner's solver use them.
 *
 * - The first death always restarts the worker.
 * - A death soon after a restart (within `stableMs` of it, or before it was ready again) is a quick death; after
 *   `maxQuickDeaths` of them in a row no restart is tried: the worker is crashing in a loop, and retrying
 *   would only spin. A worker that lived `stableMs` after its restart was healthy: its death starts anew.
 * - A job that was running when its worker died runs once more on the new one; if that fails because the
 *   worker died again, the job fails with a clear error instead of running a third time.
 */

/** The policy's settings. */
export interface CrashPolicyOptions {
  /** Quick deaths in a row after which no restart is tried (default 3). */
  maxQuickDeaths: number;
  /** How long a restarted worker must live for its death to count as a new one, ms (default 10 s). */
  stableMs: number;
}

export const DEFAULT_CRASH_POLICY: CrashPolicyOptions = { maxQuickDeaths: 3, stableMs: 10_000 };

/** What to do about a death. */
export type Decision = 'restart' | 'give-up';

/** The state of one worker's restarts. */
export interface CrashPolicy {
  /**
   * The worker died at `now`: restart it, or give up (for good: later deaths give up too). `quick`: it died
   * before it was ever ready (a restart that failed), which is a quick death however long it took.
   */
  died(now: number, quick?: boolean): Decision;
  /** Quick deaths in a row so far. */
  readonly quickDeaths: number;
  /** True once the policy gave up. */
  readonly gaveUp: boolean;
}

/** A fresh policy (one per worker kind and page). */
export function createCrashPolicy(options: Partial<CrashPolicyOptions> = {}): CrashPolicy {
  const { maxQuickDeaths, stableMs } = { ...DEFAULT_CRASH_POLICY, ...options };
  let lastRestart: number | null = null;
  let quick = 0;
  let gaveUp = false;
  return {
    died(now, failedStart = false) {
      if (gaveUp) return 'give-up';
      const soon = lastRestart !== null && (failedStart || now - lastRestart < stableMs);
      quick = soon ? quick + 1 : 0;
      if (quick >= maxQuickDeaths) {
        gaveUp = true;
        return 'give-up';
      }
      lastRestart = now;
      return 'restart';
    },
    get quickDeaths() {
      return quick;
    },
    get gaveUp() {
      return gaveUp;
    },
  };
}

/** A job's worker died under it (the job may run again on the new worker). */
export class WorkerDiedError extends Error {
  constructor(readonly worker: string) {
    super(`the ${worker} worker stopped`);
    this.name = 'WorkerDiedError';
  }
}

/**
 * A job failed because its worker died twice (or restarting was given up): what the view reports. `code`
 * is what a view looks up in its i18n catalog.
 */
export class WorkerLostError extends Error {
  readonly code = 'worker-lost';
  constructor(
    readonly worker: string,
    readonly gaveUp = false,
  ) {
    super(
      gaveUp
        ? `the ${worker} worker kept stopping right after each restart, so it was not restarted again`
        : `the ${worker} worker stopped twice while running this job`,
    );
    this.name = 'WorkerLostError';
  }
}

/**
 * Runs `attempt` (given its number, 0 or 1); when it fails with a {@link WorkerDiedError}, waits for
 * `recovered()` and runs it once more. A second death rejects with a {@link WorkerLostError}; any other
 * error is passed on as it is, and so is the error of `recovered()` (e.g. restarting was given up).
 */
export async function retryAfterDeath<T>(
  worker: string,
  attempt: (n: number) => Promise<T>,
  recovered: () => Promise<void>,
): Promise<T> {
  try {
    return await attempt(0);
  } catch (err) {
    if (!(err instanceof WorkerDiedError)) throw err;
  }
  await recovered();
  try {
    return await attempt(1);
  } catch (err) {
    if (err instanceof WorkerDiedError) throw new WorkerLostError(worker);
    throw err;
  }
}
