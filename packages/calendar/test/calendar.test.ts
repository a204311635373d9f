import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  addDays,
  addWorkingHours,
  createCalendar,
  DEFAULT_HOLIDAY_LAYERS,
  defaultCalendar,
  fromDayNumber,
  ParValidationError,
  PENDING_HOLIDAY_RULES,
  toDayNumber,
  toVietnamTime,
  vietnamInstant,
} from '../src/index.js';
import { issuesOf } from './expect-issue.js';

const cal = defaultCalendar();
const days = (from: string, to: string) => {
  const out: string[] = [];
  for (let d = from; d <= to; d = addDays(d, 1)) out.push(d);
  return out;
};

describe('the days off announced for civil servants, 2022-2026', () => {
  // "days off (inclusive)" of holidays-vn.md, and the working days on either side
  const breaks: [string, string, string, string][] = [
    ['2022-01-01', '2022-01-03', '2021-12-31', '2022-01-04'],
    ['2022-01-29', '2022-02-06', '2022-01-28', '2022-02-07'],
    ['2022-04-09', '2022-04-11', '2022-04-08', '2022-04-12'],
    ['2022-04-30', '2022-05-03', '2022-04-29', '2022-05-04'],
    ['2022-09-01', '2022-09-04', '2022-08-31', '2022-09-05'],
    ['2022-12-31', '2023-01-02', '2022-12-30', '2023-01-03'],
    ['2023-01-20', '2023-01-26', '2023-01-19', '2023-01-27'],
    ['2023-04-29', '2023-05-03', '2023-04-28', '2023-05-04'],
    ['2023-09-01', '2023-09-04', '2023-08-31', '2023-09-05'],
    ['2024-01-01', '2024-01-01', '2023-12-29', '2024-01-02'],
    ['2024-02-08', '2024-02-14', '2024-02-07', '2024-02-15'],
    ['2024-04-18', '2024-04-18', '2024-04-17', '2024-04-19'],
    ['2024-04-27', '2024-05-01', '2024-04-26', '2024-05-02'],
    ['2024-08-31', '2024-09-03', '2024-08-30', '2024-09-04'],
    ['2025-01-01', '2025-01-01', '2024-12-31', '2025-01-02'],
    ['2025-01-25', '2025-02-02', '2025-01-24', '2025-02-03'],
    ['2025-04-05', '2025-04-07', '2025-04-04', '2025-04-08'],
    ['2025-04-30', '2025-05-04', '2025-04-29', '2025-05-05'],
    ['2025-08-30', '2025-09-02', '2025-08-29', '2025-09-03'],
    ['2026-01-01', '2026-01-04', '2025-12-31', '2026-01-05'],
    ['2026-02-14', '2026-02-22', '2026-02-13', '2026-02-23'],
    ['2026-04-25', '2026-04-27', '2026-04-24', '2026-04-28'],
    ['2026-04-30', '2026-05-03', '2026-04-29', '2026-05-04'],
  ];

  it.each(breaks)('%s to %s is off; %s and %s are working days', (from, to, before, after) => {
    for (const d of days(from, to)) expect(cal.isWorkingDay(d), d).toBe(false);
    expect(cal.isWorkingDay(before)).toBe(true);
    expect(cal.isWorkingDay(after)).toBe(true);
  });

  it('works the make-up Saturdays: 4 May 2024 and 26 April 2025', () => {
    expect(cal.dayInfo('2024-05-04')).toMatchObject({ working: true, makeUp: true, occasion: { id: 'victoryDay' }, basis: 'announced' });
    expect(cal.dayInfo('2025-04-26')).toMatchObject({ working: true, makeUp: true });
    expect(cal.isWorkingDay('2024-05-11')).toBe(false); // an ordinary Saturday
  });

  it('says why a day is off', () => {
    expect(cal.dayInfo('2022-01-01')).toMatchObject({ reason: 'holiday', occasion: { id: 'newYear' }, basis: 'derivedFromRule' });
    expect(cal.dayInfo('2022-01-03')).toMatchObject({ reason: 'compensatory', occasion: { id: 'newYear' } });
    expect(cal.dayInfo('2024-04-29')).toMatchObject({ reason: 'swapped', occasion: { id: 'victoryDay' } });
    expect(cal.dayInfo('2024-04-27')).toMatchObject({ reason: 'weekend' });
    expect(cal.dayInfo('2024-04-27').occasion).toBeUndefined();
    expect(cal.dayInfo('2025-01-27')).toMatchObject({ reason: 'holiday', occasion: { id: 'tet', name: { vi: 'Tết Nguyên Đán' } } });
  });
});

