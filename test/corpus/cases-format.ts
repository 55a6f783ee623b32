/**
 * Files that are not what their name says, or nothing at all: zero bytes, random binary, a CSV named
 * .parquet, archives, documents and images, NUL bytes in text, terminal escape sequences in cells.
 */
import { gzipSync } from 'node:zlib';
import type { Base } from './base';
import { concat, csv, utf8 } from './bytes';
import { fileCase, type CorpusCase } from './types';

function random(b: Base, n: number): Uint8Array {
  return Uint8Array.from({ length: n }, () => Math.floor(b.rng() * 256));
}

const ascii = (s: string) => Uint8Array.from([...s], (c) => c.charCodeAt(0));

/** Byte-level cases (no Parquet writer needed). */
export function formatCases(b: Base): CorpusCase[] {
  const values = csv(b.values.header, b.values.rows);
  const geo = JSON.stringify(b.boundaries);
  return [
    fileCase('zero-byte.csv', 'a file of 0 bytes named .csv', new Uint8Array(0), ['empty-file']),
    fileCase('zero-byte.parquet', 'a file of 0 bytes named .parquet', new Uint8Array(0), ['empty-file']),
    fileCase('zero-byte.geojson', 'a file of 0 bytes named .geojson', new Uint8Array(0), ['empty-file']),
    fileCase('bom-only.csv', 'only a UTF-8 byte-order mark', new Uint8Array([0xef, 0xbb, 0xbf]), [
      'empty-file',
    ]),
    fileCase('random.bin', '4 KiB of random bytes', random(b, 4096), ['unknown-format']),
    fileCase('random.csv', '4 KiB of random bytes named .csv', random(b, 4096), ['unknown-format']),
    fileCase('random.parquet', '4 KiB of random bytes named .parquet', random(b, 4096), ['unknown-format']),
    fileCase('nul-bytes.csv', '1 KiB of NUL bytes', new Uint8Array(1024), ['unknown-format']),
    fileCase('csv-renamed.parquet', 'a valid values CSV named .parquet', values, ['not-parquet']),
    fileCase('geojson-renamed.parquet', 'valid boundaries GeoJSON named .parquet', geo, ['not-parquet']),
    fileCase(
      'xlsx-renamed.csv',
      'a ZIP/XLSX signature named .csv',
      concat(new Uint8Array([0x50, 0x4b, 0x03, 0x04]), random(b, 600)),
      ['corrupt-workbook'],
    ),
    fileCase(
      'xls-renamed.csv',
      'an Excel 97-2003 signature named .csv',
      concat(new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]), random(b, 600)),
      ['corrupt-workbook'],
    ),
    fileCase('gzipped.csv', 'a gzip-compressed CSV named .csv', new Uint8Array(gzipSync(values)), [
      'unknown-format',
    ]),
    fileCase('pdf-renamed.csv', 'a PDF header named .csv', concat(ascii('%PDF-1.7\n'), random(b, 300)), [
      'unknown-format',
    ]),
    fileCase(
      'png-renamed.parquet',
      'a PNG signature named .parquet',
      concat(new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), random(b, 300)),
      ['unknown-format'],
    ),
    fileCase(
      'arrow-ipc.parquet',
      'an Arrow IPC file named .parquet',
      concat(ascii('ARROW1\0\0'), random(b, 300)),
      ['unknown-format'],
    ),
    fileCase('par1-only.parquet', 'just the 4 bytes "PAR1"', ascii('PAR1'), ['corrupt-parquet']),
    fileCase('par1-twice.parquet', 'the 8 bytes "PAR1PAR1" (no footer)', ascii('PAR1PAR1'), [
      'corrupt-parquet',
    ]),
    fileCase('par1-text.parquet', '"PAR1" followed by CSV text', concat(ascii('PAR1'), utf8(values)), [
      'corrupt-parquet',
    ]),
    fileCase(
      'nul-in-cell.csv',
      'a valid CSV with one NUL byte inside a cell on row 2',
      values.replace('child_pop', 'child\0pop'),
      ['csv-parse'],
      {
        row: 2,
      },
    ),
    fileCase(
      'ansi-escape.csv',
      'an unknown municipality holding a terminal escape sequence',
      csv(b.values.header, [['\u001b[31mAL121\u001b[0m', 2024, 'child_pop', 40000, null, null]]),
      ['unknown-municipality'],
    ),
    fileCase(
      'bidi-override.csv',
      'lau_code "AL1<RLO>21": the invisible override is ignored, AL121 is matched',
      csv(b.values.header, [['AL1\u202e21', 2024, 'child_pop', 40000, null, null]]),
      'ok',
    ),
    fileCase('long-line.csv', 'one 1 MB line without a line end', 'x'.repeat(1 << 20), ['unknown-table']),
    fileCase(
      'many-columns.csv',
      'a header of 5,000 columns',
      `${Array.from({ length: 5000 }, (_, i) => `c${i}`).join(',')}\n${'1,'.repeat(4999)}1\n`,
      ['unknown-table'],
    ),
  ];
}
