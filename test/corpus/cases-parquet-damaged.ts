/** Damaged Parquet: cut short, or single bits flipped at places chosen by the file's structure. */
import { fileCase, type CorpusCase, type Expected } from './types';

/** Where `pattern` first occurs in `bytes` at or after `from` (throws when absent: a corpus bug). */
function find(bytes: Uint8Array, pattern: readonly number[], from = 0): number {
  for (let i = from; i + pattern.length <= bytes.length; i++) {
    if (pattern.every((b, k) => bytes[i + k] === b)) return i;
  }
  throw new Error(`pattern ${pattern.join(' ')} not found`);
}

const ascii = (s: string) => [...s].map((c) => c.charCodeAt(0));

/** A copy with byte `at` XORed with `mask`. */
function flip(good: Uint8Array, at: number, mask: number): Uint8Array {
  const copy = good.slice();
  copy[at] = copy[at]! ^ mask;
  return copy;
}

/** Cut short: the reader must name a damaged file, never crash. */
export function truncatedCases(good: Uint8Array, label: string): CorpusCase[] {
  const n = good.length;
  const cuts: [string, string, Uint8Array][] = [
    ['truncated-half', 'cut to half its size', good.slice(0, n >> 1)],
    ['truncated-tail', 'the last byte missing', good.slice(0, n - 1)],
    ['truncated-footer', 'the closing 8 bytes (footer length, PAR1) missing', good.slice(0, n - 8)],
    ['truncated-head', 'the first 100 bytes missing', good.slice(100)],
  ];
  return cuts.map(([name, d, bytes]) =>
    fileCase(`${name}-${label}.parquet`, `values Parquet (${label}) ${d}`, bytes, ['corrupt-parquet']),
  );
}

/**
 * Single bits flipped at places chosen by the file's structure, so each outcome is explainable. DuckDB
 * writes no page checksums, so a flip inside data is only caught when it breaks the data's meaning.
 */
export function flippedCases(zstd: Uint8Array, plain: Uint8Array, firstValue: number): CorpusCase[] {
  const footerStart = (g: Uint8Array) =>
    g.length - 8 - new DataView(g.buffer, g.byteOffset + g.length - 8, 4).getUint32(0, true);
  const double = new Uint8Array(new Float64Array([firstValue]).buffer);
  const rows: [string, string, Uint8Array, Expected][] = [
    ['flip-magic-head-zstd', 'the leading "PAR1" damaged', flip(zstd, 1, 0x01), ['corrupt-parquet']],
    [
      'flip-magic-tail-zstd',
      'the closing "PAR1" damaged',
      flip(zstd, zstd.length - 1, 0x01),
      ['corrupt-parquet'],
    ],
    [
      'flip-page-type-zstd',
      'the type of the first page made invalid',
      flip(zstd, 5, 0x40),
      ['corrupt-parquet'],
    ],
    [
      'flip-page-type-plain',
      'the type of the first page made invalid (uncompressed)',
      flip(plain, 5, 0x40),
      ['corrupt-parquet'],
    ],
    [
      'flip-zstd-frame',
      'the magic number of the first zstd frame damaged',
      flip(zstd, find(zstd, [0x28, 0xb5, 0x2f, 0xfd]), 0x01),
      ['corrupt-parquet'],
    ],
    [
      'flip-footer-length-zstd',
      'the footer length off by one',
      flip(zstd, zstd.length - 8, 0x01),
      ['corrupt-parquet'],
    ],
    [
      'flip-footer-length-plain',
      'the footer length off by one (uncompressed)',
      flip(plain, plain.length - 8, 0x01),
      ['corrupt-parquet'],
    ],
    [
      'flip-footer-length-high',
      'the footer length made huge (bit 28)',
      flip(zstd, zstd.length - 5, 0x10),
      ['corrupt-parquet'],
    ],
    [
      'flip-code-digit-plain',
      'a digit of the first "AL1.." code in an uncompressed page made a letter',
      flip(plain, find(plain, ascii('AL1')) + 3, 0x40),
      ['unknown-municipality'],
    ],
    [
      'flip-value-sign-plain',
      'the sign bit of the first child_pop value in an uncompressed page',
      flip(plain, find(plain, [...double]) + 7, 0x80),
      ['negative-count'],
    ],
    [
      'flip-schema-name-zstd',
      'the last letter of "indicator" in the footer schema changed',
      flip(zstd, find(zstd, ascii('indicator'), footerStart(zstd)) + 8, 0x01),
      ['missing-column'],
    ],
    [
      'flip-version-zstd',
      'the format version in the footer changed (readers ignore it: the file reads the same)',
      flip(zstd, footerStart(zstd) + 1, 0x08),
      'ok',
    ],
  ];
  return rows.map(([name, d, bytes, e]) => fileCase(`${name}.parquet`, `values Parquet: ${d}`, bytes, e));
}
