/** The shape of the corpus: each case is a file, what it is, and what the import path must say about it. */
import type { ProblemCode } from '../../src/contract/problem-types';

/** What a file must produce: `ok` = no errors; otherwise every listed code must appear as an error. */
export type Expected = 'ok' | ProblemCode[];

/** One entry of manifest.json. */
export interface ManifestEntry {
  /** File name inside the corpus folder (also the name the app sees). */
  name: string;
  /** One line: what is in the file. */
  description: string;
  expect: Expected;
  /** Codes that must appear as warnings. */
  warnings?: ProblemCode[];
  /** Suggestions that must be offered (by any problem of the file), e.g. ["Elbasan"]. */
  suggestions?: string[];
  /** The spreadsheet row the first problem with the first expected code must name. */
  row?: number;
  /**
   * The app does not do this yet (a bug reported to the maintainers): the test lists such cases apart and
   * does not fail on them, but fails when any other case regresses.
   */
  knownIssue?: string;
}

/** The optional fields of an entry. */
export type More = Partial<Omit<ManifestEntry, 'name' | 'description' | 'expect'>>;

/** A case as the generators build it: the entry and the bytes to write. */
export interface CorpusCase extends ManifestEntry {
  bytes: Uint8Array;
}

/** manifest.json. */
export interface Manifest {
  /** Seed of the generator (createRng): the same seed gives the same bytes. */
  seed: number;
  cases: ManifestEntry[];
}

/** A case from text (written as UTF-8) or bytes. */
export function fileCase(
  name: string,
  description: string,
  content: string | Uint8Array,
  expect: Expected,
  more: More = {},
): CorpusCase {
  const bytes = typeof content === 'string' ? new TextEncoder().encode(content) : content;
  return { name, description, expect, ...more, bytes };
}
