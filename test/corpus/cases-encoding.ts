/**
 * One names file (ë and ç in municipality names) in every encoding people's tools write: UTF-8 with and
 * without BOM, Windows-1252/1250, ISO-8859-2, UTF-16 LE, double-encoded UTF-8, mixed, and UTF-32.
 */
import { concat, csv, doubleEncoded, encode, utf16le, utf8 } from './bytes';
import { fileCase, type CorpusCase } from './types';

const NAMES_HEADER = ['municipality', 'year', 'indicator', 'value', 'numerator', 'denominator'];
const NAMES: (string | number | null)[][] = [
  ['Durrës', 2024, 'child_pop', 40211, null, null],
  ['Korçë', 2024, 'child_pop', 19876, null, null],
  ['Kukës', 2024, 'child_pop', 12003, null, null],
  ['Fushë-Arrëz', 2024, 'child_pop', 1320, null, null],
  ['Gjirokastër', 2024, 'child_pop', 4410, null, null],
  ['Lezhë', 2024, 'econ_aid_share', 12.5, 1250, 10000],
];

/** Encodings of the same names file. */
export function encodingCases(): CorpusCase[] {
  const text = csv(NAMES_HEADER, NAMES);
  const crlf = csv(NAMES_HEADER, NAMES, ',', '\r\n');
  const facilities = csv(
    ['id', 'lau_code', 'name', 'lon', 'lat', 'opened', 'supporter'],
    [
      ['cpu-1', 'AL121', 'NJMF Durrës', 19.4565, 41.3231, 2010, 'Člověk v tísni'],
      ['cpu-2', 'AL132', 'NJMF Kukës', 20.4217, 42.0769, 2012, 'Caritas Česká'],
    ],
  );
  const warn = { warnings: ['encoding' as const] };
  return [
    fileCase('enc-utf8.csv', 'names with ë and ç, UTF-8', text, 'ok'),
    fileCase(
      'enc-utf8-bom.csv',
      'UTF-8 with a byte-order mark (Excel "CSV UTF-8")',
      concat(new Uint8Array([0xef, 0xbb, 0xbf]), utf8(text)),
      'ok',
    ),
    fileCase(
      'enc-windows-1252.csv',
      'Windows-1252 (Excel "CSV" on Western Windows), CRLF',
      encode(crlf, 'windows-1252'),
      'ok',
      warn,
    ),
    fileCase(
      'enc-windows-1250.csv',
      'Windows-1250 (Central European Windows)',
      encode(text, 'windows-1250'),
      'ok',
      warn,
    ),
    fileCase('enc-iso-8859-2.csv', 'ISO-8859-2 (Latin-2)', encode(text, 'iso-8859-2'), 'ok', warn),
    fileCase(
      'enc-utf16le-bom.csv',
      'UTF-16 LE with BOM (Excel "Unicode text"), tab-separated',
      utf16le(csv(NAMES_HEADER, NAMES, '\t', '\r\n')),
      'ok',
    ),
    fileCase('enc-utf16le-bom-comma.csv', 'UTF-16 LE with BOM, comma-separated', utf16le(text), 'ok'),
    fileCase(
      'enc-double-encoded.csv',
      'double-encoded UTF-8 mojibake ("DurrÃ«s")',
      doubleEncoded(text),
      ['unknown-municipality'],
      { warnings: ['encoding'], suggestions: ['Durrës'] },
    ),
    fileCase(
      'enc-1250-czech-letters.csv',
      'Windows-1250 with Č and ě, which read differently in Windows-1252',
      encode(facilities, 'windows-1250'),
      ['encoding'],
    ),
    fileCase(
      'enc-utf32.csv',
      'UTF-32 LE text',
      concat(
        new Uint8Array([0xff, 0xfe, 0, 0]),
        new Uint8Array(new Uint32Array([...'lau_code,year\n'].map((c) => c.charCodeAt(0))).buffer),
      ),
      ['encoding'],
    ),
    fileCase(
      'enc-mixed.csv',
      'UTF-8 rows and one Windows-1252 row in the same file',
      concat(
        utf8(csv(NAMES_HEADER, NAMES.slice(0, 3))),
        encode('Lezhë,2024,child_pop,5000,,\n', 'windows-1252'),
      ),
      ['encoding'],
    ),
  ];
}
