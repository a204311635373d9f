import { describe, expect, it } from 'vitest';
import { createCalendar, DEFAULT_HOLIDAY_LAYERS, defaultCalendar, HOLIDAY_RULE_SETS, lunarToSolar, WEEKLY_REST } from '../src/index.js';
import { issuesOf } from './expect-issue.js';

// The rule sets before the 2019 Labour Code (data/holidays-vn.md, "Earlier rule sets"), checked on dates worked
// out by hand from the rules; weekdays from 1 January of each year (1995: Sunday, 1999: Friday, 2013: Tuesday).
const cal = defaultCalendar();
const dayOff = (date: string) => {
  const d = cal.dayInfo(date);
  return `${d.reason ?? 'working'}${d.occasion ? ` ${d.occasion.id}` : ''}`;
};

describe('before 1995: no rules, so no answers', () => {
  it('says noRules and refuses working-day arithmetic instead of counting Tết 1985 as a working day', () => {
    expect(cal.yearStatus(1994)).toEqual({ year: 1994, status: 'noRules', occasions: [], ruleSets: [] });
    expect(issuesOf(() => cal.isWorkingDay('1985-01-21'))).toEqual(['date no_holiday_rules']); // Tết 1985
    expect(issuesOf(() => cal.addWorkingDays('1994-12-30', 1))).toEqual(['date no_holiday_rules']);
    expect(issuesOf(() => cal.holidaysOf(1990))).toEqual(['year no_holiday_rules']);
    expect(issuesOf(() => cal.workingDaysBetween('1994-12-01', '1995-02-01'))).toEqual(['from no_holiday_rules']);
    // Sun 1/1/1995 New Year, Mon 2/1 its compensatory day: Tue 3/1 is the first working day the rules know
    expect(issuesOf(() => cal.addWorkingDays('1995-01-03', -1))).toEqual(['n no_holiday_rules']);
    expect(issuesOf(() => cal.nthWorkingDay('1994-Q4', 1))).toEqual(['period no_holiday_rules']);
  });

  it('a calendar whose layers declare no rule set knows no working day', () => {
    expect(issuesOf(() => createCalendar().isWorkingDay('2024-01-02'))).toEqual(['date no_holiday_rules']);
    const weekendsOnly = createCalendar({ layers: { ruleSets: [{ id: 'none', name: { vi: 'Không có ngày lễ' }, effectiveFrom: '2024-01-01', legalBasis: { document: 'test' } }] } });
    expect(weekendsOnly.isWorkingDay('2024-01-01')).toBe(true); // a Monday, and no holiday rules in this test calendar
  });
});

describe('Labour Code 1994 Art. 73, from 1 January 1995: 8 days', () => {
  it('gives New Year on a Sunday its compensatory Monday (1995), under the six-day week', () => {
    expect(cal.yearStatus(1995)).toMatchObject({ status: 'byRule', ruleSets: ['labourCode1994'] });
    expect(cal.dayInfo('1995-01-02')).toMatchObject({
      reason: 'compensatory',
      occasion: { id: 'newYear' },
      legalBasis: { document: 'Bộ luật Lao động 1994', article: 'Điều 73', verification: 'confirmed' },
    });
    expect(cal.addWorkingDays('1995-01-03', 1)).toBe('1995-01-04');
  });

  it('Tết 1999 (Tuesday 16 February): the eve and three days, Saturdays still worked', () => {
    expect(['1999-02-13', '1999-02-14', '1999-02-15', '1999-02-16', '1999-02-17', '1999-02-18', '1999-02-19', '1999-02-20'].map(dayOff)).toEqual([
      'working', // Saturday: a working day until October 1999
      'weekend',
      'holiday tet',
      'holiday tet',
      'holiday tet',
      'holiday tet',
      'working',
      'working',
    ]);
    expect(cal.addWorkingDays('1999-02-12', 1)).toBe('1999-02-13');
    expect(cal.addWorkingDays('1999-02-13', 1)).toBe('1999-02-19');
    expect(cal.workingDaysBetween('1999-02-12', '1999-02-21')).toBe(3); // Sat 13, Fri 19, Sat 20
  });

  it('lists the 8 days off of 1999: 1 May on a (working) Saturday gives no compensatory day', () => {
    expect(cal.holidaysOf(1999).map((d) => `${d.date} ${d.kind} ${d.occasion.id}`)).toEqual([
      '1999-01-01 holiday newYear',
      '1999-02-15 holiday tet',
      '1999-02-16 holiday tet',
      '1999-02-17 holiday tet',
      '1999-02-18 holiday tet',
      '1999-04-30 holiday victoryDay',
      '1999-05-01 holiday labourDay',
      '1999-09-02 holiday nationalDay',
    ]);
  });

  it('rests on Saturday from Decision 188/1999/QĐ-TTg (2 October 1999, partly confirmed)', () => {
    expect(cal.isWorkingDay('1999-09-25')).toBe(true); // Saturday
    expect(cal.dayInfo('1999-10-02')).toMatchObject({ working: false, reason: 'weekend' }); // Saturday
    expect(WEEKLY_REST.at(-1)).toMatchObject({ effectiveFrom: '1999-10-02', days: [0, 6], legalBasis: { document: 'Quyết định 188/1999/QĐ-TTg', verification: 'partlyConfirmed' } });
  });
});

