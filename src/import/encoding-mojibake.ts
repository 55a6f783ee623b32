/**
 * Double-encoded UTF-8 ("DurrÃ«s" for "Durrës"): a UTF-8 file opened as Windows-1252 and saved again as
 * UTF-8. It decodes without error, so only the tell-tale pairs give it away: "Ã" or "Â" (C3 83 / C3 82,
 * also Ä, Å for Central European letters) followed by a character that Windows-1252 has in 0x80-0xBF.
 */
import { encodeWindows1252 } from './encoding-tables';

/** True when a mojibake pair starts at byte `i` of UTF-8 text. */
function pairAt(b: Uint8Array, i: number): boolean {
  if (b[i] !== 0xc3) return false;
  const lead = b[i + 1];
  if (lead === undefined || lead < 0x82 || lead > 0x85) return false;
  const next = b[i + 2];
  const cont = b[i + 3];
  if (next === 0xc2) return cont !== undefined && cont >= 0x80 && cont <= 0xbf; // U+0080-U+00BF: «, §, ...
  if (next === 0xc5 || next === 0xc6 || next === 0xcb) return true; // Š, œ, ƒ, ˆ ... from 0x80-0x9F
  return next === 0xe2 && b[i + 3] === 0x80; // ‹ ‡ ’ “ ” – — ... (U+2000-U+203F)
}

/** Where the first mojibake pair in bytes[start, end) is, and how many there are. */
export function findMojibake(
  bytes: Uint8Array,
  start = 0,
  end = bytes.length,
): { first: number; count: number } {
  let first = -1;
  let count = 0;
  for (let i = bytes.indexOf(0xc3, start); i >= 0 && i < end; i = bytes.indexOf(0xc3, i + 1)) {
    if (pairAt(bytes, i)) {
      if (first < 0) first = i;
      count++;
    }
  }
  return { first, count };
}

/** The text as it was before it was double-encoded, or null when it cannot be undone. */
export function repairMojibake(text: string): string | null {
  const bytes = encodeWindows1252(text);
  if (!bytes) return null;
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return null;
  }
}
