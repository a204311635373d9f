import { describe, expect, it } from 'vitest';
import { fromDayNumber, lunarNewYear, lunarToSolar, solarToLunar, toDayNumber } from '../src/index.js';

describe('the Vietnamese lunar calendar', () => {
  it("puts Tết and the Hùng Kings' day where the holiday table has them, 2022-2026", () => {
    const table = {
      2022: ['2022-02-01', '2022-04-10'],
      2023: ['2023-01-22', '2023-04-29'],
      2024: ['2024-02-10', '2024-04-18'],
      2025: ['2025-01-29', '2025-04-07'],
      2026: ['2026-02-17', '2026-04-26'],
    };
    for (const [year, [tet, hung]] of Object.entries(table)) {
      expect(lunarNewYear(Number(year))).toBe(tet);
      expect(lunarToSolar({ year: Number(year), month: 3, day: 10, leap: false })).toBe(hung);
    }
  });

  it('follows Vietnam (UTC+7) where it parts from the Chinese calendar (UTC+8): Tết 1985 and 2030', () => {
    expect(lunarNewYear(1985)).toBe('1985-01-21');
    expect(lunarNewYear(1985, 8)).toBe('1985-02-20');
    expect(lunarNewYear(2030)).toBe('2030-02-02');
    expect(lunarNewYear(2030, 8)).toBe('2030-02-03');
  });

  it('knows leap months', () => {
    expect(solarToLunar('2023-03-22')).toEqual({ year: 2023, month: 2, day: 1, leap: true });
    expect(solarToLunar('2023-03-21')).toEqual({ year: 2023, month: 2, day: 30, leap: false });
    expect(solarToLunar('2020-05-23')).toEqual({ year: 2020, month: 4, day: 1, leap: true });
    expect(lunarToSolar({ year: 2023, month: 2, day: 1, leap: true })).toBe('2023-03-22');
    expect(() => lunarToSolar({ year: 2024, month: 2, day: 1, leap: true })).toThrow(RangeError);
    expect(() => lunarToSolar({ year: 2023, month: 3, day: 1, leap: true })).toThrow(RangeError);
  });

  it('puts the days before Tết in the old lunar year', () => {
    expect(solarToLunar('2025-01-28')).toEqual({ year: 2024, month: 12, day: 29, leap: false });
    expect(solarToLunar('2025-01-29')).toEqual({ year: 2025, month: 1, day: 1, leap: false });
    expect(() => lunarToSolar({ year: 2024, month: 12, day: 30, leap: false })).toThrow(RangeError); // a 29-day month
  });

  it('round-trips every day from 1900 to 2100, and numbers days 1 to 29 or 30 with no gap (all 73,000 days)', { timeout: 60_000 }, () => {
    let previous = solarToLunar('1900-01-31');
    for (let n = toDayNumber('1900-02-01'); n <= toDayNumber('2100-12-31'); n++) {
      const date = fromDayNumber(n);
      const lunar = solarToLunar(date);
      if (lunarToSolar(lunar) !== date) expect.fail(`${date} -> ${JSON.stringify(lunar)} does not come back`);
      const ok = lunar.day === 1 ? previous.day === 29 || previous.day === 30 : lunar.day === previous.day + 1 && lunar.month === previous.month && lunar.leap === previous.leap;
      if (!ok) expect.fail(`${date}: ${JSON.stringify(previous)} then ${JSON.stringify(lunar)}`);
      previous = lunar;
    }
  });
});
