/** The coverage view's pure props builders: the default catchment, years, tooltips, status and each part's props. */
import i18next, { type TFunction } from 'i18next';
import { describe, expect, it } from 'vitest';
import { DEFAULT_CATCHMENT, parseCatchment, type CatchmentGeometry } from '../src/analysis/catchment';
import { coverageSeries, type CoverageInput as Figures, type Unit } from '../src/analysis/coverage';
import type { Boundaries, MunicipalityProps } from '../src/engine/static';
import { CATALOGS } from '../src/i18n/catalogs';
import { NO_DATA } from '../src/map/scale';
import {
  catchmentText,
  countyNamesOf,
  coverageCode,
  coverageDescribe,
  coveredOf,
  isCoveredOf,
  nearestYear,
  openedYearsOf,
  supporterLabelOf,
  unitDetailOf,
  unitNamesOf,
  yearsOf,
} from '../src/ui/coverage/coverage-derive';
import {
  anySuppressed,
  coverageMapKey,
  coverageProps,
  coverageStatus,
  type CoverageInput,
} from '../src/ui/coverage/coverage-props';
import { coverageFormat } from '../src/ui/coverage/format';
import { COVERED, UNCOVERED } from '../src/ui/coverage/style';
import type { EngineStatus } from '../src/ui/useEngine';

const i18n = i18next.createInstance();
void i18n.init({
  lng: 'en',
  resources: { en: { translation: CATALOGS.en }, sq: { translation: CATALOGS.sq } },
  interpolation: { escapeValue: false },
  initAsync: false,
});
const en = i18n.getFixedT('en') as TFunction;
const sq = i18n.getFixedT('sq') as TFunction;

// Three municipalities in a row, A–B–C sharing borders; a municipal unit in A since 2012, an NGO's in C
// from 2019; counties Q1 = {A, B}, Q2 = {C}.
const geometry: CatchmentGeometry = {
  places: [
    { lau_code: 'A', lon: 0, lat: 0 },
    { lau_code: 'B', lon: 0.1, lat: 0 },
    { lau_code: 'C', lon: 0.3, lat: 0 },
  ],
  neighbours: new Map([
    ['A', ['B']],
    ['B', ['A', 'C']],
    ['C', ['B']],
  ]),
};
const unit = (id: string, lau: string, lon: number, opened: number, supporter: string): Unit => ({
  id,
  lau_code: lau,
  name: `Unit ${id}`,
  lon,
  lat: 0,
  opened,
  closed: null,
  supporter,
  staff: 1,
});
const figures: Figures = {
  geometry,
  municipalities: [
    { lau_code: 'A', qark_code: 'Q1' },
    { lau_code: 'B', qark_code: 'Q1' },
    { lau_code: 'C', qark_code: 'Q2' },
  ],
  units: [unit('U1', 'A', 0, 2012, 'Municipality'), unit('U2', 'C', 0.3, 2019, 'UNICEF')],
  caseload: [
    { facility_id: 'U1', year: 2020, children_assisted: 40 },
    { facility_id: 'U2', year: 2020, children_assisted: 3 },
  ],
  children: [2019, 2020].flatMap((year) =>
    (
      [
        ['A', 100],
        ['B', 200],
        ['C', 300],
      ] as const
    ).map(([lau_code, children]) => ({ lau_code, year, children })),
  ),
};
const series = coverageSeries(figures, parseCatchment('self'), 5);
const y2020 = series.find((y) => y.year === 2020)!;

const munis: MunicipalityProps[] = [
  ['A', 'Korçë', 'Q1'],
  ['B', 'Pogradec', 'Q1'],
  ['C', 'Berat', 'Q2'],
].map(([lau_code, name, qark_code]) => ({
  lau_code: lau_code!,
  name: name!,
  name_ascii: name!,
  name_alt: null,
  qark_code: qark_code!,
  qark_name: qark_code === 'Q1' ? 'Korçë' : 'Berat',
}));
const byLau = new Map(munis.map((m) => [m.lau_code, m]));

