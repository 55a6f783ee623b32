/**
 * What "Publish these data" needs to know of the user's loaded files beyond the engine: their names and
 * SHA-256 (publish.json `inputs`) and the indicators they defined, gathered over every batch loaded.
 */
import { useCallback, useRef, useState } from 'react';
import { sha256Hex } from '../../common/sha256';
import type { IndicatorMeta } from '../../engine/schema';
import type { ReadInput } from '../../import/read-types';
import type { CheckedBatch } from '../../import/session';

/** The user's files and indicators so far. */
export interface PublishSources {
  inputs: { file: string; sha256: string }[];
  extra: IndicatorMeta[];
}

/** The sources, and `record` to call with each batch once it is loaded. */
export function usePublishSources(): {
  sources: PublishSources;
  record: (batch: CheckedBatch, files: readonly ReadInput[]) => Promise<void>;
} {
  const [sources, setSources] = useState<PublishSources>({ inputs: [], extra: [] });
  const latest = useRef(sources);
  const record = useCallback(async (batch: CheckedBatch, files: readonly ReadInput[]) => {
    const hashed = await Promise.all(
      files.map(async (f) => ({ file: f.name, sha256: await sha256Hex(f.bytes) })),
    );
    const names = new Set(hashed.map((h) => h.file));
    const ids = new Set(batch.indicators.map((i) => i.id));
    const prev = latest.current;
    const next: PublishSources = {
      inputs: [...prev.inputs.filter((i) => !names.has(i.file)), ...hashed],
      extra: [...prev.extra.filter((i) => !ids.has(i.id)), ...batch.indicators],
    };
    latest.current = next;
    setSources(next);
  }, []);
  return { sources, record };
}
