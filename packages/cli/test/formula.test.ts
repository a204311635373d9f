import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { evaluateFormula, FormulaError, type FormulaValue } from '../src/formula.js';

const sheet: Record<string, FormulaValue> = { A1: 45, A2: 50, B1: 'Có', C1: 0.25, C2: 0.5, C3: null, D1: true };
const ev = (f: string) => evaluateFormula(f, (a) => sheet[a] ?? null);

describe('recomputing what a clerk types as a formula', () => {
  it('computes arithmetic, percents, comparisons, text and the functions a clerk uses', () => {
    expect(ev('45/50')).toBe(0.9);
    expect(ev('=A1/A2*100')).toBe(90); // 45 / 50 x 100
    expect(ev('95%')).toBe(0.95);
    expect(ev('0.1+0.2')).toBe(0.3); // stored to 15 significant digits, as spreadsheets do
    expect(ev('2^3^2')).toBe(64); // left-associative in Excel: (2^3)^2
    expect(ev('-2^2')).toBe(4); // unary minus binds first
    expect(ev('1+2*3')).toBe(7);
    expect(ev('IF(C1>1,0.25,0)')).toBe(0);
    expect(ev('1>2')).toBe(false);
    expect(ev('TRUE()')).toBe(true);
    expect(ev('NOT(FALSE)')).toBe(true);
    expect(ev('SUM(C1:C3)')).toBe(0.75); // 0.25 + 0.5, the empty C3 ignored
    expect(ev('MAX(C1,C2)+MIN(C1:C2)')).toBe(0.75);
    expect(ev('ROUND(2.5,0)')).toBe(3); // half away from zero
    expect(ev('ROUND(1.005,2)')).toBe(1.01);
    expect(ev('B1="có"')).toBe(true); // text compares without case
    expect(ev('B1&" rồi"')).toBe('Có rồi');
    expect(ev('AND(D1,C3=0)')).toBe(true); // an empty cell equals 0
    expect(ev('$A$1+A2')).toBe(95);
  });

  it('refuses what it cannot recompute, saying why', () => {
    for (const [f, why] of [
      ['INDIRECT("A1")', /INDIRECT is not computed/],
      ['HYPERLINK("http://x","y")', /HYPERLINK is not computed/],
      ['meta!B1', /cannot read the formula/],
      ["'Tự đánh giá'!A1", /cannot read the formula/],
      ['1/0', /division by zero/],
      ['B1+1', /"Có" is not a number/],
      ['SUM(A1:ZZ9999)', /too large/],
      ['(1+2', /expected "\)"/],
      ['1+', /ends too early/],
      ['IF(1)', /IF takes 2 or 3/],
      ['A1:A2', /a range where one value/],
      ['('.repeat(65) + '1' + ')'.repeat(65), /64 levels/],
      ['-'.repeat(100) + '1', /64 levels/],
      ['1+'.repeat(5000) + '1', /8,192 characters/],
    ] as const) {
      expect(() => ev(f), f).toThrow(FormulaError);
      expect(() => ev(f), f).toThrow(why);
    }
  });

  it('sums of whole cents come back exact (property)', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 1_000_000 }), { minLength: 1, maxLength: 8 }), (cents) => {
        const f = cents.map((c) => String(c / 100)).join('+');
        expect(ev(f)).toBe(cents.reduce((s, c) => s + c, 0) / 100);
      }),
    );
  });
});
