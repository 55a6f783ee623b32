/**
 * The hotspots view's props (src/ui/hotspots/*-props.ts), pure and in Node: the year shown, fills, tooltips,
 * school points, the repaint key, the selected cluster, the status line, the legend (rows, warning, notes)
 * and the table, with the real English catalog.
 */
import i18next, { type TFunction } from 'i18next';
import { describe, expect, it } from 'vitest';
import type { PersistenceResult } from '../src/analysis/spatial/persistence-run';
import type { HotspotResult } from '../src/analysis/spatial/run';
import type { MunicipalDropout, SchoolPoint } from '../src/engine/engine-schools';
import type { MunicipalityProps } from '../src/engine/static';
import { CATALOGS } from '../src/i18n/catalogs';
import { CLASS_COLOR, NOT_ANALYSED, PERSISTENCE_COLOR, RATE_COLORS } from '../src/ui/hotspots/colors';
import { formatRate, formatStat } from '../src/ui/hotspots/format';
import {
  classesOf,
  correctionName,
  describeOf,
  fillOf,
  mapDataKey,
  pickYear,
  readyFor,
  schoolPoints,
  selectedCluster,
  showsPersistence,
  statusText,
  type ReadyAnalysis,
  type StatusInput,
} from '../src/ui/hotspots/hotspots-props';
import { legendNotes, legendRows, legendTitle, unreachableWarning } from '../src/ui/hotspots/legend-props';
import { DEFAULT_SETTINGS, type HotspotSettings } from '../src/ui/hotspots/settings';
import { hotspotsTable } from '../src/ui/hotspots/table-props';

const i18n = i18next.createInstance();
void i18n.init({
  lng: 'en',
  resources: { en: { translation: CATALOGS.en } },
  interpolation: { escapeValue: false },
  initAsync: false,
});
const t: TFunction = i18n.getFixedT('en');

const muni = (lau_code: string, name: string, qark_name: string) =>
  ({ lau_code, name, qark_name }) as MunicipalityProps;
const byLau = new Map(
  [
    muni('A', 'Alpha', 'North'),
    muni('B', 'Beta', 'North'),
    muni('C', 'Gamma', 'South'),
    muni('D', 'Delta', 'South'),
  ].map((m) => [m.lau_code, m]),
);

/** Four municipalities in a chain A-B-C-D: A and B hot, C not significant, D cold. */
const result: HotspotResult = {
  ids: ['A', 'B', 'C', 'D'],
  statistic: [3.1, 2.2, 0.2, -2.3],
  z: [3.1, 2.2, 0.2, -2.3],
  p: [0.001, 0.02, 0.4, 0.03],
  pAdjusted: [0.004, 0.04, 0.4, 0.04],
  classes: ['hot99', 'hot95', 'ns', 'cold95'],
  global: { I: 0.4321, z: 3.456, p: 0.0004, pSim: 0.001 },
  islands: [],
  neighbours: { min: 1, max: 2, mean: 1.5 },
  links: [[1], [0, 2], [1, 3], [2]],
  method: 'gistar',
  weights: 'queen',
  transform: 'r',
  permutations: 999,
  seed: 12345,
  correction: 'fdr',
  minP: 0.001,
  minAdjustedP: 0.004,
};
const rates: MunicipalDropout[] = [
  { lau_code: 'A', rate: 6.25, suppressed: false, schools: 3 },
  { lau_code: 'B', rate: null, suppressed: true, schools: 1 },
  { lau_code: 'C', rate: 1.5, suppressed: false, schools: 2 },
  { lau_code: 'D', rate: null, suppressed: false, schools: 0 },
];
const rateOf = new Map(rates.map((r) => [r.lau_code, r]));
const ready: ReadyAnalysis = {
  state: 'ready',
  year: 2025,
  unit: 'municipality',
  result,
  ms: 41.6,
  municipalities: rates,
  schools: [],
};
// B's rate is hidden: the engine leaves it out of the statistic; were a result to hold it all the same, the
// view shows it as not tested, never with its class or statistics.
const classOf = classesOf(ready);