describe('what the coverage view derives', () => {
  it("the default catchment is the unit's own municipality; a code the state cannot hold falls back to it", () => {
    expect(DEFAULT_CATCHMENT).toBe('self');
    expect(coverageCode('9999km')).toBe('self');
    expect(coverageCode('')).toBe('self');
    expect(coverageCode('border')).toBe('border');
    expect(coverageCode('25km')).toBe('25km');
    expect(catchmentText(en, 'self')).toBe("catchment: the unit's own municipality");
    expect(catchmentText(en, '25km')).toBe(
      'catchment: municipalities whose centre is within 25 km of the unit',
    );
    expect(catchmentText(sq, 'border')).toBe('zona: bashkia e njësisë dhe bashkitë që kufizohen me të');
  });

  it('years: the series, or the catalog while it loads; the nearest (latest on a tie); opened-since from the first unit', () => {
    expect(yearsOf(series, 2015, 2025)).toEqual([2019, 2020]);
    expect(yearsOf(null, 2015, 2017)).toEqual([2015, 2016, 2017]);
    expect(nearestYear([2019, 2020], 2025)).toBe(2020);
    expect(nearestYear([2018, 2020], 2019)).toBe(2020);
    expect(nearestYear([], 2019)).toBe(2019);
    expect(openedYearsOf(series, [2019, 2020])).toEqual([
      2012, 2013, 2014, 2015, 2016, 2017, 2018, 2019, 2020,
    ]);
    expect(openedYearsOf(null, [2019, 2020])).toEqual([2019, 2020]);
  });

  it('names, supporters and tooltips', () => {
    expect(unitNamesOf(series)).toEqual(
      new Map([
        ['U1', 'Unit U1'],
        ['U2', 'Unit U2'],
      ]),
    );
    expect(countyNamesOf(munis).get('Q2')).toBe('Berat');
    expect(supporterLabelOf(en)('Municipality')).toBe(en('coverage.supporterMunicipality'));
    expect(supporterLabelOf(sq)('UNICEF')).toBe('UNICEF');
    const covered = coveredOf(y2020);
    expect(isCoveredOf(covered)).toEqual(
      new Map([
        ['A', true],
        ['B', false],
        ['C', true],
      ]),
    );
    expect(coveredOf(null)).toBeNull();
    const describe = coverageDescribe(en, byLau, covered, unitNamesOf(series));
    expect(describe('A')).toEqual({
      name: 'Korçë',
      county: en('tooltip.county', { county: 'Korçë' }),
      value: en('coverage.tip.covered', { units: 'Unit U1' }),
    });
    expect(describe('B').value).toBe(en('coverage.tip.uncovered'));
    expect(coverageDescribe(en, byLau, null, new Map())('A').value).toBe(en('tooltip.noData'));
    const format = coverageFormat('en', 5, 'n/a', (v) => `${v}%`);
    const u2 = y2020.units.find((u) => u.id === 'U2')!;
    expect(unitDetailOf(en, supporterLabelOf(en), format)(u2)).toBe(
      [
        'UNICEF',
        en('coverage.tip.opened', { year: 2019 }),
        en('coverage.tip.assisted', { value: '<5' }),
      ].join(' · '),
    );
  });
});

const ready = { state: 'ready' } as EngineStatus;
const noop = () => undefined;

function input(patch: Partial<CoverageInput> = {}): CoverageInput {
  const format = coverageFormat('en', 5, en('tooltip.noData'), (value) => en('coverage.percent', { value }));
  return {
    t: en,
    k: 5,
    code: 'self',
    chosen: 'self',
    pending: false,
    catchment: catchmentText(en, 'self'),
    year: 2020,
    years: [2019, 2020],
    openedYears: [2018, 2019, 2020],
    since: 2018,
    status: ready,
    error: null,
    series,
    coverage: y2020,
    boundaries: { type: 'FeatureCollection', features: [] } as Boundaries,
    neighbours: { type: 'FeatureCollection', features: [] } as never,
    selected: 'B',
    municipalities: munis,
    byLau,
    countyNames: countyNamesOf(munis),
    unitNames: unitNamesOf(series),
    colors: new Map([
      ['Municipality', [1, 2, 3] as const],
      ['UNICEF', [4, 5, 6] as const],
    ]),
    supporterLabel: supporterLabelOf(en),
    format,
    fill: () => NO_DATA,
    points: [],
    describe: () => ({ name: '', county: '', value: '' }),
    childSource: 'INSTAT (synthetic)',
    synthetic: true,
    version: 3,
    today: '2026-12-07',
    actions: { onCatchment: noop, onYear: noop, onSince: noop, onSelect: noop },
    ...patch,
  };
}