describe("the 2007 amendment: the Hùng Kings' day (10/3 lunar) from 2007", () => {
  it('is a day off from 2007 (partly confirmed that year), not in 2006', () => {
    expect(lunarToSolar({ year: 2007, month: 3, day: 10, leap: false })).toBe('2007-04-26');
    expect(cal.dayInfo('2007-04-26')).toMatchObject({ reason: 'holiday', occasion: { id: 'hungKings' }, legalBasis: { verification: 'partlyConfirmed' } });
    expect(cal.dayInfo('2008-04-15').legalBasis).toMatchObject({ article: 'Điều 73', verification: 'confirmed' }); // 10/3 Mậu Tý
    expect(cal.dayInfo(lunarToSolar({ year: 2006, month: 3, day: 10, leap: false })).occasion).toBeUndefined();
    expect(cal.yearStatus(2007).ruleSets).toEqual(['labourCode1994Amended2007']);
  });
});

describe('2013: the 1994 Code (as amended) until 30 April, the 2012 Code (Art. 115) from 1 May', () => {
  it('lists every day off with the act that set it', () => {
    const days = cal.holidaysOf(2013);
    expect(days.map((d) => `${d.date} ${d.kind} ${d.occasion.id} ${d.legalBasis?.article}`)).toEqual([
      '2013-01-01 holiday newYear Điều 73',
      // Tết Sunday 10 February: the eve Sat 9 and three days to Tue 12 (4 days, the 1994 rule); Sat 9 and Sun 10
      // were rest days, so Wed 13 and Thu 14 are compensatory
      '2013-02-09 holiday tet Điều 73',
      '2013-02-10 holiday tet Điều 73',
      '2013-02-11 holiday tet Điều 73',
      '2013-02-12 holiday tet Điều 73',
      '2013-02-13 compensatory tet Điều 73',
      '2013-02-14 compensatory tet Điều 73',
      '2013-04-19 holiday hungKings Điều 73', // 10/3 Quý Tỵ, a Friday
      '2013-04-30 holiday victoryDay Điều 73', // Tuesday
      '2013-05-01 holiday labourDay Điều 115', // Wednesday: the 2012 Code is in force
      '2013-09-02 holiday nationalDay Điều 115', // Monday: one day until 2020
    ]);
    expect(days[0]).toMatchObject({ occasion: { name: { vi: 'Tết Dương lịch', en: 'New Year' } }, basis: 'byRule' });
    expect(cal.isWorkingDay('2013-04-29')).toBe(true); // Monday: no swap by rule
    expect(cal.yearStatus(2013).ruleSets).toEqual(['labourCode1994Amended2007', 'labourCode2012']);
  });

  it('Tết 2014 (Friday 31 January): five days from the eve, two compensatory days, under Art. 115', () => {
    expect(['2014-01-29', '2014-01-30', '2014-01-31', '2014-02-01', '2014-02-02', '2014-02-03', '2014-02-04', '2014-02-05', '2014-02-06'].map(dayOff)).toEqual([
      'working',
      'holiday tet',
      'holiday tet',
      'holiday tet',
      'holiday tet',
      'holiday tet',
      'compensatory tet',
      'compensatory tet',
      'working',
    ]);
    expect(cal.dayInfo('2014-02-04').legalBasis).toMatchObject({ document: 'Bộ luật Lao động 10/2012/QH13', article: 'Điều 115', verification: 'confirmed' });
  });

  it('gives National Day one day in 2020 and two from 2021 (Labour Code 2019)', () => {
    expect(['2020-09-01', '2020-09-02'].map(dayOff)).toEqual(['working', 'holiday nationalDay']); // Tuesday, Wednesday
    expect(['2021-09-01', '2021-09-02'].map(dayOff)).toEqual(['holiday nationalDay', 'holiday nationalDay']); // Wednesday, Thursday
    expect(cal.dayInfo('2021-09-02').legalBasis).toMatchObject({ document: 'Bộ luật Lao động 45/2019/QH14', article: 'Điều 112' });
  });
});

