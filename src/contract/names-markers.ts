/**
 * The non-name parts of a place cell: codes (LAU, county ISO and NUTS-3), words that say "county" or
 * "municipality", and separators between several places in one cell. Pure and browser-safe.
 */

// Codes are matched on the folded, joined input ("AL-132", "al 132" -> "al132").

/** A county's NUTS-3 code (AL011..AL035); tried before LAU, whose codes never have 0 as first digit. */
export const NUTS3 = /^al0(\d)(\d)$/;
/** A municipality's LAU code (AL111..AL357). */
export const LAU = /^al(\d{3})$/;
/** A county's ISO 3166-2 code (AL-01..AL-12). */
export const QARK_ISO = /^al(\d{2})$/;

/** Words that mark a county: "Qarku Dibër", "Dibër County", "Prefektura e Dibrës". */
export const COUNTY_WORDS = new Set([
  'qark',
  'qarku',
  'qarkut',
  'qarqe',
  'prefektura',
  'prefekture',
  'county',
  'region',
]);
/** Words that mark a municipality: "Bashkia e Tiranës", "Municipality of Fier". */
export const MUNI_WORDS = new Set(['bashki', 'bashkia', 'bashkise', 'municipality', 'municipal', 'komuna']);
// The Albanian and English linking words after a marker ("Qarku i Shkodrës", "Municipality of Fier").
const LINKS = new Set(['i', 'e', 'of', 'the']);

/** Drops a leading "the" ("the Dibër county"). */
function rest0(words: string[]): string[] {
  return words.length > 1 && words[0] === 'the' ? words.slice(1) : [...words];
}

/** Drops marker words at either end (`words` folded); returns the rest and whether a marker was found. */
export function stripMarkers(words: string[], markers: Set<string>): { rest: string[]; marked: boolean } {
  let rest = rest0(words);
  let marked = false;
  if (rest.length > 1 && markers.has(rest[0]!)) {
    rest = rest.slice(1);
    marked = true;
    while (rest.length > 1 && LINKS.has(rest[0]!)) rest = rest.slice(1);
  }
  if (rest.length > 1 && markers.has(rest[rest.length - 1]!)) {
    rest = rest.slice(0, -1);
    marked = true;
  }
  return { rest, marked };
}

/** How far apart the numbers of two codes are ("al358" vs "AL357": 1), to rank equally close code typos. */
export function digitsApart(a: string, b: string): number {
  return Math.abs(Number(a.replace(/\D/g, '')) - Number(b.replace(/\D/g, '')));
}

/**
 * Splits a cell that may name several places: "Tiranë / Kamëz", "Durrës, Shijak", "Kukës dhe Has",
 * "Tiranë (AL224)", "AL224 Tiranë". A hyphen splits only with spaces around it (Fushë-Arrëz is one name).
 */
export function splitPlaces(input: string): string[] {
  return input
    .replace(/\b(AL\s?-?\s?\d{3})\b/gi, '/$1/')
    .split(/[/,;&()[\]|+]|\s+(?:dhe|and|-|–)\s+/)
    .filter((p) => p.trim().length > 0);
}
