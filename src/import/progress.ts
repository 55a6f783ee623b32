/**
 * How far a batch has got, as a percentage for the import panel's bar: each file takes an equal share,
 * reading the first 45 % of it (a large file by rows staged), checking the next 45 % (by checks run) and
 * loading into the live tables the last 10 %.
 */
import type { FileStage } from './session';

/** 0..100 for file `done` (0-based) of `total` at `stage`. */
export function progressPercent(done: number, total: number, stage?: FileStage): number {
  let within = 0;
  if (stage?.stage === 'reading' && stage.rows) within = 0.45 * Math.min(1, (stage.done ?? 0) / stage.rows);
  else if (stage?.stage === 'checking')
    within = 0.45 + (stage.of ? 0.45 * Math.min(1, (stage.done ?? 0) / stage.of) : 0);
  else if (stage?.stage === 'committing') within = 0.9;
  const share = total > 0 ? (Math.min(done, total) + within) / total : 0;
  return Math.round(share * 100);
}
