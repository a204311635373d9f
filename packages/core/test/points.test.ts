import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { formatPoints, fromMicro, sumPoints, toMicro, tryToMicro } from '../src/index.js';

describe('exact points', () => {
  it('adds decimals without binary drift', () => {
    expect(0.1 + 0.2).not.toBe(0.3); // the drift we guard against
    expect(sumPoints([0.1, 0.2])).toBe(0.3);
    expect(sumPoints([1.978, 0.25, 0.005, 0.767])).toBe(3);
    expect(sumPoints(Array.from({ length: 10 }, () => 0.1))).toBe(1);
  });

  it('converts to integer millionths exactly', () => {
    expect(toMicro(0.25)).toBe(250_000);
    expect(toMicro(1.978)).toBe(1_978_000);
    expect(toMicro(-2.5)).toBe(-2_500_000);
    expect(toMicro(0.000001)).toBe(1);
    expect(toMicro(1e-6)).toBe(1);
    expect(fromMicro(97_685_000)).toBe(97.685);
  });

  it('refuses values that are not exact points', () => {
    expect(tryToMicro(0.1234567)).toBeUndefined();
    expect(tryToMicro(Number.NaN)).toBeUndefined();
    expect(tryToMicro(Number.POSITIVE_INFINITY)).toBeUndefined();
    expect(tryToMicro(2_000_000)).toBeUndefined();
    expect(tryToMicro(1e-7)).toBeUndefined();
    expect(() => toMicro(1 / 3)).toThrow(/Expected exact points/);
  });

  it('formats with a fixed number of decimals, rounding half away from zero', () => {
    expect(formatPoints(87.17, 3)).toBe('87.170');
    expect(formatPoints(2.0005, 3)).toBe('2.001');
    expect(formatPoints(2.0004, 3)).toBe('2.000');
    expect(formatPoints(-1.25, 1)).toBe('-1.3');
    expect(formatPoints(0.5, 0)).toBe('1');
    expect(formatPoints(0.004, 2)).toBe('0.00');
  });

  it('sums any list of exact points to the exact integer sum of their millionths', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: -1_000_000, max: 1_000_000 }), { maxLength: 200 }), (micros) => {
        const values = micros.map((m) => m / 1_000_000);
        expect(toMicro(sumPoints(values))).toBe(micros.reduce((a, b) => a + b, 0));
      }),
    );
  });
});
