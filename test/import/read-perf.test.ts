import { tableFromIPC } from 'apache-arrow';
import { describe, expect, it } from 'vitest';
import { readInput } from '../../src/import/read';
import { loadParquetModuleNode } from '../../src/engine/node/parquet-node';

/** About 60 MB: 1,000,000 rows of seven columns, every tenth with a quoted note containing a comma. */
function bigCsv(rows: number): Uint8Array {
  const parts = ['lau_code,year,indicator,value,numerator,denominator,note\n'];
  for (let i = 0; i < rows; i++) {
    const note = i % 10 === 0 ? '"Korçë, Dibër"' : '';
    parts.push(
      `AL${111 + (i % 61)},${2010 + (i % 14)},child_poverty_rate,${(i * 0.37) % 100},${i % 5000},${(i % 7000) + 1},${note}\n`,
    );
  }
  return new TextEncoder().encode(parts.join(''));
}

describe('readInput: a big CSV', () => {
  it('turns 1,000,000 rows into Arrow IPC within a few seconds', () => {
    const bytes = bigCsv(1_000_000);
    const t0 = performance.now();
    const r = readInput({ name: 'big.csv', bytes }, loadParquetModuleNode());
    const ms = performance.now() - t0;
    expect(r.problems).toEqual([]);
    expect(r.rows).toBe(1_000_000);
    const t = tableFromIPC(r.ipc!);
    expect(t.numRows).toBe(1_000_000);
    expect(t.getChild('note')!.get(0)).toBe('Korçë, Dibër');
    expect(t.getChild('note')!.nullCount).toBe(900_000);
    // Typically 1-2 s on a laptop core; the bound leaves room for a busy CI machine.
    expect(ms).toBeLessThan(10_000);
  }, 60_000);
});
