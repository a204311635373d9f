import { describe, expect, it } from 'vitest';
import {
  civilDate,
  defaultCalendar,
  lunarNewYear,
  lunarToSolar,
  periodRange,
  solarToLunar,
  vietnamInstant,
} from '../src/index.js';
import { issuesOf } from './expect-issue.js';

// Every @par/calendar case listed in issue 10: each used to return a confident wrong answer.
const cal = defaultCalendar();

describe('issue 10: bad arguments are refused by name and rule', () => {
  it('reads no impossible or malformed date as a working day', () => {
    expect(issuesOf(() => cal.isWorkingDay('2023-02-30'))).toEqual(['date impossible_date']);
    expect(issuesOf(() => cal.isWorkingDay('2023/01/10'))).toEqual(['date not_a_date']);
    expect(issuesOf(() => cal.dayInfo('2023-02-29'))).toEqual(['date impossible_date']); // 2023 is not a leap year
    expect(issuesOf(() => cal.addWorkingDays('2023-02-30', 1))).toEqual(['date impossible_date']);
    expect(issuesOf(() => cal.workingDaysBetween('2023-01-01', '2023-02-31'))).toEqual(['to impossible_date']);
  });

  it('counts only whole working days', () => {
    expect(issuesOf(() => cal.addWorkingDays('2023-03-01', 1.5))).toEqual(['n not_an_integer']);
    expect(issuesOf(() => cal.addWorkingDays('2023-03-01', NaN))).toEqual(['n not_an_integer']);
    // both arguments wrong: both named
    expect(issuesOf(() => cal.addWorkingDays('2023-02-30', NaN))).toEqual(['date impossible_date', 'n not_an_integer']);
  });

  it('converts only real dates to the lunar calendar', () => {
    expect(issuesOf(() => solarToLunar('2023-2-3'))).toEqual(['date not_a_date']);
    expect(issuesOf(() => solarToLunar('not a date'))).toEqual(['date not_a_date']);
  });

  it('converts only real lunar dates back', () => {
    const l = { year: 2025, month: 1, day: 1, leap: false };
    expect(issuesOf(() => lunarToSolar({ ...l, month: 13 }))).toEqual(['lunar.month out_of_range']);
    expect(issuesOf(() => lunarToSolar({ ...l, month: 0 }))).toEqual(['lunar.month out_of_range']);
    expect(issuesOf(() => lunarToSolar({ ...l, month: 1.5 }))).toEqual(['lunar.month not_an_integer']);
    expect(issuesOf(() => lunarToSolar({ ...l, year: 2025.5 }))).toEqual(['lunar.year not_an_integer']);
    expect(issuesOf(() => lunarToSolar({ ...l, day: 1.5 }))).toEqual(['lunar.day not_an_integer']);
    expect(issuesOf(() => lunarNewYear(NaN))).toEqual(['year not_an_integer']);
    expect(lunarToSolar(l)).toBe('2025-01-29'); // the valid one still works: Tết 2025
  });

  it('takes only the documented period forms and real months', () => {
    expect(issuesOf(() => cal.periodDeadline('2023-13'))).toEqual(['period not_a_period']);
    expect(issuesOf(() => cal.nthWorkingDay('2023-Q5', 1))).toEqual(['period not_a_period']);
    expect(issuesOf(() => periodRange('2023-Q5'))).toEqual(['period not_a_period']);
    expect(issuesOf(() => civilDate(2023, 13, 1))).toEqual(['month out_of_range']);
  });

  it('does not roll 25:61 over to the next day', () => {
    expect(issuesOf(() => vietnamInstant('2025-01-29', '25:61'))).toEqual(['time not_a_time']);
    expect(issuesOf(() => vietnamInstant('2025-01-29', '24:00'))).toEqual(['time not_a_time']);
    expect(vietnamInstant('2025-01-29', '23:59').toISOString()).toBe('2025-01-29T16:59:00.000Z'); // 23:59 UTC+7
  });
});