describe('the coverage props', () => {
  it('the status line: the engine failing, the view failing, starting, loading, ready', () => {
    const self = catchmentText(en, 'self');
    expect(coverageStatus(en, { state: 'error', message: 'x' }, null, false, 2020, self)).toBe(
      en('status.error', { message: 'x' }),
    );
    expect(coverageStatus(en, ready, 'y', false, 2020, self)).toBe(en('error.view', { message: 'y' }));
    const starting = { database: true, files: 3, totalFiles: 4, loading: false };
    expect(coverageStatus(en, { state: 'starting', progress: starting }, null, false, 2020, self)).toBe(
      'Starting the analysis engine (step 1 of 2): the database is ready, 3 of 4 data files downloaded…',
    );
    expect(coverageStatus(en, ready, null, false, 2020, self)).toBe(en('coverage.status.loading'));
    expect(coverageStatus(en, ready, null, true, 2020, self)).toBe(
      en('coverage.status.ready', { year: 2020, catchment: self }),
    );
  });

  it('with the year on screen: legend, tables and charts, the map keyed by catchment, year, k, since, version', () => {
    const p = coverageProps(input());
    expect(p.chooser.code).toBe('self');
    expect(p.year).toMatchObject({ value: 2020, min: 2019, max: 2020 });
    expect(p.since).toMatchObject({ value: 2018, options: [2018, 2019, 2020] });
    expect(p.map).toMatchObject({ dataKey: 'coverage:self:2020:5:2018:3', selected: 'B' });
    expect(p.map.label).toBe(en('coverage.map.label', { year: 2020, catchment: p.legend?.catchment }));
    expect(p.legend?.coverage).toBe(y2020);
    expect(p.figures?.title).toBe(en('coverage.figures.title', { year: 2020 }));
    expect(p.figures?.table.national).toBe(y2020.national);
    expect(p.figures?.units.municipalityName('C')).toBe('Berat');
    expect(p.figures?.units.municipalityName('Z')).toBe('Z');
    expect(p.figures?.definitions).toBe(en('coverage.notes.definitions', { k: 5, max: 4 }));
    expect(p.figures?.source).toBe('INSTAT (synthetic)');
    expect(p.charts?.series).toBe(series);
  });

  it('while the series loads: no legend, tables, charts or map key; the status says so', () => {
    const p = coverageProps(input({ series: null, coverage: null }));
    expect([p.legend, p.figures, p.charts, p.map.dataKey]).toEqual([null, null, null, null]);
    expect(p.status).toBe(en('coverage.status.loading'));
    expect(coverageProps(input({ series: [], coverage: null })).charts).toBeNull();
  });

  it('while another catchment is computed: the chooser shows it, the map keeps the series on screen under its own key', () => {
    const p = coverageProps(input({ chosen: 'border', pending: true }));
    expect(p.chooser.code).toBe('border');
    expect(p.map.dataKey).toBe('coverage:self:2020:5:2018:3');
    expect(p.map.dataKey).toBe(coverageMapKey({ code: 'self', year: 2020, k: 5, since: 2018, version: 3 }));
    expect(p.legend?.coverage).toBe(y2020);
    expect(p.status).toBe(en('coverage.status.loading'));
    expect(coverageMapKey({ code: 'border', year: 2020, k: 5, since: 2018, version: 3 })).not.toBe(
      p.map.dataKey,
    );
  });

  it('the exports: legend rows per supporter, the suppression note only when a count is hidden, the date', () => {
    expect(anySuppressed(y2020)).toBe(true); // U2 assisted 3 children, below k = 5
    const text = coverageProps(input()).exports.text;
    expect(text.legend).toEqual([
      { color: COVERED, label: en('coverage.legend.covered') },
      { color: UNCOVERED, label: en('coverage.legend.uncovered') },
      {
        color: [1, 2, 3],
        label: en('coverage.export.unit', { supporter: en('coverage.supporterMunicipality') }),
      },
      { color: [4, 5, 6], label: en('coverage.export.unit', { supporter: 'UNICEF' }) },
    ]);
    expect(text.legendNotes).toEqual([
      en('coverage.export.recent', { year: 2018 }),
      en('coverage.notes.suppressed', { max: 4 }),
    ]);
    expect(text.date).toBe(en('export.date', { date: '2026-12-07' }));
    expect(text.note).toBe(
      `${en('export.source', { source: 'INSTAT (synthetic)' })} ${en('export.synthetic')}`,
    );
    const shown = coverageSeries(figures, parseCatchment('self'), 3).find((y) => y.year === 2020)!;
    expect(anySuppressed(shown)).toBe(false);
    const plain = coverageProps(input({ coverage: shown, synthetic: false, k: 3 })).exports.text;
    expect(plain.legendNotes).toEqual([en('coverage.export.recent', { year: 2018 })]);
    expect(plain.note).toBe(en('export.source', { source: 'INSTAT (synthetic)' }));
  });
});
