/**
 * The table alternative to the hotspot map: one row per unit with its statistic, z, pseudo p, adjusted p and
 * class (or, in the persistence display, its pattern and hot years). Rows select a municipality by keyboard.
 */
import { useTranslation } from 'react-i18next';

/** One row; every cell is plain text. */
export interface TableRow {
  id: string;
  cells: readonly string[];
  /** Classes or patterns are named in a cell; this marks the row for tests and styling. */
  cls: string;
  selectable: boolean;
}

interface Props {
  caption: string;
  headers: readonly string[];
  /** Which columns hold numbers (right-aligned). */
  numeric: readonly boolean[];
  rows: readonly TableRow[];
  selected: string | null;
  onSelect: (id: string) => void;
}

/** The table. */
export function HotspotsTable({ caption, headers, numeric, rows, selected, onSelect }: Props) {
  const { t } = useTranslation();
  return (
    <details className="values-table hotspots-table" open>
      <summary>{caption}</summary>
      <table data-testid="hotspots-table">
        <caption>{caption}</caption>
        <thead>
          <tr>
            {headers.map((h) => (
              <th key={h} scope="col">
                {h}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr
              key={r.id}
              data-id={r.id}
              data-class={r.cls}
              className={r.id === selected ? 'selected' : undefined}
            >
              {r.cells.map((c, i) =>
                i === 0 ? (
                  <th key={i} scope="row">
                    {r.selectable ? (
                      <button
                        type="button"
                        className="link"
                        aria-label={t('hotspots.selectRow', { name: c })}
                        onClick={() => onSelect(r.id)}
                      >
                        {c}
                      </button>
                    ) : (
                      c
                    )}
                  </th>
                ) : (
                  <td key={i} className={numeric[i] ? 'num' : undefined}>
                    {c}
                  </td>
                ),
              )}
            </tr>
          ))}
        </tbody>
      </table>
    </details>
  );
}