const schools: SchoolPoint[] = [
  { school_id: 'S1', lau_code: 'A', lon: 19.8, lat: 41.3, enrolled: 49, rate: 0.5, suppressed: false },
  { school_id: 'S2', lau_code: 'B', lon: 19.9, lat: 41.4, enrolled: 3, rate: null, suppressed: true },
  { school_id: 'S3', lau_code: 'C', lon: 20.0, lat: 41.5, enrolled: 400, rate: 9.25, suppressed: false },
];
const schoolResult: HotspotResult = {
  ...result,
  ids: ['S1', 'S2', 'S3'],
  statistic: [0.8, -0.1, 1.9],
  z: [1.7, -0.2, 2.9],
  p: [0.04, 0.5, 0.002],
  pAdjusted: [0.06, 0.5, 0.006],
  classes: ['HL', 'ns', 'HH'],
  links: [[1], [0, 2], [1]],
  method: 'moran',
};
const readySchools: ReadyAnalysis = {
  ...ready,
  unit: 'schools',
  result: schoolResult,
  municipalities: [],
  schools,
};

const persistence: PersistenceResult = {
  years: [2023, 2024, 2025],
  ids: ['A', 'B', 'C', 'D'],
  classes: ['none', 'persistent', 'new', 'persistent'],
  z: [
    [0, 0, 0],
    [3, 3, 3],
    [0, 0, 3],
    [3, 3, 3],
  ],
  hot: [
    [false, false, false],
    [true, true, true],
    [false, false, true],
    [true, true, true],
  ],
};
const patternOf = new Map(persistence.ids.map((id, i) => [id, persistence.classes[i]!]));
const settings = (patch: Partial<HotspotSettings> = {}): HotspotSettings => ({
  ...DEFAULT_SETTINGS,
  ...patch,
});

describe('hotspots view: what is analysed', () => {
  it('shows the chosen year when it has data, else the latest, and nothing while unknown', () => {
    expect(pickYear(null, 2020)).toBeNull();
    expect(pickYear([], 2020)).toBeNull();
    expect(pickYear([2019, 2020, 2021], 2020)).toBe(2020);
    expect(pickYear([2019, 2020, 2021], 0)).toBe(2021);
  });

  it('shows persistence for municipalities only, and an answer only about the chosen units', () => {
    expect(showsPersistence(settings({ display: 'persistence' }))).toBe(true);
    expect(showsPersistence(settings({ unit: 'schools', display: 'persistence' }))).toBe(false);
    expect(readyFor(ready, 'municipality')).toBe(ready);
    expect(readyFor(ready, 'schools')).toBeNull();
    expect(readyFor({ state: 'loading' }, 'municipality')).toBeNull();
  });

  it('names the correction', () => {
    expect(correctionName(t, 'fdr')).toBe('Benjamini-Hochberg FDR');
    expect(correctionName(t, 'bonferroni')).toBe('Bonferroni');
    expect(correctionName(t, 'none')).toBe('none');
  });

  it('formats statistics and rates', () => {
    expect(formatStat(0.0004, 'en')).toBe('4.0e-4');
    expect(formatStat(Number.NaN, 'en')).toBe('–');
    expect(formatStat(2.3456, 'en', 2)).toBe('2.35');
    expect(formatRate(rateOf.get('A'), 5, 'en')).toBe('6.25');
    expect(formatRate(rateOf.get('B'), 5, 'en')).toBe('<5');
    expect(formatRate(undefined, 5, 'en')).toBe('–');
  });
});

