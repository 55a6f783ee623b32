/**
 * Validation of user-typed (manual) class breaks. Malformed breaks throw a {@link ManualBreaksError} naming
 * the break; breaks that are well formed but fit the data poorly come back as warnings, because a user may
 * want fixed breaks across years or indicators even where a class is empty this time.
 */
import { ManualBreaksError } from './classify-errors';

/** Why a valid manual break set may still deserve a second look. */
export interface ManualBreaksWarning {
  code: 'below-range' | 'above-range' | 'empty-class';
  /** The break (for the range warnings) or the class (for 'empty-class'), 0-based. */
  index: number;
  message: string;
}

/**
 * Checks manual breaks, read as class upper bounds the way mapclassify `UserDefined` and ArcGIS manual
 * breaks read them: a value equal to a break belongs to the lower class.
 *
 * Errors (thrown): no breaks; more than `maxBreaks`; a non-finite break; breaks not strictly increasing
 * (a repeat, or a decrease).
 * Warnings (returned): a break at or below the smallest value, or at or above the largest (it leaves a
 * class empty at the end of the range), and an inner class no value falls in. Non-finite data values are
 * ignored; with no data there are no warnings.
 */
export function validateManualBreaks(
  breaks: readonly number[],
  values: readonly number[] = [],
  maxBreaks = Infinity,
): ManualBreaksWarning[] {
  if (breaks.length === 0)
    throw new ManualBreaksError('no-breaks', 'Manual classification needs at least one break.');
  if (breaks.length > maxBreaks) {
    throw new ManualBreaksError(
      'too-many-breaks',
      `${breaks.length} manual breaks make ${breaks.length + 1} classes, more than the ${maxBreaks + 1} asked for.`,
    );
  }
  breaks.forEach((b, i) => {
    if (typeof b !== 'number' || !Number.isFinite(b)) {
      throw new ManualBreaksError(
        'non-finite-break',
        `Manual break ${i + 1} is ${String(b)}, not a finite number.`,
        i,
      );
    }
    if (i > 0) {
      const before = breaks[i - 1]!;
      if (b === before) {
        throw new ManualBreaksError('duplicate-break', `Manual breaks ${i} and ${i + 1} are both ${b}.`, i);
      }
      if (b < before) {
        throw new ManualBreaksError(
          'unsorted-breaks',
          `Manual breaks must increase: break ${i + 1} (${b}) is below break ${i} (${before}).`,
          i,
        );
      }
    }
  });

  const finite = values.filter(Number.isFinite);
  if (finite.length === 0) return [];
  const min = Math.min(...finite);
  const max = Math.max(...finite);
  const warnings: ManualBreaksWarning[] = [];
  breaks.forEach((b, i) => {
    if (b < min) {
      warnings.push({
        code: 'below-range',
        index: i,
        message: `Break ${i + 1} (${b}) is below the smallest value (${min}).`,
      });
    } else if (b >= max) {
      warnings.push({
        code: 'above-range',
        index: i,
        message: `Break ${i + 1} (${b}) is not below the largest value (${max}): no value lies above it.`,
      });
    }
  });
  // Inner classes (b[i-1], b[i]] holding no value. The end classes are covered by the range warnings.
  for (let c = 1; c < breaks.length; c++) {
    const lo = breaks[c - 1]!;
    const hi = breaks[c]!;
    if (lo >= min && hi < max && !finite.some((v) => v > lo && v <= hi)) {
      warnings.push({
        code: 'empty-class',
        index: c,
        message: `No value lies above ${lo} and at most ${hi}.`,
      });
    }
  }
  return warnings;
}
