import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addDays, CivilDateSchema, civilDate, clampedCivilDate, dayOfWeek, daysBetween, fromDayNumber, isCivilDate, isPeriod, lastDayOfMonth, PeriodSchema, periodRange, toDayNumber } from '../src/index.js';
import { issuesOf } from './expect-issue.js';

describe('civil dates', () => {
  it('adds days across month, year and leap-day boundaries', () => {
    expect(addDays('2025-07-01', -1)).toBe('2025-06-30');
    expect(addDays('2022-12-31', 1)).toBe('2023-01-01');
    expect(addDays('2024-02-28', 1)).toBe('2024-02-29');
    expect(addDays('2023-02-28', 1)).toBe('2023-03-01');
    expect(addDays('1900-03-01', -1)).toBe('1900-02-28');
    expect(daysBetween('2022-09-07', '2022-12-31')).toBe(115);
  });

  it('numbers days from 1970-01-01 and knows the weekday', () => {
    expect(toDayNumber('1970-01-01')).toBe(0);
    expect(toDayNumber('2000-03-01')).toBe(11_017);
    expect(fromDayNumber(-25_567)).toBe('1900-01-01');
    expect(dayOfWeek('2022-02-01')).toBe(2); // Tuesday
    expect(dayOfWeek('1900-01-01')).toBe(1); // Monday
  });

  it('round-trips every day from 1900 to 2100 through its number, like the built-in UTC calendar', () => {
    fc.assert(
      fc.property(fc.integer({ min: -25_567, max: 47_846 }), (n) => {
        const date = fromDayNumber(n);
        expect(date).toBe(new Date(n * 86_400_000).toISOString().slice(0, 10));
        expect(toDayNumber(date)).toBe(n);
      }),
    );
  });

  it('knows month lengths and clamps days', () => {
    expect(lastDayOfMonth(2024, 2)).toBe('2024-02-29');
    expect(lastDayOfMonth(2100, 2)).toBe('2100-02-28');
    expect(lastDayOfMonth(2000, 2)).toBe('2000-02-29');
    expect(issuesOf(() => lastDayOfMonth(2022, 13))).toEqual(['month out_of_range']);
    // civilDate refuses the 31st of June; clampedCivilDate gives the month's last day
    expect(issuesOf(() => civilDate(2022, 6, 31))).toEqual(['day impossible_date']);
    expect(clampedCivilDate(2022, 6, 31)).toBe('2022-06-30');
    expect(clampedCivilDate(2024, 2, 30)).toBe('2024-02-29'); // 2024 is a leap year
    expect(clampedCivilDate(2023, 2, 31)).toBe('2023-02-28');
    expect(clampedCivilDate(2023, 2, 14)).toBe('2023-02-14');
  });

  it('gives the first and last day of every kind of period', () => {
    expect(periodRange('2022')).toEqual({ start: '2022-01-01', end: '2022-12-31' });
    expect(periodRange('2022-H2')).toEqual({ start: '2022-07-01', end: '2022-12-31' });
    expect(periodRange('2022-H1')).toEqual({ start: '2022-01-01', end: '2022-06-30' });
    expect(periodRange('2022-Q3')).toEqual({ start: '2022-07-01', end: '2022-09-30' });
    expect(periodRange('2024-02')).toEqual({ start: '2024-02-01', end: '2024-02-29' });
  });
});

describe('isCivilDate and isPeriod: the schemas\' answers without their cost', () => {
  const pad = (n: number, w: number) => String(n).padStart(w, '0');
  it('answer as CivilDateSchema on every day number of the edge years, real or not, and on malformed text', () => {
    const texts: unknown[] = ['', '2024-1-01', '2024-01-1', ' 2024-01-01', '2024-01-01 ', '2024/01/01', '２０２４-01-01', '2024-01-01T00:00:00Z', 20240101, null, undefined, ['2024-01-01'], { toString: () => '2024-01-01' }];
    for (const y of [1899, 1900, 1901, 1904, 2000, 2023, 2024, 2099, 2100, 2101, 9999, 0]) {
      for (let m = 0; m <= 13; m++) for (let d = 0; d <= 32; d++) texts.push(`${pad(y, 4)}-${pad(m, 2)}-${pad(d, 2)}`);
    }
    let real = 0;
    for (const t of texts) {
      const expected = CivilDateSchema.safeParse(t).success;
      expect(isCivilDate(t), String(t)).toBe(expected);
      if (expected) real++;
    }
    // 1900, 1901, 2023, 2099, 2100: 365 days; 1904, 2000, 2024: 366
    expect(real).toBe(5 * 365 + 3 * 366);
  });

  it('answer as PeriodSchema on years, halves, quarters and months at the edges, and on malformed text', () => {
    const texts: unknown[] = ['', '2024-H3', '2024-Q0', '2024-Q5', '2024-00', '2024-13', '2024-1', '2024 ', '24', '2024-h1', '2024-q1', 2024, null];
    for (const y of [1899, 1900, 2024, 2100, 2101]) for (const suffix of ['', '-H1', '-H2', '-Q1', '-Q4', '-01', '-12']) texts.push(`${y}${suffix}`);
    for (const t of texts) expect(isPeriod(t), String(t)).toBe(PeriodSchema.safeParse(t).success);
    expect(texts.filter(isPeriod)).toHaveLength(3 * 7);
  });

  it('agree with the schemas on random text of a date\'s shape', () => {
    const digits = fc.string({ unit: fc.constantFrom('0', '1', '2', '3', '9', '-', 'H', 'Q'), minLength: 4, maxLength: 10 });
    fc.assert(
      fc.property(digits, (t) => {
        expect(isCivilDate(t)).toBe(CivilDateSchema.safeParse(t).success);
        expect(isPeriod(t)).toBe(PeriodSchema.safeParse(t).success);
      }),
      { numRuns: 5_000 },
    );
  });
});
