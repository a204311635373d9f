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
