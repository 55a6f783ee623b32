/** The user's data against the demo's in the views (issue 11, item 8), and the notes on weights (item 7). */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { MapValue } from '../src/engine/engine';
import type { Catalog } from '../src/engine/schema';
import { initI18n } from '../src/i18n';
import { bannerOf, groupsOf, ownIndicatorFor, scopedDataset, scopeOf } from '../src/ui/own/own-data';
import { legendWeights, tooltipWeights } from '../src/ui/map/weights-text';
import type { Dataset } from '../src/ui/useDataset';

const catalog = JSON.parse(readFileSync('public/data/catalog.json', 'utf8')) as Catalog;
const i18n = initI18n('en');
const t = i18n.getFixedT('en');
const tq = i18n.getFixedT('sq');
const ids = (list: { id: string }[]) => list.map((i) => i.id);
const sources = [
  { indicator: 'dv_reports', own: 4, demo: 0 },
  { indicator: 'cp_cases_rate', own: 1, demo: 670 },
  { indicator: 'child_pop', own: 0, demo: 671 },
];

describe('whose values', () => {
  it('groups the indicators by the engine’s counts', () => {
    const g = groupsOf(catalog.indicators, sources);
    expect(ids(g.own)).toEqual(['dv_reports']);
    expect(ids(g.mixed)).toEqual(['cp_cases_rate']);
    expect(ids(g.demo)).toEqual(
      catalog.indicators.map((i) => i.id).filter((i) => !['dv_reports', 'cp_cases_rate'].includes(i)),
    );
  });

  it('"only my data" counts only once some values are the user’s', () => {
    expect(scopeOf(true, null)).toBe('all');
    expect(scopeOf(true, [{ indicator: 'x', own: 0, demo: 3 }])).toBe('all');
    expect(scopeOf(true, sources)).toBe('own');
    expect(scopeOf(false, sources)).toBe('all');
  });

  it('after a load, an indicator of the user’s is shown if the one on screen has none of theirs', () => {
    expect(ownIndicatorFor('child_pop', catalog.indicators, sources)).toBe('cp_cases_rate');
    expect(ownIndicatorFor('dv_reports', catalog.indicators, sources)).toBeNull();
    expect(ownIndicatorFor('child_pop', catalog.indicators, [])).toBeNull();
  });
});

describe('the banner', () => {
  const g = groupsOf(catalog.indicators, sources);
  const base = {
    synthetic: true,
    scope: 'all' as const,
    groups: g,
    ownKinds: ['indicator_values' as const],
    view: 'map' as const,
    lang: 'en' as const,
    t,
  };

  it('is the generic one until a file is loaded, and none for data that is not synthetic', () => {
    expect(bannerOf({ ...base, ownKinds: [], groups: null })).toEqual({ kind: 'all' });
    expect(bannerOf({ ...base, synthetic: false })).toBeNull();
  });

  it('names what is still the demo’s, in part or whole, in either language', () => {
    const b = bannerOf(base);
    expect(b?.kind).toBe('some');
    const names = b?.kind === 'some' ? b.names : [];
    expect(names).toContain('Child population 0–17');
    expect(names).toContain(
      'Reported child-protection cases per 1,000 children (where your files give no value)',
    );
    expect(names).not.toContain('Domestic-violence reports');
    const sq = bannerOf({ ...base, lang: 'sq', t: tq });
    expect(sq?.kind === 'some' && sq.names.join(' ')).toMatch(/aty ku skedarët tuaj nuk japin vlerë/);
  });

  it('goes with "only my data" on the map, and names the demo’s units and schools where a view shows them', () => {
    expect(bannerOf({ ...base, scope: 'own' })).toBeNull();
    expect(bannerOf({ ...base, scope: 'own', view: 'coverage' })).toEqual({
      kind: 'some',
      names: ['Child Protection Units and their caseload'],
    });
    expect(
      bannerOf({ ...base, scope: 'own', view: 'coverage', ownKinds: ['indicator_values', 'facilities'] }),
    ).toBeNull();
    expect(bannerOf({ ...base, scope: 'own', view: 'hotspots' })).toEqual({
      kind: 'some',
      names: ['schools'],
    });
  });
});

describe('the scoped dataset', () => {
  const d: Dataset = {
    catalog,
    firstView: { year: 2025, rows: [] },
    boundaries: { type: 'FeatureCollection', features: [] },
    version: 3,
    ownKinds: ['indicator_values'],
  };
  const g = groupsOf(catalog.indicators, sources);

  it('keeps only the user’s indicators under "only my data", with no demo first view and its own version', () => {
    const own = scopedDataset(d, 'own', g, false);
    expect(ids(own.catalog.indicators)).toEqual(['cp_cases_rate', 'dv_reports']);
    expect(own.firstView).toBeNull();
    expect(own.catalog.synthetic).toBe(false);
    const all = scopedDataset(d, 'all', g, true);
    expect(all.catalog.indicators).toHaveLength(catalog.indicators.length);
    expect(all.firstView).not.toBeNull();
    expect(
      new Set([own.version, all.version, scopedDataset({ ...d, version: 4 }, 'all', g, true).version]).size,
    ).toBe(3);
  });
});

describe('notes on weights', () => {
  const meta = catalog.indicators.find((i) => i.id === 'dropout_rate')!;
  const v = (lau: string, basis?: MapValue['basis']): MapValue => ({
    lau_code: lau,
    value: 3,
    suppressed: false,
    ...(basis ? { basis } : {}),
  });
  const p = { meta, indicators: catalog.indicators, countyLevel: false, lang: 'en' as const, t };

  it('the legend counts the rates without counts and names the weight; nothing when all rest on counts', () => {
    expect(legendWeights([v('a'), v('b', 'denominator')], p)).toBeNull();
    expect(legendWeights([v('a', 'child_pop'), v('b', 'child_pop'), v('c')], p)).toMatch(
      /^2 rates on this map come without counts: .*child population/,
    );
    expect(legendWeights([v('AL-02', 'child_pop')], { ...p, countyLevel: true })).toMatch(
      /^1 county rests on rates without counts/,
    );
    expect(legendWeights([v('a', 'child_pop')], { ...p, t: tq, lang: 'sq' })).toMatch(/popullsia e fëmijëve/);
  });

  it('the tooltip says so per unit, naming the catalog’s denominator indicator when that is the weight', () => {
    expect(tooltipWeights(v('a'), p)).toBeUndefined();
    expect(tooltipWeights(v('a', 'child_pop'), p)).toBe(
      'Rate without counts: weighted by child population (child_pop)',
    );
    expect(tooltipWeights(v('a', 'none'), p)).toBe('Rate without counts and without a weight');
    const withDen = { ...p, meta: { ...meta, denominator: 'child_pop' } };
    expect(tooltipWeights(v('a', 'indicator'), withDen)).toBe(
      'Rate without counts: weighted by Child population 0–17',
    );
  });
});
