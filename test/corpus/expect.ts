/**
 * Judging one corpus case: the invariants every file must meet (a report that names the file and says what
 * was found, what was expected and how to fix it; no reader crash; quick) and the outcome its manifest entry
 * expects. Both return plain messages, so a failing test lists everything wrong with a case at once.
 */
import type { ValidateResult } from '../../src/cli/check';
import { renderMsg } from '../../src/contract/problem-text';
import type { Msg, Problem } from '../../src/contract/problem-types';
import type { ManifestEntry } from './types';

/** A case's result as the test records it. */
export interface CaseOutcome {
  result: ValidateResult | null;
  /** The error thrown by the pipeline, or a timeout. */
  thrown: string | null;
  ms: number;
}

const blank = (s: unknown) => typeof s !== 'string' || s.trim() === '';

/** Broken invariants of one case (empty when all hold). */
export function invariantFailures(c: ManifestEntry, o: CaseOutcome, maxMs: number): string[] {
  const out: string[] = [];
  if (o.thrown) return [`threw or timed out: ${o.thrown}`];
  if (o.ms > maxMs) out.push(`took ${Math.round(o.ms)} ms (limit ${maxMs})`);
  const r = o.result!;
  for (const crash of r.crashes) out.push(`the reader crashed: ${crash.error.split('\n')[0]}`);
  if (r.reports.length !== 1 || r.reports[0]!.file !== c.name)
    out.push('expected one report naming the file');
  for (const p of r.reports.flatMap((x) => x.problems)) {
    const at = `${p.code} (row ${p.row}, column ${p.column})`;
    if (p.file !== c.name) out.push(`${at}: names file "${p.file}"`);
    if (blank(p.found) || blank(p.expected) || blank(p.fix)) out.push(`${at}: empty found, expected or fix`);
    out.push(...textFailures(p).map((f) => `${at}: ${f}`));
  }
  return out;
}

/**
 * A problem's texts come from the catalogs: its messages render in English exactly as its English fields
 * (the catalog reproduces them), and in Albanian with every placeholder filled and no key left unfound.
 */
export function textFailures(p: Problem): string[] {
  if (!p.text) return ['no catalog messages (text): its words are not translated'];
  const out: string[] = [];
  for (const part of ['found', 'expected', 'fix'] as const) {
    const m: Msg = p.text[part];
    if (renderMsg(m, 'en') !== p[part]) out.push(`${part} in English is not what the message renders`);
    const sq = renderMsg(m, 'sq');
    if (/\{\{|\bproblems\.[a-z-]+\./.test(sq) && !/\{\{|\bproblems\./.test(JSON.stringify(m.params ?? {})))
      out.push(`${part} in Albanian has an unfilled placeholder or a missing text: ${sq}`);
  }
  return out;
}

function codes(problems: readonly Problem[], severity: Problem['severity']): Set<string> {
  return new Set(problems.filter((p) => p.severity === severity).map((p) => p.code));
}

/** How the outcome differs from the manifest's expectation (empty when it matches). */
export function expectationFailures(c: ManifestEntry, o: CaseOutcome): string[] {
  if (!o.result) return ['no result'];
  const problems = o.result.reports.flatMap((r) => r.problems);
  const errors = codes(problems, 'error');
  const warnings = codes(problems, 'warning');
  const got = `errors [${[...errors].join(', ')}], warnings [${[...warnings].join(', ')}]`;
  const out: string[] = [];
  if (c.expect === 'ok') {
    if (errors.size > 0) out.push(`expected no errors, got ${got}`);
  } else {
    const missing = c.expect.filter((code) => !errors.has(code));
    if (missing.length > 0) out.push(`expected errors [${missing.join(', ')}], got ${got}`);
  }
  const missingW = (c.warnings ?? []).filter((code) => !warnings.has(code));
  if (missingW.length > 0) out.push(`expected warnings [${missingW.join(', ')}], got ${got}`);
  const offered = problems.flatMap((p) => p.suggestions ?? []);
  for (const s of c.suggestions ?? []) {
    if (!offered.some((x) => x === s || x.startsWith(`${s} `))) {
      out.push(`expected the suggestion ${s}, got [${offered.join(', ')}]`);
    }
  }
  if (c.row !== undefined) {
    const code = c.expect === 'ok' ? c.warnings?.[0] : c.expect[0];
    const first = problems.find((p) => p.code === code);
    if (first?.row !== c.row) out.push(`expected ${code} on row ${c.row}, got row ${first?.row ?? 'none'}`);
  }
  return out;
}
