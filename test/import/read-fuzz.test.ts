import fc from 'fast-check';
import { tableFromIPC } from 'apache-arrow';
import { describe, expect, it } from 'vitest';
import { readInput } from '../../src/import/read';
import { loadParquetModuleNode } from '../../src/engine/node/parquet-node';
import { utf8 } from '../fixtures/import/make';

const mod = loadParquetModuleNode();
const NAMES = ['x.csv', 'x.parquet', 'x.geojson', 'x', 'x.txt'];

/** What every result must satisfy, whatever the input. */
function checkInvariants(name: string, bytes: Uint8Array): void {
  const r = readInput({ name, bytes }, mod);
  for (const p of r.problems) {
    expect(p.file).toBe(name);
    expect(p.found.length * p.expected.length * p.fix.length).toBeGreaterThan(0);
    expect(['error', 'warning']).toContain(p.severity);
  }
  if (r.ipc) expect(tableFromIPC(r.ipc).numRows).toBe(r.rows);
  if (r.format === null) expect(r.problems.some((p) => p.severity === 'error')).toBe(true);
}

describe('readInput never throws', () => {
  it('on random bytes', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 300 }), fc.constantFrom(...NAMES), (b, name) =>
        checkInvariants(name, b),
      ),
      { numRuns: 400 },
    );
  });

  it('on random text made of CSV and JSON punctuation', () => {
    const chars = fc.constantFrom(...'a1,;\t|"\r\n {}[]:ëÃ«.-'.split(''));
    const text = fc.array(chars, { maxLength: 200 }).map((a) => a.join(''));
    fc.assert(
      fc.property(text, fc.constantFrom(...NAMES), (t, name) => checkInvariants(name, utf8(t))),
      { numRuns: 600 },
    );
  });

  it('on random JSON', () => {
    fc.assert(
      fc.property(fc.json(), (j) => checkInvariants('x.geojson', utf8(j))),
      { numRuns: 300 },
    );
  });
});

describe('CSV round trip', () => {
  it('reads back any table written with RFC 4180 quoting, whatever the separator', () => {
    const cell = fc.string({ unit: fc.constantFrom(...'ab ë,;\t|"\r\n1.'.split('')), maxLength: 8 });
    const table = fc
      .integer({ min: 2, max: 5 })
      .chain((w) =>
        fc.tuple(
          fc.constant(w),
          fc.array(fc.array(cell, { minLength: w, maxLength: w }), { minLength: 1, maxLength: 8 }),
        ),
      );
    fc.assert(
      fc.property(table, fc.constantFrom(',', ';', '\t'), ([w, rows], d) => {
        // Rows with no text at the end are dropped by design; keep at least one letter in each row.
        const data = rows.map((r) => ['r', ...r.slice(1)]);
        const header = Array.from({ length: w }, (_, i) => `c${i}`);
        const q = (s: string): string =>
          /[",;\t|\r\n]/.test(s) || s === '' ? `"${s.replace(/"/g, '""')}"` : s;
        const text = [header, ...data].map((r) => r.map(q).join(d)).join('\r\n');
        const r = readInput({ name: 't.csv', bytes: utf8(text) }, mod);
        expect(r.problems.filter((p) => p.severity === 'error')).toEqual([]);
        expect(r.detected?.delimiter).toBe(d);
        const t = tableFromIPC(r.ipc!);
        const back = t
          .toArray()
          .map((row) => header.map((h) => (row.toJSON() as Record<string, string | null>)[h] ?? ''));
        expect(back).toEqual(data);
      }),
      { numRuns: 400 },
    );
  });
});
