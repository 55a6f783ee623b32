/**
 * The contract's column descriptions as messages: the English text is the column spec's `description`
 * (test/problem-texts.test.ts checks the catalog says the same), the catalogs add the Albanian.
 */
import { dynamicKey, msg } from './problem-text';
import type { Msg, TableKind } from './problem-types';

/** "calendar year" / "viti kalendarik": what a contract column holds. */
export function columnDescription(kind: TableKind, column: string): Msg {
  return msg(dynamicKey(`problems.column.${kind}.${column}`));
}
