/**
 * Turns a text file's bytes into UTF-8 bytes (the CSV parser and Arrow both want UTF-8), saying what the
 * encoding was and warning or refusing when it had to be guessed.
 */
import { guessSingleByte, lineOf, wordAround } from './encoding-guess';
import { findMojibake, repairMojibake } from './encoding-mojibake';
import { singleByteToUtf8, type SingleByteEncoding } from './encoding-tables';
import { hasBytes, utf16Order } from './format-sniff';
import { problem } from './read-problems';
import { msg } from '../contract/problem-text';
import type { Problem } from '../contract/problem-types';

/** Text ready for parsing. `utf8` is null when the encoding was refused (see problems). */
export interface Decoded {
  utf8: Uint8Array | null;
  /** What the bytes were: 'UTF-8', 'UTF-8 with BOM', 'UTF-16 LE', 'windows-1252', ... */
  encoding: string;
  problems: Problem[];
}

const SAVE_UTF8 = msg('problems.common.saveUtf8');
const UTF8_TEXT = msg('problems.encoding.utf8');
const LABEL: Record<SingleByteEncoding, string> = {
  'windows-1252': 'Windows-1252',
  'windows-1250': 'Windows-1250',
  'iso-8859-2': 'ISO-8859-2',
};

/**
 * True when the bytes are valid UTF-8 (RFC 3629: no overlongs, no surrogates, nothing above U+10FFFF).
 * A plain loop with an ASCII fast path: TextDecoder would build a string as large as the file.
 */
export function isUtf8(b: Uint8Array): boolean {
  const n = b.length;
  let i = 0;
  while (i < n) {
    const c = b[i]!;
    if (c < 0x80) {
      i++;
      continue;
    }
    let need: number;
    let lo = 0x80;
    let hi = 0xbf;
    if (c >= 0xc2 && c <= 0xdf) need = 1;
    else if (c >= 0xe0 && c <= 0xef) {
      need = 2;
      if (c === 0xe0)
        lo = 0xa0; // overlong
      else if (c === 0xed) hi = 0x9f; // surrogates
    } else if (c >= 0xf0 && c <= 0xf4) {
      need = 3;
      if (c === 0xf0) lo = 0x90;
      else if (c === 0xf4) hi = 0x8f;
    } else return false;
    const second = b[i + 1];
    if (second === undefined || second < lo || second > hi) return false;
    for (let k = 2; k <= need; k++) {
      const x = b[i + k];
      if (x === undefined || x < 0x80 || x > 0xbf) return false;
    }
    i += need + 1;
  }
  return true;
}

function fromUtf16(file: string, bytes: Uint8Array, order: 'le' | 'be', bom: boolean): Decoded {
  const encoding = order === 'le' ? 'UTF-16 LE' : 'UTF-16 BE';
  try {
    const text = new TextDecoder(order === 'le' ? 'utf-16le' : 'utf-16be', { fatal: true }).decode(
      bytes.subarray(bom ? 2 : 0),
    );
    return { utf8: new TextEncoder().encode(text), encoding, problems: [] };
  } catch {
    const found = msg('problems.encoding.utf16.found', { encoding });
    const expected = msg('problems.encoding.utf16.expected');
    return {
      utf8: null,
      encoding,
      problems: [problem(file, { code: 'encoding', found, expected, fix: SAVE_UTF8 })],
    };
  }
}

function fromSingleByte(file: string, bytes: Uint8Array): Decoded {
  const g = guessSingleByte(bytes);
  if (!g.ok) {
    const readings = g.readings.map((r) =>
      msg('problems.encoding.unknown.reading', { text: r.text, encoding: LABEL[r.encoding] }),
    );
    const found = msg(`problems.encoding.unknown.${g.ambiguous ? 'ambiguous' : 'unrecognised'}`, {
      line: String(g.line),
      readings,
    });
    return {
      utf8: null,
      encoding: 'unknown',
      problems: [
        problem(file, { code: 'encoding', row: g.line, found, expected: UTF8_TEXT, fix: SAVE_UTF8 }),
      ],
    };
  }
  const label = LABEL[g.encoding];
  const warn = problem(file, {
    code: 'encoding',
    severity: 'warning',
    row: g.line,
    found:
      g.example === null
        ? msg('problems.encoding.guessed.found', { encoding: label })
        : msg('problems.encoding.guessed.example', {
            encoding: label,
            line: String(g.line),
            example: g.example,
          }),
    expected: UTF8_TEXT,
    fix: msg('problems.encoding.guessed.fix'),
  });
  return { utf8: singleByteToUtf8(bytes, g.encoding), encoding: g.encoding, problems: [warn] };
}

/** Decodes a text file to UTF-8 bytes without a byte-order mark. */
export function decodeText(file: string, bytes: Uint8Array): Decoded {
  if (hasBytes(bytes, 0, [0xff, 0xfe, 0x00, 0x00]) || hasBytes(bytes, 0, [0x00, 0x00, 0xfe, 0xff])) {
    const found = msg('problems.encoding.utf32.found');
    return {
      utf8: null,
      encoding: 'UTF-32',
      problems: [problem(file, { code: 'encoding', found, expected: UTF8_TEXT, fix: SAVE_UTF8 })],
    };
  }
  if (hasBytes(bytes, 0, [0xff, 0xfe])) return fromUtf16(file, bytes, 'le', true);
  if (hasBytes(bytes, 0, [0xfe, 0xff])) return fromUtf16(file, bytes, 'be', true);
  const bom = hasBytes(bytes, 0, [0xef, 0xbb, 0xbf]);
  const body = bom ? bytes.subarray(3) : bytes;
  // Before the UTF-8 check: UTF-16 text without a byte-order mark is valid UTF-8 full of NUL characters.
  const order = bom ? null : utf16Order(bytes);
  if (order) return fromUtf16(file, bytes, order, false);
  if (isUtf8(body)) return { utf8: body, encoding: bom ? 'UTF-8 with BOM' : 'UTF-8', problems: [] };
  return fromSingleByte(file, body);
}

/** A warning for double-encoded UTF-8 anywhere in the text (used where there are no rows to point at). */
export function mojibakeWarning(file: string, utf8: Uint8Array): Problem | null {
  const { first, count } = findMojibake(utf8);
  if (first < 0) return null;
  const text = new TextDecoder().decode(wordAround(utf8, first));
  return mojibakeProblem(file, text, lineOf(utf8, first), null, count);
}

/** The warning for one double-encoded value ("DurrÃ«s"), with the repaired text when it can be undone. */
export function mojibakeProblem(
  file: string,
  text: string,
  row: number | null,
  column: string | null,
  count: number,
): Problem {
  const repaired = repairMojibake(text);
  return problem(file, {
    code: 'encoding',
    severity: 'warning',
    row,
    column,
    found:
      count > 1
        ? msg('problems.encoding.mojibake.foundMany', { text, places: count })
        : msg('problems.encoding.mojibake.found', { text }),
    expected: repaired
      ? msg('problems.encoding.mojibake.repaired', { text: repaired })
      : msg('problems.encoding.mojibake.expected'),
    fix: msg('problems.encoding.mojibake.fix'),
  });
}
