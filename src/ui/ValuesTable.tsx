/** The map's values as a table: the keyboard and screen-reader alternative to the map. */
import { useTranslation } from 'react-i18next';

/** One row, already formatted (suppression applied upstream). */
export interface TableRow {
  lau: string;
  name: string;
  county: string;
  text: string;
  /** The shown value (null when missing or suppressed), for sorting and for tests. */
  value: number | null;
}

interface Props {
  caption: string;
  rows: TableRow[];
  selected: string | null;
  onSelect: (lauCode: string) => void;
}

/** Municipalities ordered from the highest value down; each name selects it. */
export function ValuesTable({ caption, rows, selected, onSelect }: Props) {
  const { t } = useTranslation();
  const sorted = [...rows].sort(
    (a, b) => (b.value ?? -Infinity) - (a.value ?? -Infinity) || a.name.localeCompare(b.name, 'sq'),
  );
  return (
    <details className="values-table">
      <summary>{t('table.show')}</summary>
      <table>
        <caption>{caption}</caption>
        <thead>
          <tr>
            <th scope="col">{t('table.municipality')}</th>
            <th scope="col">{t('table.county')}</th>
            <th scope="col">{t('table.value')}</th>
          </tr>
        </thead>
        <tbody>
          {sorted.map((r) => (
            <tr key={r.lau} className={r.lau === selected ? 'selected' : undefined} data-lau={r.lau}>
              <th scope="row">
                <button
                  type="button"
                  className="link"
                  onClick={() => onSelect(r.lau)}
                  aria-label={t('table.select', { name: r.name })}
                >
                  {r.name}
                </button>
              </th>
              <td>{r.county}</td>
              <td className="num" data-value={r.value ?? ''}>
                {r.text}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </details>
  );
}
