/**
 * The engine's questions about Child Protection Units: the facilities and their caseload (issue 4).
 * Composed into the one engine by {@link createEngine}; SQL lives in src/data/queries*.ts.
 */
import type { Connector } from './connector';

/** Questions about units and their caseload. */
// eslint-disable-next-line @typescript-eslint/no-empty-object-type
export interface CoverageQuestions {}

/** The coverage questions over one connector, and how to forget their cached answers. */
export function coverageQuestions(conn: Connector): {
  questions: CoverageQuestions;
  invalidate: () => void;
} {
  void conn;
  return { questions: {}, invalidate: () => undefined };
}
