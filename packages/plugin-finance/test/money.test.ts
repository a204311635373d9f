import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ParValidationError } from '@par/core';
import { DongSchema, PercentSchema, compareRateToPercent, formatDong, formatRatePercent, parseDongText, ratePercentValue } from '@par/plugin-finance';

describe('amounts in đồng', () => {
  it('reads integer strings and safe integers as bigint, beyond 2^53 exactly', () => {
    expect(DongSchema.parse('1250000000')).toBe(1_250_000_000n);
    expect(DongSchema.parse(1_250_000_000)).toBe(1_250_000_000n);
    // 2^53 + 1 = 9007199254740993: not a safe integer as a number, exact as a string
    expect(DongSchema.parse('9007199254740993')).toBe(9_007_199_254_740_993n);
    expect(DongSchema.parse('0')).toBe(0n);
  });

  it('refuses anything inexact or signed', () => {
    for (const bad of [1.5, '1.5', '1.000', '-5', -5, '007', 1e21, Number.NaN, Infinity, '1e6', '', ' 12', null, true, 2 ** 53]) {
      expect(DongSchema.safeParse(bad).success, String(bad)).toBe(false);
    }
  });

  it('reads office text with Vietnamese thousands dots, and refuses ambiguous text', () => {
    expect(parseDongText('1.250.000.000')).toBe(1_250_000_000n);
    expect(parseDongText('1250000000')).toBe(1_250_000_000n);
    expect(parseDongText(' 999 ')).toBe(999n);
    expect(parseDongText('1.234')).toBe(1234n); // dots are thousands separators in Vietnamese style
    for (const bad of ['1,250,000', '1.250,5', '1,5', '1.5', '12.34', '1.2345', '01.000', '1..000', '-1.000', '1 000', '1.000.00', 'abc', '']) {
      expect(parseDongText(bad), bad).toBeUndefined();
    }
  });

  it('prints đồng with dots, and reads back what it prints (property)', () => {
    expect(formatDong(1_250_000_000n)).toBe('1.250.000.000');
    expect(formatDong(999n)).toBe('999');
    expect(formatDong(1000n)).toBe('1.000');
    expect(formatDong(-1_000_000n)).toBe('-1.000.000');
    fc.assert(fc.property(fc.bigInt({ min: 0n, max: 10n ** 24n }), (n) => parseDongText(formatDong(n)) === n));
  });
});

describe('rates', () => {
  it('rounds once, half up, from the exact ratio', () => {
    expect(formatRatePercent({ numerator: 2n, denominator: 3n })).toBe('66.67'); // 66.666..
    expect(formatRatePercent({ numerator: 1n, denominator: 800n })).toBe('0.13'); // 0.125 exactly: half up
    expect(formatRatePercent({ numerator: 1n, denominator: 8n }, 0)).toBe('13'); // 12.5 -> 13
    expect(formatRatePercent({ numerator: 0n, denominator: 7n })).toBe('0.00');
    expect(formatRatePercent({ numerator: 3n, denominator: 2n }, 1)).toBe('150.0');
    // 0.285 (a tie at 2 decimals that binary floating point stores as 0.28499999...: Math.round would print 0.28)
    expect(formatRatePercent({ numerator: 285n, denominator: 100_000n })).toBe('0.29');
  });

  it('matches the exact rounding rule for any amounts (property)', () => {
    fc.assert(
      fc.property(fc.bigInt({ min: 0n, max: 10n ** 20n }), fc.bigInt({ min: 1n, max: 10n ** 20n }), (n, d) => {
        const q = BigInt(formatRatePercent({ numerator: n, denominator: d }).replace('.', '')); // the rate in 1/10,000
        const diff = q * d - n * 10_000n; // printed minus exact, times d
        return -d < 2n * diff && 2n * diff <= d; // within half a unit, ties up
      }),
    );
  });

  it('gives metrics the rate rounded down at six decimals, so no threshold is crossed by rounding', () => {
    // 9,499,999,996 / 10,000,000,000 = 94.99999996 % -> 94.999999, not 95
    expect(ratePercentValue({ numerator: 9_499_999_996n, denominator: 10_000_000_000n })).toBe(94.999999);
    expect(ratePercentValue({ numerator: 95n, denominator: 100n })).toBe(95);
    expect(ratePercentValue({ numerator: 1n, denominator: 3n })).toBe(33.333333);
  });

  it('compares a rate with a percentage exactly', () => {
    const ten = PercentSchema.parse('10');
    expect(compareRateToPercent({ numerator: 100_000_000n, denominator: 1_000_000_000n }, ten)).toBe(0);
    expect(compareRateToPercent({ numerator: 99_999_999n, denominator: 1_000_000_000n }, ten)).toBe(-1);
    expect(compareRateToPercent({ numerator: 100_000_001n, denominator: 1_000_000_000n }, ten)).toBe(1);
    expect(PercentSchema.parse('70.5')).toEqual({ numerator: 705n, denominator: 10n });
    expect(PercentSchema.parse(95)).toEqual({ numerator: 95n, denominator: 1n });
    for (const bad of ['95%', '-1', '1.1234567', 'NaN', 1e-7, -3]) expect(PercentSchema.safeParse(bad).success, String(bad)).toBe(false);
  });

  it('refuses bad arguments by path', () => {
    const err = (() => {
      try {
        formatRatePercent({ numerator: 1n, denominator: 0n }, 1.5);
      } catch (e) {
        return e;
      }
    })();
    expect(ParValidationError.isInstance(err)).toBe(true);
    expect((err as ParValidationError).issues.map((i) => i.path.join('.'))).toEqual(['decimals', 'rate']);
  });
});
