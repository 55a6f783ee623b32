/**
 * Asks the engine about the loaded case records (once per dataset version) and for the facets of the current
 * filters. Stale answers are ignored; while a new answer is on its way the last one stays on screen (with
 * the key it answers), so the charts repaint once, with the new counts, instead of blanking in between.
 */
import { useEffect, useState } from 'react';
import type { CaseFacets, CaseFilters, CasesInfo } from '../../engine/cases-types';
import type { EngineStatus } from '../useEngine';
import { casesArrived } from './cases-perf';

/** The records' description: `undefined` while asked, null when there are none (a published site). */
export interface InfoAnswer {
  info: CasesInfo | null | undefined;
  error: string | null;
}

const message = (err: unknown) => (err instanceof Error ? err.message : String(err));

/** The loaded records' description, asked again after every import. */
export function useCasesInfo(status: EngineStatus, version: number): InfoAnswer {
  const [answer, setAnswer] = useState<{ version: number; info: CasesInfo | null; error: string | null }>();
  useEffect(() => {
    if (status.state !== 'ready') return;
    let live = true;
    status.engine.casesInfo().then(
      (info) => live && setAnswer({ version, info, error: null }),
      (err: unknown) => live && setAnswer({ version, info: null, error: message(err) }),
    );
    return () => {
      live = false;
    };
  }, [status, version]);
  if (status.state === 'error') return { info: null, error: status.message };
  if (answer?.version !== version) return { info: undefined, error: null };
  return { info: answer.info, error: answer.error };
}

/** The facets on screen: the answer to `key`, or the last one while `key`'s is on its way. */
export interface FacetsAnswer {
  facets: CaseFacets | null;
  /** The key `facets` answers. */
  key: string;
  pending: boolean;
  error: string | null;
}

/** The facets under `filters` (whose identity is `key`: filters, k, perturbation), latest answer wins. */
export function useCaseFacets(
  status: EngineStatus,
  info: CasesInfo | null | undefined,
  filters: CaseFilters,
  show: { k: number; perturb: boolean },
  key: string,
): FacetsAnswer {
  const [result, setResult] = useState<{ key: string; facets: CaseFacets | null; error: string | null }>();
  useEffect(() => {
    if (status.state !== 'ready' || !info) return;
    let live = true;
    const asked = performance.now();
    status.engine.caseFacets(filters, show).then(
      (facets) => {
        if (!live) return;
        casesArrived(key, asked);
        setResult({ key, facets, error: null });
      },
      (err: unknown) => live && setResult({ key, facets: null, error: message(err) }),
    );
    return () => {
      live = false;
    };
    // `key` is the identity of `filters` and `show`
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [status, info, key]);
  if (!result) return { facets: null, key: '', pending: true, error: null };
  return { ...result, pending: result.key !== key };
}
