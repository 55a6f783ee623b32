/**
 * Opt-in local persistence of imported files, in this browser's IndexedDB (idb-keyval: a tiny, well-kept
 * wrapper). Nothing is uploaded anywhere; "clear all local data" removes every stored byte.
 */
import { createStore, del, get, set } from 'idb-keyval';
import type { ReadInput } from './read-types';

const store = createStore('safety-net-atlas', 'imports');
const KEY = 'files';

/** Files stored with the user's consent, restored on the next visit. */
export async function loadSavedFiles(): Promise<ReadInput[]> {
  try {
    return (await get<ReadInput[]>(KEY, store)) ?? [];
  } catch {
    return []; // IndexedDB unavailable (private mode, locked-down profile): nothing was saved
  }
}

/** Stores the files that were loaded, replacing any stored before. */
export async function saveFiles(files: readonly ReadInput[]): Promise<void> {
  await set(
    KEY,
    files.map((f) => ({ name: f.name, bytes: f.bytes })),
    store,
  );
}

/** Removes everything this app stored in the browser. */
export async function clearSavedFiles(): Promise<void> {
  await del(KEY, store);
}
