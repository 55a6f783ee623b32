import i18next, { type TFunction } from 'i18next';
import { describe, expect, it } from 'vitest';
import type { MapValue } from '../src/engine/engine';
import type { IndicatorMeta } from '../src/engine/schema';
import type { Boundaries, MunicipalityProps } from '../src/engine/static';
import { CATALOGS } from '../src/i18n/catalogs';
import { NO_DATA, SUPPRESSED } from '../src/map/scale';
import type { AtlasState } from '../src/state/store';
import type { EngineStatus } from '../src/ui/useEngine';
import { deriveMap } from '../src/ui/map/derive';
import { mapTexts, type MapTextsInput } from '../src/ui/map/map-texts';
import {
  countyListOf,
  dataKeyOf,
  describer,
  describer2,
  fillOf,
  focusOf,
  guardSeries,
  interactionKey,
  mapScale,
  mapUnits,
  nameOfUnit,
  tableRowsOf,
  textOf,
} from '../src/ui/map/map-view-props';

const i18n = i18next.createInstance();
void i18n.init({
  lng: 'en',
  resources: { en: { translation: CATALOGS.en }, sq: { translation: CATALOGS.sq } },
  interpolation: { escapeValue: false },
  initAsync: false,
});
const en = i18n.getFixedT('en') as TFunction;
const sq = i18n.getFixedT('sq') as TFunction;

const rate = {
  id: 'cp_cases_rate',
  label: { en: 'Child protection cases', sq: 'Rastet e mbrojtjes së fëmijëve' },
  aggregation: 'ratio',
  scale: 1000,
  higherIsWorse: true,
  sensitive: true,
} as unknown as IndicatorMeta;
const count = { ...rate, id: 'child_pop', aggregation: 'sum', sensitive: true } as IndicatorMeta;

/** A unit square with its south-west corner at (x, y). */
const square = (x: number, y: number) => {
  const ring = [
    [x, y],
    [x + 1, y],
    [x + 1, y + 1],
    [x, y + 1],
    [x, y],
  ];
  return { type: 'Polygon' as const, coordinates: [ring] };
};
const unit = (lau: string, name: string, qark: string, qarkName: string): MunicipalityProps => {
  return { lau_code: lau, name, name_ascii: name, name_alt: null, qark_code: qark, qark_name: qarkName };
};
const munis = [
  unit('A1', 'Korçë', 'Q2', 'Korçë'),
  unit('A2', 'Pogradec', 'Q2', 'Korçë'),
  unit('B1', 'Berat', 'Q1', 'Berat'),
  unit('C1', 'Durrës', 'Q3', 'Durrës'),
];
const boundaries: Boundaries = {
  type: 'FeatureCollection',
  features: munis.map((m, i) => ({ type: 'Feature', geometry: square(i, 0), properties: m })),
};
const berat = unit('Q1', 'Berat', 'Q1', 'Berat');
const counties: Boundaries = {
  type: 'FeatureCollection',
  features: [{ type: 'Feature', geometry: square(0, 5), properties: berat }],
};
const byLau = new Map(munis.map((m) => [m.lau_code, m]));

const v = (lau: string, value: number | null, numerator: number | null = null, suppressed = false) => ({
  lau_code: lau,
  value,
  suppressed,
  numerator,
  denominator: numerator === null ? null : 1000,
});

const state: AtlasState = {
  view: 'map',
  indicator: 'cp_cases_rate',
  year: 2025,
  selected: null,
  lang: 'en',
  k: 10,
  level: 'municipality',
  county: null,
  method: 'quantile',
  classes: 3,
  palette: '',
  manual: [],
  fixed: false,
  measure: 'rate',
  compare: 'none',
  year2: 2015,
  catchment: 'self',
  own: false,
  hotspots: '',
  planner: '',
  cases: '',
};

