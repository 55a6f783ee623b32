/**
 * What the page's workers went through, for the status line: the engine (DuckDB), the hotspots worker and
 * the planner's solver report here when one died and is being restarted, was restarted, or was given up
 * (src/common/crash-policy.ts); the UI listens (src/ui/useWorkerHealth.ts). A tiny publish/subscribe, so the
 * layers that own the workers need not know the view.
 */

/** The workers that recover. */
export type WorkerKind = 'engine' | 'hotspots' | 'planner';

/** One step of a recovery. `ms`: from noticing the death to ready again (recovered only). */
export interface HealthEvent {
  worker: WorkerKind;
  state: 'restarting' | 'recovered' | 'failed';
  ms?: number;
}

type Listener = (event: HealthEvent) => void;
const listeners = new Set<Listener>();
const last = new Map<WorkerKind, HealthEvent>();

/** Tells every listener (a listener that throws does not stop the others). */
export function reportHealth(event: HealthEvent): void {
  last.set(event.worker, event);
  for (const listener of listeners) {
    try {
      listener(event);
    } catch {
      // a view's problem, not the worker's: the others still hear of it
    }
  }
}

/** Listens to every event; returns the function that stops listening. */
export function onHealth(listener: Listener): () => void {
  listeners.add(listener);
  return () => void listeners.delete(listener);
}

/** The latest event of each worker that had one (a view mounting late still tells it). */
export function lastHealth(): HealthEvent[] {
  return [...last.values()];
}
