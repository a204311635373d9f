import { z } from 'zod';
import { ParValidationError } from '@par/calendar';

/**
 * An amount of money in đồng: an exact integer (`bigint`), never a binary floating-point number. In JSON an amount
 * is an integer string (`"1250000000"`) or a safe integer (`1250000000`).
 */
export type Dong = bigint;

const INTEGER_TEXT = /^(0|[1-9]\d*)$/;

/**
 * Zod schema for a non-negative amount in đồng as JSON carries it: an integer string of digits, or a safe
 * integer; the output is a `bigint`. `1.5`, `1e21`, `"1.000"`, `"-5"` and `NaN` are refused.
 */
export const DongSchema = z
  .union([z.string().regex(INTEGER_TEXT, { message: 'Expected whole đồng as a string of digits, e.g. "1250000000"' }), z.int().min(0)])
  .transform((v) => BigInt(v));

/** Zod schema for a positive amount in đồng (see {@link DongSchema}). */
export const PositiveDongSchema = DongSchema.refine((v) => v > 0n, { message: 'Expected a positive amount' });

/**
 * Reads an amount as offices type it: plain digits (`1250000000`) or Vietnamese thousands separators, dots between
 * groups of three digits (`1.250.000.000`). Returns `undefined` for anything ambiguous or inexact: a comma
 * (a Vietnamese decimal comma or an English thousands separator: the reader cannot tell), a dot not followed by
 * exactly three digits (`1.5`, `12.34`: an English decimal point), a group of other than three digits, a sign,
 * leading zeros, letters or spaces inside the number.
 */
export function parseDongText(text: string): Dong | undefined {
  const t = text.trim();
  if (INTEGER_TEXT.test(t)) return BigInt(t);
  if (/^[1-9]\d{0,2}(\.\d{3})+$/.test(t)) return BigInt(t.replaceAll('.', ''));
  return undefined;
}

/** Writes whole đồng with Vietnamese thousands separators: `1250000000n` → `1.250.000.000`. */
export function formatDong(amount: Dong): string {
  const sign = amount < 0n ? '-' : '';
  return sign + (amount < 0n ? -amount : amount).toString().replace(/\B(?=(\d{3})+(?!\d))/g, '.');
}

/**
 * An exact rate: `numerator / denominator` of two amounts in đồng (or two counts), never rounded until it is
 * printed. `denominator` is positive.
 */
export interface Ratio {
  readonly numerator: bigint;
  readonly denominator: bigint;
}

const half = (num: bigint, den: bigint) => (num * 2n + den) / (2n * den); // half up, num >= 0, den > 0

/**
 * The rate as a percentage rounded ONCE, half up, to `decimals` (0-6) from the exact ratio, with a decimal point:
 * `{ numerator: 2n, denominator: 3n }` → `66.67`. Used for every printed rate of this package; `@par/core`'s
 * `formatRatioPercent` works on point values below a million and cannot take sums of đồng.
 */
export function formatRatePercent(rate: Ratio, decimals = 2): string {
  const issues = [];
  if (!Number.isSafeInteger(decimals) || decimals < 0 || decimals > 6) issues.push({ path: ['decimals'], code: 'invalid_count', message: `Expected a whole number of decimals from 0 to 6, got ${String(decimals)}` });
  if (typeof rate !== 'object' || rate === null || typeof rate.numerator !== 'bigint' || typeof rate.denominator !== 'bigint' || rate.denominator <= 0n) {
    issues.push({ path: ['rate'], code: 'invalid_ratio', message: 'Expected { numerator, denominator } as bigints, the denominator positive' });
  }
  if (issues.length > 0) throw new ParValidationError('arguments of formatRatePercent', issues);
  const neg = rate.numerator < 0n;
  const q = half((neg ? -rate.numerator : rate.numerator) * 100n * 10n ** BigInt(decimals), rate.denominator);
  const text = q.toString().padStart(decimals + 1, '0');
  const body = decimals === 0 ? text : `${text.slice(0, -decimals)}.${text.slice(-decimals)}`;
  return (neg && q !== 0n ? '-' : '') + body;
}

/**
 * The rate as a percentage for a metric (a number the scoring rules compare with their thresholds): rounded DOWN
 * to six decimals, so a rate just under a threshold (94.9999996 %) never reaches it (95). Clamped to 0-1e9.
 */
export function ratePercentValue(rate: Ratio): number {
  const micro = (rate.numerator * 100_000_000n) / rate.denominator;
  const clamped = micro < 0n ? 0n : micro > 1_000_000_000_000_000n ? 1_000_000_000_000_000n : micro;
  return Number(clamped) / 1_000_000;
}

/** Compares an exact rate with a percentage given as an exact ratio (`percent` = `num / den` %): -1, 0 or 1. */
export function compareRateToPercent(rate: Ratio, percent: Ratio): -1 | 0 | 1 {
  const left = rate.numerator * 100n * percent.denominator;
  const right = percent.numerator * rate.denominator;
  return left < right ? -1 : left > right ? 1 : 0;
}

const PERCENT_TEXT = /^(0|[1-9]\d{0,2})(\.\d{1,6})?$/;

/** Zod schema for a percentage written as a decimal string or number (`"95"`, `"70.5"`, `100`), read as an exact ratio. */
export const PercentSchema = z
  .union([z.string().regex(PERCENT_TEXT, { message: 'Expected a percentage such as "95" or "70.5" (at most six decimals)' }), z.number().min(0).max(999)])
  .transform((v, ctx): Ratio => {
    const text = typeof v === 'number' ? String(v) : v;
    if (!PERCENT_TEXT.test(text)) {
      ctx.addIssue({ code: 'custom', message: `Expected a percentage with at most six decimals, got ${text}` });
      return z.NEVER;
    }
    const [whole, frac = ''] = text.split('.');
    return { numerator: BigInt(whole! + frac), denominator: 10n ** BigInt(frac.length) };
  });