describe('map view props', () => {
  it('hides a count below the current threshold and keeps every other value as it is', () => {
    const kept = v('A2', 12, 12);
    const series = new Map([[2025, [v('A1', 4, 4), kept, v('B1', null, null, true)]]]);
    const guarded = guardSeries(series, rate, 10).get(2025)!;
    expect(guarded[0]).toEqual({
      lau_code: 'A1',
      value: null,
      suppressed: true,
      numerator: null,
      denominator: null,
    });
    expect(guarded[1]).toBe(kept);
    expect(guarded[2]!.suppressed).toBe(true);
    // A count indicator is judged by its value.
    expect(guardSeries(new Map([[2025, [v('A1', 3)]]]), count, 5).get(2025)![0]!.suppressed).toBe(true);
  });

  it('draws counties, every municipality, or those of the county drilled into', () => {
    expect(mapUnits(boundaries, counties, true, null)).toBe(counties);
    // Without the counties loaded yet, the municipalities stay.
    expect(mapUnits(boundaries, null, true, null)).toBe(boundaries);
    expect(mapUnits(boundaries, counties, false, null)).toBe(boundaries);
    const korce = mapUnits(boundaries, counties, false, 'Q2');
    expect(korce.features.map((f) => f.properties.lau_code)).toEqual(['A1', 'A2']);
  });

  it('classifies the units on the map, a unit without a value counting as no data', () => {
    expect(mapScale(null, munis, state, rate)).toBeNull();
    const series = new Map([[2025, [v('A1', 1, 1), v('A2', 5, 5), v('B1', 9, 9), v('C1', 12, 12, true)]]]);
    const derived = deriveMap(rate, series, state);
    const scale = mapScale(derived, [...munis, unit('D1', 'Vlorë', 'Q4', 'Vlorë')], state, rate)!;
    expect(scale.classes).toHaveLength(3);
    expect(scale.noData).toBe(1);
    expect(scale.suppressed).toBe(1);
    const fill = fillOf(scale, derived.values);
    expect(fill('A1')).toEqual(scale.classes[0]!.color);
    expect(fill('B1')).toEqual(scale.classes[2]!.color);
    expect(fill('C1')).toEqual(SUPPRESSED);
    expect(fill('D1')).toEqual(NO_DATA);
    expect(fillOf(null, derived.values)('A1')).toEqual(NO_DATA);
  });

  it('formats tooltips and table rows from the values shown', () => {
    const values = new Map<string, MapValue>([
      ['A1', v('A1', 12.345)],
      ['A2', v('A2', null, null, true)],
    ]);
    const second = new Map<string, MapValue>([['A1', v('A1', 7)]]);
    const text = textOf(values, 'en', 1, 10, 'no data');
    expect([text('A1'), text('A2'), text('B1'), text('A1', second)]).toEqual(['12.3', '<10', 'no data', '7']);
    expect(textOf(values, 'sq', 1, 10, 'pa të dhëna')('A1')).toBe('12,3');

    const nameOf = nameOfUnit(munis, byLau);
    expect([nameOf('A2'), nameOf('ZZ')]).toEqual(['Pogradec', 'ZZ']);
    const describe = describer(nameOf, false, byLau, text, en);
    expect(describe('A1')).toEqual({ name: 'Korçë', county: 'Korçë county', value: '12.3' });
    expect(describer(nameOf, true, byLau, text, en)('A1').county).toBe('');
    expect(describer(nameOf, false, byLau, text, sq)('A1').county).toBe('Qarku Korçë');
    expect(describer2(describe, text, second)('A1')).toEqual({ ...describe('A1'), value: '7' });

    expect(tableRowsOf(munis.slice(0, 3), text, values)).toEqual([
      { lau: 'A1', name: 'Korçë', county: 'Korçë', text: '12.3', value: 12.345 },
      { lau: 'A2', name: 'Pogradec', county: 'Korçë', text: '<10', value: null },
      { lau: 'B1', name: 'Berat', county: 'Berat', text: 'no data', value: null },
    ]);
  });

  it('lists each county once, in Albanian order', () => {
    const list = countyListOf([
      ...munis,
      unit('E1', 'Çorovodë', 'Q5', 'Çorovodë'),
      unit('F1', 'Cakran', 'Q6', 'Cakran'),
    ]);
    expect(list.map((c) => c.name)).toEqual(['Berat', 'Cakran', 'Çorovodë', 'Durrës', 'Korçë']);
    expect(list[0]).toEqual({ code: 'Q1', name: 'Berat' });
  });

  it('zooms to the municipality asked for while it is selected, else to the county drilled into', () => {
    expect(focusOf(boundaries, 'B1', 'B1', null)).toEqual([2, 0, 3, 1]);
    expect(focusOf(boundaries, 'B1', 'A1', 'Q2')).toEqual([0, 0, 2, 1]);
    expect(focusOf(boundaries, null, 'A1', null)).toBeNull();
  });

  it('measures an interaction to the very key the map draws once its values are on screen', () => {
    const states: Partial<AtlasState>[] = [
      {},
      { level: 'county', year: 2019 },
      { county: 'Q2', compare: 'side', year2: 2018 },
      { method: 'manual', manual: [1, 2], fixed: true, measure: 'smoothed', compare: 'change' },
    ];
    for (const patch of states) {
      const s = { ...state, ...patch };
      const seriesKey = `${s.indicator}|${s.level}|3:10`;
      expect(dataKeyOf({} as never, seriesKey, s, s.county)).toBe(interactionKey(s, '3:10'));
    }
    // Another revision (an import, a new threshold) is another picture.
    expect(dataKeyOf({} as never, 'cp_cases_rate|municipality|0:10', state, null)).not.toBe(
      interactionKey(state, '1:10'),
    );
    expect(dataKeyOf(null, 'x', state, null)).toBeNull();
    expect(dataKeyOf({} as never, null, state, null)).toBeNull();
  });
});

