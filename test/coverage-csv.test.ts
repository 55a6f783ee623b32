/** The coverage CSV export and the coverage map's symbols: suppressed counts never written, stable colours. */
import { describe, expect, it } from 'vitest';
import { coverageYear, type AreaFigures, type CoverageInput } from '../src/analysis/coverage';
import { COVERAGE_CSV_HEADER, coverageCsv } from '../src/ui/coverage/coverage-csv';
import { COVERED, coverageFill, supporterColors, UNCOVERED, unitPoints } from '../src/ui/coverage/style';

const input: CoverageInput = {
  geometry: {
    places: [
      { lau_code: 'A', lon: 0, lat: 0 },
      { lau_code: 'B', lon: 1, lat: 0 },
    ],
    neighbours: new Map([
      ['A', ['B']],
      ['B', ['A']],
    ]),
  },
  municipalities: [
    { lau_code: 'A', qark_code: 'Q1' },
    { lau_code: 'B', qark_code: 'Q2' },
  ],
  units: [
    {
      id: 'U1',
      lau_code: 'A',
      name: 'CPU A',
      lon: 0,
      lat: 0,
      opened: 2010,
      closed: null,
      supporter: 'X',
      staff: 2,
    },
    {
      id: 'U2',
      lau_code: 'B',
      name: 'CPU B',
      lon: 1,
      lat: 0,
      opened: 2019,
      closed: null,
      supporter: 'Y',
      staff: 1,
    },
  ],
  caseload: [
    { facility_id: 'U1', year: 2020, children_assisted: 40 },
    { facility_id: 'U2', year: 2020, children_assisted: 2 },
  ],
  children: [
    { lau_code: 'A', year: 2020, children: 300 },
    { lau_code: 'B', year: 2020, children: 100 },
  ],
};

describe('coverage CSV', () => {
  const y = coverageYear(input, { kind: 'self' }, 2020, 5);
  const names = new Map([
    ['Q1', 'Qark One'],
    ['Q2', '=HYPERLINK("x")'],
  ]);
  const csv = coverageCsv(2020, 'self', y.counties, y.national, names, 'Albania');
  const lines = csv
    .replace(/^\ufeff/, '')
    .trim()
    .split('\r\n');
  const cells = lines.map((l) => l.split(','));
  const col = (name: string) => COVERAGE_CSV_HEADER.indexOf(name);

  it('has a BOM, a header, one row per county and Albania last', () => {
    expect(csv.startsWith('\ufeff')).toBe(true);
    expect(lines[0]).toBe(COVERAGE_CSV_HEADER.join(','));
    expect(cells.slice(1).map((r) => [r[col('level')], r[col('code')]])).toEqual([
      ['county', 'Q1'],
      ['county', 'Q2'],
      ['national', 'AL'],
    ]);
    expect(Number(cells[3]![col('share_within_reach')])).toBe(1);
    expect(Number(cells[1]![col('children_within_reach')])).toBe(300);
  });

  it('writes a suppressed count as an empty cell with status "suppressed", never the number', () => {
    // Q2 rests on U2's 2 children: hidden, and with it Albania's total.
    const q2 = cells[2]!;
    expect(q2[col('children_assisted')]).toBe('');
    expect(q2[col('children_assisted_status')]).toBe('suppressed');
    expect(q2[col('children_assisted_per_unit')]).toBe('');
    expect(q2[col('caseload_per_worker_status')]).toBe('suppressed');
    expect(cells[3]![col('children_assisted_status')]).toBe('suppressed');
    expect(csv).not.toMatch(/,2,suppressed|,42,/);
    expect(cells[1]![col('children_assisted')]).toBe('40');
    expect(cells[1]![col('caseload_per_worker')]).toBe('20');
  });

  it('guards names against formula injection', () => {
    expect(lines[2]).toContain(`"'=HYPERLINK(""x"")"`);
  });

  it('leaves an area without a caseload report as "no data"', () => {
    const none = { ...y.national, assisted: { value: null, suppressed: false } } satisfies AreaFigures;
    const text = coverageCsv(2020, 'self', [], none, names, 'Albania');
    expect(text).toContain(',,no data,');
  });
});

describe('coverage map symbols', () => {
  const series = [coverageYear(input, { kind: 'self' }, 2020, 5)];

  it('fills covered and uncovered municipalities distinctly', () => {
    const covered = new Map([
      ['A', true],
      ['B', false],
    ]);
    expect(coverageFill(covered, 'A')).toEqual(COVERED);
    expect(coverageFill(covered, 'B')).toEqual(UNCOVERED);
    expect(coverageFill(null, 'A')).not.toEqual(COVERED);
  });

  it('gives each supporter its own colour and rings units opened since a year', () => {
    const colors = supporterColors(series);
    expect(colors.size).toBe(2);
    expect(colors.get('X')).not.toEqual(colors.get('Y'));
    const points = unitPoints(series[0]!.units, colors, 2015, (u) => u.supporter);
    const byId = new Map(points.map((p) => [p.id, p]));
    expect(byId.get('U2')!.ring).toBeGreaterThan(byId.get('U1')!.ring!);
    expect(byId.get('U2')!.radius).toBeGreaterThan(byId.get('U1')!.radius);
    expect(byId.get('U1')!.label).toBe('CPU A');
  });
});
