/**
 * What a file is, judged by its bytes rather than its name: people rename files, and a CSV saved as
 * ".parquet" or a workbook saved as ".csv" should be named for what it is.
 */

/** The outcome of looking at the first and last bytes. */
export type Sniffed =
  | { kind: 'empty' }
  | { kind: 'parquet'; head: boolean; tail: boolean }
  | { kind: 'binary'; what: string | null; fix: string | null }
  | { kind: 'text' };

const PAR1 = [0x50, 0x41, 0x52, 0x31];

/** True when `sig` sits at `at` in `bytes`. */
export function hasBytes(bytes: Uint8Array, at: number, sig: readonly number[]): boolean {
  if (at < 0 || at + sig.length > bytes.length) return false;
  return sig.every((b, i) => bytes[at + i] === b);
}

function ascii(s: string): number[] {
  return [...s].map((c) => c.charCodeAt(0));
}

// Formats people export by mistake, with what to do instead.
const SAVE_CSV = 'Save the sheet as "CSV UTF-8" (File > Save As) or export the table as Parquet.';
const SIGNATURES: { sig: number[]; what: string; fix: string }[] = [
  { sig: [0x50, 0x4b, 0x03, 0x04], what: 'an Excel workbook (.xlsx) or a ZIP archive', fix: SAVE_CSV },
  {
    sig: [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1],
    what: 'an Excel 97-2003 workbook (.xls)',
    fix: SAVE_CSV,
  },
  { sig: [0x1f, 0x8b], what: 'a gzip-compressed file', fix: 'Decompress it first and pick the file inside.' },
  {
    sig: ascii('%PDF'),
    what: 'a PDF document',
    fix: 'Use the data table behind the report (CSV or Parquet).',
  },
  {
    sig: ascii('SQLite format 3\0'),
    what: 'a GeoPackage or SQLite database',
    fix: 'Export the layer as GeoJSON (QGIS: Export > Save Features As > GeoJSON, CRS EPSG:4326).',
  },
  {
    sig: [0x00, 0x00, 0x27, 0x0a],
    what: 'an ESRI shapefile (.shp)',
    fix: 'Export the layer as GeoJSON (QGIS: Export > Save Features As > GeoJSON, CRS EPSG:4326).',
  },
  {
    sig: ascii('ARROW1\0\0'),
    what: 'an Arrow IPC / Feather file',
    fix: 'Write the table as Parquet instead.',
  },
  { sig: ascii('Obj\x01'), what: 'an Avro file', fix: 'Write the table as Parquet or CSV instead.' },
  { sig: [0x89, 0x50, 0x4e, 0x47], what: 'a PNG image', fix: 'Pick the data file, not a picture of it.' },
  { sig: [0xff, 0xd8, 0xff], what: 'a JPEG image', fix: 'Pick the data file, not a picture of it.' },
];

/** True when the start looks like UTF-16 text without a byte-order mark (every other byte is 0). */
export function utf16Order(bytes: Uint8Array): 'le' | 'be' | null {
  const n = Math.min(bytes.length, 4096) & ~1;
  if (n < 4) return null;
  let evenZero = 0;
  let oddZero = 0;
  for (let i = 0; i < n; i += 2) {
    if (bytes[i] === 0) evenZero++;
    if (bytes[i + 1] === 0) oddZero++;
  }
  const pairs = n / 2;
  // ASCII in UTF-16 LE is "x 00"; real binary has zeros in both positions.
  if (oddZero > pairs * 0.4 && evenZero < pairs * 0.05) return 'le';
  if (evenZero > pairs * 0.4 && oddZero < pairs * 0.05) return 'be';
  return null;
}

/**
 * Control bytes that never appear in a text table (tab, CR, LF, FF, ESC and DOS's end-of-file 0x1A aside).
 * A NUL counts like the others: binary formats are full of them, but one stray NUL in a CSV is text with a
 * bad cell, which the CSV reader names by its row.
 */
function looksBinary(bytes: Uint8Array): boolean {
  const n = Math.min(bytes.length, 8192);
  let odd = 0;
  for (let i = 0; i < n; i++) {
    const b = bytes[i]!;
    if (b < 0x20 && b !== 0x09 && b !== 0x0a && b !== 0x0d && b !== 0x0c && b !== 0x1b && b !== 0x1a) odd++;
  }
  return odd > n * 0.01;
}

/** Looks at a file's bytes and says which reader should have it. */
export function sniff(bytes: Uint8Array): Sniffed {
  if (bytes.length === 0) return { kind: 'empty' };
  const head = hasBytes(bytes, 0, PAR1);
  const tail = bytes.length >= 8 && hasBytes(bytes, bytes.length - 4, PAR1);
  if (head || tail) return { kind: 'parquet', head, tail };
  // Byte-order marks first: UTF-16 text is full of zero bytes and would otherwise look binary.
  if (
    hasBytes(bytes, 0, [0xff, 0xfe]) ||
    hasBytes(bytes, 0, [0xfe, 0xff]) ||
    hasBytes(bytes, 0, [0xef, 0xbb, 0xbf])
  )
    return { kind: 'text' };
  for (const s of SIGNATURES)
    if (hasBytes(bytes, 0, s.sig)) return { kind: 'binary', what: s.what, fix: s.fix };
  if (utf16Order(bytes)) return { kind: 'text' };
  if (looksBinary(bytes)) return { kind: 'binary', what: null, fix: null };
  return { kind: 'text' };
}
