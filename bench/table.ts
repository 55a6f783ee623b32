/** A small table renderer: aligned plain text for the terminal, GitHub markdown for the results file. */

/** Header cells and rows of cells; `right` marks the right-aligned (numeric) columns by index. */
export interface Table {
  head: string[];
  rows: string[][];
  right?: number[];
}

/** Space-aligned text, two spaces between columns, a rule under the header. */
export function textTable(t: Table, indent = '  '): string {
  const widths = t.head.map((h, i) => Math.max(h.length, ...t.rows.map((r) => (r[i] ?? '').length)));
  const line = (cells: string[]) =>
    indent +
    cells
      .map((c, i) => (t.right?.includes(i) ? c.padStart(widths[i]!) : c.padEnd(widths[i]!)))
      .join('  ')
      .trimEnd();
  return [line(t.head), indent + widths.map((w) => '-'.repeat(w)).join('  '), ...t.rows.map(line)].join('\n');
}

/** A GitHub-flavoured markdown table. */
export function markdownTable(t: Table): string {
  const esc = (c: string) => c.replaceAll('|', '\\|');
  return [
    `| ${t.head.map(esc).join(' | ')} |`,
    `| ${t.head.map((_, i) => (t.right?.includes(i) ? '---:' : '---')).join(' | ')} |`,
    ...t.rows.map((r) => `| ${r.map(esc).join(' | ')} |`),
  ].join('\n');
}
