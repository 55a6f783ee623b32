/** How a spreadsheet names a column. */

/** "A", "B", ..., "Z", "AA": how a spreadsheet labels column `index` (0-based). */
export function columnLetter(index: number): string {
  let s = '';
  for (let n = index + 1; n > 0; n = Math.floor((n - 1) / 26))
    s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return s;
}