describe('hotspots view: the map', () => {
  it('fills municipalities by class or pattern, and none when schools are analysed', () => {
    const byClass = fillOf('municipality', false, patternOf, classOf);
    expect(byClass('A')).toEqual(CLASS_COLOR.hot99);
    expect(byClass('B')).toEqual(CLASS_COLOR.hidden);
    expect(byClass('X')).toEqual(NOT_ANALYSED);
    expect(fillOf('municipality', true, patternOf, classOf)('B')).toEqual(PERSISTENCE_COLOR.persistent);
    expect(fillOf('municipality', true, new Map(), classOf)('B')).toEqual(NOT_ANALYSED);
    expect(fillOf('schools', false, patternOf, classOf)('A')).toEqual(NOT_ANALYSED);
  });

  it('describes a municipality with its class or pattern and its rate, hiding a suppressed one', () => {
    const input = {
      unit: 'municipality',
      showPersistence: false,
      byLau,
      rateOf,
      patternOf,
      classOf,
      lang: 'en',
      k: 5,
    } as const;
    const describe = describeOf(t, input);
    expect(describe('A')).toEqual({
      name: 'Alpha',
      county: 'North',
      value: 'Hot spot, 99 % confidence · 6.25 %',
    });
    expect(describe('B').value).toBe('Not tested: value hidden · <5');
    expect(describe('D').value).toBe('Cold spot, 95 % confidence · –');
    expect(describe('X')).toEqual({ name: 'X', county: '', value: 'Not significant · –' });
    expect(describeOf(t, { ...input, showPersistence: true })('C').value).toBe('New hot spot · 1.5 %');
    expect(describeOf(t, { ...input, unit: 'schools' })('A').value).toBe('6.25 %');
  });

  it('draws schools by class or rate, enrolment below k never shown', () => {
    const input = {
      settings: { unit: 'schools', display: 'year' },
      ready: readySchools,
      byLau,
      lang: 'en',
      k: 5,
    } as const;
    const points = schoolPoints(t, input)!;
    expect(points.map((p) => p.id)).toEqual(['S1', 'S2', 'S3']);
    expect(points[0]).toMatchObject({ color: CLASS_COLOR.HL, radius: 1.5 + 7 / 7, label: 'S1' });
    expect(points[0]!.detail).toBe('Alpha · 49 pupils · 0.5 % · High-low outlier');
    expect(points[1]!.detail).toBe('Beta · <5 pupils · fewer than 5 dropouts · Not tested: value hidden');
    expect(points[1]).toMatchObject({ color: CLASS_COLOR.hidden, radius: 1.5 + Math.sqrt(5) / 7 });
    const byRate = schoolPoints(t, { ...input, settings: { unit: 'schools', display: 'rates' } })!;
    expect(byRate.map((p) => p.color)).toEqual([RATE_COLORS[0], [160, 160, 160], RATE_COLORS[4]]);
    expect(
      schoolPoints(t, { ...input, settings: { unit: 'municipality', display: 'year' } }),
    ).toBeUndefined();
    expect(schoolPoints(t, { ...input, ready: null })).toBeUndefined();
  });

  it('keys the data on screen, with the persistence years and whether newer ones are coming', () => {
    const none = { shown: false, result: null, pending: false };
    expect(mapDataKey(null, 'k1', 'year', none)).toBeNull();
    expect(mapDataKey(ready, null, 'year', none)).toBeNull();
    expect(mapDataKey(ready, 'k1', 'year', none)).toBe('hotspots|k1|year|');
    expect(mapDataKey(ready, 'k1', 'persistence', { shown: true, result: persistence, pending: true })).toBe(
      'hotspots|k1|persistence|202320242025true',
    );
  });

  it('finds the connected hot cluster around the selection', () => {
    expect(selectedCluster(result, 'municipality', 'B', false, patternOf)).toEqual(['A', 'B']);
    expect(selectedCluster(result, 'municipality', 'C', false, patternOf)).toEqual([]);
    expect(selectedCluster(result, 'municipality', 'X', false, patternOf)).toEqual([]);
    expect(selectedCluster(result, 'municipality', null, false, patternOf)).toEqual([]);
    expect(selectedCluster(result, 'schools', 'B', false, patternOf)).toEqual([]);
    expect(selectedCluster(null, 'municipality', 'B', false, patternOf)).toEqual([]);
    // With persistence any pattern but "none" joins: B, C and D (A never was hot).
    expect(selectedCluster(result, 'municipality', 'C', true, patternOf)).toEqual(['B', 'C', 'D']);
  });
});

