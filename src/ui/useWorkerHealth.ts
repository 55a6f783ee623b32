/** The latest thing a worker went through (src/common/worker-health.ts), or null while none died. */
import { useEffect, useState } from 'react';
import { lastHealth, onHealth, type HealthEvent } from '../common/worker-health';

/** The most recent health event of any worker. */
export function useWorkerHealth(): HealthEvent | null {
  const [event, setEvent] = useState<HealthEvent | null>(() => lastHealth().at(-1) ?? null);
  useEffect(() => onHealth(setEvent), []);
  return event;
}