describe('map view texts', () => {
  const ready = { state: 'ready' } as EngineStatus;
  const series = new Map([
    [2015, [v('A1', 2, 2), v('B1', 4, 4)]],
    [2025, [v('A1', 3, 3), v('B1', 6, 6)]],
  ]);
  const input = (over: Partial<MapTextsInput> = {}, patch: Partial<AtlasState> = {}): MapTextsInput => {
    const s = { ...state, ...patch };
    const derived = deriveMap(rate, series, s);
    return {
      t: en,
      state: s,
      status: ready,
      meta: rate,
      main: { error: null, current: true },
      derived,
      scale: mapScale(derived, munis, s, rate),
      countyLevel: false,
      byLau,
      ...over,
    };
  };

  it('says where the engine and the values are', () => {
    const progress = { database: true, files: 4, totalFiles: 4, loading: true };
    expect(mapTexts(input()).status).toBe('Analysis engine ready');
    expect(mapTexts(input({ main: { error: null, current: false } })).status).toBe('Loading 2025…');
    expect(
      mapTexts(input({ status: { state: 'starting', progress }, main: { error: null, current: false } }))
        .status,
    ).toBe(
      'Showing the precomputed first view. Starting the analysis engine (step 2 of 2): loading the data into the database…',
    );
    expect(mapTexts(input({ main: { error: 'boom', current: true } })).status).toMatch(/boom$/);
    expect(mapTexts(input({ status: { state: 'error', message: 'no wasm' } })).status).toMatch(
      /^The analysis engine could not start: no wasm\./,
    );
  });

  it('titles the legend, the maps and the table by the comparison and the measure', () => {
    const one = mapTexts(input());
    expect(one.legendTitle).toBe('Child protection cases, 2025');
    expect(one.legendMethod).toBe('Quantiles');
    expect(one.mapLabel).toMatch(
      /^Map of Albania's municipalities coloured by Child protection cases, 2025\./,
    );
    expect(one.tableCaption).toBe('Child protection cases, 2025, 2025, by municipality');
    expect(one.tableUnitLabel).toBeUndefined();
    expect([one.digits, one.seriesDigits]).toEqual([1, 1]);

    const side = mapTexts(input({}, { compare: 'side' }));
    expect(side.legendTitle).toBe('Child protection cases, 2015 and 2025');
    expect(side.mapLabel2).toMatch(/, 2015\./);

    const change = mapTexts(input({}, { compare: 'change', fixed: true, measure: 'smoothed' }));
    expect(change.legendTitle).toBe('Child protection cases (smoothed): change 2015 → 2025');
    expect(change.legendMethod).toBe(
      'Quantiles · classes fixed across all years · empirical-Bayes smoothed rates',
    );

    const counts = mapTexts(input({}, { measure: 'count' }));
    expect(counts.indicator).toBe('Child protection cases (Count (numerator))');
    expect([counts.digits, counts.seriesDigits]).toEqual([0, 1]);
    expect(counts.smallMultiplesTitle).toBe('Child protection cases by county, every year');
  });

  it('names the selection and the county to highlight, and counties at county level', () => {
    const muni = mapTexts(input({}, { selected: 'A2' }));
    expect(muni.selected).toEqual({ lau: 'A2', name: 'Pogradec', county: 'Korçë' });
    expect(muni.highlightCounty).toBe('Q2');
    expect(mapTexts(input({}, { selected: 'A2', county: 'Q1' })).highlightCounty).toBe('Q1');

    const county = mapTexts(input({ countyLevel: true }, { selected: 'Q1', county: 'Q1' }));
    expect(county.selected).toBeNull();
    expect(county.highlightCounty).toBeNull();
    expect(county.mapLabel).toMatch(/^Map of Albania's counties/);
    expect(county.tableCaption).toBe('Child protection cases, 2025 by county');
    expect(county.tableUnitLabel).toBe('County');
  });

  it('speaks Albanian', () => {
    const texts = mapTexts(input({ t: sq, countyLevel: true }, { lang: 'sq' }));
    expect(texts.legendTitle).toBe('Rastet e mbrojtjes së fëmijëve, 2025');
    expect(texts.tableCaption).toBe('Rastet e mbrojtjes së fëmijëve, 2025 sipas qarkut');
    expect(texts.status).toBe('Motori i analizës është gati');
    expect(texts.smallMultiplesTitle).toBe('Rastet e mbrojtjes së fëmijëve sipas qarkut, çdo vit');
  });
});
