/** The planner's pure props builders: settings, children at risk, the need map and each panel's props. */
import i18next, { type TFunction } from 'i18next';
import { describe, expect, it } from 'vitest';
import { catchmentGeometry } from '../../src/analysis/catchment';
import { needIndex, type NeedInput } from '../../src/analysis/planning/need-index';
import type { PlanningInstance } from '../../src/analysis/planning/problem';
import type { MapValue } from '../../src/engine/engine';
import type { IndicatorMeta } from '../../src/engine/schema';
import type { Boundaries, MunicipalityProps } from '../../src/engine/static';
import { CATALOGS } from '../../src/i18n/catalogs';
import { NO_DATA } from '../../src/map/scale';
import { NEED_COLORS, needClass } from '../../src/ui/planner/explain';
import {
  atRiskOf,
  chosenIds,
  costedOf,
  needIndicatorsOf,
  placesOf,
  settingsOf,
  toggledWeights,
} from '../../src/ui/planner/planner-derive';
import { needDescribe, needFill, plannerMapKey } from '../../src/ui/planner/planner-map-props';
import {
  plannerProps,
  plannerStatus,
  type PlannerActions,
  type PlannerInput,
} from '../../src/ui/planner/planner-props';
import {
  DEFAULT_BUDGET,
  defaultSettings,
  encodeSettings,
  type SavedResult,
  type Scenario,
} from '../../src/ui/planner/settings';
import type { Need } from '../../src/ui/planner/useNeed';
import type { Solved } from '../../src/ui/planner/useSolve';

const i18n = i18next.createInstance();
void i18n.init({
  lng: 'en',
  resources: { en: { translation: CATALOGS.en }, sq: { translation: CATALOGS.sq } },
  interpolation: { escapeValue: false },
  initAsync: false,
});
const en = i18n.getFixedT('en') as TFunction;
const sq = i18n.getFixedT('sq') as TFunction;

const indicator = (id: string, higherIsWorse = true) =>
  ({ id, label: { en: id, sq: `${id} (sq)` }, higherIsWorse, aggregation: 'ratio' }) as IndicatorMeta;
const catalog = [indicator('poverty'), indicator('child_pop'), indicator('dropout')];
const needIndicators = needIndicatorsOf(catalog);
const defaults = defaultSettings({ poverty: 50, dropout: 50 });

const square = (x: number) => ({
  type: 'Polygon' as const,
  coordinates: [
    [
      [x, 0],
      [x + 1, 0],
      [x + 1, 1],
      [x, 1],
      [x, 0],
    ],
  ],
});
const munis: MunicipalityProps[] = ['Korçë', 'Berat', 'Durrës'].map((name, i) => ({
  lau_code: `L${i}`,
  name,
  name_ascii: name,
  name_alt: null,
  qark_code: `Q${i}`,
  qark_name: `${name} county`,
}));
const boundaries: Boundaries = {
  type: 'FeatureCollection',
  features: munis.map((m, i) => ({ type: 'Feature', properties: m, geometry: square(i) })),
};

/** The need index over three municipalities: L0 the most in need, L2 the least. */
function needOf(): Need {
  const input: NeedInput = {
    indicators: [
      { id: 'poverty', higherIsWorse: true, weight: 50 },
      { id: 'dropout', higherIsWorse: true, weight: 50 },
    ],
    rows: [
      { lau_code: 'L0', values: { poverty: 30, dropout: 9 } },
      { lau_code: 'L1', values: { poverty: 20, dropout: 5 } },
      { lau_code: 'L2', values: { poverty: 10, dropout: 1 } },
    ],
    normalisation: 'minmax',
  };
  return { input, result: needIndex(input), suppressed: new Map([['L2', new Set(['dropout'])]]) };
}

const value = (lau_code: string, v: number | null, suppressed = false): MapValue => ({
  lau_code,
  value: v,
  suppressed,
});

