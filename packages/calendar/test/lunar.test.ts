import { describe, expect, it } from 'vitest';
import { fromDayNumber, lunarNewYear, lunarToSolar, solarToLunar, toDayNumber } from '../src/index.js';
import { astronomicalSolarToLunar } from '../src/lunar-astronomy.js';
import { issuesOf } from './expect-issue.js';

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
    expect(issuesOf(() => lunarToSolar({ year: 2024, month: 2, day: 1, leap: true }))).toEqual(['lunar.leap no_leap_month']);
    expect(issuesOf(() => lunarToSolar({ year: 2023, month: 3, day: 1, leap: true }))).toEqual(['lunar.leap no_leap_month']);
  });

  it('puts the days before Tết in the old lunar year', () => {
    expect(solarToLunar('2025-01-28')).toEqual({ year: 2024, month: 12, day: 29, leap: false });
    expect(solarToLunar('2025-01-29')).toEqual({ year: 2025, month: 1, day: 1, leap: false });
    expect(issuesOf(() => lunarToSolar({ year: 2024, month: 12, day: 30, leap: false }))).toEqual(['lunar.day impossible_date']); // a 29-day month
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

  it('reads from its table exactly what the astronomical computation gives, every day 1900-2100, in UTC+7 and UTC+8', { timeout: 60_000 }, () => {
    for (const tz of [7, 8]) {
      for (let n = toDayNumber('1900-01-01'); n <= toDayNumber('2100-12-31'); n += tz === 7 ? 1 : 5) {
        const date = fromDayNumber(n);
        const table = solarToLunar(date, tz);
        const astronomy = astronomicalSolarToLunar(n, Number(date.slice(0, 4)), tz);
        if (JSON.stringify(table) !== JSON.stringify(astronomy)) expect.fail(`${date} (UTC+${tz}): ${JSON.stringify(table)}, astronomy ${JSON.stringify(astronomy)}`);
      }
    }
  });

  it('covers exactly 1900-2100: the ends convert, a lunar date past them is refused', () => {
    expect(solarToLunar('1900-01-01')).toEqual({ year: 1899, month: 12, day: 1, leap: false }); // a new moon day
    expect(lunarToSolar({ year: 1899, month: 12, day: 1, leap: false })).toBe('1900-01-01');
    expect(issuesOf(() => lunarToSolar({ year: 1899, month: 11, day: 1, leap: false }))).toEqual(['lunar out_of_range']);
    expect(issuesOf(() => lunarToSolar({ year: 1898, month: 1, day: 1, leap: false }))).toEqual(['lunar.year out_of_range']);
    expect(lunarToSolar(solarToLunar('2100-12-31'))).toBe('2100-12-31');
    expect(issuesOf(() => lunarNewYear(2101))).toEqual(['year out_of_range']);
  });
});
