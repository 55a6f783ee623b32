/**
 * Wide tables as ministries publish them: one column per year (`Bashkia, 2019, 2020, 2021`, `Viti 2019`,
 * `2019 (%)`) or one column per indicator (headers that are catalog ids or their English or Albanian
 * labels). This module only reads headers; stage-wide.ts unpivots the cells in DuckDB.
 */
import { normaliseHeader } from './contract';
import { columnLetter } from './column-letter';

/** One column of a wide table: where it is, as the file heads it, and what the header stands for. */
export interface WideColumn {
  index: number;
  header: string;
  /** "F (2021)": how messages name a cell's column. */
  cell: string;
  year?: number;
  indicator?: string;
}

/** The shape of a table by its header. */
export type Shape =
  { kind: 'long' } | { kind: 'years'; columns: WideColumn[] } | { kind: 'indicators'; columns: WideColumn[] };

const YEAR_HEADER = /^(?:viti|vit|year|yr|fy)?[\s_.:-]*((?:19|20)\d{2})(?:[\s_.-]*\(.*\)|\s*%|\s*\*+)?$/i;

/** The year a header stands for ("2019", "Viti 2019", "2019 (%)", "Year 2019"), or null. */
export function yearOfHeader(header: string): number | null {
  const m = YEAR_HEADER.exec(header.replace(/^\uFEFF/, '').trim());
  return m ? Number(m[1]) : null;
}

/** Indicator names (normalised) -> catalog id: ids, labels in both languages, labels without "(unit)". */
export type IndicatorNames = ReadonlyMap<string, string>;

/** The names a file may use for the catalog's indicators, plus the user's own (mapping.indicators). */
export function indicatorNames(
  indicators: readonly { id: string; label: { en: string; sq: string } }[],
  extra: Readonly<Record<string, string>> = {},
): IndicatorNames {
  const names = new Map<string, string>();
  const add = (name: string, id: string) => {
    const n = normaliseHeader(name);
    if (n !== '' && !names.has(n)) names.set(n, id);
    const bare = normaliseHeader(name.replace(/\s*\([^)]*\)\s*$/, ''));
    if (bare !== '' && !names.has(bare)) names.set(bare, id);
  };
  for (const [name, id] of Object.entries(extra)) add(name, id);
  for (const i of indicators) {
    add(i.id, i.id);
    add(i.label.en, i.id);
    add(i.label.sq, i.id);
  }
  // A name in brackets of a label ("... (Ndihma Ekonomike)"): the programme a sheet is often named after.
  for (const i of indicators)
    for (const label of [i.label.en, i.label.sq]) {
      const inner = /\(([^)]{8,})\)\s*$/.exec(label)?.[1];
      if (inner && /\p{L}{3,}\s+\p{L}{3,}/u.test(inner)) add(inner, i.id);
    }
  return names;
}

/** The catalog id a header or cell names, or null. */
export function indicatorOf(name: string, names: IndicatorNames): string | null {
  return (
    names.get(normaliseHeader(name)) ??
    names.get(normaliseHeader(name.replace(/\s*\([^)]*\)\s*$/, ''))) ??
    null
  );
}

/**
 * Years as columns when at least two headers are years; indicators as columns when at least one header
 * names an indicator and none is the `indicator` column itself; otherwise long. `firstColumn` is the
 * column index of the sheet's first column, so cells are named as the spreadsheet names them.
 */
export function detectShape(headers: readonly string[], names: IndicatorNames, firstColumn = 0): Shape {
  const cell = (i: number, h: string) => `${columnLetter(firstColumn + i)} (${h})`;
  const years: WideColumn[] = [];
  const inds: WideColumn[] = [];
  headers.forEach((header, index) => {
    const year = yearOfHeader(header);
    if (year !== null) years.push({ index, header, cell: cell(index, header), year });
    else {
      const indicator = indicatorOf(header, names);
      if (indicator !== null) inds.push({ index, header, cell: cell(index, header), indicator });
    }
  });
  if (years.length >= 2) return { kind: 'years', columns: years };
  const longIndicator = headers.some((h) =>
    ['indicator', 'indicator_id', 'treguesi', 'tregues'].includes(normaliseHeader(h)),
  );
  if (inds.length >= 1 && !longIndicator) return { kind: 'indicators', columns: inds };
  return { kind: 'long' };
}