describe('holidaysOf an announced year', () => {
  it('lists 2024 with its announcements, and the rule where none was made', () => {
    const days = cal.holidaysOf(2024);
    expect(days.map((d) => `${d.date} ${d.kind} ${d.occasion.id} ${d.basis}`)).toEqual([
      '2024-01-01 holiday newYear derivedFromRule',
      ...['08', '09', '10', '11', '12', '13', '14'].map((d, i) => `2024-02-${d} ${i === 0 || i === 6 ? 'compensatory' : 'holiday'} tet announced`),
      '2024-04-18 holiday hungKings derivedFromRule',
      '2024-04-29 swapped victoryDay announced',
      '2024-04-30 holiday victoryDay announced',
      '2024-05-01 holiday labourDay announced',
      '2024-09-02 holiday nationalDay announced',
      '2024-09-03 holiday nationalDay announced',
    ]);
    expect(days.find((d) => d.date === '2024-04-29')?.legalBasis?.document).toBe('2450/VPCP-KGVX (2024)');
    expect(days[0]!.legalBasis).toMatchObject({ document: 'Bộ luật Lao động 45/2019/QH14' }); // derived: the rule's act
  });
});

describe('the rule sets as data', () => {
  it('each carries its act, verification and compensatory provision, and they follow each other without a gap', () => {
    expect(HOLIDAY_RULE_SETS.map((s) => [s.id, s.effectiveFrom, s.effectiveTo, s.legalBasis.article, s.compensatoryBasis?.article])).toEqual([
      ['labourCode1994', '1995-01-01', '2006-12-31', 'Điều 73', 'Điều 73'],
      ['labourCode1994Amended2007', '2007-01-01', '2013-04-30', 'Điều 73', 'Điều 73'],
      ['labourCode2012', '2013-05-01', '2020-12-31', 'Điều 115', 'Điều 115'],
      ['labourCode2019', '2021-01-01', undefined, 'Điều 112', 'Điều 111 khoản 3'],
    ]);
    expect(HOLIDAY_RULE_SETS.every((s) => s.legalBasis.verification === 'confirmed')).toBe(true);
    expect(DEFAULT_HOLIDAY_LAYERS.ruleSets).toHaveLength(4);
  });
});

describe('the end of the calendar', () => {
  it('blames the argument the caller passed', () => {
    // Friday 31 December 2100 is the last day: no working day after it
    expect(issuesOf(() => cal.nextWorkingDay('2100-12-31'))).toEqual(['date out_of_range']);
    expect(cal.workingDayOnOrAfter('2100-12-31')).toBe('2100-12-31');
    // a calendar ending with 2022: Saturday 31 December 2022 has no working day after it there
    const to2022 = createCalendar({ layers: DEFAULT_HOLIDAY_LAYERS, fromYear: 2020, toYear: 2022 });
    expect(issuesOf(() => to2022.workingDayOnOrAfter('2022-12-31'))).toEqual(['date out_of_range']);
    expect(issuesOf(() => to2022.periodDeadline('2022'))).toEqual(['period out_of_range']);
    expect(to2022.periodDeadline('2022', { moveOffDays: false })).toBe('2022-12-31');
  });
});
