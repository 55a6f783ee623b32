/**
 * The engine's questions about schools: enrolment and dropouts by school and year (issue 6).
 * Composed into the one engine by {@link createEngine}; SQL lives in src/data/queries*.ts.
 */
import type { Connector } from './connector';

/** Questions about schools. */
// eslint-disable-next-line @typescript-eslint/no-empty-object-type
export interface SchoolQuestions {}

/** The school questions over one connector, and how to forget their cached answers. */
export function schoolQuestions(conn: Connector): {
  questions: SchoolQuestions;
  invalidate: () => void;
} {
  void conn;
  return { questions: {}, invalidate: () => undefined };
}
