import fc from 'fast-check';
import { createIsValidFunction as arrowOriginal } from '../node_modules/apache-arrow/builder/valid';
import { describe, expect, it } from 'vitest';
import { createIsValidFunction } from '../src/engine/arrow-is-valid';

/** The values Arrow writes into its generated `switch` correctly (strings without quotes or escapes). */
const primitive = fc.oneof(
  fc.constantFrom(null, undefined, NaN, 0, -0, Infinity, -Infinity, true, false, '', 'N/A'),
  fc.double(),
  fc.integer({ min: -5, max: 5 }),
  fc.bigInt({ min: -5n, max: 5n }),
  fc.string({ maxLength: 4 }).filter((s) => !/["\\\n\r\u2028\u2029]/.test(s)),
);

describe('createIsValidFunction without eval', () => {
  it("answers as Arrow's generated function for every value and null list (10,000 runs)", () => {
    fc.assert(
      fc.property(
        fc.array(primitive, { maxLength: 5 }),
        fc.array(primitive, { maxLength: 12 }),
        (nulls, values) => {
          const ours = createIsValidFunction(nulls);
          const arrows = arrowOriginal(nulls);
          // Values drawn from the null list too, so that matches are frequent.
          for (const v of [...values, ...nulls]) expect(ours(v), String(v)).toBe(arrows(v));
        },
      ),
      { numRuns: 10_000 },
    );
  });

  it("keeps Arrow's default: null and undefined are invalid, everything else valid", () => {
    const isValid = createIsValidFunction([null, undefined]);
    expect([null, undefined, 0, '', NaN, false].map(isValid)).toEqual([false, false, true, true, true, true]);
    expect(createIsValidFunction([])(null)).toBe(true);
    expect(createIsValidFunction(undefined)(undefined)).toBe(true);
  });
});
