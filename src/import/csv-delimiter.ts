/**
 * Choosing the separator: Excel writes ";" where the decimal separator is a comma (Albania, most of
 * Europe), "," elsewhere, and tab for "Text (Tab delimited)". The right one gives the same number of
 * cells, more than one, on almost every line, counted with quotes respected.
 */
import { msg } from '../contract/problem-text';
import type { Msg } from '../contract/problem-types';
import { CountingSink, scanCsv } from './csv-parse';

/** Separators we try, in order of preference when they tie. */
export const DELIMITERS = [',', ';', '\t', '|'] as const;

/** The chosen separator and what it gives on the sampled lines. */
export interface DelimiterChoice {
  delimiter: string;
  /** Cells per line that most sampled lines have (1 when no separator fits). */
  width: number;
  /** Cells on the first non-blank line with this separator. */
  firstWidth: number;
}

const SAMPLE_BYTES = 1 << 16;
const SAMPLE_RECORDS = 200;

function mode(counts: readonly number[]): { value: number; share: number } {
  const tally = new Map<number, number>();
  for (const c of counts) tally.set(c, (tally.get(c) ?? 0) + 1);
  let value = 1;
  let best = 0;
  for (const [v, n] of tally) if (n > best || (n === best && v > value)) [value, best] = [v, n];
  return { value, share: counts.length > 0 ? best / counts.length : 0 };
}

/** Picks the separator from the first 64 KB (or 200 lines) of UTF-8 text starting at `start`. */
export function chooseDelimiter(utf8: Uint8Array, start: number): DelimiterChoice {
  const end = Math.min(utf8.length, start + SAMPLE_BYTES);
  const sample = utf8.subarray(start, end);
  let best: DelimiterChoice & { score: number } = { delimiter: ',', width: 1, firstWidth: 1, score: -1 };
  for (const d of DELIMITERS) {
    const sink = new CountingSink(SAMPLE_RECORDS);
    const out = scanCsv(sample, 0, d.charCodeAt(0), sink);
    const counts = sink.counts;
    // A sample cut in the middle of a line would show a short last line: leave it out.
    if (end < utf8.length && out.end >= sample.length && counts.length > 1) counts.pop();
    const m = mode(counts);
    if (m.value < 2) continue;
    const firstWidth = counts[0] ?? 1;
    // Consistency first; a header that agrees with the body breaks ties (decimal commas in a ";" file
    // give "," a consistent body but a one-cell header).
    const score = m.share + (firstWidth === m.value ? 0.5 : 0);
    if (score > best.score) best = { delimiter: d, width: m.value, firstWidth, score };
  }
  if (best.score < 0) return { delimiter: ',', width: 1, firstWidth: 1 };
  return { delimiter: best.delimiter, width: best.width, firstWidth: best.firstWidth };
}

/** "semicolon" for ";" (in messages people read). */
export function delimiterName(d: string): string {
  return d === ','
    ? 'comma'
    : d === ';'
      ? 'semicolon'
      : d === '\t'
        ? 'tab'
        : d === '|'
          ? 'pipe (|)'
          : `"${d}"`;
}

/** The separator's name as a message ("comma", "presje"). */
export function delimiterMsg(d: string): Msg {
  const k = d === ',' ? 'comma' : d === ';' ? 'semicolon' : d === '\t' ? 'tab' : d === '|' ? 'pipe' : null;
  return k ? msg(`problems.csv-parse.delim.${k}`) : msg('problems.csv-parse.delim.other', { d });
}
