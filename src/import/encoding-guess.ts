/**
 * Choosing a code page for text that is not UTF-8. Albanian needs only ë, ç, Ë and Ç, which sit at the
 * same bytes in Windows-1252, Windows-1250 and ISO-8859-1/2, so most such files decode the same whichever
 * we pick. Other letters (č, ć, š, ž in neighbours' names; è, æ in Western ones) move between code pages:
 * then we only decode when exactly one reading is plausible, and otherwise refuse rather than guess.
 */
import { HIGH_HALF, decodeSingleByte, isControl, type SingleByteEncoding } from './encoding-tables';

const CANDIDATES: SingleByteEncoding[] = ['windows-1252', 'windows-1250', 'iso-8859-2'];

/**
 * What may touch a letter: letters, marks and punctuation ("children’s", “Korçë”, "Berat–Kuçovë"), and ™.
 * Symbols, digits and spaces from the upper half (©, ¹, ¾, no-break space) inside a word mean the code
 * page is wrong.
 */
const IN_WORD = /^[\p{L}\p{M}\p{P}™]$/u;

function isAsciiLetter(b: number | undefined): boolean {
  return b !== undefined && ((b >= 0x41 && b <= 0x5a) || (b >= 0x61 && b <= 0x7a));
}

/** One high byte value in the file: where it first occurs and whether it is ever inside a word. */
interface ByteUse {
  byte: number;
  first: number;
  inWord: boolean;
}

function highBytes(bytes: Uint8Array): ByteUse[] {
  const uses = new Map<number, ByteUse>();
  for (let i = 0; i < bytes.length; i++) {
    const b = bytes[i]!;
    if (b < 0x80) continue;
    let u = uses.get(b);
    if (!u) uses.set(b, (u = { byte: b, first: i, inWord: false }));
    if (!u.inWord && (isAsciiLetter(bytes[i - 1]) || isAsciiLetter(bytes[i + 1]))) u.inWord = true;
  }
  return [...uses.values()];
}

function plausible(enc: SingleByteEncoding, uses: ByteUse[]): boolean {
  return uses.every((u) => {
    const ch = HIGH_HALF[enc].charAt(u.byte - 0x80);
    return !isControl(ch) && (!u.inWord || IN_WORD.test(ch));
  });
}

/** The word around `at` (up to separators or spaces), for showing how it reads. */
export function wordAround(bytes: Uint8Array, at: number): Uint8Array {
  const stop = (b: number): boolean => b <= 0x20 || b === 0x2c || b === 0x3b || b === 0x22 || b === 0x7c;
  let s = at;
  let e = at + 1;
  while (s > 0 && at - s < 30 && !stop(bytes[s - 1]!)) s--;
  while (e < bytes.length && e - at < 30 && !stop(bytes[e]!)) e++;
  return bytes.subarray(s, e);
}

/** The 1-based line holding byte `at`. */
export function lineOf(bytes: Uint8Array, at: number): number {
  let line = 1;
  for (let i = 0; i < at; i++) if (bytes[i] === 0x0a) line++;
  return line;
}

/** The code page chosen for a file, or the readings that disagree. */
export type Guess =
  | { ok: true; encoding: SingleByteEncoding; example: string | null; line: number | null }
  | {
      ok: false;
      /** True when several code pages give plausible but different text; false when none fits. */
      ambiguous: boolean;
      readings: { encoding: SingleByteEncoding; text: string }[];
      line: number | null;
    };

/** Picks the code page for bytes that are not valid UTF-8. */
export function guessSingleByte(bytes: Uint8Array): Guess {
  const uses = highBytes(bytes);
  const viable = CANDIDATES.filter((enc) => plausible(enc, uses));
  // Byte values whose character differs between the viable code pages.
  const differing = uses.filter(
    (u) => new Set(viable.map((enc) => HIGH_HALF[enc].charAt(u.byte - 0x80))).size > 1,
  );
  const firstUse = uses.reduce<ByteUse | null>((a, u) => (a === null || u.first < a.first ? u : a), null);
  if (viable.length > 0 && differing.length === 0) {
    // Every viable reading gives the same text: Windows-1252 (Excel's "CSV" on Western Windows) is named.
    const enc = viable[0]!;
    const at = firstUse?.first ?? null;
    return {
      ok: true,
      encoding: enc,
      example: at === null ? null : decodeSingleByte(wordAround(bytes, at), enc),
      line: at === null ? null : lineOf(bytes, at),
    };
  }
  const at = (differing[0] ?? firstUse)?.first ?? 0;
  const shown = viable.length > 0 ? viable : CANDIDATES;
  const word = wordAround(bytes, at);
  return {
    ok: false,
    ambiguous: viable.length > 1,
    readings: shown.map((enc) => ({ encoding: enc, text: decodeSingleByte(word, enc) })),
    line: lineOf(bytes, at),
  };
}