describe('years with no announcement', () => {
  it('falls back to the rules and says so', () => {
    expect(cal.yearStatus(2025).status).toBe('announced');
    expect(cal.yearStatus(2026)).toMatchObject({ status: 'partlyAnnounced', occasions: expect.arrayContaining([{ id: 'nationalDay', basis: 'byRule' }]) });
    expect(cal.yearStatus(2027).status).toBe('byRule');
    // 2026 National Day by rule: 1 and 2 September (Tuesday, Wednesday)
    expect(['2026-09-01', '2026-09-02'].map((d) => cal.dayInfo(d))).toMatchObject([{ reason: 'holiday', basis: 'byRule' }, { reason: 'holiday', basis: 'byRule' }]);
    // Tết 2027 (6 February, a Saturday) by rule: eve Friday 5 February to Tuesday 9 February, and two days for the weekend
    expect(days('2027-02-05', '2027-02-11').map((d) => cal.dayInfo(d).reason)).toEqual(['holiday', 'holiday', 'holiday', 'holiday', 'holiday', 'compensatory', 'compensatory']);
    expect(cal.isWorkingDay('2027-02-12')).toBe(true);
    // a holiday on Sunday moves to Monday: 1 May 2033 is a Sunday, 30 April a Saturday
    expect(['2033-05-02', '2033-05-03'].map((d) => cal.dayInfo(d).reason)).toEqual(['compensatory', 'compensatory']);
  });

});

describe('working-day arithmetic', () => {
  it('counts across Tết', () => {
    expect(cal.addWorkingDays('2025-01-24', 1)).toBe('2025-02-03');
    expect(cal.addWorkingDays('2025-02-03', -1)).toBe('2025-01-24');
    expect(cal.addWorkingDays('2025-01-22', 5)).toBe('2025-02-05'); // 23, 24, 3, 4, 5
    expect(cal.workingDaysBetween('2025-01-20', '2025-02-07')).toBe(9);
    expect(cal.workingDaysBetween('2025-02-07', '2025-01-20')).toBe(-9);
  });

  it('counts across a swapped day and a make-up Saturday', () => {
    expect(cal.addWorkingDays('2024-04-26', 1)).toBe('2024-05-02');
    expect(cal.addWorkingDays('2024-05-03', 1)).toBe('2024-05-04');
    expect(cal.workingDaysBetween('2024-04-26', '2024-05-06')).toBe(4);
    expect(cal.nextWorkingDay('2024-04-27')).toBe('2024-05-02');
    expect(cal.workingDayOnOrAfter('2024-05-04')).toBe('2024-05-04');
  });

  it('returns the date itself for 0 days, and starts counting the day after', () => {
    expect(cal.addWorkingDays('2024-04-27', 0)).toBe('2024-04-27');
    expect(cal.addWorkingDays('2024-04-27', 1)).toBe('2024-05-02');
  });

  it('ends a period on its last day, or on the next working day when that is a day off', () => {
    expect(cal.periodDeadline('2025-Q1')).toBe('2025-03-31');
    expect(cal.periodDeadline('2022')).toBe('2023-01-03'); // Sat 31/12, then New Year 2023 and its compensatory Monday
    expect(cal.periodDeadline('2024-08')).toBe('2024-09-04');
    expect(cal.periodDeadline('2024-08', { moveOffDays: false })).toBe('2024-08-31');
    expect(cal.periodDeadline('2022-H2')).toBe('2023-01-03');
  });

  it('finds the n-th working day of a period', () => {
    expect(cal.nthWorkingDay('2024-05', 1)).toBe('2024-05-02');
    expect(cal.nthWorkingDay('2024-05', 3)).toBe('2024-05-04');
    expect(cal.nthWorkingDay('2024-05', -1)).toBe('2024-05-31');
    expect(cal.nthWorkingDay('2025-Q1', 1)).toBe('2025-01-02');
    expect(issuesOf(() => cal.nthWorkingDay('2025-02', 30))).toEqual(['n out_of_range']);
  });

  it('adding then subtracting n working days from a working day gives it back', () => {
    fc.assert(
      fc.property(fc.integer({ min: toDayNumber('1997-01-01'), max: toDayNumber('2090-01-01') }), fc.integer({ min: -400, max: 400 }), (n, k) => {
        const date = cal.workingDayOnOrAfter(fromDayNumber(n));
        expect(cal.addWorkingDays(cal.addWorkingDays(date, k), -k)).toBe(date);
        expect(cal.workingDaysBetween(date, cal.addWorkingDays(date, k))).toBe(k);
      }),
    );
  });

  it('refuses dates outside the calendar', () => {
    expect(issuesOf(() => cal.isWorkingDay('1899-12-31'))).toEqual(['date out_of_range']);
    expect(issuesOf(() => cal.addWorkingDays('2100-12-30', 10))).toEqual(['n out_of_range']);
    const narrow = createCalendar({ layers: DEFAULT_HOLIDAY_LAYERS, fromYear: 2020, toYear: 2030 });
    expect(issuesOf(() => narrow.isWorkingDay('2031-01-02'))).toEqual(['date outside_calendar']);
  });
});

