/**
 * The table alternative: the municipality facet (name, count, rate) and one table per other facet, each in
 * its own details element, its rows rendered only while it is open (a closed table costs a filter change
 * nothing). Suppressed counts show "–" with the word "suppressed" for screen readers.
 */
import { useState } from 'react';
import type { CaseBar, CaseDim } from '../../engine/cases-types';

interface Props {
  /** The facets to tabulate, in order: dimension, title and bars. */
  facets: readonly { dim: CaseDim; title: string; bars: readonly CaseBar[] }[];
  label: (dim: CaseDim, value: string | number) => string;
  count: (count: number | null) => string;
  rate: (rate: number | null | undefined) => string;
  text: { heading: string; value: string; count: string; rate: string; suppressed: string; caption: string };
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
function FacetTable({ dim, title, bars, label, count, rate, text }: TableProps) {
  const [open, setOpen] = useState(false);
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
                <th scope="row">{label(dim, b.key)}</th>
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
