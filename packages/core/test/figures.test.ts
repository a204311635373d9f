// One formatter for every printed figure, from the exact value; CSV cells neutralised against formula injection.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { computeIndex, figureFormat, formatPoints, formatRatioPercent, neutraliseCsvCell, resultsToCsv, resultsToJson } from '../src/index.js';
import { assess, full, mini, u1 } from './scoring-fixtures.js';

/** Half up (away from zero) at `decimals` of the integer `micro` / 10^6, by decimal string arithmetic only. */
function reference(micro: bigint, decimals: number): string {
  const negative = micro < 0n;
  const digits = (negative ? -micro : micro).toString().padStart(7, '0');
  const whole = digits.slice(0, -6);
  const fraction = digits.slice(-6);
  let kept = BigInt(whole + fraction.slice(0, decimals));
  if (fraction[decimals] !== undefined && fraction[decimals]! >= '5') kept += 1n;
  const text = kept.toString().padStart(decimals + 1, '0');
  const shown = decimals === 0 ? text : `${text.slice(0, -decimals)}.${text.slice(-decimals)}`;
  return negative && kept !== 0n ? `-${shown}` : shown;
}

describe('one formatter for every figure', () => {
  it('rounds half up at the displayed decimals from the exact value', () => {
    // 74.9125 is stored as the double 74.91249999999999...; toFixed(3) gives 74.912, the exact value 74.913
    expect((74.9125).toFixed(3)).toBe('74.912');
    expect(formatPoints(74.9125)).toBe('74.913');
    expect(formatPoints(46.3075, 3)).toBe('46.308');
    expect(formatPoints(-2.0005, 3)).toBe('-2.001');
    expect(formatPoints(-0.0004, 3)).toBe('0.000'); // no "-0.000"
    expect(formatPoints(89)).toBe('89.000');
    const f = figureFormat();
    expect([f.pointsDecimals, f.percentDecimals, f.pointsNumFmt, f.percentNumFmt]).toEqual([3, 2, '0.000', '0.00']);
    // 2 of 3 points: 66.666...% -> 66.67; 1 of 8: 12.5% -> 12.50; 0.001 of 3: 0.0333...% -> 0.03; 3.35 of 8: 41.875% -> 41.88
    expect([f.index(2, 3), f.index(1, 8), f.index(0.001, 3), f.index(3.35, 8), f.index(1, 0)]).toEqual(['66.67', '12.50', '0.03', '41.88', null]);
    // clamped to 0-100: -1.5 of 8 -> 0.00; 9 of 8 -> 100.00
    expect([f.index(-1.5, 8), f.index(9, 8)]).toEqual(['0.00', '100.00']);
    // configurable: one decimal for percentages, from the exact ratio (41.875 -> 41.9, never 41.88 -> 41.9 by luck)
    expect(figureFormat({ percentDecimals: 1 }).index(0.6249, 1)).toBe('62.5'); // 62.49% -> 62.5
    expect(formatRatioPercent(0.62449, 1, 1)).toBe('62.4'); // 62.449% -> 62.4 (rounding 62.45 again would give 62.5)
  });

  it('agrees with decimal string arithmetic on every value (property)', () => {
    fc.assert(
      fc.property(fc.integer({ min: -1e12, max: 1e12 }), fc.integer({ min: 0, max: 6 }), (micro, d) => {
        expect(formatPoints(micro / 1e6, d)).toBe(reference(BigInt(micro), d));
      }),
      { numRuns: 2000 },
    );
  });

  it('formats a ratio as the half-up percentage of the exact quotient (property)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 1e9 }), fc.integer({ min: 1, max: 1e9 }), fc.integer({ min: 0, max: 6 }), (n, d, decimals) => {
        const num = Math.min(n, d);
        // reference: the percentage in millionths of a percent, then half up by string arithmetic, when that is exact
        const scaled = (BigInt(num) * 100n * 10n ** 6n) / BigInt(d);
        if ((BigInt(num) * 100n * 10n ** 6n) % BigInt(d) === 0n) expect(formatRatioPercent(num / 1e6, d / 1e6, decimals)).toBe(reference(scaled, decimals));
        // and always: within half a unit of the last displayed place of the true ratio
        const shown = Number(formatRatioPercent(num / 1e6, d / 1e6, decimals));
        expect(Math.abs(shown - (num / d) * 100)).toBeLessThanOrEqual(0.5 * 10 ** -decimals + 1e-9);
      }),
      { numRuns: 2000 },
    );
  });

  it('prints one figure per value in CSV and the JSON display fields, for generated assessments (property)', () => {
    const manual = fc.integer({ min: 0, max: 20 }).map((k) => (k * 185_000) / 1e6); // 1.3: 0 to 3.7 in steps of 0.185
    fc.assert(
      fc.property(fc.array(manual, { minLength: 1, maxLength: 6 }), (points) => {
        const set = computeIndex(mini, points.map((p, i) => assess(`U${i}`, [...full('X').entries.filter((e) => e.code !== '1.3'), { code: '1.3', self: { points: p } }])));
        const csv = resultsToCsv(mini, set, { fields: true }).trim().split('\n').slice(1).map((l) => l.split(','));
        const json = resultsToJson(set, { breakdown: true }).results;
        const f = figureFormat(mini.rounding);
        set.results.forEach((r, i) => {
          const expected = [f.points(r.points.self), f.points(r.points.appraised), f.points(r.points.final), f.points(r.points.applicableMax), f.index(r.points.final, r.points.applicableMax)];
          expect(csv[i]!.slice(3, 8)).toEqual(expected);
          const d = json[i]!.display;
          expect([d.self, d.appraised, d.final, d.applicableMax, d.indexPercent]).toEqual(expected);
          // the rounded index of the result is the displayed one at the framework's decimals
          expect(r.indexPercent!.toFixed(mini.rounding.percentDecimals)).toBe(d.indexPercent);
          // component indices of the top-level nodes (1, 2, S, T): CSV columns = JSON node display fields
          const tops = mini.nodes.map((n) => json[i]!.nodes!.find((x) => x.code === n.code)!.display.componentIndex ?? '');
          expect(csv[i]!.slice(10)).toEqual(tops);
        });
      }),
      { numRuns: 100 },
    );
  });
});

