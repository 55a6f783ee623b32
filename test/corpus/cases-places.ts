/**
 * Municipality codes and names as people write them: accents dropped, old names, definite forms, counties,
 * two places in one cell, typos (with the suggestion the report must offer) and hostile text.
 */
import { withCell, type Base } from './base';
import { csv } from './bytes';
import { fileCase, type CorpusCase, type Expected, type ManifestEntry } from './types';

const HEADER = ['municipality', 'year', 'indicator', 'value', 'numerator', 'denominator'];
type More = Partial<Omit<ManifestEntry, 'name' | 'description' | 'expect'>>;

/** A names file: two good rows, then `place` on row 4. */
function named(name: string, place: string, expect: Expected, more: More = {}): CorpusCase {
  const rows = [
    ['Berat', 2024, 'child_pop', 12000, null, null],
    ['Sarandë', 2024, 'child_pop', 7000, null, null],
    [place, 2024, 'child_pop', 5000, null, null],
  ];
  const e: More = expect === 'ok' ? more : { row: 4, ...more };
  return fileCase(name, `municipality "${place}"`, csv(HEADER, rows), expect, e);
}

/** Place spellings and codes. */
export function placeCases(b: Base): CorpusCase[] {
  const code = (name: string, d: string, value: string, expect: Expected, more: More = {}) => {
    const t = withCell(b.values, 0, 'lau_code', value);
    return fileCase(name, d, csv(t.header, t.rows), expect, expect === 'ok' ? more : { row: 2, ...more });
  };
  return [
    named('place-durres-ascii.csv', 'Durres', 'ok'),
    named('place-durres-upper.csv', 'DURRËS', 'ok'),
    named('place-durresi-definite.csv', 'Durrësi', 'ok'),
    named('place-bashkia-tiranes.csv', 'Bashkia e Tiranës', 'ok'),
    named('place-ura-vajgurore.csv', 'Ura Vajgurore', 'ok'),
    named('place-fushe-arrez-space.csv', 'Fushe Arrez', 'ok'),
    named('place-trailing-space.csv', 'Korçë ', 'ok'),
    named('place-diber-alone.csv', 'Dibër', 'ok'),
    named('place-elbassan.csv', 'Elbassan', ['unknown-municipality'], { suggestions: ['Elbasan'] }),
    named('place-shkodr.csv', 'Shkodr', ['unknown-municipality'], { suggestions: ['Shkodër'] }),
    // A county subtotal row in a municipalities' table: skipped with a warning, never loaded.
    named('place-qarku-diber.csv', 'Qarku Dibër', 'ok', { warnings: ['skipped-row'] }),
    named('place-diber-county.csv', 'Dibër County', ['county-not-municipality']),
    named('place-prefektura.csv', 'Prefektura e Dibrës', 'ok', { warnings: ['skipped-row'] }),
    named('place-total.csv', 'Gjithsej', 'ok', { warnings: ['skipped-row'] }),
    named('place-two-names.csv', 'Tiranë / Kamëz', ['unknown-municipality']),
    named('place-two-names-comma.csv', 'Durrës, Shijak', ['unknown-municipality']),
    named('place-nonsense.csv', 'Atlantis', ['unknown-municipality']),
    named('place-sql.csv', "x'); DROP TABLE indicator_values; --", ['unknown-municipality']),
    named('place-formula.csv', '=HYPERLINK("http://x","y")', ['unknown-municipality']),
    named('place-mojibake.csv', 'DurrÃ«s', ['unknown-municipality'], { suggestions: ['Durrës'] }),
    code('code-lower.csv', 'lau_code "al132" (lower case)', 'al132', 'ok'),
    code('code-dash.csv', 'lau_code "AL-132"', 'AL-132', 'ok'),
    code('code-unknown.csv', 'lau_code "AL999"', 'AL999', ['unknown-municipality']),
    code('code-nuts3.csv', 'lau_code "AL011" (the NUTS-3 code of Dibër county)', 'AL011', [
      'county-not-municipality',
    ]),
    code('code-iso-county.csv', 'lau_code "AL-09" (ISO code of Dibër county)', 'AL-09', [
      'county-not-municipality',
    ]),
    fileCase(
      'code-and-name-disagree.csv',
      'lau_code AL121 (Durrës) with municipality "Kukës"',
      csv(
        ['lau_code', 'municipality', 'year', 'indicator', 'value'],
        [
          ['AL121', 'Durrës', 2024, 'child_pop', 40000],
          ['AL121', 'Kukës', 2023, 'child_pop', 39000],
        ],
      ),
      'ok',
      { warnings: ['invalid-value'] },
    ),
  ];
}
