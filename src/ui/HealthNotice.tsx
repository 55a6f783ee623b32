/**
 * The status line of the workers' recoveries: the analysis engine, the hotspot analysis or the planner's
 * solver stopped and is being restarted, was restarted (the user's data loaded again), or kept stopping and
 * was given up. Nothing else on screen changes meanwhile: the map stays drawn.
 */
import { useTranslation } from 'react-i18next';
import { useWorkerHealth } from './useWorkerHealth';

/** The line, once a worker has died. */
export function HealthNotice() {
  const { t } = useTranslation();
  const event = useWorkerHealth();
  if (!event) return null;
  return (
    <p
      className={`health-notice${event.state === 'failed' ? ' warn' : ''}`}
      role="status"
      aria-live="polite"
      data-testid="worker-health"
      data-worker={event.worker}
      data-state={event.state}
    >
      {t(`health.${event.worker}.${event.state}`)}
    </p>
  );
}
