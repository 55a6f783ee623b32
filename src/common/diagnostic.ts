/**
 * The diagnostic hook browser tests use to kill the app's workers, as a crash or the browser would:
 *
 *   window.dispatchEvent(new CustomEvent('atlas:diagnostic', { detail: 'terminate-engine' }));
 *
 * `detail` is one of {@link DiagnosticCommand}: `terminate-engine`, `terminate-hotspots` and
 * `terminate-planner` terminate our own DuckDB, hotspots or solver worker (`Worker.terminate()` on it,
 * without telling the code that watches it, so the recovery has to notice the death as it would a real
 * one); `engine-heartbeat` records the engine heartbeat's cost as a User Timing mark. Nothing else is
 * done, nothing is read from the event but that fixed word, and nothing is returned: a script able to
 * dispatch the event can already do more harm than stop a worker that then restarts (and the
 * Content-Security-Policy keeps other scripts out).
 */

/** What the hook does. */
export type DiagnosticCommand =
  'terminate-engine' | 'terminate-hotspots' | 'terminate-planner' | 'engine-heartbeat';

/** The event's name. */
export const DIAGNOSTIC_EVENT = 'atlas:diagnostic';

/** Runs `handler` on each diagnostic event naming `command`; returns the function that stops it. */
export function onDiagnostic(command: DiagnosticCommand, handler: () => void): () => void {
  if (typeof window === 'undefined') return () => {};
  const listener = (event: Event) => {
    if (event instanceof CustomEvent && event.detail === command) handler();
  };
  window.addEventListener(DIAGNOSTIC_EVENT, listener);
  return () => window.removeEventListener(DIAGNOSTIC_EVENT, listener);
}
