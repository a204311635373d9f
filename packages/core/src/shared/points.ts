import { z } from 'zod';

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

/** Like {@link tryToMicro} but throws a `RangeError` for values that are not exact points. */
export function toMicro(value: number): number {
  const micro = tryToMicro(value);
  if (micro === undefined) throw new RangeError(`${value} is not an exact point value (at most ${POINTS_DECIMALS} decimals)`);
  return micro;
}

/**
 * Fast conversion of a point value already validated as exact ({@link PointsSchema}) to micro-points:
 * for such values `value * 1e6` is within far less than 0.5 of the integer, so rounding is exact.
 */
export function microOf(value: number): number {
  return Math.round(value * SCALE);
}

/** Converts integer micro-points back to the point value (the nearest double, whose shortest form is exact). */
export function fromMicro(micro: number): number {
  return micro / SCALE;
}

/** Adds point values exactly. */
export function sumPoints(values: Iterable<number>): number {
  let micro = 0;
  for (const v of values) micro += toMicro(v);
  return fromMicro(micro);
}

/** Formats a point value with a fixed number of decimals, rounding half away from zero, exactly. */
export function formatPoints(value: number, decimals: number): string {
  const micro = toMicro(value);
  const sign = micro < 0 ? '-' : '';
  const step = 10 ** (POINTS_DECIMALS - decimals);
  const rounded = Math.floor((Math.abs(micro) + step / 2) / step);
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