describe('what the planner derives', () => {
  it('reads the settings of the link, dropping indicators the dataset does not have', () => {
    const encoded = encodeSettings({ ...defaults, weights: { poverty: 70, gone: 30 }, k: 5 });
    expect(settingsOf(encoded, defaults, needIndicators)).toMatchObject({ weights: { poverty: 70 }, k: 5 });
    const none = encodeSettings({ ...defaults, weights: { gone: 100 } });
    expect(settingsOf(none, defaults, needIndicators).weights).toEqual(defaults.weights);
    expect(settingsOf('', defaults, needIndicators)).toEqual(defaults);
  });

  it('the child count is no need indicator; toggling keeps at least one and weighs equally', () => {
    expect(needIndicators.map((m) => m.id)).toEqual(['poverty', 'dropout']);
    expect(toggledWeights(needIndicators, { poverty: 100 }, 'dropout', true)).toEqual({
      poverty: 50,
      dropout: 50,
    });
    expect(toggledWeights(needIndicators, { poverty: 60, dropout: 40 }, 'poverty', false)).toEqual({
      dropout: 100,
    });
    expect(toggledWeights(needIndicators, { poverty: 100 }, 'poverty', false)).toBeNull();
    expect(chosenIds(needIndicators, { dropout: 60, poverty: 40 })).toEqual(['poverty', 'dropout']);
    expect(placesOf(munis).get('L1')).toEqual({ name: 'Berat', county: 'Berat county' });
  });

  it('children at risk: children x relative need, a suppressed child count missing', () => {
    const need = needOf();
    const values = new Map([
      [
        'child_pop',
        new Map([value('L0', 1000), value('L1', 800), value('L2', null, true)].map((v) => [v.lau_code, v])),
      ],
    ]);
    expect(atRiskOf(null, values)).toBeNull();
    expect(atRiskOf(need, null)).toBeNull();
    const atRisk = atRiskOf(need, values)!;
    expect(atRisk.demand.get('L0')).toBe(1000);
    expect(atRisk.demand.get('L1')).toBeCloseTo(400, 9);
    expect(atRisk.unknown).toEqual(['L2']);
  });

  it('under a budget each candidate site costs the file cost or the unit cost; by k nothing changes', () => {
    const instance: PlanningInstance = {
      demand: [{ id: 'L0', weight: 1 }],
      sites: [{ id: 'L0' }, { id: 'L1' }, { id: 'unit:u1', existing: true }],
      coverage: new Map([['L0', ['L0']]]),
    };
    expect(costedOf(instance, DEFAULT_BUDGET)).toBe(instance);
    expect(costedOf(null, { ...DEFAULT_BUDGET, mode: 'budget' })).toBeNull();
    const costed = costedOf(instance, {
      ...DEFAULT_BUDGET,
      mode: 'budget',
      unitCost: 60000,
      costs: { L1: 1 },
    })!;
    expect(costed.sites).toEqual([
      { id: 'L0', cost: 60000 },
      { id: 'L1', cost: 1 },
      { id: 'unit:u1', existing: true },
    ]);
  });
});

describe('the need map', () => {
  const need = needOf();
  const byLau = new Map(need.result.scores.map((s) => [s.lau_code, s]));
  it('colours by need class, no data where no score', () => {
    const fill = needFill(byLau, 3);
    expect(fill('L0')).toEqual(NEED_COLORS[needClass(1, 3)]);
    expect(fill('L0')).toEqual(NEED_COLORS[NEED_COLORS.length - 1]);
    expect(fill('L2')).toEqual(NEED_COLORS[needClass(3, 3)]);
    expect(fill('L2')).not.toEqual(fill('L0'));
    expect(fill('XX')).toEqual(NO_DATA);
  });

  it('tooltips name the place, its county and its rank, in either language', () => {
    const places = placesOf(munis);
    expect(needDescribe(en, 'en', byLau, places, 3)('L0')).toEqual({
      name: 'Korçë',
      county: en('tooltip.county', { county: 'Korçë county' }),
      value: 'Need rank 1 of 3 (score 1)',
    });
    expect(needDescribe(sq, 'sq', byLau, places, 3)('XX').value).toBe(sq('tooltip.noData'));
  });

  it('the repaint key follows the values, the weights, the normalisation and the plan', () => {
    const s = { weights: { poverty: 100 }, norm: 'minmax' as const };
    expect(plannerMapKey(false, 'v', s, 'p')).toBeNull();
    expect(plannerMapKey(true, '2025|10|1', s, undefined)).toBe('planner|2025|10|1|{"poverty":100}|minmax|');
    expect(plannerMapKey(true, 'v', s, 'p')).not.toBe(
      plannerMapKey(true, 'v', { ...s, norm: 'zscore' }, 'p'),
    );
  });
});

const result: SavedResult = {
  sites: ['L1'],
  gains: [400],
  covered: 1400,
  baseline: 1000,
  total: 1400,
  status: 'optimal',
  method: 'exact',
  gap: 0,
};
const scenario = (name: string, catchment: string): Scenario => ({
  name,
  weights: { poverty: 100 },
  norm: 'minmax',
  catchment,
  year: 2025,
  k: 1,
  budget: DEFAULT_BUDGET,
  result,
  saved: '2026-01-01',
});
const noop = () => undefined;
const actions: PlannerActions = {
  onWeight: noop,
  onToggle: noop,
  onNorm: noop,
  onBudget: noop,
  onCatchment: noop,
  onK: noop,
  onSolve: noop,
  onSelect: noop,
  onCompare: noop,
  scenarios: { onSave: noop, onLoad: noop, onDelete: noop, onCsv: noop },
};
const solved: Solved = { key: 'k', result, curve: null, cover: null, fallback: null };