describe('hotspots view: the status line', () => {
  const base: StatusInput = {
    engineError: null,
    engineStart: null,
    analysis: ready,
    years: [2025],
    pending: false,
    analysisPending: false,
    showPersistence: false,
    permutations: 999,
  };
  it('says what goes wrong first, then what is being computed', () => {
    expect(statusText(t, base)).toBe('');
    expect(statusText(t, { ...base, engineError: 'boom', analysis: { state: 'error', message: 'x' } })).toBe(
      'boom',
    );
    expect(statusText(t, { ...base, pending: true, engineStart: 'Starting (step 1 of 2)' })).toBe(
      'Starting (step 1 of 2)',
    );
    expect(statusText(t, { ...base, analysis: { state: 'error', message: 'x' } })).toBe(
      'The analysis could not run: x',
    );
    expect(statusText(t, { ...base, years: [], pending: true })).toBe('No school data is loaded.');
    expect(statusText(t, { ...base, pending: true, analysisPending: true })).toBe(
      'Computing 999 permutations…',
    );
    expect(statusText(t, { ...base, pending: true, showPersistence: true })).toBe('Computing every year…');
    expect(statusText(t, { ...base, pending: true, analysisPending: true, showPersistence: true })).toBe(
      'Computing 999 permutations…',
    );
  });
});

describe('hotspots view: the legend', () => {
  const input = {
    settings: settings(),
    showPersistence: false,
    persistence: null,
    ready,
    lang: 'en',
    k: 5,
  } as const;

  it('titles the map by what it shows', () => {
    expect(legendTitle(t, settings(), false)).toBe('Hot and cold spots (Gi*)');
    expect(legendTitle(t, settings({ method: 'moran' }), false)).toBe("LISA clusters (Local Moran's I)");
    expect(legendTitle(t, settings({ unit: 'schools', display: 'rates' }), false)).toBe(
      'Dropout rate of schools (%)',
    );
    expect(legendTitle(t, settings(), true)).toBe('Hotspot persistence');
  });

  it('counts the classes, patterns or rate bands', () => {
    const gi = legendRows(t, input);
    expect(gi.map((r) => [r.key, r.count])).toEqual([
      ['hot99', 1],
      ['hot95', 0],
      ['hot90', 0],
      ['ns', 1],
      ['cold90', 0],
      ['cold95', 1],
      ['cold99', 0],
      ['hidden', 1],
    ]);
    expect(gi[0]).toMatchObject({ label: 'Hot spot, 99 % confidence', color: CLASS_COLOR.hot99 });
    expect(legendRows(t, { ...input, ready: null }).every((r) => r.count === 0)).toBe(true);
    const lisa = legendRows(t, { ...input, settings: settings({ method: 'moran' }) });
    expect(lisa.map((r) => r.key)).toEqual(['HH', 'HL', 'LH', 'LL', 'ns', 'hidden']);
    const pers = legendRows(t, { ...input, showPersistence: true, persistence });
    expect(pers.filter((r) => r.count > 0).map((r) => [r.key, r.count])).toEqual([
      ['new', 1],
      ['persistent', 2],
      ['none', 1],
    ]);
    const bands = legendRows(t, {
      ...input,
      settings: settings({ unit: 'schools', display: 'rates' }),
      ready: readySchools,
    });
    expect(bands.map((r) => [r.label, r.count])).toEqual([
      ['0–1 %', 1],
      ['1–2 %', 0],
      ['2–4 %', 0],
      ['4–8 %', 0],
      ['over 8 %', 1],
      ['Fewer than 5 dropouts (hidden)', 1],
    ]);
  });

  it('warns when the correction puts 95 % out of reach, and not without a correction', () => {
    const bonferroni = { ...result, correction: 'bonferroni', minAdjustedP: 0.061 } as const;
    expect(unreachableWarning(t, bonferroni, 'bonferroni', 'Bonferroni', 'en')).toBe(
      'With 999 permutations the smallest p-value is 0.001; Bonferroni over 4 units raises it to 0.061, above 0.05: no unit can be significant at 95 % or 99 % confidence. Use more permutations or the FDR correction.',
    );
    expect(unreachableWarning(t, bonferroni, 'none', 'none', 'en')).toBeNull();
    expect(unreachableWarning(t, result, 'fdr', 'Benjamini-Hochberg FDR', 'en')).toBeNull();
    expect(unreachableWarning(t, null, 'bonferroni', 'Bonferroni', 'en')).toBeNull();
  });

  it('notes the global statistic, neighbours, timing, islands and the persistence method', () => {
    expect(legendNotes(t, ready, null, false, 'en')).toEqual([
      "Global Moran's I = 0.432 (z = 3.46, p = 0.001).",
      'Neighbours per unit: 1 to 2 (mean 1.5).',
      '4 units, 999 permutations, seed 12345: computed in 42 ms off the main thread.',
      '1 of 4 units not tested: its value is hidden by small-count suppression, so it is left out of the statistic.',
    ]);
    const islands = { ...ready, result: { ...result, islands: ['D'] } };
    expect(legendNotes(t, islands, null, false, 'en').at(-2)).toBe(
      'Units without neighbours (never significant): D.',
    );
    expect(legendNotes(t, null, persistence, true, 'en')).toHaveLength(1);
    expect(legendNotes(t, null, persistence, true, 'en')[0]).toMatch(/^Gi\* in every year 2023–2025 /);
    expect(legendNotes(t, null, persistence, false, 'en')).toEqual([]);
  });
});

