/**
 * Opt-in local persistence of imported files, in this browser's IndexedDB (idb-keyval: a tiny, well-kept
 * wrapper), with how each was read (sheet, header row, column mapping, indicators defined in the app) and
 * the column mappings remembered per header. Nothing is uploaded anywhere; "clear all local data" removes
 * every stored byte.
 */
import { createStore, del, get, set } from 'idb-keyval';
import type { ColumnMapping } from '../contract/mapping';
import type { IndicatorMeta } from '../engine/schema';
import type { CheckInput } from './session';

const store = createStore('safety-net-atlas', 'imports');
const KEY = 'files';
const MAPPINGS = 'mappings';

/** A column mapping remembered for a header signature, with the indicators it defines. */
export interface RememberedMapping {
  mapping: ColumnMapping;
  indicators?: IndicatorMeta[];
}

/** Files stored with the user's consent, restored on the next visit. */
export async function loadSavedFiles(): Promise<CheckInput[]> {
  try {
    return (await get<CheckInput[]>(KEY, store)) ?? [];
  } catch {
    return []; // IndexedDB unavailable (private mode, locked-down profile): nothing was saved
  }
}

/** Stores the files that were loaded, replacing any stored before. */
export async function saveFiles(files: readonly CheckInput[]): Promise<void> {
  await set(
    KEY,
    files.map((f) => ({
      name: f.name,
      bytes: f.bytes,
      ...(f.sheet !== undefined ? { sheet: f.sheet } : {}),
      ...(f.headerRow !== undefined ? { headerRow: f.headerRow } : {}),
      ...(f.mapping ? { mapping: f.mapping } : {}),
      ...(f.indicators ? { indicators: f.indicators } : {}),
    })),
    store,
  );
}

/** The column mappings stored with the user's consent, by header signature. */
export async function loadSavedMappings(): Promise<Record<string, RememberedMapping>> {
  try {
    return (await get<Record<string, RememberedMapping>>(MAPPINGS, store)) ?? {};
  } catch {
    return {};
  }
}

/** Stores one column mapping under its header signature, beside those stored before. */
export async function saveMapping(signature: string, entry: RememberedMapping): Promise<void> {
  const all = await loadSavedMappings();
  await set(MAPPINGS, { ...all, [signature]: entry }, store);
}

/** Removes everything this app stored in the browser. */
export async function clearSavedFiles(): Promise<void> {
  await del(KEY, store);
  await del(MAPPINGS, store);
}