function input(patch: Partial<PlannerInput> = {}): PlannerInput {
  return {
    t: en,
    lang: 'en',
    year: 2025,
    selected: null,
    catchment: 'self',
    suppressionK: 10,
    synthetic: true,
    boundaries,
    neighbours: { type: 'FeatureCollection', features: [] } as never,
    needIndicators,
    settings: defaults,
    places: placesOf(munis),
    names: new Map(munis.map((m) => [m.lau_code, m.name])),
    labels: new Map(catalog.map((m) => [m.id, m.label.en])),
    ids: ['poverty', 'dropout'],
    known: new Set(['L0', 'L1', 'L2']),
    loaded: true,
    error: null,
    need: needOf(),
    intervals: null,
    intervalsStale: true,
    map: {
      fill: () => NO_DATA,
      describe: () => ({ name: '', county: '', value: '' }),
      points: [],
      dataKey: 'd',
    },
    units: [{ id: 'u1', lau_code: 'L0', lon: 0.5, lat: 0.5, name: 'CPU Korçë' }],
    geom: catchmentGeometry(boundaries.features),
    gap: null,
    gapByLau: null,
    canSolve: true,
    waiting: 'The engine starts',
    solve: { solved: null, current: null, solving: false, error: null },
    actions,
    ...patch,
  };
}

describe('the planner props', () => {
  it('the status line: an error, loading the year, or the number ranked', () => {
    expect(plannerStatus(en, 'boom', true, 2025, 61)).toBe(en('error.view', { message: 'boom' }));
    expect(plannerStatus(en, null, false, 2025, 0)).toBe('Loading 2025…');
    expect(plannerStatus(sq, null, true, 2025, 61)).toBe(
      'Indeksi i nevojës për 2025: 61 bashki të renditura.',
    );
    expect(plannerProps(input()).status).toBe('Need index for 2025: 3 municipalities ranked.');
    expect(plannerProps(input({ need: null, loaded: false })).status).toBe('Loading 2025…');
  });

  it('no ranking or brief before the need index; no brief before a plan for the settings on screen', () => {
    const empty = plannerProps(input({ need: null }));
    expect(empty.ranking).toBeNull();
    expect(empty.brief).toBeNull();
    expect(empty.scenarios.canSave).toBe(false);
    const ready = plannerProps(input());
    expect(ready.ranking?.scores).toHaveLength(3);
    expect(ready.ranking?.caption).toContain('(rank intervals updating…)');
    expect(ready.brief).toBeNull();
    expect(ready.siting).toMatchObject({
      result: null,
      stale: true,
      canSolve: true,
      waiting: null,
      catchment: 'self',
    });
    expect(plannerProps(input({ canSolve: false })).siting.waiting).toBe('The engine starts');
  });

  it('an older plan shows as stale; the plan for the settings on screen opens the brief', () => {
    const old = plannerProps(input({ solve: { solved, current: null, solving: false, error: null } }));
    expect(old.siting).toMatchObject({ result, stale: true, fallback: null });
    expect(old.brief).toBeNull();
    const now = plannerProps(
      input({ solve: { solved, current: { ...solved, fallback: 'timeout' }, solving: false, error: null } }),
    );
    expect(now.siting.stale).toBe(false);
    expect(now.siting.fallback).toBe(en('planner.siting.why.timeout'));
    expect(now.brief?.data).toMatchObject({
      title: '3 new Child Protection Units',
      k: 3,
      units: 1,
      catchment: 'self',
    });
    expect(now.brief?.data.scores).toHaveLength(3);
  });

  it('under a budget the brief is titled by the budget', () => {
    const budget = { ...DEFAULT_BUDGET, mode: 'budget' as const, budget: 120000 };
    const p = plannerProps(
      input({
        settings: { ...defaults, budget },
        solve: { solved, current: solved, solving: false, error: null },
      }),
    );
    expect(p.brief?.data.title).toBe('New Child Protection Units within 120,000 EUR/yr');
    expect(p.budget.value).toBe(budget);
  });

  it('two scenarios compare only when both exist', () => {
    const scenarios = [scenario('a', '25km'), scenario('b', 'self')];
    expect(
      plannerProps(input({ settings: { ...defaults, scenarios, compare: [0, 1] } })).compare,
    ).toMatchObject({
      a: scenarios[0],
      b: scenarios[1],
    });
    expect(plannerProps(input({ settings: { ...defaults, scenarios, compare: [0, 5] } })).compare).toBeNull();
    expect(plannerProps(input({ settings: { ...defaults, scenarios } })).compare).toBeNull();
  });

  it('the map carries the boundaries, the selection and the year in its label', () => {
    const p = plannerProps(input({ selected: 'L1', t: sq, lang: 'sq' }));
    expect(p.map).toMatchObject({ boundaries, selected: 'L1', dataKey: 'd' });
    expect(p.map.label).toBe(sq('planner.map.label', { year: 2025 }));
    expect(p.units).toBe(1);
  });
});
