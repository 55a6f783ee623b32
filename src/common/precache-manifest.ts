/**
 * The precache manifest of a Workbox generateSW service worker (sw.js), read and written as text: used by
 * `atlas publish` (src/cli/site-precache.ts) and the app's published zip (src/export/site-zip.ts).
 */

/** One entry of Workbox's precache manifest. */
export interface PrecacheEntry {
  url: string;
  revision: string | null;
}

/** Where the manifest array sits in sw.js, and its entries. */
interface Located {
  start: number;
  end: number;
  entries: PrecacheEntry[];
}

/** The index of the `]` closing the array that opens at `open`, skipping string literals. */
function closingBracket(text: string, open: number): number {
  let depth = 0;
  for (let i = open; i < text.length; i++) {
    const c = text[i];
    if (c === '"' || c === "'" || c === '`') {
      for (i++; i < text.length && text[i] !== c; i++) if (text[i] === '\\') i++;
    } else if (c === '[') depth++;
    else if (c === ']' && --depth === 0) return i;
  }
  throw new Error('sw.js: the precache manifest array is not closed');
}

const ENTRY =
  /\s*\{\s*"?url"?\s*:\s*"((?:[^"\\]|\\.)*)"\s*,\s*"?revision"?\s*:\s*(null|"((?:[^"\\]|\\.)*)")\s*\}\s*,?\s*/y;

/** Finds and parses the precache manifest of a Workbox generateSW service worker. */
export function locatePrecache(sw: string): Located {
  const call = sw.indexOf('precacheAndRoute(');
  if (call < 0) throw new Error('sw.js: no precacheAndRoute call (not a Workbox generateSW worker?)');
  const start = sw.indexOf('[', call);
  const end = closingBracket(sw, start);
  const entries: PrecacheEntry[] = [];
  ENTRY.lastIndex = start + 1;
  while (ENTRY.lastIndex < end) {
    const at = ENTRY.lastIndex;
    const m = ENTRY.exec(sw);
    if (!m || m.index !== at) {
      throw new Error(`sw.js: unrecognised precache entry at ${sw.slice(at, at + 60)}`);
    }
    const revision = m[2] === 'null' ? null : (JSON.parse(`"${m[3]}"`) as string);
    entries.push({ url: JSON.parse(`"${m[1]}"`) as string, revision });
  }
  return { start, end: end + 1, entries };
}

/** The manifest as Workbox's minified output writes it. */
export function formatPrecache(entries: readonly PrecacheEntry[]): string {
  const one = (e: PrecacheEntry) =>
    `{url:${JSON.stringify(e.url)},revision:${e.revision === null ? 'null' : JSON.stringify(e.revision)}}`;
  return `[${entries.map(one).join(',')}]`;
}
