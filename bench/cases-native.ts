/**
 * The native half of the cases bench: the same records file loaded into native DuckDB (@duckdb/node-api,
 * two threads) as `atlas serve` loads it, the same engine module (src/engine/engine-cases.ts, so the same
 * SQL), and the filter states the browser's inputs left replayed block by block: the index of the chart
 * pointed at is built first (as the view asks when the pointer arrives), then each state is timed from the
 * question to its answer.
 */
import { dirname } from 'node:path';
import { caseQuestions } from '../src/engine/engine-cases';
import { loadCaseFiles } from '../src/engine/node/cases-files';
import { createNativeConnector } from '../src/engine/node/duckdb-native';
import { loadPopulation } from '../src/engine/node/population-file';
import type { CaseBlock } from './cases-plan';

/** What native DuckDB measured. */
export interface NativeCases {
  loadMs: number;
  firstAnswerMs: number;
  /** Per input, in the browser's order: the dimension and the time to the answer. */
  samples: { dim: string; ms: number }[];
  rssMb: number;
}

const SHOW = { k: 5, perturb: true } as const;

/** Replays `blocks` over the records file `file` (alone in its folder). */
export async function nativeCases(file: string, blocks: readonly CaseBlock[]): Promise<NativeCases> {
  const conn = await createNativeConnector({ threads: 2 });
  try {
    const t0 = performance.now();
    await loadCaseFiles(conn, dirname(file));
    await loadPopulation(conn);
    const loadMs = performance.now() - t0;
    const { questions } = caseQuestions(conn, { demo: false, salt: 42 });
    const t1 = performance.now();
    await questions.caseFacets({}, SHOW);
    const firstAnswerMs = performance.now() - t1;
    const samples: NativeCases['samples'] = [];
    for (const b of blocks) {
      await questions.activateCases(b.kind.dim, b.before);
      for (const filters of b.after) {
        const s = performance.now();
        await questions.caseFacets(filters, SHOW);
        samples.push({ dim: b.kind.dim, ms: performance.now() - s });
      }
    }
    return { loadMs, firstAnswerMs, samples, rssMb: Math.round(process.memoryUsage().rss / 1024 / 1024) };
  } finally {
    await conn.close();
  }
}
