/** The case explorer's pure derivations: fitted filters, toggles, the brush, the ranking, texts and CSV. */
import type { TFunction } from 'i18next';
import { describe, expect, it } from 'vitest';
import type { CaseBar, CaseFacets, CasesInfo } from '../src/engine/cases-types';
import { CASE_DIMS } from '../src/engine/cases-types';
import {
  fitFilters,
  hasFilters,
  isSmall,
  mapValues,
  maxShown,
  periodAt,
  perturbs,
  rankMunicipalities,
  toggleValue,
  withPeriod,
} from '../src/ui/cases/cases-derive';
import { casesCsv, CASES_CSV_HEADER } from '../src/ui/cases/cases-csv';
import { casesScale } from '../src/ui/cases/cases-scale';
import { countText, filterParts, summaryText, valueLabel } from '../src/ui/cases/cases-texts';
import { SUPPRESSED } from '../src/map/scale';

const info: CasesInfo = {
  source: 'demo',
  rows: 1000,
  categories: {
    lau_code: ['AL111', 'AL112', 'AL113'],
    case_type: ['trafficking', 'abuse', 'neglect'],
    referral_source: ['school', 'police'],
    age_band: ['0-5', '6-11'],
    sex: ['F', 'M'],
  },
  periods: [2020 * 12, 2021 * 12 + 11],
};

// A translator that shows the key and its values, so texts are checked for what they are made of.
const t = ((key: string, o?: Record<string, unknown>) => {
  if (o && 'defaultValue' in o) return `${key}`;
  return o
    ? `${key}(${Object.entries(o)
        .map(([k, v]) => `${k}=${String(v)}`)
        .join(',')})`
    : key;
}) as unknown as TFunction;
const labels = { t, lang: 'en' as const, names: new Map([['AL111', 'Tiranë']]) };

const bar = (key: string, count: number | null, rate?: number | null): CaseBar => ({ key, count, rate });

describe('case filters', () => {
  it('keeps only values the records have, in their order, and clips the period', () => {
    const f = fitFilters(
      { case_type: ['neglect', 'bogus', 'trafficking'], sex: ['Z'], period: [2019 * 12, 2020 * 12 + 5] },
      info,
    );
    expect(f).toEqual({ case_type: ['trafficking', 'neglect'], period: [2020 * 12, 2020 * 12 + 5] });
    expect(fitFilters({ period: [2010 * 12, 2030 * 12] }, info)).toEqual({}); // every month: no filter
    expect(fitFilters({ period: [2030 * 12, 2031 * 12] }, info)).toEqual({}); // outside: no filter
  });

  it('toggles a value in and out, an empty set being no filter', () => {
    const a = toggleValue({}, 'sex', 'F');
    expect(a).toEqual({ sex: ['F'] });
    expect(toggleValue(a, 'sex', 'M')).toEqual({ sex: ['F', 'M'] });
    expect(toggleValue(a, 'sex', 'F')).toEqual({});
    expect(hasFilters({})).toBe(false);
    expect(hasFilters(a)).toBe(true);
    expect(hasFilters({ period: [1, 2] })).toBe(true);
  });

  it('sets the brushed period in either order, and clears it', () => {
    expect(withPeriod({}, [30, 20])).toEqual({ period: [20, 30] });
    expect(withPeriod({ period: [1, 2], sex: ['F'] }, null)).toEqual({ sex: ['F'] });
  });

  it('maps a pointer position to a month, clamped to the chart', () => {
    expect(periodAt(0, 240, 100, 123)).toBe(100);
    expect(periodAt(239, 240, 100, 123)).toBe(123);
    expect(periodAt(125, 240, 100, 123)).toBe(112);
    expect(periodAt(-5, 240, 100, 123)).toBe(100);
    expect(periodAt(900, 240, 100, 123)).toBe(123);
  });

  it('turns perturbation off only on the user own records', () => {
    const off = { filters: {}, measure: 'count' as const, perturb: false };
    expect(perturbs(off, info)).toBe(true);
    expect(perturbs(off, { ...info, source: 'own' })).toBe(false);
    expect(perturbs(off, null)).toBe(true);
  });
});

