/** Restores the files a user chose to keep on this computer, once the engine is ready. */
import { useEffect, useState } from 'react';
import type { ReadInput } from '../../import/read-types';
import type { CheckedBatch } from '../../import/session';
import { loadSavedFiles } from '../../import/persist';
import type { EngineStatus } from '../useEngine';

/** Number of files restored (0 when none were saved), after `onLoaded` has run. */
export function useRestore(
  status: EngineStatus,
  onLoaded: (batch: CheckedBatch, files: ReadInput[]) => Promise<void>,
): number {
  const [restored, setRestored] = useState(0);
  useEffect(() => {
    if (status.state !== 'ready') return;
    let live = true;
    void (async () => {
      const files = await loadSavedFiles();
      if (files.length === 0 || !live) return;
      const batch = await status.importer.check(files);
      if (!batch.ok) return void (await status.importer.discard(batch));
      await status.importer.apply(batch);
      await onLoaded(batch, files);
      if (live) setRestored(files.length);
    })();
    return () => {
      live = false;
    };
  }, [status, onLoaded]);
  return restored;
}
