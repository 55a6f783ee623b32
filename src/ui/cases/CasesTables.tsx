/**
 * The table alternative: the municipality facet (name, count, rate) and one table per other facet, each in
 * its own details element, its rows rendered only while it is open (a closed table costs a filter change
 * nothing). A category's row name is a toggle button, as the charts' bars are (so every municipality, not
 * only the top 15, can be chosen from the keyboard); months are chosen with the brush's lists. Suppressed
 * counts show "–" with the word "suppressed" for screen readers.
 */
import { useState } from 'react';
import type { CaseBar, CaseCategoryDim, CaseDim } from '../../engine/cases-types';

interface Props {
  /** The facets to tabulate, in order: dimension, title and bars. */
  facets: readonly { dim: CaseDim; title: string; bars: readonly CaseBar[] }[];
  label: (dim: CaseDim, value: string | number) => string;
  count: (count: number | null) => string;
  rate: (rate: number | null | undefined) => string;
  text: { heading: string; value: string; count: string; rate: string; suppressed: string; caption: string };
  /** The chosen values of a category dimension. */
  selected: (dim: CaseCategoryDim) => readonly string[];
  onToggle: (dim: CaseCategoryDim, value: string) => void;
}

function Shown({ text, hidden, suppressed }: { text: string; hidden: boolean; suppressed: string }) {
  if (!hidden) return <>{text}</>;
  return (
    <>
      <span aria-hidden="true">{text}</span>
      <span className="sr-only">{suppressed}</span>
    </>
  );
}

type TableProps = Omit<Props, 'facets'> & { dim: CaseDim; title: string; bars: readonly CaseBar[] };

/** One facet's table in its details element. */
function FacetTable({ dim, title, bars, label, count, rate, text, selected, onToggle }: TableProps) {
  const [open, setOpen] = useState(false);
  const chosen = dim === 'period' ? null : new Set(selected(dim));
  return (
    <details className="values-table" onToggle={(e) => setOpen(e.currentTarget.open)}>
      <summary>{title}</summary>
      {open && (
        <table className="cases-table" data-testid={`cases-table-${dim}`}>
          <thead>
            <tr>
              <th scope="col">{text.value}</th>
              <th scope="col">{text.count}</th>
              {dim === 'lau_code' && <th scope="col">{text.rate}</th>}
            </tr>
          </thead>
          <tbody>
            {bars.map((b) => (
              <tr key={String(b.key)}>
                <th scope="row">
                  {chosen && dim !== 'period' ? (
                    <button
                      type="button"
                      className="cases-table-toggle"
                      aria-pressed={chosen.has(String(b.key))}
                      onClick={() => onToggle(dim, String(b.key))}
                      data-testid={`cases-row-${dim}-${b.key}`}
                    >
                      {label(dim, b.key)}
                    </button>
                  ) : (
                    label(dim, b.key)
                  )}
                </th>
                <td>
                  <Shown text={count(b.count)} hidden={b.count === null} suppressed={text.suppressed} />
                </td>
                {dim === 'lau_code' && (
                  <td>
                    <Shown
                      text={rate(b.count === null ? null : b.rate)}
                      hidden={b.count === null}
                      suppressed={text.suppressed}
                    />
                  </td>
                )}
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </details>
  );
}

/** Every facet as a table. */
export function CasesTables({ facets, ...rest }: Props) {
  return (
    <section className="cases-tables" data-testid="cases-tables" aria-labelledby="cases-tables-title">
      <h2 id="cases-tables-title">{rest.text.heading}</h2>
      <p className="hint">{rest.text.caption}</p>
      {facets.map((f) => (
        <FacetTable key={f.dim} {...rest} {...f} />
      ))}
    </section>
  );
}