describe('case bars', () => {
  const lau = [bar('AL111', 40, 2.5), bar('AL112', null, null), bar('AL113', 90, 1.2), bar('AL114', 40, 3)];

  it('ranks by the measure, suppressed last, the chosen ones kept', () => {
    expect(rankMunicipalities(lau, 'count', 2).map((b) => b.key)).toEqual(['AL113', 'AL111']);
    expect(rankMunicipalities(lau, 'rate', 2).map((b) => b.key)).toEqual(['AL114', 'AL111']);
    expect(rankMunicipalities(lau, 'count', 4).map((b) => b.key)).toEqual([
      'AL113',
      'AL111',
      'AL114',
      'AL112',
    ]);
    expect(rankMunicipalities(lau, 'count', 1, ['AL112']).map((b) => b.key)).toEqual(['AL113', 'AL112']);
  });

  it('gives the map suppressed cells as suppressed, grey', () => {
    const v = mapValues(lau, 'rate');
    expect(v[1]).toEqual({ lau_code: 'AL112', value: null, suppressed: true });
    expect(v[0]).toEqual({ lau_code: 'AL111', value: 2.5, suppressed: false });
    const { fill, scale } = casesScale(lau, 'count');
    expect(fill('AL112')).toEqual(SUPPRESSED);
    expect(scale.suppressed).toBe(1);
    expect(maxShown(lau)).toBe(90);
    expect(maxShown([])).toBe(1);
  });

  it('calls a count in 1..k-1 small', () => {
    expect([0, 1, 4, 5, null].map((c) => isSmall(c, 5))).toEqual([false, true, true, false, false]);
  });
});

describe('case texts', () => {
  it('labels values: names from the data, categories translated, age bands as they are', () => {
    expect(valueLabel(labels, 'lau_code', 'AL111')).toBe('Tiranë');
    expect(valueLabel(labels, 'lau_code', 'AL999')).toBe('AL999');
    expect(valueLabel(labels, 'case_type', 'abuse')).toBe('cases.caseType.abuse');
    expect(valueLabel(labels, 'age_band', '0-5')).toBe('0-5');
    expect(countText(null, 'en')).toBe('–');
    expect(countText(12345, 'en')).toBe('12,345');
  });

  it('lists the filters in the view order, the period last', () => {
    const parts = filterParts(labels, {
      period: [2020 * 12, 2020 * 12 + 2],
      lau_code: ['AL111'],
      sex: ['F'],
    });
    expect(parts).toHaveLength(3);
    expect(parts[0]).toContain('cases.dim.sex');
    expect(parts[1]).toContain('Tiranë');
    expect(parts[2]).toContain('cases.dim.period');
    expect(summaryText(labels, 12, {}, { k: 5, perturb: true })).toContain('cases.matchPerturbed');
    expect(summaryText(labels, null, {}, { k: 5, perturb: true })).toContain('cases.matchSuppressed');
    expect(summaryText(labels, 12, {}, { k: 5, perturb: false })).toContain('cases.matchExact');
  });
});

describe('case CSV', () => {
  const facets: CaseFacets = {
    total: 130,
    facets: Object.fromEntries(CASE_DIMS.map((d) => [d, []])) as unknown as CaseFacets['facets'],
  };
  facets.facets.case_type = [bar('abuse', 120), bar('trafficking', null)];
  facets.facets.lau_code = [bar('AL111', 130, 4.25)];
  facets.facets.period = [{ key: 2020 * 12 + 2, count: 60 }];

  it('writes every bar, suppressed cells empty, and notes the perturbation on every row', () => {
    const csv = casesCsv(facets, {
      label: (_d, v) => String(v),
      filters: 'all records',
      perturb: true,
      k: 5,
    });
    const lines = csv.replace('\ufeff', '').trimEnd().split('\r\n');
    expect(lines[0]).toBe(CASES_CSV_HEADER.join(','));
    expect(lines).toHaveLength(1 + 1 + 2 + 1 + 1);
    expect(lines[1]).toMatch(/^total,,,130,shown,,all records,counts perturbed/);
    expect(lines.find((l) => l.startsWith('case_type,trafficking'))).toMatch(
      /^case_type,trafficking,trafficking,,suppressed,,/,
    );
    expect(lines.find((l) => l.startsWith('lau_code'))).toContain(',130,shown,4.25,');
    expect(lines.find((l) => l.startsWith('period'))).toMatch(/^period,2020-03,/);
  });
});