describe('hotspots view: the table', () => {
  const input = {
    unit: 'municipality',
    showPersistence: false,
    persistence: null,
    ready,
    byLau,
    rateOf,
    title: 'Hot and cold spots (Gi*)',
    lang: 'en',
    k: 5,
  } as const;

  it('is empty before an answer', () => {
    expect(hotspotsTable(t, { ...input, ready: null })).toBeNull();
    expect(hotspotsTable(t, { ...input, showPersistence: true, ready: null })).toBeNull();
  });

  it('lists every municipality by descending z with its rate, statistics and class', () => {
    const table = hotspotsTable(t, input)!;
    expect(table.caption).toBe('Hot and cold spots (Gi*), 2025, sorted by z');
    expect(table.headers).toEqual([
      'Municipality',
      'Dropout rate (%)',
      'Statistic',
      'z',
      'Pseudo p',
      'Adjusted p',
      'Class',
    ]);
    expect(table.numeric).toEqual([false, true, true, true, true, true, false]);
    expect(table.rows.map((r) => [r.id, r.cls, r.selectable])).toEqual([
      ['A', 'hot99', true],
      ['C', 'ns', true],
      ['D', 'cold95', true],
      ['B', 'hidden', true],
    ]);
    expect(table.rows[0]!.cells).toEqual([
      'Alpha',
      '6.25',
      '3.1',
      '3.1',
      '0.001',
      '0.004',
      'Hot spot, 99 % confidence',
    ]);
    // The issue's leak: Gi* and z of a municipality shown as <5. Its row names the class only.
    expect(table.rows[3]!.cells).toEqual(['Beta', '<5', '–', '–', '–', '–', 'Not tested: value hidden']);
    expect(table.rows[2]!.cells[1]).toBe('–');
  });

  it('lists only the schools in a significant cluster, not selectable', () => {
    const table = hotspotsTable(t, { ...input, unit: 'schools', ready: readySchools })!;
    expect(table.caption).toBe(
      'Schools in a significant cluster: 2 of 3 · 1 school not tested (value hidden).',
    );
    expect(table.headers[0]).toBe('School');
    expect(table.rows.map((r) => [r.id, r.cls, r.selectable])).toEqual([
      ['S3', 'HH', false],
      ['S1', 'HL', false],
    ]);
    expect(table.rows[0]!.cells.slice(0, 2)).toEqual(['S3 (Gamma)', '9.25']);
  });

  it('lists the persistence patterns in legend order with their hot years', () => {
    const table = hotspotsTable(t, { ...input, showPersistence: true, persistence })!;
    expect(table.caption).toBe('Hotspot persistence');
    expect(table.headers).toEqual(['Municipality', 'Pattern', 'Hot years']);
    expect(table.rows.map((r) => r.id)).toEqual(['C', 'B', 'D', 'A']);
    expect(table.rows[0]!.cells).toEqual(['Gamma', 'New hot spot', '2025']);
    expect(table.rows[1]!.cells[2]).toBe('2023, 2024, 2025');
    expect(table.rows[3]!.cells[2]).toBe('');
  });
});