describe('CSV cells are neutralised against formula injection', () => {
  it('prefixes a quote to a text cell starting with =, +, -, @, tab or carriage return, never to a number', () => {
    expect(['=HYPERLINK("http://x","y")', '+cmd|/C calc!A0', '-2+3+cmd|/C calc!A0', '@SUM(1+1)*cmd|/C calc!A0', '\tx', '\rx'].map(neutraliseCsvCell)).toEqual([
      `'=HYPERLINK("http://x","y")`,
      `'+cmd|/C calc!A0`,
      `'-2+3+cmd|/C calc!A0`,
      `'@SUM(1+1)*cmd|/C calc!A0`,
      `'\tx`,
      `'\rx`,
    ]);
    expect(['-1.500', '-2', '74.913', 'Xã Mường So', '', 12, null].map(neutraliseCsvCell)).toEqual(['-1.500', '-2', '74.913', 'Xã Mường So', '', '12', '']);
  });

  it('in resultsToCsv: hostile unit names are neutralised, a negative total stays a number', () => {
    // N: every leaf 0 but T, 3 occurrences x 0.25 x 2 points = 1.5 deducted; 2.1 N/A, so 8 points apply:
    // final 0 - 1.5 = -1.5 -> "-1.500"; the index is clamped to 0 -> "0.00"
    const none = assess('N', [
      { code: '1.1', self: { points: 0 } },
      { code: '1.2', self: { points: 0 } },
      { code: '1.3', self: { points: 0 } },
      { code: '2.1', notApplicable: { reason: 'Không phát sinh' } },
      { code: '2.2', self: { points: 0 } },
      { code: 'S', imported: { points: 0, source: 'SIPAS' } },
      { code: 'T', self: { input: 3 } },
    ]);
    const names: Record<string, string> = { N: '=HYPERLINK("http://evil","x")', U1: '-2+3+cmd|/C calc!A0' };
    const csv = resultsToCsv(mini, computeIndex(mini, [u1(), none]), { unitName: (id) => names[id]! });
    const rows = csv.trim().split('\n');
    // U1: self 0.1 (on time) + 0.2 + 1.85 (90% -> 50% of 3.7) + 0.5 (1 case -> 50% of 1) = 2.65; appraised: 1.1 cut to
    // 0.05, survey 2.25: 0.05 + 0.2 + 1.85 + 0.5 + 2.25 = 4.85; final 4.85 - 1.5 = 3.35 of 8 -> 41.875% -> 41.88
    expect(rows[1]!.split(',').slice(0, 8)).toEqual(['U1', `'-2+3+cmd|/C calc!A0`, 'all', '2.650', '4.850', '3.350', '8.000', '41.88']);
    expect(rows[2]!.startsWith(`N,"'=HYPERLINK(""http://evil"",""x"")",all,`)).toBe(true);
    expect(rows[2]!.split(',').slice(-7, -2)).toEqual(['0.000', '0.000', '-1.500', '8.000', '0.00']);
  });
});
