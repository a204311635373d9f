import type { Band } from '../frameworks/framework-schema.js';

/** Rounds `a * b / c` (all non-negative integers) half up, exactly, falling back to BigInt when needed. */
export function mulDiv(a: number, b: number, c: number): number {
  const twice = 2 * a * b + c;
  if (Number.isSafeInteger(twice) && Number.isSafeInteger(2 * c)) return Math.floor(twice / (2 * c));
  const n = BigInt(a) * BigInt(b);
  const d = BigInt(c);
  return Number((2n * n + d) / (2n * d));
}

/** Compares a/b with c/d exactly (b, d > 0), for integers of any safe size: negative, zero or positive. */
export function compareRatios(a: number, b: number, c: number, d: number): number {
  const left = a * d;
  const right = c * b;
  if (Number.isSafeInteger(left) && Number.isSafeInteger(right)) return left === right ? 0 : left < right ? -1 : 1;
  const l = BigInt(a) * BigInt(d);
  const r = BigInt(c) * BigInt(b);
  return l === r ? 0 : l < r ? -1 : 1;
}

/** a/b x 100 as a percent rounded half up to `decimals`, exactly (a >= 0, b > 0). */
export function percentRounded(a: number, b: number, decimals: number): number {
  const scale = 10 ** decimals;
  const n = BigInt(a) * BigInt(100 * scale);
  const d = BigInt(b);
  return Number((2n * n + d) / (2n * d)) / scale;
}

/**
 * The index of `final` out of `applicable` micro-points: clamped to 0-100 %, rounded once to `decimals`; `null`
 * when nothing applies.
 */
export function clampedIndex(final: number, applicable: number, decimals: number): number | null {
  return applicable === 0 ? null : percentRounded(Math.max(0, Math.min(final, applicable)), applicable, decimals);
}

/**
 * The band the exact index `final / applicable x 100` (clamped to 0-100) falls in: compared as doubles, and settled
 * exactly when a double is too close to an edge to call. `undefined` when nothing applies or no band covers it.
 */
export function bandFor(bands: readonly Band[], final: number, applicable: number): string | undefined {
  if (applicable === 0) return undefined;
  const clamped = Math.max(0, Math.min(final, applicable));
  const approx = (clamped * 100) / applicable;
  const atLeast = (edge: number) =>
    Math.abs(approx - edge) > 1e-6 ? approx > edge : compareRatios(clamped * 100, applicable, Math.round(edge * 1e6), 1e6) >= 0;
  return bands.find((b) => atLeast(b.minPercent) && (b.maxPercentExclusive === undefined || !atLeast(b.maxPercentExclusive)))?.id;
}
