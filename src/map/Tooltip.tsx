/** The hover tooltip. Everything in it is rendered as text: labels from data can never become HTML. */
interface Props {
  x: number;
  y: number;
  name: string;
  county: string;
  value: string;
  /** How the value was made, when it needs saying (weights standing in for counts). */
  note?: string;
}

/** A small card near the pointer. */
export function Tooltip({ x, y, name, county, value, note }: Props) {
  return (
    <div className="tooltip" role="status" style={{ left: x + 12, top: y + 12 }}>
      <strong>{name}</strong>
      <span>{county}</span>
      <span className="tooltip-value">{value}</span>
      {note && <span className="tooltip-note">{note}</span>}
    </div>
  );
}
