/**
 * Column mappings remembered per header signature (src/contract/mapping-roles.ts): a file shaped like one
 * the user mapped before is read with the same mapping. In memory for the session; in IndexedDB as well
 * only when the user keeps their files in this browser.
 */
import { loadSavedMappings, saveMapping, type RememberedMapping } from './persist';

export type { RememberedMapping } from './persist';

const memory = new Map<string, RememberedMapping>();

/** Remembers `entry` for `signature` in this session and, when `keep`, in this browser's storage. */
export async function rememberMapping(
  signature: string,
  entry: RememberedMapping,
  keep: boolean,
): Promise<void> {
  memory.set(signature, entry);
  if (keep) await saveMapping(signature, entry);
}

/** The mapping remembered for `signature` (this session's first, then the stored ones), or undefined. */
export async function recallMapping(signature: string): Promise<RememberedMapping | undefined> {
  const here = memory.get(signature);
  if (here) return here;
  const saved = await loadSavedMappings();
  return Object.hasOwn(saved, signature) ? saved[signature] : undefined;
}

/** Forgets this session's mappings ("clear all local data"). */
export function forgetMappings(): void {
  memory.clear();
}