describe('working hours', () => {
  it('counts office hours only, across Tết', () => {
    // Friday 24/1/2025 16:00 + 8 h: 1 h on Friday, 4 h on Monday 3/2 morning, 3 h from 13:30: 16:30
    expect(addWorkingHours(cal, vietnamInstant('2025-01-24', '16:00'), 8)).toEqual(vietnamInstant('2025-02-03', '16:30'));
    // before the office opens, the count starts at 7:30
    expect(addWorkingHours(cal, vietnamInstant('2025-03-03', '06:00'), 4)).toEqual(vietnamInstant('2025-03-03', '11:30'));
    // at lunch, it starts at 13:30
    expect(addWorkingHours(cal, vietnamInstant('2025-03-03', '12:00'), 0.5)).toEqual(vietnamInstant('2025-03-03', '14:00'));
    expect(addWorkingHours(cal, vietnamInstant('2025-03-03', '08:00'), 2, [['08:00', '12:00']])).toEqual(vietnamInstant('2025-03-03', '10:00'));
    expect(issuesOf(() => addWorkingHours(cal, 0, 1, []))).toEqual(['officeHours invalid_type']);
  });

  it('reads instants in Vietnam time (UTC+7)', () => {
    expect(toVietnamTime(Date.UTC(2025, 0, 28, 17, 30))).toEqual({ date: '2025-01-29', minute: 30 });
    expect(vietnamInstant('2025-01-29', '00:30').toISOString()).toBe('2025-01-28T17:30:00.000Z');
  });
});

describe('layers', () => {
  it('takes a host\'s own schedule and a rule in force from a date', () => {
    const culture = { ...PENDING_HOLIDAY_RULES[0]!, effectiveFrom: '2027-01-01' };
    const mine = cal.extend({
      rules: [culture],
      schedules: [{ year: 2027, occasion: 'provinceDay', daysOff: [{ date: '2027-10-12', kind: 'holiday' }], status: 'announced' }],
    });
    expect(mine.dayInfo('2027-11-24')).toMatchObject({ reason: 'holiday', occasion: { id: 'cultureDay' }, basis: 'byRule' });
    expect(cal.isWorkingDay('2027-11-24')).toBe(true);
    expect(mine.dayInfo('2026-11-24').working).toBe(true); // before the rule takes effect
    expect(mine.dayInfo('2027-10-12')).toMatchObject({ reason: 'holiday', occasion: { id: 'provinceDay' } });
  });

  it('lets a later schedule replace the default one for its occasion', () => {
    const changed = cal.extend({ schedules: [{ year: 2026, occasion: 'nationalDay', daysOff: [{ date: '2026-09-02', kind: 'holiday' }, { date: '2026-09-03', kind: 'holiday' }], status: 'announced' }] });
    expect(['2026-09-01', '2026-09-02', '2026-09-03'].map((d) => changed.isWorkingDay(d))).toEqual([true, false, false]);
    expect(changed.yearStatus(2026).status).toBe('announced');
  });

  it('builds a calendar with other weekends or years, and rejects bad layers by path', () => {
    const sixDays = createCalendar({ layers: DEFAULT_HOLIDAY_LAYERS, weekend: [0], fromYear: 2020, toYear: 2030 });
    expect(sixDays.isWorkingDay('2024-05-11')).toBe(true);
    try {
      cal.extend({ rules: [{ id: 'Bad', name: {}, date: { calendar: 'moon', month: 13, day: 1 }, days: 0 }] });
      expect.unreachable();
    } catch (e) {
      expect(ParValidationError.isInstance(e)).toBe(true);
      expect((e as ParValidationError).issues.map((i) => i.path.join('.'))).toEqual([
        'rules.0.id',
        'rules.0.name.vi',
        'rules.0.date.calendar',
        'rules.0.date.month',
        'rules.0.days',
        'rules.0.effectiveFrom',
        'rules.0.legalBasis',
      ]);
    }
  });
});
