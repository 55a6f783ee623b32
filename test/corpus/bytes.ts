/**
 * Bytes for the corpus: text in the encodings people's tools write, and CSV text. The single-byte encoders
 * are built from Node's own TextDecoder (ICU), not from the app's tables, so a wrong table in the app shows.
 */

/** UTF-8 bytes. */
export function utf8(text: string): Uint8Array {
  return new TextEncoder().encode(text);
}

/** Concatenates byte arrays. */
export function concat(...parts: Uint8Array[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}

/** The code pages the corpus writes. */
export type CodePage = 'windows-1252' | 'windows-1250' | 'iso-8859-2';

const encoders = new Map<CodePage, Map<string, number>>();

function encoderFor(page: CodePage): Map<string, number> {
  let map = encoders.get(page);
  if (!map) {
    map = new Map();
    const dec = new TextDecoder(page);
    for (let b = 0x80; b <= 0xff; b++) {
      const ch = dec.decode(new Uint8Array([b]));
      if (ch !== '\ufffd' && !map.has(ch)) map.set(ch, b);
    }
    encoders.set(page, map);
  }
  return map;
}

/** Text in a single-byte code page (throws for a character it lacks: a corpus bug). */
export function encode(text: string, page: CodePage): Uint8Array {
  const map = encoderFor(page);
  return Uint8Array.from([...text], (ch) => {
    const c = ch.charCodeAt(0);
    if (c < 0x80) return c;
    const b = map.get(ch);
    if (b === undefined) throw new Error(`${ch} is not in ${page}`);
    return b;
  });
}

/** UTF-16 little-endian bytes with a byte-order mark (Excel's "Unicode text"). */
export function utf16le(text: string): Uint8Array {
  const body = `\ufeff${text}`;
  const out = new Uint8Array(body.length * 2);
  for (let i = 0; i < body.length; i++) {
    const c = body.charCodeAt(i);
    out[2 * i] = c & 0xff;
    out[2 * i + 1] = c >> 8;
  }
  return out;
}

/** UTF-8 read as Windows-1252 and saved again as UTF-8 ("Durrës" -> "DurrÃ«s"). */
export function doubleEncoded(text: string): string {
  return new TextDecoder('windows-1252').decode(utf8(text));
}

/** A CSV cell, quoted when it needs to be. */
export function cell(v: string | number | null, sep = ','): string {
  if (v === null) return '';
  const s = String(v);
  return s.includes(sep) || /["\r\n]/.test(s) || /^\s|\s$/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

/** CSV text: a header and rows, `sep`-separated, lines ended by `eol` (a final line end too). */
export function csv(
  header: readonly string[],
  rows: readonly (readonly (string | number | null)[])[],
  sep = ',',
  eol = '\n',
): string {
  return [header, ...rows].map((r) => r.map((v) => cell(v, sep)).join(sep)).join(eol) + eol;
}
