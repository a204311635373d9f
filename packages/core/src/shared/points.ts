import { z } from 'zod';
import { ParValidationError, type ParIssue } from '@par/calendar';

/**
 * Points are exact decimals with at most {@link POINTS_DECIMALS} fraction digits (0.25, 1.978, 2.5).
 * They travel through the API as plain numbers, but every sum, difference and comparison is done on
 * integer millionths ("micro-points"), so totals never drift: `0.1 + 0.2` is exactly `0.3` here.
 */
export const POINTS_DECIMALS = 6;

const SCALE = 10 ** POINTS_DECIMALS;
/** The largest magnitude accepted for a point value; keeps every micro-point sum a safe integer. */
export const MAX_POINTS_MAGNITUDE = 1_000_000;

/**
 * Converts a point value to integer micro-points, exactly (from the number's shortest decimal form).
 * Returns `undefined` when the value is not finite, has more than six fraction digits or is too large.
 */
export function tryToMicro(value: number): number | undefined {
  if (!Number.isFinite(value) || Math.abs(value) > MAX_POINTS_MAGNITUDE) return undefined;
  // Below 1e6 in magnitude, value * 1e6 is within far less than 0.5 of an integer k when value is the double
  // nearest k / 1e6; and value has at most six decimals exactly when k / 1e6 (correctly rounded) gives it back.
  const micro = Math.round(value * SCALE);
  return micro / SCALE === value ? micro : undefined;
}

const notPoints = (value: unknown) =>
  `Expected exact points (a finite number within ±${MAX_POINTS_MAGNITUDE} with at most ${POINTS_DECIMALS} decimals), got ${typeof value === 'number' ? String(value) : typeof value === 'string' ? JSON.stringify(value) : typeof value}`;

/** Like {@link tryToMicro} but throws `ParValidationError` (at `path`, default `value`) for values that are not exact points. */
export function toMicro(value: number, path: readonly (string | number)[] = ['value']): number {
  const micro = typeof value === 'number' ? tryToMicro(value) : undefined;
  if (micro === undefined) throw new ParValidationError('arguments of toMicro', [{ path, code: 'invalid_points', message: notPoints(value) }]);
  return micro;
}

/**
 * Fast conversion of a point value already validated as exact ({@link PointsSchema}) to micro-points:
 * for such values `value * 1e6` is within far less than 0.5 of the integer, so rounding is exact.
 */
export function microOf(value: number): number {
  return Math.round(value * SCALE);
}

/**
 * Converts integer micro-points back to the point value (the nearest double, whose shortest form is exact).
 * Throws `ParValidationError` for anything but a safe integer.
 */
export function fromMicro(micro: number): number {
  if (!Number.isSafeInteger(micro)) throw new ParValidationError('arguments of fromMicro', [{ path: ['micro'], code: 'invalid_count', message: `Expected a whole number of micro-points, got ${String(micro)}` }]);
  return micro / SCALE;
}

/** Adds point values exactly. Throws `ParValidationError` naming every value that is not exact points. */
export function sumPoints(values: Iterable<number>): number {
  if (values === null || typeof values !== 'object' || typeof (values as Iterable<number>)[Symbol.iterator] !== 'function') {
    throw new ParValidationError('arguments of sumPoints', [{ path: ['values'], code: 'invalid_argument', message: 'Expected an iterable of point values' }]);
  }
  let micro = 0;
  const bad: { path: (string | number)[]; code: string; message: string }[] = [];
  let i = 0;
  for (const v of values) {
    const m = typeof v === 'number' ? tryToMicro(v) : undefined;
    if (m === undefined) bad.push({ path: ['values', i], code: 'invalid_points', message: notPoints(v) });
    else micro += m;
    i++;
  }
  if (bad.length > 0) throw new ParValidationError('arguments of sumPoints', bad);
  if (!Number.isSafeInteger(micro)) throw new ParValidationError('arguments of sumPoints', [{ path: ['values'], code: 'sum_too_large', message: 'The sum is beyond the exact range of points' }]);
  return micro / SCALE;
}

/** The problem with a number of decimals to display, if any: it must be a whole number from 0 to 6. */
export function decimalsIssue(value: unknown, path: readonly (string | number)[]): ParIssue | undefined {
  return typeof value === 'number' && Number.isSafeInteger(value) && value >= 0 && value <= POINTS_DECIMALS
    ? undefined
    : { path, code: 'invalid_count', message: `Expected a whole number of decimals from 0 to ${POINTS_DECIMALS}, got ${String(value)}` };
}

/**
 * Formats a point value with a fixed number of decimals (default 3), rounding half away from zero from the exact
 * value: `formatPoints(74.9125)` is `74.913`, where `(74.9125).toFixed(3)` gives `74.912`. Throws
 * `ParValidationError` for a value that is not exact points or decimals that are not a whole number from 0 to 6.
 */
export function formatPoints(value: number, decimals = 3): string {
  const micro = typeof value === 'number' ? tryToMicro(value) : undefined;
  const issues = [decimalsIssue(decimals, ['decimals'])].filter((i) => i !== undefined);
  if (micro === undefined) issues.unshift({ path: ['value'], code: 'invalid_points', message: notPoints(value) });
  if (micro === undefined || issues.length > 0) throw new ParValidationError('arguments of formatPoints', issues);
  const step = 10 ** (POINTS_DECIMALS - decimals);
  const rounded = Math.floor((Math.abs(micro) + step / 2) / step);
  const sign = micro < 0 && rounded > 0 ? '-' : '';
  const text = String(rounded).padStart(decimals + 1, '0');
  return decimals === 0 ? `${sign}${text}` : `${sign}${text.slice(0, -decimals)}.${text.slice(-decimals)}`;
}

/** Zod schema for an exact point value (a JSON number with at most six decimals). */
export const PointsSchema = z
  .number()
  .refine((v) => tryToMicro(v) !== undefined, {
    message: `Points must be finite, within ±${MAX_POINTS_MAGNITUDE} and have at most ${POINTS_DECIMALS} decimals`,
  });

/** Zod schema for a non-negative exact point value. */
export const NonNegativePointsSchema = PointsSchema.refine((v) => v >= 0, { message: 'Points must not be negative' });
