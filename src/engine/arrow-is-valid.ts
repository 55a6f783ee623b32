/**
 * Apache Arrow's `createIsValidFunction` (apache-arrow/builder/valid.mjs) without `new Function`, for the
 * strict Content-Security-Policy (src/common/csp.ts: no `'unsafe-eval'`). Arrow compiles a builder's null
 * values into a `switch` with `new Function`; every builder has the default `[null, undefined]`, so
 * `tableFromArrays` and `vectorFromArray` (the municipalities table, src/engine/dataset.ts) would be refused
 * under the policy. The build loads this module in place of Arrow's (vite.config.ts, `arrowWithoutEval`),
 * in the page and in every worker.
 *
 * The same answers for every null value Arrow writes into its `switch` (null, undefined, numbers, NaN,
 * bigints, booleans, strings): a value is invalid when it is `===` to one of them, or is NaN when NaN is
 * one of them (test/arrow-is-valid.test.ts compares the two). Arrow's text would also treat an object null
 * value by its printed form; no code here passes one.
 */
export function createIsValidFunction<T = unknown>(
  nullValues?: readonly unknown[] | null,
): (value: T | null | undefined) => boolean {
  if (!nullValues || nullValues.length <= 0) return () => true;
  const nulls = nullValues.filter((x) => x === x);
  const nan = nulls.length !== nullValues.length;
  return (value) => {
    if (nan && value !== value) return false;
    for (const x of nulls) if (value === x) return false;
    return true;
  };
}
