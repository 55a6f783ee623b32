/**
 * Matching the features of a boundary file (GeoJSON, already read and geometry-checked by
 * src/import/read-geojson.ts) to municipalities. Pure JS: boundaries are drawn by the map and never
 * loaded into DuckDB. A feature is known by its `lau_code` property, else by a name property.
 */
import type { FeatureCollection } from 'geojson';
import type { Problem } from './problem-types';
import { isMatched } from './names';
import { CONTRACT, normaliseHeader } from './contract';
import { matcherFor } from './places';
import { msg, problemTexts, valueMsg } from './problem-text';
import { limitProblems } from './problems';
import { DEFAULT_MAX_LISTED } from './stage';
import type { ValidationContext } from './types';

/** What a boundary file's features are. */
export interface BoundaryValidation {
  problems: Problem[];
  /** The lau_code of each feature, in file order (null when it could not be matched). */
  codes: (string | null)[];
}

const place = (kind: 'lau_code' | 'municipality') =>
  CONTRACT.boundaries.columns.find((c) => c.name === kind)!;
// Property names, normalised like headers. `name` is accepted here because in a boundary file it is the
// municipality's name (in facilities it is the unit's).
const CODE_KEYS = new Set(['lau_code', ...(place('lau_code').aliases ?? [])]);
const NAME_KEYS = new Set(['municipality', 'name', 'name_sq', ...(place('municipality').aliases ?? [])]);

function placeOf(props: Record<string, unknown> | null): { value: string | null; column: string } {
  const entries = Object.entries(props ?? {});
  for (const keys of [CODE_KEYS, NAME_KEYS]) {
    const hit = entries.find(
      ([k, v]) => keys.has(normaliseHeader(k)) && v !== null && String(v).trim() !== '',
    );
    if (hit) return { value: String(hit[1]).trim(), column: hit[0] };
  }
  return { value: null, column: 'lau_code' };
}

/**
 * Resolves every feature to a municipality. Errors: a feature without a code or name (`null-key`), one that
 * is not a municipality (`unknown-municipality` with suggestions, `county-not-municipality`), two features
 * for one municipality (`duplicate-key`). Warnings: municipalities without a feature (they show as holes).
 * Rows are feature numbers, from 1.
 */
export function validateBoundaries(
  file: string,
  fc: FeatureCollection,
  ctx: ValidationContext,
): BoundaryValidation {
  const match = matcherFor(ctx);
  const problems: Problem[] = [];
  const codes: (string | null)[] = [];
  const firstFeature = new Map<string, number>();
  const base = { file, severity: 'error' as const, suggestions: undefined };
  fc.features.forEach((f, i) => {
    const row = i + 1;
    const { value, column } = placeOf(f.properties);
    if (value === null) {
      codes.push(null);
      problems.push({
        ...base,
        code: 'null-key',
        row,
        column,
        ...problemTexts({
          found: valueMsg(null),
          expected: msg('problems.null-key.feature.expected'),
          fix: msg('problems.null-key.feature.fix'),
        }),
      });
      return;
    }
    const r = match(value);
    if (!isMatched(r)) {
      codes.push(null);
      problems.push({
        ...base,
        code: r.reason === 'county' ? 'county-not-municipality' : 'unknown-municipality',
        row,
        column,
        ...problemTexts({
          found: valueMsg(value),
          expected: msg('problems.unknown-municipality.feature.expected'),
          fix: r.text,
        }),
        suggestions: r.suggestions.map((s) => `${s.name} (${s.lau_code})`),
      });
      return;
    }
    codes.push(r.lau_code);
    const first = firstFeature.get(r.lau_code);
    if (first === undefined) firstFeature.set(r.lau_code, row);
    else {
      problems.push({
        ...base,
        code: 'duplicate-key',
        row,
        column,
        ...problemTexts({
          found: { ...msg('problems.duplicate-key.feature.found', { value, code: r.lau_code }), max: 60 },
          expected: msg('problems.duplicate-key.feature.expected'),
          fix: msg('problems.duplicate-key.feature.fix', { first: String(first) }),
        }),
      });
    }
  });
  for (const m of ctx.municipalities) {
    if (firstFeature.has(m.lau_code)) continue;
    problems.push({
      ...base,
      severity: 'warning',
      code: 'invalid-value',
      row: null,
      column: 'lau_code',
      ...problemTexts({
        found: msg('problems.invalid-value.noFeature.found', { code: m.lau_code, name: m.name }),
        expected: msg('problems.invalid-value.noFeature.expected'),
        fix: msg('problems.invalid-value.noFeature.fix'),
      }),
    });
  }
  const clean = problems.map(({ suggestions, ...p }) => (suggestions?.length ? { ...p, suggestions } : p));
  return { problems: limitProblems(clean, ctx.maxListed ?? DEFAULT_MAX_LISTED), codes };
}
