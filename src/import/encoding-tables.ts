/**
 * Single-byte code pages a spreadsheet in Albania may save a CSV in. We carry our own tables because
 * Node's TextDecoder('windows-1252') decodes as ISO-8859-1 (0x80-0x9F become control characters), so
 * the same file would read differently in tests and in the browser.
 */

/** The code pages we can decode, by the label shown in reports. */
export type SingleByteEncoding = 'windows-1252' | 'windows-1250' | 'iso-8859-2';

const C1 = Array.from({ length: 32 }, (_, i) => String.fromCharCode(0x80 + i)).join('');
const LATIN1_HIGH = Array.from({ length: 96 }, (_, i) => String.fromCharCode(0xa0 + i)).join('');

// 0x80-0x9F of windows-1252 (WHATWG index); 0x81, 0x8D, 0x8F, 0x90, 0x9D are unassigned.
const CP1252_80 =
  '\u20ac\u0081\u201a\u0192\u201e\u2026\u2020\u2021\u02c6\u2030\u0160\u2039\u0152\u008d\u017d\u008f' +
  '\u0090\u2018\u2019\u201c\u201d\u2022\u2013\u2014\u02dc\u2122\u0161\u203a\u0153\u009d\u017e\u0178';

// windows-1250 0x80-0xFF (WHATWG index; 0x81, 0x83, 0x88, 0x90, 0x98 are unassigned).
const CP1250_80 =
  '\u20ac\u0081\u201a\u0083\u201e\u2026\u2020\u2021\u0088\u2030Š\u2039ŚŤŽŹ' +
  '\u0090\u2018\u2019\u201c\u201d\u2022\u2013\u2014\u0098\u2122š\u203aśťžź';
const CP1250_A0 =
  '\u00a0\u02c7\u02d8Ł\u00a4Ą\u00a6\u00a7\u00a8\u00a9Ş\u00ab\u00ac\u00ad\u00aeŻ' +
  '\u00b0\u00b1\u02dbł\u00b4µ\u00b6\u00b7\u00b8ąş\u00bbĽ\u02ddľż' +
  'ŔÁÂĂÄĹĆÇČÉĘËĚÍÎĎĐŃŇÓÔŐÖ\u00d7ŘŮÚŰÜÝŢßŕáâăäĺćçčéęëěíîďđńňóôőö\u00f7řůúűüýţ\u02d9';

// ISO-8859-2 0xA0-0xFF; 0x80-0x9F are C1 control characters.
const ISO88592_A0 =
  '\u00a0Ą\u02d8Ł\u00a4ĽŚ\u00a7\u00a8ŠŞŤŹ\u00adŽŻ\u00b0ą\u02dbł\u00b4ľś\u02c7\u00b8šşťź\u02ddžż' +
  'ŔÁÂĂÄĹĆÇČÉĘËĚÍÎĎĐŃŇÓÔŐÖ\u00d7ŘŮÚŰÜÝŢßŕáâăäĺćçčéęëěíîďđńňóôőö\u00f7řůúűüýţ\u02d9';

/** Characters for bytes 0x80-0xFF, one string of 128 per code page. */
export const HIGH_HALF: Readonly<Record<SingleByteEncoding, string>> = {
  'windows-1252': CP1252_80 + LATIN1_HIGH,
  'windows-1250': CP1250_80 + CP1250_A0,
  'iso-8859-2': C1 + ISO88592_A0,
};

/** True for a C1 control character: in text it means the byte was read with the wrong code page. */
export function isControl(ch: string): boolean {
  const c = ch.charCodeAt(0);
  return c >= 0x80 && c <= 0x9f;
}

/**
 * Re-encodes single-byte text as UTF-8 bytes without building a JS string: the CSV parser works on
 * UTF-8 bytes, and a 200 MB file should not pass through a 200-million-character string first.
 */
export function singleByteToUtf8(bytes: Uint8Array, encoding: SingleByteEncoding): Uint8Array {
  const high = HIGH_HALF[encoding];
  const enc = new TextEncoder();
  const seqs = Array.from({ length: 128 }, (_, i) => enc.encode(high.charAt(i)));
  let size = 0;
  for (let i = 0; i < bytes.length; i++) {
    const b = bytes[i]!;
    size += b < 0x80 ? 1 : seqs[b - 0x80]!.length;
  }
  const out = new Uint8Array(size);
  let o = 0;
  for (let i = 0; i < bytes.length; i++) {
    const b = bytes[i]!;
    if (b < 0x80) out[o++] = b;
    else {
      const seq = seqs[b - 0x80]!;
      for (let k = 0; k < seq.length; k++) out[o++] = seq[k]!;
    }
  }
  return out;
}

/** Decodes a short run of single-byte text (for examples in messages). */
export function decodeSingleByte(bytes: Uint8Array, encoding: SingleByteEncoding): string {
  return new TextDecoder().decode(singleByteToUtf8(bytes, encoding));
}

/** Encodes text back into windows-1252 bytes (null when a character has no byte there). */
export function encodeWindows1252(text: string): Uint8Array | null {
  const high = HIGH_HALF['windows-1252'];
  const out = new Uint8Array(text.length);
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x80) out[i] = c;
    else {
      const at = high.indexOf(text.charAt(i));
      if (at < 0) return null;
      out[i] = 0x80 + at;
    }
  }
  return out;
}
