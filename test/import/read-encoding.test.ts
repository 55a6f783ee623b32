import fc from 'fast-check';
import { tableFromIPC } from 'apache-arrow';
import { describe, expect, it } from 'vitest';
import { isUtf8 } from '../../src/import/encoding';
import { readInput, type ReadResult } from '../../src/import/read';
import { loadParquetModuleNode } from '../../src/engine/node/parquet-node';
import { concat, utf16, utf8, win1252 } from '../fixtures/import/make';

const mod = loadParquetModuleNode();

function read(bytes: Uint8Array, name = 'facilities.csv'): ReadResult {
  return readInput({ name, bytes }, mod);
}

function names(r: ReadResult): (string | null)[] {
  return tableFromIPC(r.ipc!).getChild('name')!.toArray() as (string | null)[];
}

const TEXT = 'lau_code,name\nAL111,Bulqizë\nAL127,Korçë\nAL135,ËÇ\n';

describe('readInput: text encodings', () => {
  it('decodes Windows-1252 (Excel "CSV" on Windows) and warns to check ë and ç', () => {
    const r = read(win1252(TEXT));
    expect(names(r)).toEqual(['Bulqizë', 'Korçë', 'ËÇ']);
    expect(r.detected?.encoding).toBe('windows-1252');
    expect(r.problems).toHaveLength(1);
    const p = r.problems[0]!;
    expect([p.code, p.severity, p.file, p.row]).toEqual(['encoding', 'warning', 'facilities.csv', 2]);
    expect(p.found).toBe('text that is not UTF-8; it was decoded as Windows-1252 (line 2 reads "Bulqizë")');
    expect(p.fix).toContain('ë and ç');
  });

  it('decodes Windows-1252 punctuation that Node would misread as control characters', () => {
    const r = read(win1252('name,note\nX,children’s “home” – €5\n'));
    expect(tableFromIPC(r.ipc!).getChild('note')!.get(0)).toBe('children’s “home” – €5');
  });

  it('refuses text whose letters read differently in Windows-1252 and Windows-1250', () => {
    // "Podgorič" saved as Windows-1250: 0xE8 is č there but è in Windows-1252.
    const bytes = concat(
      utf8('name\nPodgori'),
      new Uint8Array([0xe8]),
      utf8('\nKor'),
      new Uint8Array([0xe7, 0xeb]),
    );
    const r = read(bytes);
    expect(r.format).toBeNull();
    expect(r.ipc).toBeNull();
    const p = r.problems[0]!;
    expect([p.code, p.severity, p.row]).toEqual(['encoding', 'error', 2]);
    expect(p.found).toContain('"Podgorič" in Windows-1250');
    expect(p.found).toContain('"Podgoriè" in Windows-1252');
    expect(p.found).toContain('letters that read differently');
    expect(p.fix).toContain('CSV UTF-8');
  });

  it('decodes Windows-1250 when only it gives letters (ť does not exist in Windows-1252)', () => {
    const bytes = concat(
      utf8('name\nKo'),
      new Uint8Array([0x9d]),
      utf8('a\nKor'),
      new Uint8Array([0xe7, 0xeb]),
      utf8('\n'),
    );
    const r = read(bytes);
    expect(r.detected?.encoding).toBe('windows-1250');
    expect(names(r)).toEqual(['Koťa', 'Korçë']);
    expect(r.problems[0]!.found).toContain('decoded as Windows-1250');
  });

  it('decodes ISO-8859-2 when only it puts letters inside words (Š is © elsewhere)', () => {
    const bytes = concat(
      utf8('name\n'),
      new Uint8Array([0xa9]),
      utf8('as\nKor'),
      new Uint8Array([0xe7, 0xeb]),
      utf8('\n'),
    );
    const r = read(bytes);
    expect(r.detected?.encoding).toBe('iso-8859-2');
    expect(names(r)).toEqual(['Šas', 'Korçë']);
  });

  it('decodes UTF-16 LE and BE with a byte-order mark, and LE without one', () => {
    for (const [order, bom] of [
      ['le', true],
      ['be', true],
      ['le', false],
    ] as const) {
      const r = read(utf16(TEXT, order, bom));
      expect(r.problems).toEqual([]);
      expect(r.detected?.encoding).toBe(order === 'le' ? 'UTF-16 LE' : 'UTF-16 BE');
      expect(r.columns).toEqual(['lau_code', 'name']);
      expect(names(r)).toEqual(['Bulqizë', 'Korçë', 'ËÇ']);
    }
  });

  it('refuses UTF-32 and broken UTF-16 with a fix', () => {
    expect(read(new Uint8Array([0xff, 0xfe, 0, 0, 0x61, 0, 0, 0])).problems[0]!.code).toBe('encoding');
    const broken = concat(utf16('name\nx', 'le', true), new Uint8Array([0x00, 0xdc])); // lone low surrogate
    const p = read(broken).problems[0]!;
    expect([p.code, p.severity]).toEqual(['encoding', 'error']);
    expect(p.fix).toContain('CSV UTF-8');
  });

  it('warns about double-encoded UTF-8 ("DurrÃ«s"), with the row, column and repaired text', () => {
    const r = read(utf8('lau_code,name\nAL111,Tiranë\nAL112,DurrÃ«s\nAL113,KorÃ§Ã«\n'));
    expect(r.problems).toHaveLength(1);
    const p = r.problems[0]!;
    expect([p.code, p.severity, p.row, p.column]).toEqual(['encoding', 'warning', 3, 'name']);
    expect(p.found).toContain('"DurrÃ«s"');
    expect(p.found).toContain('in 3 places');
    expect(p.expected).toBe('"Durrës"');
    expect(names(r)).toEqual(['Tiranë', 'DurrÃ«s', 'KorÃ§Ã«']); // reported, not silently changed
  });

  it('does not mistake real accented text for mojibake', () => {
    expect(read(utf8('id,name\n1,Ãlbum\n2,Â la carte\n3,Çorovodë\n4,ÄäÖö\n')).problems).toEqual([]);
  });

  it('validates UTF-8 exactly as a strict TextDecoder does', () => {
    const strict = (b: Uint8Array): boolean => {
      try {
        new TextDecoder('utf-8', { fatal: true }).decode(b);
        return true;
      } catch {
        return false;
      }
    };
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 12 }), (b) => isUtf8(b) === strict(b)),
      { numRuns: 5000 },
    );
    fc.assert(fc.property(fc.string({ unit: 'grapheme' }), (s) => isUtf8(utf8(s))));
  });
});
